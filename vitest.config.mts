import path from "node:path";
import { defineConfig } from "vitest/config";
import { isolatedTestFiles } from "./scripts/lib/test-isolation.mts";
import { StartSlowFilesFirst } from "./scripts/lib/test-order.mts";

const include = ["lib/**/*.test.ts", "components/**/*.test.ts", "prisma/**/*.test.ts", "scripts/**/*.test.ts", "bench/**/*.test.ts"];
// Files whose effects would leak into the next file's (scripts/lib/test-isolation.ts says which and why) run in a
// module graph of their own; the rest share one per worker instead of importing Prisma and the rest again per file.
const isolated = isolatedTestFiles(import.meta.dirname);

// Unit tests (*.test.ts) need nothing; integration tests (*.int.test.ts) need DATABASE_URL
// pointing at a migrated database, which `npm test` creates fresh for every run.
export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      "server-only": path.resolve(import.meta.dirname, "e2e/fixtures/empty-module.ts"),
    },
  },
  test: {
    environment: "node",
    // Turns warnings that mean a library is misused (pg's concurrent client.query()) into failures.
    setupFiles: ["scripts/lib/vitest-setup.ts"],
    // Files that run long start first, so the workers finish together (scripts/lib/test-order.mts says which and why).
    sequence: { sequencer: StartSlowFilesFirst },
    // `npm test` runs one worker per core, each beside its own PostgreSQL: on two cores a test gets about half
    // the CPU it has alone, so the limit is for tests that hang, not for slow ones.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: "shared", include, exclude: isolated, isolate: false } },
      { extends: true, test: { name: "isolated", include: isolated, isolate: true } },
    ],
  },
});
