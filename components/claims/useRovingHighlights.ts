"use client";

import { useLayoutEffect, useRef, type FocusEvent, type KeyboardEvent, type RefObject } from "react";

// One Tab stop for all the highlights of a text (the WAI-ARIA "roving tabindex" pattern): Tab
// reaches the claim the reader was last on, arrow keys walk the claims in text order, Enter or
// Space opens. The stops are the segments where claims begin (data-starts, written by
// highlight-html.ts), so a claim split by its neighbours still has exactly one stop. The suggestions'
// marks are a second group with a Tab stop of their own (SUGGESTION_STOPS), so arrow keys still go
// from claim to claim, and a suggestion can be opened without a mouse.

/** Which elements of the text are one group's stops, and the ids each stands for. */
export type StopGroup = { selector: string; idsOf: (stop: HTMLElement) => string[] };

/** The claims' stops: where each claim begins (data-starts lists the claims beginning there). */
export const CLAIM_STOPS: StopGroup = { selector: "[data-starts]", idsOf: (stop) => stop.dataset.starts!.split(" ") };
/** The suggestions' stops: each mark of a suggestion (data-suggestion is its id). */
export const SUGGESTION_STOPS: StopGroup = { selector: "[data-suggestion]", idsOf: (stop) => [stop.dataset.suggestion!] };

type Options = {
  /** The accessible name of a stop, from the ids of the claims that begin there. */
  describe: (ids: string[], stop: HTMLElement) => string;
  /** Enter or Space on a stop. */
  onActivate: (ids: string[], stop: HTMLElement) => void;
};

/**
 * Makes the claim highlights inside `root` (or `group`'s stops: SUGGESTION_STOPS) keyboard reachable. `html` is the markup the root
 * renders: the stops are re-marked whenever it changes (the browser replaced the elements); highlights
 * changed in place are marked with `markStops`.
 * Returns the handlers to put on the root and `focusClaim(id)`, which focuses the stop where a
 * claim begins (false when the claim has none, e.g. it is not highlighted).
 */
export function useRovingHighlights(root: RefObject<HTMLElement | null>, html: string, options: Options, group: StopGroup = CLAIM_STOPS) {
  const STOP = group.selector;
  const idsOf = group.idsOf;
  const stopsIn = (top: HTMLElement | null) => Array.from(top?.querySelectorAll<HTMLElement>(STOP) ?? []);
  const current = useRef<string | null>(null);
  const latest = useRef(options);
  useLayoutEffect(() => {
    latest.current = options;
  });

  useLayoutEffect(() => {
    const all = stopsIn(root.current);
    const chosen = all.find((s) => current.current !== null && idsOf(s).includes(current.current)) ?? all[0];
    for (const stop of all) {
      stop.tabIndex = stop === chosen ? 0 : -1;
      stop.setAttribute("role", "button");
      stop.setAttribute("aria-label", latest.current.describe(idsOf(stop), stop));
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the group is a module constant
  }, [html, root]);

  /**
   * Makes stops of the stops in `elements` (new highlights put in place, components/claims/patch-highlights.ts);
   * the others keep theirs. When the stop that held the Tab stop was replaced, the claim's new stop (or the first) takes it.
   */
  const markStops = (elements: Element[]) => {
    const top = root.current;
    if (!top) return;
    for (const element of elements) {
      const stops = [...(element.matches(STOP) ? [element] : []), ...element.querySelectorAll(STOP)] as HTMLElement[];
      for (const stop of stops) {
        stop.tabIndex = -1;
        stop.setAttribute("role", "button");
        stop.setAttribute("aria-label", latest.current.describe(idsOf(stop), stop));
      }
    }
    if (top.querySelector(`${STOP}[tabindex="0"]`)) return;
    const all = stopsIn(top);
    const chosen = all.find((s) => current.current !== null && idsOf(s).includes(current.current)) ?? all[0];
    if (chosen) chosen.tabIndex = 0;
  };

  // Moves the one Tab stop to `stop`: only the stop that held it changes (at 1,000 claims, writing every stop's
  // tabindex on each click or arrow key was a good part of opening a claim).
  const takeTabStop = (stop: HTMLElement) => {
    for (const held of root.current?.querySelectorAll<HTMLElement>(`${STOP}[tabindex="0"]`) ?? []) if (held !== stop) held.tabIndex = -1;
    if (stop.tabIndex !== 0) stop.tabIndex = 0;
  };

  const moveTo = (next: HTMLElement) => {
    takeTabStop(next);
    current.current = idsOf(next)[0]!;
    next.focus({ preventScroll: true });
    next.scrollIntoView({ block: "nearest" });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const stop = event.target as HTMLElement;
    if (!stop.matches?.(STOP) || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      latest.current.onActivate(idsOf(stop), stop);
      return;
    }
    if (event.shiftKey) return;
    const all = stopsIn(root.current);
    const index = all.indexOf(stop);
    const targets: Record<string, HTMLElement | undefined> = {
      ArrowRight: all[index + 1],
      ArrowDown: all[index + 1],
      ArrowLeft: all[index - 1],
      ArrowUp: all[index - 1],
      Home: all[0],
      End: all.at(-1),
    };
    if (!(event.key in targets)) return;
    const next = targets[event.key];
    event.preventDefault();
    if (next) moveTo(next);
  };

  const onFocus = (event: FocusEvent<HTMLElement>) => {
    const stop = event.target as HTMLElement;
    if (!stop.matches?.(STOP)) return;
    current.current = idsOf(stop)[0]!;
    takeTabStop(stop);
  };

  const focusClaim = (id: string) => {
    const stop = stopsIn(root.current).find((s) => idsOf(s).includes(id));
    if (!stop) return false;
    moveTo(stop);
    return true;
  };

  return { onKeyDown, onFocus, focusClaim, markStops };
}
