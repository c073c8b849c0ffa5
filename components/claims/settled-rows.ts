"use client";

import { useLayoutEffect, type RefObject } from "react";

/** How long after its rows change a list waits (ms) before letting the browser skip them. */
const SETTLE_MS = 1000;

/**
 * Marks `list` with `data-rows-settled` a second after its rendered rows change, when the page is idle (`from`, `to`: its window; `count`:
 * its length), and unmarks it at once when they do. Its rows (ClaimRow, .claim-row) may be skipped by the browser
 * off screen only while their list is settled (app/globals.css): every row is laid out once
 * first and its height remembered (contain-intrinsic-size: auto). A row skipped before its first layout would take
 * the estimated height, and the list (which has no browser scroll anchoring) would jump as it is laid out on
 * scrolling into view. Runs before the list's own layout effects declared after it.
 */
export function useSettledRows(list: RefObject<HTMLElement | null>, from: number, to: number, count: number) {
  useLayoutEffect(() => {
    const el = list.current;
    if (!el) return;
    el.removeAttribute("data-rows-settled");
    // The next frames lay the rows out and record their sizes (at ResizeObserver time); they may be skipped after
    // that, a second on, when the page is idle: letting them go re-lays the list out, which should not land in the
    // reader's next press (j right after closing a claim, say).
    let idle = 0;
    const timer = setTimeout(() => {
      idle = requestIdleCallback(() => el.setAttribute("data-rows-settled", ""), { timeout: 2000 });
    }, SETTLE_MS);
    return () => {
      clearTimeout(timer);
      cancelIdleCallback(idle);
    };
  }, [list, from, to, count]);
}
