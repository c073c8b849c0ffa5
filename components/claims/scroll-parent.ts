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
