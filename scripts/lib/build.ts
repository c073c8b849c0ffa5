// The production build, and whether the one on disk was made from the sources now here.
// Without this, `git pull && npm start` would serve the old build against a migrated database.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ROOT, runStep } from "./process";

// What goes into the build. lib/generated is derived from prisma/schema.prisma, which is listed.
const SOURCE_DIRS = ["app", "components", "lib", "public"];
const SOURCE_FILES = [
  "next.config.js",
  "package-lock.json",
  "tsconfig.json",
  "postcss.config.mjs",
  "proxy.ts",
  "instrumentation.ts",
  "prisma/schema.prisma",
];
const SKIP_DIRS = new Set(["generated", "node_modules"]);
const STAMP = path.join(ROOT, ".next", "factdesk-sources.sha256");

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return SKIP_DIRS.has(entry.name) ? [] : listFiles(full);
    return entry.isFile() && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** sha256 over the path and content of every file the build reads (tests excluded). */
export function sourceFingerprint(root = ROOT): string {
  const files = [
    ...SOURCE_DIRS.flatMap((dir) => listFiles(path.join(root, dir))),
    ...SOURCE_FILES.map((file) => path.join(root, file)).filter((file) => existsSync(file)),
  ].sort();
  const hash = createHash("sha256");
  for (const file of files) hash.update(path.relative(root, file)).update("\0").update(readFileSync(file)).update("\0");
  return hash.digest("hex");
}

/** True when .next holds a production build of exactly these sources. */
export function buildIsCurrent(): boolean {
  if (!existsSync(path.join(ROOT, ".next", "BUILD_ID")) || !existsSync(STAMP)) return false;
  return readFileSync(STAMP, "utf8").trim() === sourceFingerprint();
}

/** `next build`, then a stamp of the sources it was made from. */
export async function buildApp(env: NodeJS.ProcessEnv): Promise<void> {
  const fingerprint = sourceFingerprint();
  await runStep("npx", ["next", "build"], env);
  writeFileSync(STAMP, `${fingerprint}\n`);
}
