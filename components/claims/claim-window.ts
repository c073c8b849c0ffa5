// Which of the claim list's rows are rendered: a window of at most MAX_ROWS around the cursor, grown a page at a
// time as the reader scrolls or asks for more. Every rendered row is laid out on each press in the text (Chromium's
// selection sync), so the window stays bounded however far down the cursor is (issue #21).

/** Rows added at a time (scrolling to an end of the list, or "Show more" / "Show earlier"). */
export const PAGE = 60;

/** The most rows rendered at once: the rows beyond it at the far end are dropped as the window grows. */
export const MAX_ROWS = 3 * PAGE;

/**
 * Rows added at a time in a group of claims the text no longer holds ("Needs re-anchoring", "Orphaned"): an edit can
 * detach hundreds, and each group's rows are laid out on every press in the text like the list's own.
 */
export const GROUP_PAGE = 20;

/** Rendered rows: indices `from` (inclusive) to `to` (exclusive) into the list's claims. */
export type ClaimWindow = { from: number; to: number };

/** The first screen's window: the first PAGE rows. */
export const FIRST_WINDOW: ClaimWindow = { from: 0, to: PAGE };

/**
 * The window to render for `count` claims with the cursor at `cursor` (−1: none, or filtered out).
 * Input: the window kept so far; `page`, rows a page (PAGE for the list, GROUP_PAGE for a detached group). Output: it,
 * clamped to the list; or, if the cursor lies outside it, `page` rows either side of the cursor (so j/k and the panel
 * closing always find the current row rendered).
 */
export function windowFor(kept: ClaimWindow, cursor: number, count: number, page = PAGE): ClaimWindow {
  if (cursor >= 0 && (cursor < kept.from || cursor >= kept.to))
    return { from: Math.max(0, cursor - page), to: Math.min(count, cursor + page) };
  const to = Math.min(kept.to, count);
  // The list got shorter (a filter): keep a page's rows in view rather than an empty window.
  const from = Math.min(kept.from, Math.max(0, to - page));
  return { from, to: Math.max(to, Math.min(count, from + page)) };
}

/** The window grown by a page downwards (at most 3 pages, MAX_ROWS for the list: rows at the top go). */
export function showMore({ from, to }: ClaimWindow, count: number, page = PAGE): ClaimWindow {
  const end = Math.min(count, to + page);
  return { from: Math.max(from, end - 3 * page), to: end };
}

/** The window grown by a page upwards (at most 3 pages, MAX_ROWS for the list: rows at the bottom go). */
export function showEarlier({ from, to }: ClaimWindow, page = PAGE): ClaimWindow {
  const start = Math.max(0, from - page);
  return { from: start, to: Math.min(to, start + 3 * page) };
}

/** "Showing 1–20 of 300" (or "Showing 20 of 300" from the top) for window `{ from, to }` of `count` claims, en-GB digits. */
export function shownRange({ from, to }: ClaimWindow, count: number): string {
  const n = (value: number) => value.toLocaleString("en-GB");
  return `Showing ${from > 0 ? `${n(from + 1)}–${n(to)}` : n(to)} of ${n(count)}`;
}
