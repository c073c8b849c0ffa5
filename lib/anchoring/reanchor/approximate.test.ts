import search from "approx-string-match";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { approximateSearch, scanMatchEnds } from "./approximate";
import { editDistance } from "./similarity";

/** The fewest edits that turn `pattern` into some substring of `text` ending at each end offset 1..n. */
function bestAtEachEnd(text: string, pattern: string): number[] {
  const out: number[] = [];
  for (let end = 1; end <= text.length; end++) {
    let best = Number.POSITIVE_INFINITY;
    for (let start = 0; start <= end; start++) best = Math.min(best, editDistance(pattern, text.slice(start, end)));
    out.push(best);
  }
  return out;
}

const letters = (max: number) => fc.string({ unit: fc.constantFrom("a", "b", "c"), maxLength: max });
const longPattern = fc.string({ unit: fc.constantFrom("a", "b"), minLength: 30, maxLength: 100 });

describe("scanMatchEnds", () => {
  it("reports each end within the limit with its edit distance (checked against plain dynamic programming)", () => {
    fc.assert(
      fc.property(letters(24), letters(8).filter(Boolean), fc.nat({ max: 4 }), (text, pattern, k) => {
        const reported: [number, number][] = [];
        scanMatchEnds(text, pattern, k, (end, errors) => {
          reported.push([end, errors]);
          return k; // keep the limit: every end within it
        });
        const expected = bestAtEachEnd(text, pattern)
          .map((errors, i): [number, number] => [i + 1, errors])
          .filter(([, errors]) => errors <= Math.min(k, pattern.length));
        expect(reported).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it("is exact across several 32-character blocks of the pattern", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("a", "b"), maxLength: 160 }), longPattern, fc.nat({ max: 40 }), (text, pattern, k) => {
        const reported: [number, number][] = [];
        scanMatchEnds(text, pattern, k, (end, errors) => {
          reported.push([end, errors]);
          return k;
        });
        const expected = bestAtEachEnd(text, pattern)
          .map((errors, i): [number, number] => [i + 1, errors])
          .filter(([, errors]) => errors <= k);
        expect(reported).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });
});

describe("approximateSearch", () => {
  it("finds what approx-string-match finds, starts included, when there are fewer matches than the limit", () => {
    fc.assert(
      fc.property(letters(80), letters(40).filter(Boolean), fc.nat({ max: 20 }), (text, pattern, k) => {
        expect(approximateSearch(text, pattern, k, Number.MAX_SAFE_INTEGER)).toEqual(search(text, pattern, k));
      }),
      { numRuns: 1000 },
    );
  });

  it("finds what approx-string-match finds for patterns of several blocks", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("a", "b"), maxLength: 300 }), longPattern, fc.nat({ max: 50 }), (text, pattern, k) => {
        expect(approximateSearch(text, pattern, k, Number.MAX_SAFE_INTEGER)).toEqual(search(text, pattern, k));
      }),
      { numRuns: 200 },
    );
  });

  it("agrees with approx-string-match on prose with a reworded quote", () => {
    const text = "The minister said unemployment fell by 40% last year, the largest drop on record. Critics disputed it.";
    const quote = "unemployment fell by four per cent last year";
    expect(approximateSearch(text, quote, 22, 50)).toEqual(search(text, quote, 22));
    expect(approximateSearch(text, quote, 22, 50)).toHaveLength(1);
  });

  it("keeps only the first matches at the limit, and still finds a better one after it", () => {
    const text = "a".repeat(1000) + "b";
    expect(approximateSearch(text, "ab", 1, 3)).toEqual([{ start: 999, end: 1001, errors: 0 }]);
    const dense = approximateSearch("a".repeat(1000), "aab", 1, 3);
    expect(dense.map((m) => m.errors)).toEqual([1, 1, 1]);
    expect(dense.map((m) => m.end)).toEqual([2, 3, 4]);
  });

  // Every position of a text of one repeated character is a best match of a quote of that character (or
  // nearly of it). approx-string-match then searched backwards from each of them: 1,000,000 × a quote's
  // length squared, minutes of a blocked event loop. With the cap it is one pass over the text.
  it.each([
    ["made of the text's one character", "a".repeat(300)],
    ["one edit away from it", "a".repeat(299) + "b"],
  ])("answers at once for a quote %s in 1,000,000 copies of that character", (_name, quote) => {
    const matches = approximateSearch("a".repeat(1_000_000), quote, 150, 50);
    expect(matches).toHaveLength(50);
    expect(matches[0]!.start).toBe(0);
  });
});
