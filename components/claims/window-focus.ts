"use client";

import { useLayoutEffect, useRef, type RefObject } from "react";
import type { ClaimWindow } from "@/components/claims/claim-window";

/**
 * Keeps focus in a windowed claim list (components/claims/claim-window.ts) when a page comes and takes away the
 * focused "Show more" / "Show earlier" (the list's end was reached): focus moves to the row of that page next to where
 * the button was, instead of falling to the page, where the next Enter opens the cursor's claim.
 * Input: the list element (its rows carry `data-claim-id`), its claims in the order shown.
 * Output: `beforeGrow(current, next, earlier, later)`, to call just before showing window `next` instead of `current`;
 * `earlier` / `later` are the elements holding the "Show earlier" / "Show more" buttons (null when not rendered).
 */
export function useWindowFocus(list: RefObject<HTMLElement | null>, claims: readonly { id: string }[]) {
  const pending = useRef<number | null>(null);
  useLayoutEffect(() => {
    const index = pending.current;
    pending.current = null;
    const focused = document.activeElement;
    if (index === null || (focused && focused !== document.body)) return;
    const id = claims[index]?.id;
    if (id) list.current?.querySelector<HTMLElement>(`[data-claim-id="${CSS.escape(id)}"]`)?.focus({ preventScroll: true });
  });
  return function beforeGrow(current: ClaimWindow, next: ClaimWindow, earlier: Element | null, later: Element | null) {
    const focused = document.activeElement;
    if (focused && earlier?.contains(focused) && next.from < current.from) pending.current = current.from - 1;
    else if (focused && later?.contains(focused) && next.to > current.to) pending.current = current.to;
    else pending.current = null;
  };
}
