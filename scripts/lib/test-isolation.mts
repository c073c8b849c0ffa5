// Which Vitest files run in a fresh module graph of their own, and which share one per worker (vitest.config.mts).
// Sharing saves re-importing Prisma's client, the NLP models and the rest for every file: on the 2 CI cores the
// suite's CPU went from ~560 to ~200 CPU-seconds (README, "The two commands"). A file needs its own graph when
// what it does would leak into the next file's: it sets or deletes environment variables (our modules read them at
// import), replaces modules or timers, or starts the process-wide job runner or live listener.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** Where the suite's test files live (vitest.config.mts `include`). */
export const TEST_DIRS = ["lib", "components", "prisma", "scripts", "bench"];

/** What makes a file run isolated, with why; matched against its source. */
const NEEDS_OWN_MODULES: [RegExp, string][] = [
  [/process\.env(\.\w+|\[[^\]]+\])\s*(=(?!=)|\?\?=)|delete process\.env|Object\.assign\(process\.env/, "changes the environment"],
  [/vi\.(mock|doMock|unmock|resetModules|stubEnv|stubGlobal|useFakeTimers)\b/, "replaces modules, globals or timers"],
  [/installLoggedDb|factdeskMain/, "gives lib/db a client of its own, which works only before lib/db is first imported"],
  [/\b(db|priorityDb)\.\$disconnect\(\)/, "ends the database pool the other files share (lib/db.ts)"],
  [
    /lib\/jobs\/|@\/lib\/jobs\/|lib\/live\/change-listener|from "\.\/(instance|runner|change-listener)"/,
    "starts the job runner or live listener",
  ],
];

function testFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" || entry.name === "generated" ? [] : testFiles(full);
    return entry.isFile() && entry.name.endsWith(".test.ts") ? [full] : [];
  });
}

/**
 * The test files (paths relative to `root`, with forward slashes) that must run in a module graph of their own.
 * Input: the repository root. Output: sorted relative paths. Reads every `*.test.ts` under TEST_DIRS.
 */
export function isolatedTestFiles(root: string): string[] {
  return TEST_DIRS.flatMap((dir) => testFiles(path.join(root, dir)))
    .filter((file) => {
      const source = readFileSync(file, "utf8");
      return NEEDS_OWN_MODULES.some(([pattern]) => pattern.test(source));
    })
    .map((file) => path.relative(root, file).split(path.sep).join("/"))
    .sort();
}
