// Body offsets <-> DOM for re-anchoring: reading the reader's selection as a span of the text,
// and marking where a candidate would land without re-rendering the article (the CSS Custom
// Highlight API paints a Range; nothing in the DOM changes, so selections survive).
import { selectionRange, type TextRange } from "@/lib/anchoring/selectors";
import { rangeOfOffsets, selectionOffsets } from "@/components/claims/selection";
import { inSight } from "@/components/claims/scroll-parent";

export const PREVIEW_HIGHLIGHT = "factdesk-anchor-preview";

/** The reader's current selection in the article as a span of `body` by the selection rules (trimmed, whole graphemes), or null. */
export function textSelectionIn(root: HTMLElement, body: string): TextRange | null {
  const offsets = selectionOffsets(root);
  return offsets ? selectedRange(body, offsets.start, offsets.end) : null;
}

/** body[start, end) by the selection rules (lib/anchoring/selectors.ts selectionRange), or null when nothing is left. */
export function selectedRange(body: string, start: number, end: number): TextRange | null {
  const selected = selectionRange(body, start, end);
  return selected.ok ? selected.range : null;
}

// Feature-tested at run time: the type is in lib.dom, but older browsers lack CSS.highlights.
const registry = (): HighlightRegistry | null => (typeof CSS !== "undefined" && "highlights" in CSS ? CSS.highlights : null);

/** Marks body[start, end) in the article and scrolls it into view; returns false when the browser cannot. */
export function showPreview(root: HTMLElement, start: number, end: number): boolean {
  const highlights = registry();
  const range = rangeOfOffsets(root, start, end);
  if (!highlights || !range || typeof Highlight === "undefined") return false;
  highlights.set(PREVIEW_HIGHLIGHT, new Highlight(range));
  // Scroll only when the place is out of sight; moving the page under the pointer is jarring.
  const rect = range.getBoundingClientRect();
  if (!inSight(rect)) (range.startContainer.parentElement ?? root).scrollIntoView({ block: "center", behavior: "smooth" });
  return true;
}

export function clearPreview() {
  registry()?.delete(PREVIEW_HIGHLIGHT);
}
