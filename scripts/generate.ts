// `prisma generate`, offline. The CLI insists on a native schema-engine binary it would download
// from a host we cannot reach; generate never runs it, so any existing file satisfies the check.
// Migrations use the wasm engine instead (scripts/db/migrations.ts).
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";

/** Runs `prisma generate` (lib/generated/prisma) with inherited output; rejects on failure. */
export function generateClient(extraArgs: string[] = []): Promise<void> {
  // Resolved from the project root rather than via `require`, which ES module callers lack.
  const cli = createRequire(path.resolve("package.json")).resolve("prisma/build/index.js");
  const child = spawn(process.execPath, [cli, "generate", ...extraArgs], {
    stdio: "inherit",
    env: {
      ...process.env,
      PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
      // No update check or telemetry: both would wait on a network we do not have.
      CHECKPOINT_DISABLE: "1",
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
    },
  });
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`prisma generate failed (${signal ?? `exit ${code}`})`)),
    );
  });
}

if (require.main === module) {
  generateClient(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
