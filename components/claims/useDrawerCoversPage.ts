"use client";

import { useSyncExternalStore } from "react";

/**
 * Where an open claim's drawer covers the page: below Tailwind's `md` breakpoint (its theme's `--breakpoint-md`,
 * 48rem: 768 px at the default font size) the drawer starts at the top of the screen, over the top bar and the
 * article (the workspace's `md:top-14` leaves the top bar visible from there up). Between 768 and 1024 px the drawer
 * covers only the article's right part, and the part still in view stays usable (another highlight, a selection to
 * re-anchor with). drawer-layout.test.ts checks this against Tailwind's theme and the workspace's classes.
 */
export const DRAWER_COVERS_PAGE_QUERY = "(width < 48rem)";

function subscribe(onChange: () => void) {
  const query = window.matchMedia(DRAWER_COVERS_PAGE_QUERY);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}

/**
 * Whether an open claim's drawer would cover the whole page (the window narrower than `DRAWER_COVERS_PAGE_QUERY`),
 * following the window as it is resized. On the server, and while hydrating, false, as the page's markup is the same
 * either way: only the drawer's effects differ.
 */
export function useDrawerCoversPage(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(DRAWER_COVERS_PAGE_QUERY).matches,
    () => false,
  );
}
