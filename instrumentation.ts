// Runs once when a server instance starts (Next.js instrumentation hook).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { closeStreamsOnShutdown } = await import("@/lib/live/open-streams");
  closeStreamsOnShutdown();
  // In the background: the first import or article page should not wait for a worker thread to start.
  const { warmHeavyPool } = await import("@/lib/workers/pool");
  void warmHeavyPool();
  const { startJobsForThisInstance } = await import("@/lib/jobs/instance");
  await startJobsForThisInstance();
}
