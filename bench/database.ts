// A throw-away embedded PostgreSQL for a benchmark run, migrated, with DATABASE_URL set
// for the data layer; stopped and removed afterwards, whatever happens.
// BENCH_DATA_DIR=<dir> keeps the cluster in <dir>/<name> instead, so a bench whose data takes minutes to
// generate (100,000 articles, 1,000,000 claims) can reuse it on the next run: `run` is then told `reused`.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "../scripts/db/embedded";
import { applyMigrations } from "../scripts/db/migrations";
import { freePort } from "../scripts/lib/free-port";

/**
 * Runs `run(url, { reused })` against a migrated embedded PostgreSQL.
 * Input: a bench name (used in the directory name). Without BENCH_DATA_DIR the cluster lives in a fresh temporary
 * directory and is deleted afterwards (`reused` is false). With BENCH_DATA_DIR it lives in `<BENCH_DATA_DIR>/<name>`
 * and is kept; `reused` is true when that cluster already existed (the bench may skip generating its rows).
 * Throws whatever starting PostgreSQL, migrating or `run` throws.
 */
export async function withBenchDatabase(name: string, run: (url: string, options: { reused: boolean }) => Promise<void>): Promise<void> {
  const keepIn = process.env.BENCH_DATA_DIR ? path.resolve(process.env.BENCH_DATA_DIR, name) : null;
  const dataDir = keepIn ?? mkdtempSync(path.join(tmpdir(), `factdesk-bench-${name}-`));
  const reused = keepIn !== null && existsSync(path.join(dataDir, "pg", "PG_VERSION"));
  mkdirSync(dataDir, { recursive: true });
  chmodSync(dataDir, 0o755); // PostgreSQL runs as its own user and must reach the directory
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "pg"), port: await freePort() });
  try {
    await applyMigrations(pg.url);
    process.env.DATABASE_URL = pg.url;
    if (reused) console.log(`reusing the bench database in ${dataDir} (delete it to generate the rows again)`);
    await run(pg.url, { reused });
  } finally {
    // Every pool of this process ends before PostgreSQL stops, rather than having its connections ended under it:
    // the test fixtures' client and lib/db's two (a bench may leave them open; a second $disconnect does nothing).
    const { testDb } = await import("../e2e/fixtures/factories");
    const { db, priorityDb } = await import("../lib/db");
    await Promise.all([testDb().$disconnect(), db.$disconnect(), priorityDb.$disconnect()]);
    await pg.stop();
    if (!keepIn) rmSync(dataDir, { recursive: true, force: true });
  }
}

export function runBench(main: () => Promise<void>) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
