"use client";

import { useCallback, useEffect, useRef, useState, type FocusEvent, type KeyboardEvent, type RefObject } from "react";
import { truncateText } from "@/lib/text/graphemes";

// A text caret over the article for readers without a mouse: the browser's own Selection moves
// with Selection.modify (character, word, line, sentence), so what the keys select is exactly
// what a drag would have selected, and "a" then adds the claim through the same path (the
// trimming and grapheme rules of lib/anchoring/selectors.ts apply as for a mouse selection).

type Granularity = "character" | "word" | "line" | "lineboundary" | "documentboundary" | "paragraph";
type Move = { direction: "forward" | "backward"; plain: Granularity; ctrl: Granularity };

const MOVES: Record<string, Move> = {
  ArrowRight: { direction: "forward", plain: "character", ctrl: "word" },
  ArrowLeft: { direction: "backward", plain: "character", ctrl: "word" },
  ArrowDown: { direction: "forward", plain: "line", ctrl: "paragraph" },
  ArrowUp: { direction: "backward", plain: "line", ctrl: "paragraph" },
  End: { direction: "forward", plain: "lineboundary", ctrl: "documentboundary" },
  Home: { direction: "backward", plain: "lineboundary", ctrl: "documentboundary" },
};

/** What the caret mode says when it starts (also shown in the shortcuts dialog). */
export const CARET_HELP =
  "Text caret on. Arrow keys move, Shift with arrows selects, Ctrl with arrows goes by word or paragraph, full stop selects the sentence, a adds the claim, Escape leaves.";

const SAY_LIMIT = 160;

function firstTextIn(node: Node): Text | null {
  const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
  return walker.nextNode() as Text | null;
}

/** The caret's box in page coordinates; a collapsed range has none at some boundaries, so the next character's box stands in. */
function caretBox(selection: Selection): { x: number; y: number; h: number } | null {
  if (selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0).cloneRange();
  range.collapse(false);
  let rect: DOMRect | undefined = range.getClientRects()[0];
  if ((!rect || rect.height === 0) && range.endContainer instanceof Text && range.endOffset < range.endContainer.length) {
    range.setEnd(range.endContainer, range.endOffset + 1);
    rect = range.getClientRects()[0];
  }
  if (!rect || rect.height === 0) return null;
  return { x: rect.left + window.scrollX, y: rect.top + window.scrollY, h: rect.height };
}

/**
 * Ctrl+Down / Ctrl+Up: to the start of the next paragraph, or of this one (of the previous one
 * when already there), as text editors do. Done here rather than with the "paragraph"
 * granularity, whose landing point differs between browsers.
 */
function paragraphTarget(root: HTMLElement, selection: Selection, direction: "forward" | "backward"): [Node, number] | null {
  const paragraphs = Array.from(root.querySelectorAll<HTMLElement>("[data-start]"));
  const node = selection.focusNode;
  const index = paragraphs.findIndex((p) => node !== null && p.contains(node));
  if (index < 0) return null;
  const here = paragraphs[index]!;
  const startOfHere = firstTextIn(here) ?? here;
  const atStart = textBetween([startOfHere, 0], [node!, selection.focusOffset]) === "";
  const target = direction === "forward" ? paragraphs[index + 1] : atStart ? paragraphs[index - 1] : here;
  if (!target) return null;
  return [firstTextIn(target) ?? target, 0];
}

/** The text between two boundary points, in either order. */
function textBetween(a: [Node, number], b: [Node, number]): string {
  const range = document.createRange();
  range.setStart(...a);
  range.setEnd(...a);
  const after = range.comparePoint(...b) >= 0;
  if (after) range.setEnd(...b);
  else range.setStart(...b);
  return range.toString();
}

/**
 * Caret mode over `root` (the article text). `announce` receives what a screen reader should
 * say (a polite live region). Returns whether it is on, `enter()`/`exit()`, the handlers to put
 * on `root` (which must be focusable: tabIndex -1) and the caret's page position to draw.
 */
