// Which of the claim list's rows are rendered: a window of at most MAX_ROWS around the cursor, grown a page at a
// time as the reader scrolls or asks for more. Every rendered row is laid out on each press in the text (Chromium's
// selection sync), so the window stays bounded however far down the cursor is (issue #21).

/** Rows added at a time (scrolling to an end of the list, or "Show more" / "Show earlier"). */
export const PAGE = 60;

/** The most rows rendered at once: the rows beyond it at the far end are dropped as the window grows. */
export const MAX_ROWS = 3 * PAGE;

/** Rendered rows: indices `from` (inclusive) to `to` (exclusive) into the list's claims. */
export type ClaimWindow = { from: number; to: number };

/** The first screen's window: the first PAGE rows. */
export const FIRST_WINDOW: ClaimWindow = { from: 0, to: PAGE };

/**
 * The window to render for `count` claims with the cursor at `cursor` (−1: none, or filtered out).
 * Input: the window kept so far. Output: it, clamped to the list; or, if the cursor lies outside it, PAGE rows
 * either side of the cursor (so j/k and the panel closing always find the current row rendered).
 */
export function windowFor(kept: ClaimWindow, cursor: number, count: number): ClaimWindow {
  if (cursor >= 0 && (cursor < kept.from || cursor >= kept.to))
    return { from: Math.max(0, cursor - PAGE), to: Math.min(count, cursor + PAGE) };
  const to = Math.min(kept.to, count);
  // The list got shorter (a filter): keep a page's rows in view rather than an empty window.
  const from = Math.min(kept.from, Math.max(0, to - PAGE));
  return { from, to: Math.max(to, Math.min(count, from + PAGE)) };
}

/** The window grown by a page downwards (at most MAX_ROWS: rows at the top go). */
export function showMore({ from, to }: ClaimWindow, count: number): ClaimWindow {
  const end = Math.min(count, to + PAGE);
  return { from: Math.max(from, end - MAX_ROWS), to: end };
}

/** The window grown by a page upwards (at most MAX_ROWS: rows at the bottom go). */
export function showEarlier({ from, to }: ClaimWindow): ClaimWindow {
  const start = Math.max(0, from - PAGE);
  return { from: start, to: Math.min(to, start + MAX_ROWS) };
}
