import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BESIDE_ARTICLE_QUERY } from "@/components/claims/useDrawerLayout";

const read = (file: string) => readFileSync(path.resolve(import.meta.dirname, "../..", file), "utf8");

// The drawer's CSS (Tailwind `lg:` classes) and its keyboard rules (useDrawerLayout's matchMedia) must switch at
// the same width: the breakpoint lives in Tailwind's theme, and this holds the query to it.
describe("where the claim drawer becomes a sidebar", () => {
  it("is Tailwind's lg breakpoint, which globals.css does not move", () => {
    const lg = /--breakpoint-lg:\s*([^;]+);/.exec(read("node_modules/tailwindcss/theme.css"))?.[1]?.trim();
    expect(lg).toBeDefined();
    expect(BESIDE_ARTICLE_QUERY).toBe(`(width >= ${lg})`);
    expect(read("app/globals.css")).not.toMatch(/--breakpoint-lg/);
  });

  it("is the breakpoint the workspace's sidebar classes use", () => {
    const workspace = read("components/claims/ArticleWorkspace.tsx");
    expect(workspace).toMatch(/lg:sticky/);
    expect(workspace).not.toMatch(/\b(?:xl|md|sm|2xl):sticky/);
  });
});
