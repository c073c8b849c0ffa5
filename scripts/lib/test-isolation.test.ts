import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { isolatedTestFiles } from "./test-isolation.mts";

const root = mkdtempSync(path.join(tmpdir(), "factdesk-isolation-"));
const write = (file: string, source: string) => {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), source);
};
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("which test files run in a module graph of their own", () => {
  it("takes those whose effects leak into the next file, and leaves the rest to share", () => {
    write("lib/a/env.int.test.ts", 'process.env.FETCH_TIMEOUT_MS = "50";');
    write("lib/a/env-index.test.ts", 'process.env["X"] ??= "1";');
    write("lib/a/env-delete.test.ts", "delete process.env.SMTP_URL;");
    write("lib/a/timers.test.ts", "vi.useFakeTimers();");
    write("lib/a/mocks.test.ts", 'vi.mock("node:dns");');
    write("lib/a/logged.int.test.ts", "const logged = installLoggedDb(() => {});");
    write("lib/a/ends-pool.int.test.ts", "afterAll(() => db.$disconnect());");
    write("lib/a/jobs.int.test.ts", 'import { startJobRunner } from "@/lib/jobs/instance";');
    write("components/b/reads-env.test.ts", 'expect(process.env.CI === "true").toBe(true);');
    write("lib/a/own-client.int.test.ts", "await other.$disconnect(); await pool.end();");
    write("lib/a/helper.ts", "process.env.X = '1';");
    expect(isolatedTestFiles(root)).toEqual([
      "lib/a/ends-pool.int.test.ts",
      "lib/a/env-delete.test.ts",
      "lib/a/env-index.test.ts",
      "lib/a/env.int.test.ts",
      "lib/a/jobs.int.test.ts",
      "lib/a/logged.int.test.ts",
      "lib/a/mocks.test.ts",
      "lib/a/timers.test.ts",
    ]);
  });
});
