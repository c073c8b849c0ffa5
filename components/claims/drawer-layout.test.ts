import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DRAWER_COVERS_PAGE_QUERY } from "@/components/claims/useDrawerCoversPage";

const read = (file: string) => readFileSync(path.resolve(import.meta.dirname, "../..", file), "utf8");

// The drawer's CSS (Tailwind `md:` classes) and its keyboard rule (useDrawerCoversPage's matchMedia) must switch at
// the same width: the breakpoint lives in Tailwind's theme, and this holds the query to it.
describe("where the claim drawer stops covering the whole page", () => {
  it("is Tailwind's md breakpoint, which globals.css does not move", () => {
    const md = /--breakpoint-md:\s*([^;]+);/.exec(read("node_modules/tailwindcss/theme.css"))?.[1]?.trim();
    expect(md).toBeDefined();
    expect(DRAWER_COVERS_PAGE_QUERY).toBe(`(width < ${md})`);
    expect(read("app/globals.css")).not.toMatch(/--breakpoint-md/);
  });

  it("is the breakpoint from which the workspace's drawer leaves the top bar in view", () => {
    const workspace = read("components/claims/ArticleWorkspace.tsx");
    expect(workspace).toMatch(/fixed top-0 [^"`]*md:top-14/);
  });
});
