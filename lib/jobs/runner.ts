import "server-only";
import { Logger, run, type Runner, type TaskList } from "graphile-worker";
import { config } from "@/lib/config";
import type { JobDefinition } from "./define";

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
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set; the job queue needs PostgreSQL");
  return run({
    connectionString,
    concurrency: options.concurrency ?? config.jobConcurrency,
    maxPoolSize: (options.concurrency ?? config.jobConcurrency) + 2,
    noHandleSignals: true,
    pollInterval: 2000,
    logger: quietLogger,
    taskList: toTaskList(options.jobs),
    crontab: (options.recurring ?? []).join("\n"),
  });
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
      await job.run(parsed.data, {
        jobId: helpers.job.id,
        attempt: helpers.job.attempts,
        maxAttempts: helpers.job.max_attempts,
      });
    };
  }
  return list;
}

// graphile-worker logs every job start and finish at info; keep warnings and errors.
const quietLogger = new Logger(() => (level, message) => {
  if (level === "error" || level === "warning") console.error(`[jobs] ${message}`);
});
