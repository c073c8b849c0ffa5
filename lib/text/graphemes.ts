// Characters as a reader sees them: grapheme clusters (UAX #29, via Intl.Segmenter). "é" typed
// as e + a combining accent, a flag, or a family emoji joined with zero-width joiners is one
// grapheme made of several code points. Cutting inside one shows a different character (or
// "�") from the one in the text, so selections are snapped to these boundaries and display
// truncation counts them. Pure: used by the server and the browser alike.

const segmenter = new Intl.Segmenter("en", { granularity: "grapheme" });

/**
 * Segmenting a whole 300,000-character article costs milliseconds per call, so boundaries are
 * read from a window around the offset. The window starts just after a line break when one is
 * near (a line break always ends a grapheme), else WINDOW code units back; clusters longer
 * than that (only hostile text has them) may be cut where the window starts, never elsewhere.
 */
const WINDOW = 1024;

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** The grapheme containing `offset` (0 <= offset < text.length), as [start, end) offsets into text. */
function graphemeAt(text: string, offset: number): { start: number; end: number } {
  const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
  let from = Math.max(lineStart, offset - WINDOW);
  if (from > 0 && isLowSurrogate(text.charCodeAt(from))) from -= 1;
  const to = Math.min(text.length, offset + WINDOW);
  const found = segmenter.segment(text.slice(from, to)).containing(offset - from);
  if (!found) return { start: offset, end: offset + 1 };
  return { start: from + found.index, end: Math.min(text.length, from + found.index + found.segment.length) };
}

/** True when `offset` (a UTF-16 offset into `text`) lies between two graphemes, or at either end. */
export function isGraphemeBoundary(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return true;
  return graphemeAt(text, offset).start === offset;
}

/**
 * Widens [start, end) to whole graphemes: a start inside a grapheme moves back to where it
 * begins, an end inside one moves forward to where it ends. Offsets are UTF-16 code units;
 * the caller guarantees 0 <= start <= end <= text.length.
 */
export function snapToGraphemes(text: string, start: number, end: number): { start: number; end: number } {
  const from = start > 0 && start < text.length ? graphemeAt(text, start).start : start;
  let to = end;
  if (end > 0 && end < text.length) {
    const around = graphemeAt(text, end);
    if (around.start !== end) to = around.end;
  }
  return { start: from, end: Math.max(from, to) };
}

/** The graphemes of `text`, at most `limit` of them (all when limit is omitted). */
export function graphemes(text: string, limit = Infinity): string[] {
  const out: string[] = [];
  for (const { segment } of segmenter.segment(text)) {
    if (out.length >= limit) break;
    out.push(segment);
  }
  return out;
}

/**
 * `text` cut for display to at most `max` graphemes (max >= 1), ending in "…" when it was cut,
 * so a cut never splits an emoji or a letter from its accent.
 */
export function truncateText(text: string, max: number): string {
  // Cheap exit: a string with no more code units than `max` has no more graphemes either.
  if (text.length <= max) return text;
  const first = graphemes(text, max + 1);
  if (first.length <= max) return text;
  return `${first
    .slice(0, Math.max(0, max - 1))
    .join("")
    .trimEnd()}…`;
}
