import { describe, expect, it } from "vitest";
import { readSampleArticle } from "../../../prisma/sample-article";
import { describeRange } from "../selectors";
import { buildEditCases, offsetOf, type EditCase } from "./edit-cases";
import { AMBIGUITY_MARGIN, ATTACH_THRESHOLD, reanchorClaim, reanchorClaims, type ReanchorClaim } from "./index";

const SAMPLE = readSampleArticle().body;
const CASES = buildEditCases(SAMPLE);

function claimIn(body: string, text: string, occurrence = 0, id = "claim"): ReanchorClaim {
  const start = offsetOf(body, text, occurrence);
  return { id, ...describeRange(body, start, start + text.length) };
}

function runCase(name: string) {
  const c: EditCase | undefined = CASES.find((x) => x.name === name);
  if (c === undefined) throw new Error(`no case "${name}"`);
  return { c, result: reanchorClaim(c.old, c.new, claimIn(c.old, c.claim, c.occurrence)) };
}

describe("reanchorClaim on the table of edits", () => {
  it.each(CASES.map((c) => [c.name, c.expected.outcome, c] as const))("%s → %s", (_name, _outcome, c) => {
    const result = reanchorClaim(c.old, c.new, claimIn(c.old, c.claim, c.occurrence));
    expect(result.outcome).toBe(c.expected.outcome);
    expect(result.confidence).toBeGreaterThanOrEqual(0);
    expect(result.confidence).toBeLessThanOrEqual(1);
    if (c.expected.outcome === "needs-review") {
      expect(result.start).toBeUndefined();
      expect(result.end).toBeUndefined();
      return;
    }
    const start = offsetOf(c.new, c.expected.text, c.expected.occurrence);
    expect({ start: result.start, end: result.end }).toEqual({ start, end: start + c.expected.text.length });
    expect(c.new.slice(start, start + c.expected.text.length)).toBe(c.expected.text);
    expect(result.confidence).toBeGreaterThanOrEqual(ATTACH_THRESHOLD);
    if (result.outcome === "exact-position") expect(result.candidates).toEqual([]);
    else expect(result.candidates[0]).toEqual({ start: result.start, end: result.end, text: c.expected.text, score: result.confidence });
  });
});

describe("confidence", () => {
  it("is 1 for untouched text and lower the more the words changed", () => {
    const same = runCase("text unchanged").result.confidence;
    const typo = runCase("typo fixed inside the claim").result.confidence;
    const light = runCase("claim reworded lightly (one word)").result.confidence;
    const changed = runCase("claim reworded so that its meaning changed").result.confidence;
    expect(same).toBe(1);
    expect(typo).toBeLessThan(same);
    expect(light).toBeLessThan(typo);
    expect(changed).toBeLessThan(ATTACH_THRESHOLD);
  });

  it("offers the edited sentence to a person when a figure changed, without attaching it", () => {
    const { c, result } = runCase("figure in the claim changed (2.3 → 2.4 per cent)");
    expect(result.candidates[0]?.text).toBe("The UK currently spends around 2.4 per cent of gross national product on defence.");
    expect(result.candidates[0]?.start).toBe(offsetOf(c.new, "The UK currently spends around 2.4"));
    expect(result.confidence).toBeLessThan(ATTACH_THRESHOLD);
  });

  it("offers the words that took a heavily rewritten claim's place, without attaching them", () => {
    const { c, result } = runCase("claim reworded heavily");
    expect(result.outcome).toBe("needs-review");
    expect(result.candidates).toHaveLength(1);
    const place = result.candidates[0]!;
    expect(c.new.slice(place.start, place.end)).toBe(place.text);
    expect(place.text).toContain("Starmer has offered to send British peacekeepers");
    expect(place.score).toBeLessThan(ATTACH_THRESHOLD);
  });

  it("offers both places when a claim's words now fit two places equally", () => {
    const { c, result } = runCase("claim's words now appear twice, equally fitting: ambiguous");
    const places = result.candidates.map((x) => x.start).sort((a, b) => a - b);
    expect(places.slice(0, 2)).toEqual([offsetOf(c.new, c.claim, 0), offsetOf(c.new, c.claim, 1)]);
    expect(result.candidates[0]!.score - result.candidates[1]!.score).toBeLessThan(AMBIGUITY_MARGIN);
  });

  it("never offers a deleted claim's look-alike as an attachable place", () => {
    for (const name of [
      "claim deleted, a look-alike sentence (3.5 for 2.5 per cent) elsewhere",
      "claim deleted, its exact words still quoted elsewhere",
      "claim deleted, an almost identical sentence right after it",
    ]) {
      const { result } = runCase(name);
      for (const candidate of result.candidates) expect(candidate.score).toBeLessThan(ATTACH_THRESHOLD);
    }
  });
});

