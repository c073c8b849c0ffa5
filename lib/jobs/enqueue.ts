// Not marked server-only: data functions that queue a job in their transaction (adding evidence queues its
// archive) are also called by the Playwright test processes that seed data, where "server-only" throws.
// Only server modules import it (data functions, the runner).
import type { DbClient } from "@/lib/db";
import type { JobDefinition } from "./define";

export interface EnqueueOptions {
  /** Earliest time to run (default: now). */
  runAt?: Date;
  /**
   * Deduplication key: while a job with this key waits, enqueuing again replaces its payload
   * and run time instead of adding a second job (graphile-worker `job_key`, mode "replace").
   */
  jobKey?: string;
}

/**
 * Adds a job to the durable queue in PostgreSQL (graphile-worker's `add_job`). Called with a
 * transaction client, the job exists only if that transaction commits, so a mail or a fetch
 * is never announced for a change that rolled back (and never lost for one that committed).
 * Input: the job's definition, a payload its schema accepts, options. Output: the job id.
 * @throws ZodError when the payload does not match the job's schema (a programming error).
 */
export async function enqueueJob<Payload>(
  client: DbClient,
  job: JobDefinition<Payload>,
  payload: Payload,
  options: EnqueueOptions = {},
): Promise<string> {
  const checked = job.payload.parse(payload);
  const rows = await client.$queryRaw<{ id: string }[]>`
    SELECT (graphile_worker.add_job(
      identifier => ${job.name},
      payload => ${JSON.stringify(checked)}::json,
      run_at => ${options.runAt ?? null}::timestamptz,
      max_attempts => ${job.maxAttempts ?? 10}::int,
      job_key => ${options.jobKey ?? null}::text
    )).id::text AS id`;
  return rows[0]!.id;
}
