"use client";

import { useEffect } from "react";

/**
 * Marks the document once React has hydrated it: `<html data-hydrated>`. Effects run after the
 * children's, so the mark means every handler on the page is attached; until then a key or a click
 * on the server-rendered HTML does nothing. The browser tests wait for it after each navigation
 * (e2e/fixtures/test.ts), and so can any other automation. Renders nothing.
 */
export function Hydrated() {
  useEffect(() => {
    document.documentElement.setAttribute("data-hydrated", "");
  }, []);
  return null;
}
