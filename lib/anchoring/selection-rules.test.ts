import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { describeRange, MAX_CLAIM_LENGTH, selectionRange, targetToStore } from "@/lib/anchoring/selectors";
import { isWhitespaceChar } from "@/lib/anchoring/whitespace";
import { isGraphemeBoundary } from "@/lib/text/graphemes";

const WAGES = "Wages grew 5 percent in June. Prices rose sharply in May.\n\nThe next paragraph.";
const span = (text: string, words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length });
const chosen = (text: string, words: string) => {
  const { start, end } = span(text, words);
  const result = selectionRange(text, start, end);
  return result.ok ? text.slice(result.range.start, result.range.end) : result.reason;
};

describe("the selection rules (one definition for the editor and the server)", () => {
  it("trim whitespace the reader dragged over, as the editor does", () => {
    expect(chosen(WAGES, "5 percent ")).toBe("5 percent");
    expect(chosen(WAGES, " 5 percent")).toBe("5 percent");
    expect(chosen(WAGES, "5 ")).toBe("5");
    expect(chosen(WAGES, "rose sharply ")).toBe("rose sharply");
    expect(chosen(WAGES, "May.\n\n")).toBe("May.");
    expect(chosen(WAGES, "\n\n")).toBe("The selection contains only spaces, line breaks or invisible characters.");
  });

  it("widen an end inside a grapheme to the whole grapheme", () => {
    const accent = "Le cafe\u0301 est ouvert.";
    expect(chosen(accent, "cafe")).toBe("cafe\u0301");
    const family = "Family 👩‍👩‍👧 day";
    const inside = family.indexOf("👩‍👩‍👧") + 2;
    const result = selectionRange(family, 0, inside);
    expect(result.ok && family.slice(result.range.start, result.range.end)).toBe("Family 👩‍👩‍👧");
  });

  it("refuse a selection longer than a claim may be once widened", () => {
    const long = "x".repeat(MAX_CLAIM_LENGTH) + "\u0301 end";
    const result = selectionRange(long, 0, MAX_CLAIM_LENGTH);
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(/at most 2,000 characters/) });
    // Emoji are one character each, however many code units they take.
    const emoji = "😀".repeat(MAX_CLAIM_LENGTH);
    expect(selectionRange(emoji, 0, emoji.length).ok).toBe(true);
  });

  it("store a sent target only when it describes the text, then by the rules", () => {
    const { start, end } = span(WAGES, "5 percent ");
    const sent = describeRange(WAGES, start, end);
    const stored = targetToStore(WAGES, sent);
    expect(stored.ok && stored.target).toEqual(describeRange(WAGES, start, end - 1));
    const forged = { ...sent, quote: { ...sent.quote, exact: "9 percent " } };
    expect(targetToStore(WAGES, forged)).toEqual({
      ok: false,
      reason: `The selected text does not match the article at that position: at ${start}–${end} the article has “5 percent ”.`,
    });
  });

  it("always give a range with no whitespace at its ends and whole graphemes (property)", () => {
    const text = fc
      .array(fc.constantFrom("a", "b", " ", "\n", "e\u0301", "👩‍👩‍👧", "🇺🇦", "😀", "\u00a0", "5", "%"), { minLength: 1, maxLength: 40 })
      .map((p) => p.join(""));
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (body, a, b) => {
        const start = Math.min(a, b) % (body.length + 1);
        const end = Math.min(body.length, start + (Math.max(a, b) % (body.length + 1)));
        const result = selectionRange(body, start, end);
        if (!result.ok) return;
        const { start: from, end: to } = result.range;
        expect(from).toBeLessThan(to);
        expect(isGraphemeBoundary(body, from) && isGraphemeBoundary(body, to)).toBe(true);
        expect(isWhitespaceChar(body.charAt(to - 1))).toBe(false);
        expect(/[\uD800-\uDFFF]/u.test(body.slice(from, to))).toBe(false);
      }),
      { seed: 2026, numRuns: 2000 },
    );
  });
});
