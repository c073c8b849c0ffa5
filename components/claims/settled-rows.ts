"use client";

import { useLayoutEffect, type RefObject } from "react";

/**
 * Marks `list` with `data-rows-settled` when the page is idle after a frame has been drawn with its rendered rows
 * (`from`, `to`: its window; `count`: its length), and unmarks it at once when they change. Its rows (ClaimRow,
 * .claim-row) may be skipped by the browser off screen only while it is settled (app/globals.css): every row is laid
 * out once first and its height remembered (contain-intrinsic-size: auto). A row skipped before its first layout would take
 * the estimated height, and the list (which has no browser scroll anchoring) would jump as it is laid out on
 * scrolling into view. Runs before the list's own layout effects declared after it.
 */
export function useSettledRows(list: RefObject<HTMLElement | null>, from: number, to: number, count: number) {
  useLayoutEffect(() => {
    const el = list.current;
    if (!el) return;
    el.removeAttribute("data-rows-settled");
    // The next frame lays the rows out and records their sizes (at ResizeObserver time); they may be skipped after
    // it, when the page is idle (letting them go re-lays the list out).
    // Safari has no requestIdleCallback: there the rows settle a task after the frame.
    const settle = () => el.setAttribute("data-rows-settled", "");
    let cancelIdle = () => {};
    const frame = requestAnimationFrame(() => {
      if (typeof requestIdleCallback === "function") {
        const idle = requestIdleCallback(settle, { timeout: 1000 });
        cancelIdle = () => cancelIdleCallback(idle);
      } else {
        const timer = setTimeout(settle, 0);
        cancelIdle = () => clearTimeout(timer);
      }
    });
    return () => {
      cancelAnimationFrame(frame);
      cancelIdle();
    };
  }, [list, from, to, count]);
}
