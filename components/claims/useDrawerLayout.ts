"use client";

import { useSyncExternalStore } from "react";

/**
 * Where the claims sidebar sits beside the article: Tailwind's `lg` breakpoint (its theme's `--breakpoint-lg`,
 * 64rem: 1024 px at the default font size), the one the workspace's `lg:` classes use. Below it an open claim is a
 * drawer over the article. drawer-layout.test.ts checks this against Tailwind's theme and globals.css.
 */
export const BESIDE_ARTICLE_QUERY = "(width >= 64rem)";

function subscribe(onChange: () => void) {
  const query = window.matchMedia(BESIDE_ARTICLE_QUERY);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}

/**
 * Whether an open claim is a drawer over the article (the window narrower than `BESIDE_ARTICLE_QUERY`), following
 * the window as it is resized. On the server, and while hydrating, false (no drawer), as the page's markup is the
 * same either way: only the drawer's effects differ.
 */
export function useDrawerLayout(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => !window.matchMedia(BESIDE_ARTICLE_QUERY).matches,
    () => false,
  );
}
