// Bodies built to be slow: long runs of one character or of one short word once took suggestClaims 20–47 s at 50,000
// characters (wink-nlp's tokeniser and our quantity patterns rescanned a run from every position in it). Tests cannot
// assert time, so these assert the caps that bound it: no word longer than MAX_WORD_CHARS reaches wink-nlp or a
// sentence, no sentence longer than MAX_SENTENCE_CHARS is scored whole (it is cut into pieces), and a quantity pattern never starts inside a run of
// digits. Times before and after: bench/suggestions-hostile.ts.
import { describe, expect, it } from "vitest";
import { analyze, MAX_WORD_CHARS } from "./nlp";
import { findQuantities } from "./quantities";
import { MAX_SENTENCE_CHARS, suggestClaims } from "./suggest";

const CLAIM = "The council said rents rose 40 per cent in 2023.";

const HOSTILE: Record<string, string> = {
  "a run": "a".repeat(50_000),
  "digit run": "1".repeat(50_000),
  "dash run": "-".repeat(50_000),
  "dotted run": "a.".repeat(25_000),
  "short words": "aaaa ".repeat(10_000),
  "digits and spaces": "1 ".repeat(25_000),
  "claims around a long run": `${CLAIM} ${"x".repeat(MAX_WORD_CHARS + 1)} ${CLAIM}\n\n${"9".repeat(5_000)}%\n\n${CLAIM}`,
  // wink drops U+3000 (and U+2028, a byte-order mark), so the tokens after it are looked for by search: the search
  // once found "The" inside the long URL, a token (and a sentence) inside the run.
  "a word inside a long run, after a dropped character": `Hello\u3000 https://example.org/${"x".repeat(MAX_WORD_CHARS)}/The ${CLAIM}`,
};

describe("analyze on hostile text", () => {
  it.each(Object.entries(HOSTILE))("%s: tokens at exact offsets, none and no sentence holding a run over the cap", (_, text) => {
    const { tokens, sentences } = analyze(text);
    for (const token of tokens) {
      expect(text.slice(token.start, token.end)).toBe(token.text);
      expect(token.text.length).toBeLessThanOrEqual(MAX_WORD_CHARS);
    }
    const overlong = new RegExp(String.raw`\S{${MAX_WORD_CHARS + 1}}`);
    for (const sentence of sentences) expect(overlong.test(text.slice(sentence.start, sentence.end))).toBe(false);
    const runs = [...text.matchAll(new RegExp(String.raw`\S{${MAX_WORD_CHARS + 1},}`, "g"))].map(
      (m) => [m.index, m.index + m[0].length] as const,
    );
    for (const token of tokens) expect(runs.some(([start, end]) => token.start < end && start < token.end)).toBe(false);
  });

  it("keeps a word of the cap's length, and the sentences on both sides of a longer one", () => {
    const url = `https://example.org/${"p".repeat(MAX_WORD_CHARS - 20)}`;
    expect(analyze(`See ${url} now.`).tokens.some((t) => t.text.includes("ppp"))).toBe(true);
    const text = HOSTILE["claims around a long run"]!;
    const sentences = analyze(text).sentences.map((s) => text.slice(s.start, s.end));
    expect(sentences.filter((s) => s === CLAIM)).toHaveLength(3);
  });
});

describe("suggestClaims on hostile text", () => {
  it.each(Object.entries(HOSTILE))("%s: every suggestion's offsets are exact", (_, body) => {
    for (const s of suggestClaims(body)) expect(body.slice(s.start, s.end)).toBe(s.text);
  });

  it("still finds the claims around a long run", () => {
    const body = HOSTILE["claims around a long run"]!;
    expect(suggestClaims(body).filter((s) => s.text.startsWith("The council said rents rose 40 per cent"))).toHaveLength(3);
  });

  it(`scores a sentence longer than ${MAX_SENTENCE_CHARS} characters piece by piece, each piece within the cap`, () => {
    // An automatic transcript has no full stops: one "sentence" of many claims. Its claims are still found.
    const spoken = "the council said rents rose 40 per cent in 2023 and the mayor said 1,200 homes were built last year ";
    const body = spoken.repeat(40).trim();
    expect(analyze(body).sentences.length).toBe(1);
    const found = suggestClaims(body);
    const figures = [...body.matchAll(/40 per cent/g)].map((m) => m.index);
    const covered = figures.filter((at) => found.some((s) => s.start <= at && at + "40 per cent".length <= s.end));
    expect(covered.length).toBeGreaterThanOrEqual(36); // of 40: a figure cut at a piece's edge may be lost
    for (const s of found) {
      expect(body.slice(s.start, s.end)).toBe(s.text);
      expect(s.text.length).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
    }
  });
});

describe("quantity patterns on runs of digits", () => {
  it("start a number only where its digits start", () => {
    // Before: "234,567%" from inside "1234,567%", found after the same pattern failed from every earlier digit.
    expect(findQuantities("1234,567%").map((q) => q.start)).not.toContain(1);
    const run = `${"1".repeat(200)}%`;
    expect(findQuantities(run).map((q) => [q.start, q.end, q.kind])).toEqual([[0, run.length, "percent"]]);
    expect(findQuantities("Rents rose 11.4%, or 2,914 people.").map((q) => q.start)).toEqual([11, 21]);
  });

  it("still find a number right after a comma that follows no digit (a missing space)", () => {
    // The look-behind once refused any number after a comma: "March,40%" lost its 40%, "5%,6%" its 6%.
    const found = (text: string) => findQuantities(text).map((q) => text.slice(q.start, q.end));
    expect(found("In March,40% of homes were empty.")).toEqual(["40%"]);
    expect(found("Rates were 5%,6% and 7%.")).toEqual(["5%", "6%", "7%"]);
    expect(findQuantities("1,234,567%").map((q) => q.start)).toEqual([0]);
  });
});

describe("findQuantities on a clause of many figures", () => {
  it("finds each of 5,000 figures once, in order, at its own offsets", () => {
    // Each figure was once checked against every figure found before it: time quadratic in their number (5,000 figures
    // took 4.5 s, 10,000 took 21 s; bench/suggestions-hostile.ts --figures). Tests cannot assert time: this asserts
    // the result the linear pass must keep.
    const pieces = Array.from({ length: 2_500 }, (_, i) => [i % 2 ? "40%" : "£3m", `${i + 3000} beds`] as const);
    let text = "";
    const expected: [number, number, string, number][] = [];
    for (const [i, [first, second]] of pieces.entries()) {
      if (i > 0) text += ", ";
      expected.push([text.length, text.length + first.length, i % 2 ? "percent" : "money", i % 2 ? 40 : 3_000_000]);
      text += `${first} and `;
      expected.push([text.length, text.length + second.length - " beds".length, "count", i + 3000]);
      text += second;
    }
    expect(findQuantities(text).map((q) => [q.start, q.end, q.kind, q.value])).toEqual(expected);
  });

  it("lets the more specific pattern keep words another pattern also matches, wherever they are", () => {
    // "40 per cent" is a percentage, not a count of 40; "£3m" money, not a count of 3; across many figures too.
    const text = Array.from({ length: 300 }, () => "40 per cent of £3m, 7 in 10 of 12 beds").join("; ");
    const kinds = findQuantities(text).map((q) => q.kind);
    expect(kinds).toEqual(Array.from({ length: 300 }, () => ["percent", "money", "ratio", "count"]).flat());
  });
});
