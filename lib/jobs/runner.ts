import "server-only";
import { Logger, run, type Runner, type TaskList } from "graphile-worker";
import pg from "pg";
import { config } from "@/lib/config";
import { poolSettings } from "@/lib/db";
import { JobRunnerClient, retryableConnectionError } from "@/lib/db-client";
import type { JobDefinition } from "./define";
import { toJobError } from "./job-error";

export interface StartJobRunnerOptions {
  jobs: readonly JobDefinition<unknown>[];
  /** Crontab lines (see lib/jobs/registry.ts). */
  recurring?: readonly string[];
  /** Jobs run at once by this instance (default JOB_CONCURRENCY, 2). */
  concurrency?: number;
}

/**
 * Starts this instance's share of the job queue: it takes waiting jobs (SKIP LOCKED, so several
 * instances never run the same job at once), is woken by LISTEN/NOTIFY when one is added, and
 * schedules the recurring jobs. A payload that no longer matches its job's schema is logged and
 * dropped rather than retried (it can never succeed).
 * Output: graphile-worker's Runner; `await runner.stop()` to stop taking jobs.
 * @throws when DATABASE_URL is missing or the queue's schema cannot be migrated.
 */
export async function startJobRunner(options: StartJobRunnerOptions): Promise<Runner> {
  if (!process.env.DATABASE_URL) throw new Error("DATABASE_URL is not set; the job queue needs PostgreSQL");
  const concurrency = options.concurrency ?? config.jobConcurrency;
  const pgPool = runnerPool(concurrency + 2);
  try {
    const runner = await run({
      pgPool,
      concurrency,
      noHandleSignals: true,
      pollInterval: 2000,
      logger: quietLogger,
      taskList: toTaskList(options.jobs),
      crontab: (options.recurring ?? []).join("\n"),
    });
    // graphile-worker leaves a pool it was given open: end it once the runner has stopped (however it stopped: a
    // rejection of runner.promise is the caller's to hear, not an unhandled one here).
    const endPool = () => pgPool.end().catch(() => {});
    void runner.promise.then(endPool, endPool);
    return runner;
  } catch (err) {
    await pgPool.end().catch(() => {});
    throw err;
  }
}

/**
 * The runner's own pool, with the app pools' limits (poolSettings, lib/db.ts): query_timeout closes a connection
 * whose statement the server never answers (GuardedClient), where graphile-worker's default pool waited on it for
 * ever: a job poll sent into a stalled network left the runner taking no job after the database answered again
 * (lib/jobs/runner-stall.int.test.ts). Also statement_timeout, idle_in_transaction_session_timeout and TCP keepalive.
 * Not lock_timeout: instances starting side by side wait for each other's graphile-worker migration (a row lock on
 * its migrations table), which may take longer than the app's lock wait. Its LISTEN connection stays idle, so no
 * limit reaches it in a stall; the 2 s polls find jobs meanwhile.
 */
function runnerPool(size: number): pg.Pool {
  const { lock_timeout: _appLockTimeout, ...settings } = poolSettings(size);
  // Timeouts graphile-worker retries (JobRunnerPool, JobRunnerClient): its "job done" statement is not awaited.
  const pool = new JobRunnerPool({ ...settings, Client: JobRunnerClient, keepAlive: true });
  // A dropped connection emits 'error' on the pool (idle) or the client (checked out); unheard, it ends the process.
  // graphile-worker installs such listeners only on a pool that has none, with a warning.
  const logError = (err: Error) => console.error("[jobs] database connection error:", err.message);
  pool.on("error", logError);
  pool.on("connect", (client) => client.on("error", logError));
  return pool;
}

// pg-pool's errors (pinned pg-pool 3.x) when a new connection did not open within connectionTimeoutMillis, and when no
// pooled connection came free within it (the pool full of connections waiting on a stalled server).
const CONNECT_TIMEOUTS = new Set(["Connection terminated due to connection timeout", "timeout exceeded when trying to connect"]);
const retryableTimeout = (err: unknown) => {
  if (err instanceof Error && CONNECT_TIMEOUTS.has(err.message) && !("code" in err)) Object.assign(err, { code: "ETIMEDOUT" });
  // And a connection refused or cut while the server restarts (ECONNREFUSED, 57P01, 57P03…): retried too.
  return retryableConnectionError(err);
};

/**
 * The runner's pg pool: a connection that did not open (or come free) in time fails with the code ETIMEDOUT, which graphile-worker
 * retries, as it does for statements the guard gave up on (JobRunnerClient, lib/db-client.ts). graphile-worker sends a
 * finished job's "done" or "failed" statement without awaiting it; sent again after a stall, its new connection may
 * not open in time either, and without a code that was an unhandled rejection (lib/jobs/runner-stall.int.test.ts).
 * Likewise a connection refused or cut by a restart (retryableConnectionError; lib/jobs/runner-restart.int.test.ts).
 */
class JobRunnerPool extends pg.Pool {
  override connect(): Promise<pg.PoolClient>;
  override connect(callback: (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void): void;
  override connect(
    callback?: (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void,
  ): Promise<pg.PoolClient> | void {
    if (callback) return super.connect((err, client, done) => callback(err && (retryableTimeout(err) as Error), client, done));
    return super.connect().catch((err: unknown) => {
      throw retryableTimeout(err);
    });
  }
}

function toTaskList(jobs: readonly JobDefinition<unknown>[]): TaskList {
  const list: TaskList = {};
  for (const job of jobs) {
    if (list[job.name]) throw new Error(`two jobs are named ${job.name}`);
    list[job.name] = async (raw, helpers) => {
      const parsed = job.payload.safeParse(raw);
      if (!parsed.success) {
        console.error(`[jobs] ${job.name} #${helpers.job.id}: payload no longer matches its schema; dropped`);
        return;
      }
      try {
        await job.run(parsed.data, {
          jobId: helpers.job.id,
          attempt: helpers.job.attempts,
          maxAttempts: helpers.job.max_attempts,
        });
      } catch (err) {
        // Always an Error graphile-worker can record: its own handling of another value could throw and end the runner.
        throw toJobError(err);
      }
    };
  }
  return list;
}

// graphile-worker logs every job start and finish at info; keep warnings and errors.
const quietLogger = new Logger(() => (level, message) => {
  if (level === "error" || level === "warning") console.error(`[jobs] ${message}`);
});
