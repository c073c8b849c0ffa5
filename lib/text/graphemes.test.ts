import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { graphemes, isGraphemeBoundary, snapToGraphemes, truncateText } from "@/lib/text/graphemes";

const FAMILY = "👩‍👩‍👧"; // three people joined by zero-width joiners: one grapheme, 8 code units
const E_ACUTE = "e\u0301"; // e + combining acute accent: one grapheme
const FLAG = "🇺🇦";

// Text made of the pieces that go wrong when cut by code units.
const tricky = fc
  .array(fc.constantFrom("a", " ", "é", E_ACUTE, FAMILY, FLAG, "😀", "\n", "ab", "\u200d"), { maxLength: 60 })
  .map((parts) => parts.join(""));

describe("grapheme boundaries", () => {
  it("lie between whole characters as a reader sees them", () => {
    const text = `a${FAMILY}b${E_ACUTE}c`;
    expect(isGraphemeBoundary(text, 1)).toBe(true);
    expect(isGraphemeBoundary(text, 3)).toBe(false); // inside the family
    expect(isGraphemeBoundary(text, 1 + FAMILY.length)).toBe(true);
    const accent = text.indexOf("\u0301");
    expect(isGraphemeBoundary(text, accent)).toBe(false); // between e and its accent
  });

  it("widen a range to whole graphemes", () => {
    const text = `Le caf${E_ACUTE} ${FAMILY} ok`;
    const accent = text.indexOf("\u0301");
    expect(snapToGraphemes(text, 3, accent)).toEqual({ start: 3, end: accent + 1 });
    const family = text.indexOf(FAMILY);
    expect(snapToGraphemes(text, family + 2, family + 5)).toEqual({ start: family, end: family + FAMILY.length });
  });
});

describe("truncateText", () => {
  it("cuts by graphemes and marks the cut", () => {
    expect(truncateText("short", 10)).toBe("short");
    expect(truncateText(`${"a".repeat(9)}${FAMILY}tail`, 11)).toBe(`${"a".repeat(9)}${FAMILY}…`);
    expect(truncateText(`${"😀".repeat(5)}`, 3)).toBe("😀😀…");
  });

  it("never shows half a character (property)", () => {
    fc.assert(
      fc.property(tricky, fc.integer({ min: 1, max: 30 }), (text, max) => {
        const cut = truncateText(text, max);
        expect(/[\uD800-\uDFFF]/u.test(cut)).toBe(false);
        expect(graphemes(cut).length).toBeLessThanOrEqual(max);
        if (cut !== text) expect(text.startsWith(cut.slice(0, -1).trimEnd())).toBe(true);
      }),
      { seed: 20, numRuns: 1000 },
    );
  });
});