describe("reanchorClaims", () => {
  const newBody = ["Update: a paragraph on top.", ...SAMPLE.split("\n\n")]
    .join("\n\n")
    .replace("prepared to put a peacekeeping", "willing to put a peacekeeping");
  const claims = [
    claimIn(SAMPLE, "a US security guarantee", 0, "a"),
    claimIn(SAMPLE, "he would be prepared to put a peacekeeping force into Ukraine", 0, "b"),
    claimIn(SAMPLE, "Marco Rubio", 0, "c"),
  ];

  it("gives the same answers as one claim at a time, in the order given", () => {
    const together = reanchorClaims(SAMPLE, newBody, claims);
    expect(together.map((r) => r.id)).toEqual(["a", "b", "c"]);
    expect(together).toEqual(claims.map((claim) => reanchorClaim(SAMPLE, newBody, claim)));
    expect(together.map((r) => r.outcome)).toEqual(["exact-quote", "fuzzy", "exact-quote"]);
  });

  it("returns nothing for no claims", () => {
    expect(reanchorClaims(SAMPLE, newBody, [])).toEqual([]);
  });

  it("lets the caller set the threshold and the number of candidates", () => {
    const claim = claimIn(SAMPLE, "he would be prepared to put a peacekeeping force into Ukraine");
    expect(reanchorClaim(SAMPLE, newBody, claim, { threshold: 0.99 }).outcome).toBe("needs-review");
    expect(reanchorClaim(SAMPLE, newBody, claim, { maxCandidates: 0 }).candidates).toEqual([]);
  });
});

describe("claims that do not match the old body", () => {
  it("finds a claim by its quote when its stored offsets are stale", () => {
    const claim = claimIn(SAMPLE, "Marco Rubio");
    const stale = { ...claim, position: { start: claim.position.start + 7, end: claim.position.end + 7 } };
    const newBody = `Top.\n\n${SAMPLE}`;
    const result = reanchorClaim(SAMPLE, newBody, stale);
    expect(result.outcome).toBe("exact-quote");
    expect(result.start).toBe(offsetOf(newBody, "Marco Rubio"));
  });

  it("still works when the quote is not in the old body at all", () => {
    const claim = { id: "x", quote: { exact: "Marco Rubio led a delegation", prefix: "", suffix: "" }, position: { start: 0, end: 28 } };
    const result = reanchorClaim("Unrelated old text.", SAMPLE, claim);
    expect(result.outcome).toBe("exact-quote");
    expect(SAMPLE.slice(result.start, result.end)).toBe("Marco Rubio led a delegation");
  });

  it("sends an empty or blank quote, or nonsense offsets, to review instead of failing", () => {
    const blank = { id: "x", quote: { exact: " \u200b ", prefix: "", suffix: "" }, position: { start: 0, end: 3 } };
    expect(reanchorClaim(SAMPLE, SAMPLE, blank)).toEqual({ id: "x", outcome: "needs-review", confidence: 0, candidates: [] });
    const nonsense = { ...claimIn(SAMPLE, "Marco Rubio"), position: { start: Number.NaN, end: -4 } };
    expect(reanchorClaim(SAMPLE, SAMPLE, nonsense).outcome).toBe("exact-quote");
  });
});
