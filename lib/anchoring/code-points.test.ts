import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toCodePoints, toUtf16 } from "@/lib/anchoring/code-points";

describe("code points and UTF-16 offsets", () => {
  it("count an emoji as one character, as the Web Annotation model does", () => {
    const text = "😀 The budget doubled.";
    const start = text.indexOf("budget");
    expect([start, start + 6]).toEqual([7, 13]);
    expect(toCodePoints(text, [start, start + 6])).toEqual([6, 12]);
    expect(toUtf16(text, [6, 12])).toEqual([7, 13]);
    expect([...text].slice(6, 12).join("")).toBe("budget");
  });

  it("agree with the string's own code-point iteration, and round-trip at every boundary", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 40 }), (text) => {
        const boundaries: number[] = [0];
        for (const ch of text) boundaries.push(boundaries.at(-1)! + ch.length);
        const points = toCodePoints(text, boundaries);
        expect(points).toEqual(boundaries.map((_, i) => i));
        expect(toUtf16(text, points)).toEqual(boundaries);
      }),
    );
  });

  it("clamps offsets past the end and keeps the caller's order", () => {
    expect(toUtf16("a😀b", [9, 0, 2])).toEqual([4, 0, 3]);
    expect(toCodePoints("a😀b", [4, 1, 3])).toEqual([3, 1, 2]);
  });
});
