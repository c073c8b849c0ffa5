import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { sourceFingerprint } from "./build";

let root: string;
afterEach(() => rmSync(root, { recursive: true, force: true }));

function tree(files: Record<string, string>): string {
  root = mkdtempSync(path.join(tmpdir(), "factdesk-build-"));
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), content);
  }
  return root;
}

describe("sourceFingerprint", () => {
  const base = { "app/page.tsx": "export default 1", "lib/db.ts": "db", "prisma/schema.prisma": "model A {}", "package-lock.json": "{}" };

  it("changes when a source, the schema or the lock file changes, and only then", () => {
    const same = sourceFingerprint(tree(base));
    rmSync(root, { recursive: true, force: true });
    expect(sourceFingerprint(tree(base))).toBe(same);
    for (const [file, content] of [
      ["app/page.tsx", "export default 2"],
      ["prisma/schema.prisma", "model B {}"],
      ["package-lock.json", "{ }"],
      ["components/New.tsx", "x"],
    ]) {
      rmSync(root, { recursive: true, force: true });
      expect(sourceFingerprint(tree({ ...base, [file!]: content! })), file).not.toBe(same);
    }
  });

  it("ignores tests, generated code and files the build does not read", () => {
    const same = sourceFingerprint(tree(base));
    rmSync(root, { recursive: true, force: true });
    const noisy = {
      ...base,
      "lib/db.test.ts": "test",
      "lib/generated/prisma/client.ts": "gen",
      "e2e/a.spec.ts": "e2e",
      "README.md": "docs",
    };
    expect(sourceFingerprint(tree(noisy))).toBe(same);
  });
});
