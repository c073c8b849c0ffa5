import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { splitParagraphs, type Paragraph } from "./normalize";
import { compareRanges, segmentArticle, segmentParagraph, type HighlightRange, type Segment } from "./segments";
import { normalizedBody } from "./testing";

/**
 * Reference implementation, written independently and slowly on purpose: cut at every range
 * boundary strictly inside the paragraph, then ask each range whether it covers the piece.
 */
function oracle(paragraph: Paragraph, ranges: readonly HighlightRange[]): Segment[] {
  const from = paragraph.start;
  const to = from + paragraph.text.length;
  const usable = ranges.filter((r) => Number.isSafeInteger(r.start) && Number.isSafeInteger(r.end) && r.start < r.end);
  const cuts = new Set([from, to]);
  for (const r of usable) {
    if (r.start > from && r.start < to) cuts.add(r.start);
    if (r.end > from && r.end < to) cuts.add(r.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    const covering = usable
      .filter((r) => r.start <= start && r.end >= end)
      .sort((a, b) => {
        if (a.start !== b.start) return a.start - b.start;
        if (a.end !== b.end) return b.end - a.end;
        return a.id === b.id ? 0 : a.id < b.id ? -1 : 1;
      });
    segments.push({ text: paragraph.text.slice(start - from, end - from), start, end, ids: covering.map((r) => r.id) });
  }
  return segments;
}

function texts(segments: Segment[]): string[] {
  return segments.map((s) => s.text);
}

/** A normalised body with ranges over it, some of them poking past its ends. */
const bodyWithRanges = normalizedBody.chain((body) =>
  fc
    .array(
      fc
        .tuple(fc.integer({ min: -3, max: body.length + 3 }), fc.integer({ min: -3, max: body.length + 3 }))
        .map(([a, b]) => ({ start: Math.min(a, b), end: Math.max(a, b) })),
      { maxLength: 12 },
    )
    .map((spans) => ({
      body,
      // Few distinct ids, so that equal starts and ends must be ordered by id.
      ranges: spans.map((span, i) => ({ id: `c${(i * 7) % 5}${i}`, ...span })),
    })),
);

describe("segmentParagraph", () => {
  const paragraph = { text: "The rate fell by 40% last year.", start: 100 };
  const at = (word: string) => paragraph.start + paragraph.text.indexOf(word);

  it("returns the whole paragraph as one plain segment when nothing is highlighted", () => {
    expect(segmentParagraph(paragraph, [])).toEqual([{ text: paragraph.text, start: 100, end: 131, ids: [] }]);
  });

  it("returns no segments for an empty paragraph", () => {
    expect(segmentParagraph({ text: "", start: 5 }, [{ id: "a", start: 0, end: 10 }])).toEqual([]);
  });

  it("splits around one highlight, using body offsets", () => {
    const r = { id: "a", start: at("40%"), end: at("40%") + 3 };
    expect(segmentParagraph(paragraph, [r])).toEqual([
      { text: "The rate fell by ", start: 100, end: 117, ids: [] },
      { text: "40%", start: 117, end: 120, ids: ["a"] },
      { text: " last year.", start: 120, end: 131, ids: [] },
    ]);
  });

  it("lists the outer range first for nested highlights", () => {
    const outer = { id: "z-outer", start: at("fell"), end: at(" last") };
    const inner = { id: "a-inner", start: at("40%"), end: at("40%") + 3 };
    const segments = segmentParagraph(paragraph, [inner, outer]);
    expect(texts(segments)).toEqual(["The rate ", "fell by ", "40%", " last year."]);
    expect(segments.map((s) => s.ids)).toEqual([[], ["z-outer"], ["z-outer", "a-inner"], []]);
  });

  it("splits partly overlapping highlights into three covered pieces", () => {
    const a = { id: "a", start: at("rate"), end: at(" by") };
    const b = { id: "b", start: at("fell"), end: at(" last") };
    const segments = segmentParagraph(paragraph, [b, a]);
    expect(texts(segments)).toEqual(["The ", "rate ", "fell", " by 40%", " last year."]);
    expect(segments.map((s) => s.ids)).toEqual([[], ["a"], ["a", "b"], ["b"], []]);
  });

  it("orders ranges with the same start longer first, and identical ranges by id", () => {
    const start = at("fell");
    const ranges = [
      { id: "short", start, end: start + 4 },
      { id: "b-long", start, end: start + 7 },
      { id: "a-long", start, end: start + 7 },
    ];
    const segments = segmentParagraph(paragraph, ranges);
    expect(segments.find((s) => s.text === "fell")!.ids).toEqual(["a-long", "b-long", "short"]);
    expect(segments.find((s) => s.text === " by")!.ids).toEqual(["a-long", "b-long"]);
  });

  it("still cuts where one range ends and the next begins", () => {
    const a = { id: "a", start: at("The"), end: at(" rate") };
    const b = { id: "b", start: at(" rate"), end: at(" fell") };
    expect(texts(segmentParagraph(paragraph, [a, b]))).toEqual(["The", " rate", " fell by 40% last year."]);
  });

  it("clips ranges that reach outside the paragraph and ignores ranges entirely outside it", () => {
    const segments = segmentParagraph(paragraph, [
      { id: "before", start: 0, end: at(" rate") },
      { id: "after", start: at("year"), end: 1000 },
      { id: "elsewhere", start: 0, end: 50 },
      { id: "later", start: 200, end: 300 },
    ]);
    expect(segments).toEqual([
      { text: "The", start: 100, end: 103, ids: ["before"] },
      { text: " rate fell by 40% last ", start: 103, end: 126, ids: [] },
      { text: "year.", start: 126, end: 131, ids: ["after"] },
    ]);
  });

  it("ignores empty, inverted and non-integer ranges instead of failing", () => {
    const segments = segmentParagraph(paragraph, [
      { id: "empty", start: 105, end: 105 },
      { id: "inverted", start: 110, end: 104 },
      { id: "fraction", start: 101.5, end: 104 },
      { id: "nan", start: Number.NaN, end: 110 },
    ]);
    expect(segments).toEqual([{ text: paragraph.text, start: 100, end: 131, ids: [] }]);
  });

  it("does not modify the ranges it is given", () => {
    const ranges = [
      { id: "b", start: 110, end: 120 },
      { id: "a", start: 100, end: 130 },
    ];
    const copy = structuredClone(ranges);
    segmentParagraph(paragraph, ranges);
    expect(ranges).toEqual(copy);
  });

  it("matches the reference implementation, and its texts concatenate to the paragraph", () => {
    fc.assert(
      fc.property(bodyWithRanges, ({ body, ranges }) => {
        for (const p of splitParagraphs(body)) {
          const segments = segmentParagraph(p, ranges);
          expect(segments.map((s) => s.text).join("")).toBe(p.text);
          expect(segments).toEqual(oracle(p, ranges));
        }
      }),
      { numRuns: 500 },
    );
  });

  it("does not depend on the order the ranges are given in", () => {
    fc.assert(
      fc.property(
        bodyWithRanges.chain((input) =>
          fc.shuffledSubarray(input.ranges, { minLength: input.ranges.length }).map((shuffled) => ({ ...input, shuffled })),
        ),
        ({ body, ranges, shuffled }) => {
          const [first] = splitParagraphs(body);
          expect(segmentParagraph(first!, shuffled)).toEqual(segmentParagraph(first!, ranges));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("segmentArticle", () => {
  const body = "First paragraph here.\n\nSecond one.\n\nThird.";
  const [p1, p2, p3] = splitParagraphs(body);

  it("returns one entry per paragraph with its text and offsets", () => {
    const result = segmentArticle(body, []);
    expect(result.map(({ text, start, end }) => ({ text, start, end }))).toEqual([
      { text: "First paragraph here.", start: 0, end: 21 },
      { text: "Second one.", start: 23, end: 34 },
      { text: "Third.", start: 36, end: 42 },
    ]);
    expect(result.every((p) => p.segments.length === 1 && p.segments[0]!.ids.length === 0)).toBe(true);
  });

  it("returns nothing for an empty body", () => {
    expect(segmentArticle("", [{ id: "a", start: 0, end: 1 }])).toEqual([]);
  });

  it("shows a range spanning paragraph breaks in every paragraph it touches, but not in the breaks", () => {
    const span = { id: "span", start: body.indexOf("here"), end: body.indexOf("d.") };
    const result = segmentArticle(body, [span]);
    expect(result[0]!.segments).toEqual([
      { text: "First paragraph ", start: 0, end: 16, ids: [] },
      { text: "here.", start: 16, end: 21, ids: ["span"] },
    ]);
    expect(result[1]!.segments).toEqual([{ text: "Second one.", start: 23, end: 34, ids: ["span"] }]);
    expect(result[2]!.segments).toEqual([
      { text: "Thir", start: 36, end: 40, ids: ["span"] },
      { text: "d.", start: 40, end: 42, ids: [] },
    ]);
  });

  it("ignores a range that lies entirely within a paragraph break", () => {
    const result = segmentArticle(body, [{ id: "gap", start: 21, end: 23 }]);
    expect(result.flatMap((p) => p.segments).every((s) => s.ids.length === 0)).toBe(true);
  });

  it("gives the same segments as segmenting each paragraph on its own", () => {
    fc.assert(
      fc.property(bodyWithRanges, ({ body: text, ranges }) => {
        const result = segmentArticle(text, ranges);
        const paragraphs = splitParagraphs(text);
        expect(result).toHaveLength(paragraphs.length);
        result.forEach((entry, i) => {
          expect(entry.start).toBe(paragraphs[i]!.start);
          expect(entry.text).toBe(paragraphs[i]!.text);
          expect(entry.segments).toEqual(oracle(paragraphs[i]!, ranges));
        });
      }),
      { numRuns: 500 },
    );
  });

  it("keeps p1..p3 aligned with splitParagraphs (sanity check of the fixture)", () => {
    expect([p1!.start, p2!.start, p3!.start]).toEqual([0, 23, 36]);
  });

  it("handles 1,000 overlapping ranges over a 100,000-character article correctly", () => {
    // Deterministic pseudo-random data (a small LCG) so a failure is reproducible.
    let seed = 12345;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const words = ["claim", "rate", "fell", "40%", "year", "😀", "minister", "said"];
    const paragraphs: string[] = [];
    let length = 0;
    while (length < 100_000) {
      const count = 20 + random(80);
      const paragraph = Array.from({ length: count }, () => words[random(words.length)]!).join(" ");
      paragraphs.push(paragraph);
      length += paragraph.length + 2;
    }
    const text = paragraphs.join("\n\n");
    expect(text.length).toBeGreaterThanOrEqual(99_998);
    const ranges = Array.from({ length: 1000 }, (_, i) => {
      const start = random(text.length - 1);
      // Mostly short claims, some long ones that cross paragraphs and nest many others.
      const span = i % 50 === 0 ? 1 + random(20_000) : 1 + random(300);
      return { id: `claim-${i}`, start, end: Math.min(text.length, start + span) };
    });

    const result = segmentArticle(text, ranges);
    const all = result.flatMap((p) => p.segments);
    expect(result.map((p) => p.segments.map((s) => s.text).join("")).join("\n\n")).toBe(text);
    const split = splitParagraphs(text);
    result.forEach((entry, i) => expect(entry.segments).toEqual(oracle(split[i]!, ranges)));
    // Every range is shown, on segments that exactly tile its extent outside paragraph breaks.
    for (const r of ranges) {
      const covered = all.filter((s) => s.ids.includes(r.id)).reduce((sum, s) => sum + (s.end - s.start), 0);
      const inParagraphs = split.reduce(
        (sum, p) => sum + Math.max(0, Math.min(r.end, p.start + p.text.length) - Math.max(r.start, p.start)),
        0,
      );
      expect(covered).toBe(inParagraphs);
    }
  });
});

describe("compareRanges", () => {
  it("orders by start, then longer first, then id", () => {
    const ranges = [
      { id: "b", start: 5, end: 10 },
      { id: "a", start: 5, end: 10 },
      { id: "c", start: 5, end: 20 },
      { id: "d", start: 1, end: 2 },
    ];
    expect(ranges.sort(compareRanges).map((r) => r.id)).toEqual(["d", "c", "a", "b"]);
  });
});
