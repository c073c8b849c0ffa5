import "server-only";
import { config } from "@/lib/config";
import { recurringJobs, registeredJobs } from "./registry";
import { startJobRunner } from "./runner";

/**
 * Called once when a server instance starts (instrumentation.ts): runs the registered jobs in
 * this instance unless JOB_CONCURRENCY is 0, and stops taking new ones on SIGTERM/SIGINT (jobs
 * already running finish; one cut short is retried by another instance). A runner that cannot
 * start is logged, not fatal: requests never depend on it, and jobs wait in PostgreSQL.
 */
export async function startJobsForThisInstance(): Promise<void> {
  if (config.jobConcurrency === 0) return;
  try {
    const runner = await startJobRunner({ jobs: registeredJobs, recurring: recurringJobs });
    const stop = () => void runner.stop().catch((err: unknown) => console.error("[jobs] stopping:", err));
    process.once("SIGTERM", stop);
    process.once("SIGINT", stop);
  } catch (err) {
    console.error("[jobs] the job runner did not start:", err instanceof Error ? err.message : err);
  }
}
