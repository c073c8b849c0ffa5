/**
 * The nearest ancestor of `el` that scrolls its content (overflow-y auto or scroll, with more content than room), or
 * null when only the page scrolls. Reads layout (computed style, sizes).
 */
export function scrollParent(el: Element): HTMLElement | null {
  for (let box = el.parentElement; box; box = box.parentElement) {
    const { overflowY } = getComputedStyle(box);
    if ((overflowY === "auto" || overflowY === "scroll") && box.scrollHeight > box.clientHeight) return box;
  }
  return null;
}

/**
 * Scrolls `el`'s nearest scrolling ancestor (not the page) the least that shows `el` whole, or its top when it is
 * taller than the box. Unlike scrollIntoView it leaves the page where it is (the reader's place in the text).
 */
export function revealInScrollParent(el: Element) {
  const box = scrollParent(el);
  if (!box) return;
  const row = el.getBoundingClientRect();
  const view = box.getBoundingClientRect();
  if (row.top < view.top) box.scrollTop -= view.top - row.top;
  else if (row.bottom > view.bottom) box.scrollTop += Math.min(row.bottom - view.bottom, row.top - view.top);
}

// The page's top this many CSS px are under the sticky top bar and the article's toolbar.
const COVERED_TOP_PX = 120;

/**
 * Whether `rect` (a getBoundingClientRect, viewport px) is whole in the part of the window the reader sees: below the
 * sticky bars at the top (120 px) and above the window's bottom edge. For scrolling the text only when a place is out
 * of sight: moving the page under a reader who can already see it is jarring.
 */
export function inSight(rect: DOMRect): boolean {
  return rect.top >= COVERED_TOP_PX && rect.bottom <= window.innerHeight;
}

/** Whether `el` is whole on screen: in the window and in the box that scrolls it (e.g. the claims sidebar). */
export function wholeOnScreen(el: Element): boolean {
  const rect = el.getBoundingClientRect();
  const box = scrollParent(el)?.getBoundingClientRect() ?? new DOMRect(0, 0, window.innerWidth, window.innerHeight);
  return rect.top >= Math.max(0, box.top) && rect.bottom <= Math.min(window.innerHeight, box.bottom);
}