export function useCaretMode(root: RefObject<HTMLElement | null>, announce: (text: string) => void) {
  const [on, setOn] = useState(false);
  const [caret, setCaret] = useState<{ x: number; y: number; h: number } | null>(null);
  const onRef = useRef(false);

  const place = useCallback(() => {
    const selection = window.getSelection();
    setCaret(onRef.current && selection && selection.isCollapsed ? caretBox(selection) : null);
  }, []);

  const exit = useCallback(() => {
    onRef.current = false;
    setOn(false);
    setCaret(null);
  }, []);

  const enter = useCallback(() => {
    const el = root.current;
    const selection = window.getSelection();
    if (!el || !selection) return;
    const focused = document.activeElement instanceof HTMLElement && el.contains(document.activeElement) ? document.activeElement : null;
    const inside = selection.rangeCount > 0 && el.contains(selection.anchorNode);
    el.focus({ preventScroll: true });
    if (focused && focused !== el) {
      selection.collapse(firstTextIn(focused) ?? focused, 0);
    } else if (!inside) {
      // Start where the reader is: the first paragraph below the sticky bars.
      const paragraphs = Array.from(el.querySelectorAll<HTMLElement>("[data-start]"));
      const start = paragraphs.find((p) => p.getBoundingClientRect().bottom > 140) ?? paragraphs[0];
      if (start) selection.collapse(firstTextIn(start) ?? start, 0);
    }
    onRef.current = true;
    setOn(true);
    announce(CARET_HELP);
    place();
  }, [root, announce, place]);

  useEffect(() => {
    if (!on) return;
    const update = () => place();
    document.addEventListener("selectionchange", update);
    window.addEventListener("resize", update);
    return () => {
      document.removeEventListener("selectionchange", update);
      window.removeEventListener("resize", update);
    };
  }, [on, place]);

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      const el = root.current;
      const selection = window.getSelection();
      if (!onRef.current || !el || event.target !== el || !selection || selection.rangeCount === 0) return;
      if (event.key === "Escape") {
        event.preventDefault();
        event.stopPropagation();
        exit();
        announce("Text caret off.");
        return;
      }
      if (event.key === "." && !event.ctrlKey && !event.altKey && !event.metaKey) {
        event.preventDefault();
        selection.collapse(selection.focusNode, selection.focusOffset);
        selection.modify("move", "backward", "sentenceboundary");
        selection.modify("extend", "forward", "sentenceboundary");
        announce(`Selected: ${truncateText(selection.toString().trim(), SAY_LIMIT)}`);
        return;
      }
      const move = MOVES[event.key];
      if (!move || event.altKey || event.metaKey) return;
      event.preventDefault();
      const before: [Node, number] = [selection.focusNode!, selection.focusOffset];
      const anchor: [Node, number] = [selection.anchorNode!, selection.anchorOffset];
      const granularity = event.ctrlKey ? move.ctrl : move.plain;
      const jump = granularity === "paragraph" ? paragraphTarget(el, selection, move.direction) : null;
      if (jump && event.shiftKey) selection.extend(...jump);
      else if (jump) selection.collapse(...jump);
      else if (granularity !== "paragraph") selection.modify(event.shiftKey ? "extend" : "move", move.direction, granularity);
      // Never wander out of the article into the page around it.
      if (!el.contains(selection.focusNode)) selection.setBaseAndExtent(...(event.shiftKey ? anchor : before), ...before);
      const passed = textBetween(before, [selection.focusNode!, selection.focusOffset]);
      const said = event.shiftKey ? `Selected: ${truncateText(selection.toString().trim(), SAY_LIMIT)}` : truncateText(passed, SAY_LIMIT);
      announce(said.trim() === "" ? "Edge of the text" : said);
      (selection.focusNode instanceof Element ? selection.focusNode : selection.focusNode?.parentElement)?.scrollIntoView({
        block: "nearest",
      });
    },
    [root, exit, announce],
  );

  const onBlur = useCallback(
    (event: FocusEvent<HTMLElement>) => {
      if (onRef.current && event.target === root.current) exit();
    },
    [root, exit],
  );

  return { on, caret, enter, exit, onKeyDown, onBlur };
}
