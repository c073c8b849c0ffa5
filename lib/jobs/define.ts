import type { z } from "zod";

/**
 * One kind of background job: a name, the zod schema of its payload and what running it does.
 * Jobs run in every app instance (lib/jobs/runner.ts) through graphile-worker's queue in
 * PostgreSQL, so a job may run on any instance and, after a failure, more than once: `run`
 * must be idempotent. Throwing makes the queue retry with exponential backoff
 * (graphile-worker: about exp(min(attempt, 10)) seconds) up to `maxAttempts`.
 */
export interface JobDefinition<Payload> {
  /** Unique task name, `area.verb` (e.g. `mail.send`). */
  readonly name: string;
  readonly payload: z.ZodType<Payload>;
  /** Attempts before the job is left failed (default 10: about 5 hours of backoff in all). */
  readonly maxAttempts?: number;
  run(payload: Payload, context: JobContext): Promise<void>;
}

/** What a running job knows about itself. */
export interface JobContext {
  jobId: string;
  /** 1 on the first run. */
  attempt: number;
  maxAttempts: number;
}

/** Identity function that keeps `Payload` inferred from the schema. */
export function defineJob<Payload>(definition: JobDefinition<Payload>): JobDefinition<Payload> {
  return definition;
}
