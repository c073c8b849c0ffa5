import { describe, expect, it } from "vitest";
import { describeRange } from "@/lib/anchoring/selectors";
import { hasVerdict, planReanchor, sameWords, type StoredAnchor } from "@/lib/articles/reanchor-plan";

const OLD = "The minister said unemployment fell to 4.2 per cent last year, the lowest since 2008.\n\nOther news.";
const PHRASE = "unemployment fell to 4.2 per cent last year";

function stored(body: string, phrase: string, verdict: boolean): StoredAnchor {
  const start = body.indexOf(phrase);
  const { quote, position } = describeRange(body, start, start + phrase.length);
  return {
    id: "c1",
    ...quote,
    ...position,
    anchorStatus: "attached",
    anchorVersion: 1,
    anchorConfidence: 1,
    anchorMethod: "manual",
    hasVerdict: verdict,
  };
}
const plan = (claim: StoredAnchor, next: string, old = OLD) => planReanchor([claim], { version: 1, body: old }, new Map(), next, 2)[0]!;

describe("sameWords", () => {
  it("ignores what re-anchoring folds (quotes, dashes, spacing) and nothing else", () => {
    expect(sameWords("the \u201cbest\u201d year \u2013 ever", 'the "best" year-ever')).toBe(true);
    expect(sameWords("fell  to\u00a04.2", " fell to 4.2")).toBe(true);
    expect(sameWords("fell to 4.2", "fell to 4.3")).toBe(false);
    expect(sameWords("fell to 4.2", "Fell to 4.2")).toBe(false);
  });
});

describe("hasVerdict", () => {
  it("is true for a recorded verdict or a status only a verdict can have", () => {
    expect(hasVerdict({ status: "in_review", verdictOrdinal: null })).toBe(false);
    expect(hasVerdict({ status: "unreviewed", verdictOrdinal: 0 })).toBe(true);
    for (const status of ["verified", "verdict_proposed", "disputed"]) expect(hasVerdict({ status, verdictOrdinal: null })).toBe(true);
  });
});

describe("planReanchor and verdicts", () => {
  const typoFixed = OLD.replace("4.2 per cent last", "4.2 percent last");
  const moved = `A new paragraph.\n\n${OLD}`;

  it("moves a claim without a verdict onto nearly the same words, as before", () => {
    const update = plan(stored(OLD, PHRASE, false), typoFixed);
    expect(update).toMatchObject({
      kind: "moved",
      anchorStatus: "attached",
      anchorMethod: "fuzzy",
      exact: "unemployment fell to 4.2 percent last year",
    });
  });

  it("holds back a claim with a verdict when its words changed, keeping its old quote and offering the place", () => {
    const claim = stored(OLD, PHRASE, true);
    const update = plan(claim, typoFixed);
    expect(update).toMatchObject({
      kind: "lost",
      anchorStatus: "needs_review",
      exact: PHRASE,
      start: claim.start,
      anchorVersion: 1,
      heldBack: "verdict-words-changed",
    });
    expect(update.anchorCandidates?.[0]).toMatchObject({ text: "unemployment fell to 4.2 percent last year" });
    expect(typoFixed.slice(update.anchorCandidates![0]!.start, update.anchorCandidates![0]!.end)).toBe(update.anchorCandidates![0]!.text);
  });

  it("moves a claim with a verdict when its words are the same, up to typography", () => {
    expect(plan(stored(OLD, PHRASE, true), moved)).toMatchObject({ kind: "moved", anchorStatus: "attached", exact: PHRASE });
    const straight = 'He called it "the best year - ever" on Monday, and other things besides.';
    const curly = "He called it \u201cthe best year \u2014 ever\u201d on Monday, and other things besides.";
    const quoted = stored(straight, 'called it "the best year - ever"', true);
    expect(plan(quoted, curly, straight)).toMatchObject({
      anchorStatus: "attached",
      exact: "called it \u201cthe best year \u2014 ever\u201d",
    });
  });
});
