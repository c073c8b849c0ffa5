// A throw-away embedded PostgreSQL for a benchmark run, migrated, with DATABASE_URL set
// for the data layer; always stopped and removed afterwards, whatever happens.
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "../scripts/db/embedded";
import { applyMigrations } from "../scripts/db/migrations";
import { freePort } from "../scripts/lib/free-port";

export async function withBenchDatabase(name: string, run: (url: string) => Promise<void>): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), `factdesk-bench-${name}-`));
  chmodSync(dataDir, 0o755); // PostgreSQL runs as its own user and must reach the directory
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "pg"), port: await freePort() });
  try {
    await applyMigrations(pg.url);
    process.env.DATABASE_URL = pg.url;
    await run(pg.url);
  } finally {
    const { testDb } = await import("../e2e/fixtures/factories");
    await testDb().$disconnect();
    await pg.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export function runBench(main: () => Promise<void>) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
