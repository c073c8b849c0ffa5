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

/**
 * A runner that stopped by itself after running at least this long (60 s) is started again after the first delay of
 * JOB_RUNNER_RETRY_MS; one that keeps stopping sooner waits longer each time.
 */
const STEADY_RUN_MS = 60_000;

/**
 * This instance's share of the job queue: `started` resolves to the first runner that started (null when stopped
 * before any did); `stop()` stops taking new jobs (and further attempts and restarts).
 */
export type JobsHandle = { started: Promise<Runner | null>; stop: () => Promise<void> };

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * Called once when a server instance starts (instrumentation.ts): runs the registered jobs in
 * this instance unless JOB_CONCURRENCY is 0, and stops taking new ones on SIGTERM/SIGINT (jobs
 * already running finish; one cut short is retried by another instance). A runner that cannot
 * start (PostgreSQL not reachable yet, or gone for a moment) is logged, not fatal: requests never
 * depend on it, and jobs wait in PostgreSQL. It is tried again after JOB_RUNNER_RETRY_MS (1 s, 2 s,
 * 5 s, 10 s, then every 30 s) until it starts, so an instance that came up while the database was away
 * takes jobs once it is back, as its requests do. A runner that stops without being asked (graphile-worker shuts its
 * pool down after an error its loop does not handle, or on another instance's breaking migration of its schema) is
 * logged and started again after the same back-off, so jobs queued afterwards still run in this process
 * (lib/jobs/runner-crash.int.test.ts).
 * Resolves after the first attempt, with the handle (null when JOB_CONCURRENCY is 0); `options` are for tests.
 */
export async function startJobsForThisInstance(
  options: { jobs?: readonly JobDefinition<unknown>[]; recurring?: readonly string[]; retryMs?: readonly number[] } = {},
): Promise<JobsHandle | null> {
  if (config.jobConcurrency === 0) return null;
  const retryMs = options.retryMs ?? JOB_RUNNER_RETRY_MS;
  let stopping = false;
  let running: Runner | null = null;
  let wake: () => void = () => {};
  let firstAttempt: () => void = () => {};
  let firstStarted: (runner: Runner | null) => void = () => {};
  const attempted = new Promise<void>((resolve) => (firstAttempt = resolve));
  const started = new Promise<Runner | null>((resolve) => (firstStarted = resolve));
  const backOff = (delay: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, delay);
      timer.unref(); // a back-off never holds a stopping process open
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  const supervised = (async () => {
    let failures = 0;
    while (!stopping) {
      let why: string;
      try {
        const runner = await startJobRunner({ jobs: options.jobs ?? registeredJobs, recurring: options.recurring ?? recurringJobs });
        if (stopping) {
          await runner.stop();
          break;
        }
        running = runner;
        firstStarted(runner);
        firstAttempt();
        const since = Date.now();
        // Settles once graphile-worker's pool and cron are down: asked to (stop()), or by themselves.
        const ended = await runner.promise.then(
          () => null,
          (err: unknown) => err,
        );
        running = null;
        if (stopping) break;
        if (Date.now() - since >= STEADY_RUN_MS) failures = 0;
        why = `the job runner stopped by itself${ended === null ? "" : `: ${messageOf(ended)}`}`;
      } catch (err) {
        why = `the job runner did not start: ${messageOf(err)}`;
      }
      // stop() during the attempt woke no back-off (none was waiting): leave now, not after the next delay.
      if (stopping) break;
      const delay = retryMs[Math.min(failures++, retryMs.length - 1)]!;
      console.error(`[jobs] ${why} (trying again in ${Math.round(delay / 1000)} s)`);
      firstAttempt();
      await backOff(delay);
    }
    firstStarted(null);
    firstAttempt();
  })();
  const stop = async () => {
    stopping = true;
    wake();
    // A runner that stopped by itself a moment ago answers "already stopped": it is down either way.
    await (running as Runner | null)?.stop().catch(() => {});
    await supervised;
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
