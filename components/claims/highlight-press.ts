// A press on a claim highlight without the browser's caret placement (issue #21, opening a claim at 1,000 claims).
//
// Why: on every mouse press in text, Chromium places a caret where the pointer went down and tells the browser
// process where the selection now is (Editor::SyncSelection → RenderFrameImpl::SyncSelectionIfRequired), as a
// plain-text offset counted from the start of the document (InputMethodController::GetSelectionOffsets, a
// TextIterator walk over every text node before the caret). A thousand highlights make some 3,000 more nodes in the
// article, so that walk took 7–9 ms per click at 1,000 claims against < 1 ms without claims (traced, bench/
// interactions.ts with BENCH_TRACE=1), before any of the page's code runs. A click that opens a claim needs no caret,
// so the press is taken over here: no caret, the same focus, and a drag that starts on the highlight still selects
// text (the selection is set from the points under the pointer), so overlapping claims can still be selected there.

/** The DOM position under a viewport point (caretPositionFromPoint, or WebKit's caretRangeFromPoint), or null. */
function positionAt(x: number, y: number): { node: Node; offset: number } | null {
  if (typeof document.caretPositionFromPoint === "function") {
    const position = document.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  const range = document.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

// How far (CSS px) the pointer moves before a press becomes a drag, as browsers treat a small wobble as a click.
const DRAG_AFTER_PX = 3;

/**
 * Handles a mousedown inside the highlighted article `root` (call it from the root's onMouseDown). Takes over a plain
 * press on a claim highlight: primary button, first click (double and triple clicks select words and paragraphs
 * natively), no modifier key, no text selected (a press on a selection may drag it), not in caret mode (an
 * ancestor with data-caret: there the press places the caret on purpose). Then it prevents the browser's caret
 * placement and does what the press did otherwise: removes any caret or selection, focuses the nearest focusable
 * element around the highlight (its keyboard stop, or the text region), and while the button stays down past
 * 3 px selects from the press point to the pointer (mouse capture listeners, removed on mouseup). Anything else
 * is left to the browser. No return value; throws nothing.
 */
export function pressHighlight(event: MouseEvent, root: HTMLElement): void {
  if (event.button !== 0 || event.detail > 1 || event.shiftKey || event.altKey || event.ctrlKey || event.metaKey) return;
  const target = event.target instanceof Element ? event.target : null;
  if (!target?.closest(".hl") || !root.contains(target) || root.closest("[data-caret]")) return;
  const selection = window.getSelection();
  if (!selection || !selection.isCollapsed) return;
  const from = positionAt(event.clientX, event.clientY);
  if (!from) return;
  event.preventDefault();
  if (selection.rangeCount > 0) selection.removeAllRanges();
  target.closest<HTMLElement>("[tabindex]")?.focus({ preventScroll: true });

  const [x, y] = [event.clientX, event.clientY];
  let dragging = false;
  const extendTo = (e: MouseEvent) => {
    if (!dragging && Math.hypot(e.clientX - x, e.clientY - y) < DRAG_AFTER_PX) return;
    dragging = true;
    const to = positionAt(e.clientX, e.clientY);
    if (to) selection.setBaseAndExtent(from.node, from.offset, to.node, to.offset);
  };
  const onMove = (e: MouseEvent) => {
    if ((e.buttons & 1) === 0) return done();
    extendTo(e);
  };
  const onUp = (e: MouseEvent) => {
    extendTo(e);
    done();
  };
  const done = () => {
    window.removeEventListener("mousemove", onMove, true);
    window.removeEventListener("mouseup", onUp, true);
  };
  window.addEventListener("mousemove", onMove, true);
  window.addEventListener("mouseup", onUp, true);
}
