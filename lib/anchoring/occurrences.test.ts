import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countOccurrences, findOccurrences, nearestOccurrence, scanOccurrences } from "./occurrences";

/** Every start of `pattern` in `text`, overlapping ones included, the obvious way. */
function naive(text: string, pattern: string): number[] {
  const found: number[] = [];
  if (pattern === "") return found;
  for (let at = 0; at + pattern.length <= text.length; at++) if (text.startsWith(pattern, at)) found.push(at);
  return found;
}

// Few letters, so that patterns occur often, overlap and nearly occur.
const small = fc.string({ unit: fc.constantFrom("a", "b", "c"), maxLength: 60 });
const tiny = fc.string({ unit: fc.constantFrom("a", "b", "c"), maxLength: 6 });

describe("findOccurrences", () => {
  it("finds every occurrence, overlapping ones included, in order", () => {
    expect(findOccurrences("aaaa", "aa")).toEqual([0, 1, 2]);
    expect(findOccurrences("abababa", "aba")).toEqual([0, 2, 4]);
    expect(findOccurrences("the cat, the hat", "the")).toEqual([0, 9]);
    expect(findOccurrences("😀x😀", "😀")).toEqual([0, 3]);
  });

  it("finds nothing for an empty pattern, a longer pattern or no match", () => {
    expect(findOccurrences("abc", "")).toEqual([]);
    expect(findOccurrences("ab", "abc")).toEqual([]);
    expect(findOccurrences("abc", "d")).toEqual([]);
  });

  it("stops at the limit", () => {
    expect(findOccurrences("a".repeat(100), "a", 3)).toEqual([0, 1, 2]);
    expect(findOccurrences("aaa", "a", 0)).toEqual([]);
  });

  it("agrees with a naive search on any text", () => {
    fc.assert(
      fc.property(small, tiny, (text, pattern) => {
        expect(findOccurrences(text, pattern)).toEqual(naive(text, pattern));
      }),
      { numRuns: 2000 },
    );
  });

  it("agrees with a naive search for a pattern cut from the text itself", () => {
    fc.assert(
      fc.property(small, fc.nat(), fc.nat({ max: 12 }), (text, a, length) => {
        const start = text.length === 0 ? 0 : a % text.length;
        const pattern = text.slice(start, start + length);
        expect(findOccurrences(text, pattern)).toEqual(naive(text, pattern));
      }),
      { numRuns: 1000 },
    );
  });
});

describe("countOccurrences and nearestOccurrence", () => {
  it("counts, up to a maximum", () => {
    expect(countOccurrences("abcabcabc", "abc")).toBe(3);
    expect(countOccurrences("a".repeat(1000), "aa", 2)).toBe(2);
    expect(countOccurrences("abc", "")).toBe(0);
  });

  it("finds the occurrence nearest the hint, the earlier one on a tie", () => {
    const text = "x..x..x..x";
    expect(nearestOccurrence(text, "x", 4)).toBe(3);
    expect(nearestOccurrence(text, "x", 8)).toBe(9);
    expect(nearestOccurrence("x.x", "x", 1)).toBe(0);
    expect(nearestOccurrence(text, "y", 4)).toBe(-1);
    expect(nearestOccurrence(text, "", 4)).toBe(-1);
  });

  it("agrees with a naive nearest search", () => {
    fc.assert(
      fc.property(small, tiny, fc.integer({ min: -5, max: 70 }), (text, pattern, hint) => {
        const all = naive(text, pattern);
        const best = all.reduce((b, at) => (b === -1 || Math.abs(at - hint) < Math.abs(b - hint) ? at : b), -1);
        expect(nearestOccurrence(text, pattern, hint)).toBe(best);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("the search stays linear on hostile text", () => {
  // A text and a quote made of one character: every position is an occurrence, and a loop of
  // indexOf(quote, at + 1) would compare the whole quote again at each of them (text × quote).
  const n = 200_000;
  const cases: [string, string, string, number][] = [
    ["one repeated character, quote of it", "a".repeat(n), "a".repeat(2000), n - 2000 + 1],
    ["one repeated character, quote ending in another", "a".repeat(n), "a".repeat(1999) + "b", 0],
    ["a repeated pair, quote of it", "ab".repeat(n / 2), "ab".repeat(1000), (n - 2000) / 2 + 1],
    ["near misses everywhere", ("a".repeat(999) + "b").repeat(n / 1000), "a".repeat(1000), 0],
  ];

  it.each(cases)("%s: at most 3 × text + 2 × quote characters examined", (_name, text, pattern, expected) => {
    let occurrences = 0;
    const examined = scanOccurrences(text, pattern, () => {
      occurrences++;
    });
    expect(occurrences).toBe(expected);
    expect(examined).toBeLessThanOrEqual(3 * text.length + 2 * pattern.length);
  });

  it("counts all 198,001 places of a 2,000-character quote in 200,000 copies of its letter", () => {
    expect(countOccurrences("a".repeat(n), "a".repeat(2000))).toBe(n - 2000 + 1);
  });
});
