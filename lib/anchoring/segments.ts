// Highlights may overlap or nest, but HTML elements may not, so the renderer cannot simply
// wrap each claim in a <mark>. Instead each paragraph is cut at every claim boundary into
// flat segments, and each segment lists the claims covering it. The segments' texts
// concatenate back to the paragraph exactly, so DOM offsets still map to body offsets.

import { splitParagraphs, type Paragraph } from "./normalize";

export type HighlightRange = { id: string; start: number; end: number };
export type Segment = { text: string; start: number; end: number; ids: string[] };
export type ParagraphSegments = { text: string; start: number; end: number; segments: Segment[] };

/**
 * The order in which ids are listed on a segment: earlier start first, then the longer range
 * (the outer one of a nest), then id by code units (not locale, so every machine agrees).
 */
export function compareRanges(a: HighlightRange, b: HighlightRange): number {
  return a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

type Entry = HighlightRange & { alive: boolean };

// Stale or malformed ranges should not break rendering of the whole article; validation of
// what gets stored is checkTarget's job.
function isUsable(range: HighlightRange): boolean {
  return Number.isSafeInteger(range.start) && Number.isSafeInteger(range.end) && range.start < range.end;
}

/**
 * One sweep over paragraphs in body order. Ranges are sorted once by start (compareRanges)
 * and once by end; two cursors then feed start and end events as the position advances.
 * Because ranges enter the active list in compareRanges order, appending keeps that list
 * sorted, so each segment's ids come out in order for free. Ended ranges are only flagged
 * and dropped lazily while a segment copies the active ids, so each costs O(1) extra once.
 * Total: O(m log m) for the sorts + O(n) for slicing text + the size of the output.
 */
function sweep(paragraphs: readonly Paragraph[], ranges: readonly HighlightRange[]): ParagraphSegments[] {
  const byStart: Entry[] = ranges
    .filter(isUsable)
    .map((r) => ({ id: r.id, start: r.start, end: r.end, alive: true }))
    .sort(compareRanges);
  const byEnd = byStart.slice().sort((a, b) => a.end - b.end);
  let nextStart = 0;
  let nextEnd = 0;
  let active: Entry[] = [];

  return paragraphs.map((paragraph) => {
    const paragraphEnd = paragraph.start + paragraph.text.length;
    const segments: Segment[] = [];
    let pos = paragraph.start;
    while (pos < paragraphEnd) {
      // Ends first, so a range ending here is gone before one starting here is added; a range
      // that ended before it was ever reached (e.g. inside a paragraph break) is never added.
      while (nextEnd < byEnd.length && byEnd[nextEnd]!.end <= pos) byEnd[nextEnd++]!.alive = false;
      while (nextStart < byStart.length && byStart[nextStart]!.start <= pos) {
        const entry = byStart[nextStart++]!;
        if (entry.alive) active.push(entry);
      }
      let next = paragraphEnd;
      if (nextStart < byStart.length) next = Math.min(next, byStart[nextStart]!.start);
      if (nextEnd < byEnd.length) next = Math.min(next, byEnd[nextEnd]!.end);

      const ids: string[] = [];
      const stillActive: Entry[] = [];
      for (const entry of active) {
        if (!entry.alive) continue;
        stillActive.push(entry);
        ids.push(entry.id);
      }
      active = stillActive;

      segments.push({
        text: paragraph.text.slice(pos - paragraph.start, next - paragraph.start),
        start: pos,
        end: next,
        ids,
      });
      pos = next;
    }
    return { text: paragraph.text, start: paragraph.start, end: paragraphEnd, segments };
  });
}

/**
 * Cuts one paragraph (with its offset in the body) at every boundary of the given ranges
 * (body offsets) that falls inside it. Segment offsets are body offsets. Segments covered by
 * no range are included with `ids: []`. Ranges reaching outside the paragraph are clipped;
 * empty, inverted or non-integer ranges are ignored.
 * For a whole article use segmentArticle, which sorts the ranges once instead of per paragraph.
 */
export function segmentParagraph(paragraph: Paragraph, ranges: readonly HighlightRange[]): Segment[] {
  return sweep([paragraph], ranges)[0]!.segments;
}

/**
 * Segments every paragraph of a normalised body in one pass. A range spanning a paragraph
 * break appears in the segments on both sides; the "\n\n" itself belongs to no segment.
 */
export function segmentArticle(body: string, ranges: readonly HighlightRange[]): ParagraphSegments[] {
  return sweep(splitParagraphs(body), ranges);
}
