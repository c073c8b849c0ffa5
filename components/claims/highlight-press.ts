// A press on a claim highlight without the browser's caret placement (issue #21, opening a claim at 1,000 claims).
//
// Why: on every mouse press in text, Chromium places a caret where the pointer went down and tells the browser
// process where the selection now is (Editor::SyncSelection → RenderFrameImpl::SyncSelectionIfRequired), as a
// plain-text offset counted from the start of the document (InputMethodController::GetSelectionOffsets, a
// TextIterator walk over every text node before the caret). A thousand highlights make some 3,000 more nodes in the
// article, so that walk took 7–9 ms per click at 1,000 claims against < 1 ms without claims (traced, bench/
// interactions.ts with BENCH_TRACE=1), before any of the page's code runs. A click that opens a claim needs no caret,
// so the press is made one that cannot place a caret (user-select: none for its moment): the same focus, and a drag
// that starts on the highlight still selects text (the selection is set from the points under the pointer), so
// overlapping claims can still be selected there.

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
 * ancestor with data-caret: there the press places the caret on purpose). For that press the highlight is
 * `user-select: none` (inline, until the next mouse move, release or task), so the browser's press does everything else it does — focus, with
 * a pointer's focus-visible state — but places no caret; any caret or selection is removed here instead. While the
 * button stays down past 3 px it selects from the press point to the pointer (mouse capture listeners, removed on
 * mouseup), as the browser's own drag no longer starts from a press that could not select. Not preventDefault: a
 * press the page cancels leaves the browser's "last input was the keyboard" state, and the panel's heading then showed
 * a focus ring after a click. Anything else is left to the browser. No return value; throws nothing.
 */
export function pressHighlight(event: MouseEvent, root: HTMLElement): void {
  if (event.button !== 0 || event.detail > 1 || event.shiftKey || event.altKey || event.ctrlKey || event.metaKey) return;
  const target = event.target instanceof Element ? event.target : null;
  const highlight = target?.closest<HTMLElement>(".hl");
  if (!highlight || !root.contains(highlight) || root.closest("[data-caret]")) return;
  const selection = window.getSelection();
  if (!selection || !selection.isCollapsed) return;
  const from = positionAt(event.clientX, event.clientY);
  if (!from) return;
  if (selection.rangeCount > 0) selection.removeAllRanges();
  highlight.style.setProperty("user-select", "none");
  // Selectable again as soon as the press has been handled: at the next move or release (input comes before timers,
  // so a double click's second press can arrive before a timer would run), or the next task at the latest.
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    highlight.style.removeProperty("user-select");
    if (highlight.style.length === 0) highlight.removeAttribute("style");
  };
  window.setTimeout(release);

  const [x, y] = [event.clientX, event.clientY];
  let dragging = false;
  const extendTo = (e: MouseEvent) => {
    if (!dragging && Math.hypot(e.clientX - x, e.clientY - y) < DRAG_AFTER_PX) return;
    dragging = true;
    const to = positionAt(e.clientX, e.clientY);
    if (to) selection.setBaseAndExtent(from.node, from.offset, to.node, to.offset);
  };
  const onMove = (e: MouseEvent) => {
    release();
    if ((e.buttons & 1) === 0) return done();
    extendTo(e);
  };
  const onUp = (e: MouseEvent) => {
    release();
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
