// One PostgreSQL cluster per Vitest worker, so integration test files run side by side without seeing each
// other's locks, connections or load (several tests read pg_locks or pg_stat_activity, which span a cluster).
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from "../db/embedded";
import { applyMigrations } from "../db/migrations";
import { freePort } from "./free-port";

export { WORKER_DATABASES_ENV } from "./vitest-database-env";

/** Most workers worth starting: past four, the suite's few long files bound the run, not the worker count. */
const MAX_DEFAULT_WORKERS = 4;

/** Default number of Vitest workers: one per core, at most four. */
export function defaultWorkerCount(): number {
  return Math.max(1, Math.min(MAX_DEFAULT_WORKERS, availableParallelism()));
}

export interface WorkerDatabases {
  /** Migrated database URLs, one per worker; worker n (VITEST_POOL_ID, from 1) uses urls[n - 1]. */
  urls: string[];
  /** Stops every cluster and removes its data directory. */
  stop: () => Promise<void>;
}

/**
 * Starts `count` embedded PostgreSQL clusters (each in its own temporary directory, on a free loopback port)
 * with a migrated `factdesk_integration` database each.
 * Input: count ≥ 1. Output: the URLs and a stop function. Throws if a cluster fails to start or migrate
 * (clusters already started are stopped first).
 */
export async function startWorkerDatabases(count: number): Promise<WorkerDatabases> {
  const started: { pg: EmbeddedPostgresHandle; dataDir: string }[] = [];
  const stop = async () => {
    await Promise.allSettled(started.map(({ pg }) => pg.stop()));
    for (const { dataDir } of started) rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const urls = await Promise.all(
      Array.from({ length: count }, async () => {
        const dataDir = mkdtempSync(path.join(tmpdir(), "factdesk-vitest-"));
        const pg = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: "factdesk_integration" });
        started.push({ pg, dataDir });
        await applyMigrations(pg.url);
        return pg.url;
      }),
    );
    return { urls, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
