import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rawText } from "../testing";
import { foldQuote, foldText, toRealRange } from "./fold";

describe("foldText", () => {
  it.each([
    ["curly single quotes", "it’s ‘fine’", "it's 'fine'"],
    ["curly and low double quotes, guillemets", "“a” „b“ «c» »d«", '"a" "b" "c" "d"'],
    ["dashes of every kind, with the spaces around them", "a – b — c-d ‒ e − f", "a-b-c-d-e-f"],
    ["whitespace runs, no-break and thin spaces", "a  b\u00a0c\u2009 d\te", "a b c d e"],
    ["a run holding a line break becomes one line feed", "a.\n\nb. \n c", "a.\nb.\nc"],
    ["the ellipsis character", "wait…", "wait..."],
    ["soft hyphens and zero-width spaces", "peace\u00adkeeping\u200b force\ufeff", "peacekeeping force"],
    ["non-ASCII letters and emoji untouched", "Зеленський 🇺🇦 Straße", "Зеленський 🇺🇦 Straße"],
  ])("folds %s", (_name, real, folded) => {
    expect(foldText(real).text).toBe(folded);
  });

  it("maps every folded unit back to the real text it came from", () => {
    const real = "He said: “yes” – twice…  Then\u00a0left.";
    const folded = foldText(real);
    const at = folded.text.indexOf('"yes"-twice...');
    const { start, end } = toRealRange(folded, at, at + '"yes"-twice...'.length);
    expect(real.slice(start, end)).toBe("“yes” – twice…");
  });

  it("maps real offsets to folded ones, monotonically and onto the units they produced", () => {
    fc.assert(
      fc.property(rawText, (real) => {
        const folded = foldText(real);
        expect(folded.fromReal.length).toBe(real.length + 1);
        expect(folded.fromReal[real.length]).toBe(folded.text.length);
        for (let i = 0; i < real.length; i++) expect(folded.fromReal[i]!).toBeLessThanOrEqual(folded.fromReal[i + 1]!);
        for (let k = 0; k < folded.text.length; k++) {
          expect(folded.starts[k]!).toBeLessThan(folded.ends[k]!);
          if (k > 0) expect(folded.starts[k]!).toBeGreaterThanOrEqual(folded.ends[k - 1]! - 1);
          expect(folded.fromReal[folded.starts[k]!]!).toBeLessThanOrEqual(k);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("is idempotent", () => {
    fc.assert(
      fc.property(rawText, (real) => {
        const once = foldText(real).text;
        expect(foldText(once).text).toBe(once);
      }),
      { numRuns: 300 },
    );
  });
});

describe("foldQuote", () => {
  it("folds the parts together, so the seams fold as in the body", () => {
    expect(foldQuote({ prefix: "the continent ", exact: "– including Britain –", suffix: " will have" })).toEqual({
      prefix: "the continent",
      exact: "-including Britain-",
      suffix: "will have",
    });
  });
});

describe("foldQuote on plain and typographic text alike", () => {
  it("equals folding the quote in one piece and cutting at the seams", () => {
    const part = fc.string({ unit: fc.constantFrom("a", " ", "  ", "–", "-", "’", "\n\n", "…", "\u00ad", "é"), maxLength: 10 });
    fc.assert(
      fc.property(part, part, part, (prefix, exact, suffix) => {
        const folded = foldText(prefix + exact + suffix);
        const from = folded.fromReal[prefix.length]!;
        const to = folded.fromReal[prefix.length + exact.length]!;
        expect(foldQuote({ prefix, exact, suffix })).toEqual({
          prefix: folded.text.slice(0, from),
          exact: folded.text.slice(from, to).trim(),
          suffix: folded.text.slice(to),
        });
      }),
      { numRuns: 500 },
    );
  });
});
