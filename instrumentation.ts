// Runs once when a server instance starts (Next.js instrumentation hook).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { closeStreamsOnShutdown } = await import("@/lib/live/open-streams");
  closeStreamsOnShutdown();
  const { startJobsForThisInstance } = await import("@/lib/jobs/instance");
  await startJobsForThisInstance();
}
