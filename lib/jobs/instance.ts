import "server-only";
import type { Runner } from "graphile-worker";
import { config } from "@/lib/config";
import type { JobDefinition } from "./define";
import { recurringJobs, registeredJobs } from "./registry";
import { startJobRunner } from "./runner";

/**
 * Seconds between attempts to start the runner when PostgreSQL could not be reached: soon at first (a database
 * starting beside the app), then every 30 s for as long as it takes.
 */
export const JOB_RUNNER_RETRY_MS: readonly number[] = [1_000, 2_000, 5_000, 10_000, 30_000];

/** This instance's share of the job queue, once started; `stop()` stops taking new jobs (and further attempts). */
export type JobsHandle = { started: Promise<Runner | null>; stop: () => Promise<void> };

/**
 * Called once when a server instance starts (instrumentation.ts): runs the registered jobs in
 * this instance unless JOB_CONCURRENCY is 0, and stops taking new ones on SIGTERM/SIGINT (jobs
 * already running finish; one cut short is retried by another instance). A runner that cannot
 * start (PostgreSQL not reachable yet, or gone for a moment) is logged, not fatal: requests never
 * depend on it, and jobs wait in PostgreSQL. It is tried again after JOB_RUNNER_RETRY_MS (1 s, 2 s,
 * 5 s, 10 s, then every 30 s) until it starts, so an instance that came up while the database was away
 * takes jobs once it is back, as its requests do.
 * Resolves after the first attempt, with the handle (null when JOB_CONCURRENCY is 0); `options` are for tests.
 */
export async function startJobsForThisInstance(
  options: { jobs?: readonly JobDefinition<unknown>[]; recurring?: readonly string[]; retryMs?: readonly number[] } = {},
): Promise<JobsHandle | null> {
  if (config.jobConcurrency === 0) return null;
  const retryMs = options.retryMs ?? JOB_RUNNER_RETRY_MS;
  let stopping = false;
  let wake: () => void = () => {};
  let firstAttempt: () => void = () => {};
  const attempted = new Promise<void>((resolve) => (firstAttempt = resolve));
  const started = (async (): Promise<Runner | null> => {
    for (let attempt = 0; !stopping; attempt++) {
      try {
        const runner = await startJobRunner({ jobs: options.jobs ?? registeredJobs, recurring: options.recurring ?? recurringJobs });
        if (stopping) {
          await runner.stop();
          return null;
        }
        return runner;
      } catch (err) {
        const delay = retryMs[Math.min(attempt, retryMs.length - 1)]!;
        console.error(
          `[jobs] the job runner did not start (trying again in ${Math.round(delay / 1000)} s):`,
          err instanceof Error ? err.message : err,
        );
        firstAttempt();
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, delay);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      } finally {
        firstAttempt();
      }
    }
    return null;
  })();
  const stop = async () => {
    stopping = true;
    wake();
    const runner = await started;
    await runner?.stop();
  };
  const onSignal = () => void stop().catch((err: unknown) => console.error("[jobs] stopping:", err));
  process.once("SIGTERM", onSignal);
  process.once("SIGINT", onSignal);
  await attempted;
  return {
    started,
    stop: async () => {
      process.off("SIGTERM", onSignal);
      process.off("SIGINT", onSignal);
      await stop();
    },
  };
}
