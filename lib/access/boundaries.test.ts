import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const dir = import.meta.dirname;
const sources = readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.includes(".test."));
const importsOf = (file: string) => [...readFileSync(path.join(dir, file), "utf8").matchAll(/from "([^"]+)"/g)].map((m) => m[1]!);

describe("lib/access", () => {
  it("depends on no domain module, so claims/ and articles/ can both use it without a cycle", () => {
    for (const file of sources) {
      expect(
        importsOf(file).filter((i) => /^@\/lib\/(claims|articles)\//.test(i)),
        file,
      ).toEqual([]);
    }
  });

  it("keeps role lists and Prisma filters free of the database client, so client components can import them", () => {
    for (const file of ["roles.ts", "scope.ts"]) {
      expect(
        importsOf(file).filter((i) => i === "@/lib/db" || i.startsWith("server-only")),
        file,
      ).toEqual([]);
    }
  });
});
