import { describeRange, type TextRange } from "@/lib/anchoring/selectors";

// Maps a DOM selection inside the article body to offsets in the article's plain text.
// Each paragraph element carries data-start (its offset in the body) and contains only the
// paragraph's text, possibly split across highlight spans, so counting characters from the
// paragraph's start to a boundary gives the offset exactly.

function paragraphOf(node: Node, root: HTMLElement): HTMLElement | null {
  let el: Node | null = node;
  while (el && el !== root) {
    if (el instanceof HTMLElement && el.dataset.start !== undefined) return el;
    el = el.parentNode;
  }
  return null;
}

function offsetOf(root: HTMLElement, node: Node, offset: number): number | null {
  const paragraph = paragraphOf(node, root);
  if (!paragraph) return null;
  const range = document.createRange();
  range.setStart(paragraph, 0);
  range.setEnd(node, offset);
  return Number(paragraph.dataset.start) + range.toString().length;
}

/** The selected span as [start, end) in body offsets, or null when nothing in the body is selected. */
export function selectionOffsets(root: HTMLElement): { start: number; end: number } | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) return null;
  const start = offsetOf(root, range.startContainer, range.startOffset);
  const end = offsetOf(root, range.endContainer, range.endOffset);
  if (start === null || end === null || end <= start) return null;
  return { start, end };
}

/** Where to float the "Add claim" button: just under the selection's end. */
export function selectionRect(): DOMRect | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0) return null;
  const rects = selection.getRangeAt(0).getClientRects();
  return rects.length ? rects[rects.length - 1]! : null;
}

/** The input of createClaimAction for body[range]: the W3C target (quote and position selectors). */
export function newClaimInput(articleId: string, body: string, range: TextRange) {
  const target = describeRange(body, range.start, range.end);
  return {
    articleId,
    target: {
      selector: [
        { type: "TextQuoteSelector" as const, ...target.quote },
        { type: "TextPositionSelector" as const, ...target.position },
      ],
    },
  };
}
