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

/** The DOM position of body offset `offset`: paragraphs carry data-start, text nodes follow in order. */
function domPoint(root: HTMLElement, offset: number): [Node, number] | null {
  let paragraph: HTMLElement | null = null;
  for (const el of Array.from(root.querySelectorAll<HTMLElement>("[data-start]"))) {
    if (Number(el.dataset.start) <= offset) paragraph = el;
    else break;
  }
  if (!paragraph) return null;
  let remaining = offset - Number(paragraph.dataset.start);
  const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
  let last: Text | null = null;
  while (walker.nextNode()) {
    const node = walker.currentNode as Text;
    if (remaining <= node.data.length) return [node, remaining];
    remaining -= node.data.length;
    last = node;
  }
  return last ? [last, last.data.length] : null;
}

/**
 * The DOM range of body[start, end) in the article body `root` (selectionOffsets' inverse: paragraphs carry
 * data-start, their text nodes follow in order). Output: a Range, or null when an offset is before every paragraph.
 */
export function rangeOfOffsets(root: HTMLElement, start: number, end: number): Range | null {
  const from = domPoint(root, start);
  const to = domPoint(root, end);
  if (!from || !to) return null;
  const range = document.createRange();
  range.setStart(...from);
  range.setEnd(...to);
  return range;
}

/** Selects body[start, end) in `root` as the reader had it (after the highlights under it were redrawn). */
export function selectOffsets(root: HTMLElement, start: number, end: number): void {
  const range = rangeOfOffsets(root, start, end);
  const selection = window.getSelection();
  if (!range || !selection) return;
  selection.removeAllRanges();
  selection.addRange(range);
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
