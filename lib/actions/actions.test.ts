import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ACTION } from "@/lib/http/action";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const files = readdirSync(import.meta.dirname).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? e.name === "node_modules" || e.name.startsWith(".") || e.name === "generated"
        ? []
        : sourceFiles(path.join(dir, e.name))
      : /\.(ts|tsx)$/.test(e.name)
        ? [path.join(dir, e.name)]
        : [],
  );
}

describe("server actions", () => {
  it("live in lib/actions, are marked 'use server', and every export is built with action()", async () => {
    expect(files.length).toBeGreaterThan(2);
    const loose: string[] = [];
    for (const file of files) {
      expect(readFileSync(path.join(import.meta.dirname, file), "utf8").startsWith('"use server";'), file).toBe(true);
      const mod = (await import(path.join(import.meta.dirname, file))) as Record<string, unknown>;
      for (const [name, value] of Object.entries(mod)) {
        if (typeof value !== "function" || !(ACTION in value)) loose.push(`${file}: ${name}`);
      }
    }
    expect(loose).toEqual([]);
  });

  it("are declared nowhere else, and nothing imports from app/ but app/ itself", () => {
    const elsewhere: string[] = [];
    const upward: string[] = [];
    for (const dir of ["app", "components", "lib"]) {
      for (const file of sourceFiles(path.join(ROOT, dir))) {
        const rel = path.relative(ROOT, file);
        const source = readFileSync(file, "utf8");
        if (/^["']use server["']/m.test(source) && !rel.startsWith(`lib${path.sep}actions${path.sep}`)) elsewhere.push(rel);
        if (!rel.startsWith(`app${path.sep}`) && /from\s+["']@\/app\//.test(source)) upward.push(rel);
      }
    }
    expect({ elsewhere, upward }).toEqual({ elsewhere: [], upward: [] });
  });
});
