import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildDiffMap } from "./diff-map";

describe("buildDiffMap", () => {
  it("maps every offset to itself when nothing changed", () => {
    const map = buildDiffMap("one\ntwo", "one\ntwo");
    expect([0, 3, 7].map((o) => map.mapStart(o))).toEqual([0, 3, 7]);
    expect(map.insertions()).toEqual([]);
    expect(map.classify(0, 7, 4, 7)).toEqual({ own: 3, foreign: 4, inserted: 0 });
  });

  it("shifts text below an inserted paragraph", () => {
    const map = buildDiffMap("alpha\nbeta", "new\nalpha\nbeta");
    expect(map.mapStart(6)).toBe(10);
    expect(map.mapEnd(10)).toBe(14);
    expect(map.insertions()).toEqual([{ start: 0, end: 4 }]);
    expect(map.classify(0, 4, 0, 5)).toEqual({ own: 0, foreign: 0, inserted: 4 });
  });

  it("maps a deleted range onto the text that replaced it", () => {
    const oldText = "Keep this. Drop that. Keep too.";
    const newText = "Keep this. Say more. Keep too.";
    const map = buildDiffMap(oldText, newText);
    const from = map.mapStart(oldText.indexOf("Drop"));
    const to = map.mapEnd(oldText.indexOf(" Keep too"));
    expect(newText.slice(from, to)).toBe("Say more.");
  });

  it("tells own words from the same words elsewhere", () => {
    const oldText = "The deal is done. Later: the deal is done.";
    const newText = "Later: the deal is done.";
    const map = buildDiffMap(oldText, newText);
    // The first sentence was deleted; what is left was the second one.
    const own = { from: 0, to: "The deal is done.".length };
    const at = newText.indexOf("the deal");
    expect(map.classify(at, at + 16, own.from, own.to)).toEqual({ own: 0, foreign: 16, inserted: 0 });
  });

  it("places a deletion on sentence boundaries when repeated text leaves a choice", () => {
    const oldText = "Talks were constructive. Talks were productive.";
    const newText = "Talks were productive.";
    const map = buildDiffMap(oldText, newText);
    // "Talks were" in the new text is the second sentence's, not the first one's.
    expect(map.classify(0, newText.length, 0, "Talks were constructive.".length).own).toBe(0);
  });

  it("keeps equal runs consistent with both texts", () => {
    const text = fc.string({ unit: fc.constantFrom("a", "b", " ", "\n", "é", "😀"), maxLength: 40 });
    fc.assert(
      fc.property(text, text, (oldText, newText) => {
        const map = buildDiffMap(oldText, newText);
        const inserted = map.insertions().reduce((sum, r) => sum + r.end - r.start, 0);
        const whole = map.classify(0, newText.length, 0, oldText.length);
        expect(whole.inserted).toBe(inserted);
        expect(whole.foreign).toBe(0);
        // Own text reads the same in both: walk the map and compare characters.
        for (let o = 0; o < oldText.length; o++) {
          const n = map.mapStart(o);
          if (map.mapEnd(o + 1) === n + 1 && map.classify(n, n + 1, o, o + 1).own === 1) {
            expect(newText[n]).toBe(oldText[o]);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
