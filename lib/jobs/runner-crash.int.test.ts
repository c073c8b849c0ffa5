// The job runner (graphile-worker, started by lib/jobs/instance.ts) used to stop for good when something other than
// a database error it handles went wrong in its loop: graphile-worker shut its worker pool down, the runner's promise
// settled, and nothing started it again, so no job queued afterwards ever ran in that process (no mail, no source
// archiving) until it was restarted. Two real ways in:
// - a job that fails with a value that is not an Error and whose message is no text: graphile-worker's own handling
//   of the failure threw ("committing seppuku") and its worker exited, taking the pool with it;
// - graphile-worker's notice that another instance ran a breaking migration of its schema (NOTIFY "worker:migrate"),
//   upon which it shuts its pool down by itself.
// The runner now logs it, backs off and starts again; a failing job is recorded as failed and retried.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { db } from "@/lib/db";
import { defineJob } from "./define";
import { enqueueJob } from "./enqueue";
import { startJobsForThisInstance } from "./instance";
import { jobRow, slowJobCompletion, until, untilJobDone } from "./test-helpers";

const ran: string[] = [];
const probeJob = defineJob({
  name: `crash${Date.now().toString(36)}.probe`,
  payload: z.object({ value: z.string() }),
  maxAttempts: 2,
  async run({ value }) {
    ran.push(value);
    // A rejection that is not an Error, whose message cannot even be turned into text (no prototype, no toString).
    if (value === "poison") throw Object.assign(Object.create(null) as object, { message: Object.create(null) as object });
  },
});

// Completing a job takes a while here, as on a loaded machine: a test reading a job's row as soon as its run()
// recorded something saw it still there (CI of stop 39). With this, that read fails every time.
let fast: () => Promise<void>;
beforeAll(async () => {
  fast = await slowJobCompletion(probeJob.name, 300);
});
afterAll(async () => {
  await fast();
  await db.$disconnect();
});

/** Runs `body` with this instance's job runner started (restarting after 100 ms), errors logged into `errors`. */
async function withRunner(body: (errors: string[]) => Promise<void>) {
  const errors: string[] = [];
  const logged = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void errors.push(args.map(String).join(" ")));
  // graphile-worker prints a stack trace (console.trace) when a worker exits with an error.
  const traced = vi.spyOn(console, "trace").mockImplementation(() => {});
  const handle = await startJobsForThisInstance({ jobs: [probeJob], recurring: [], retryMs: [100] });
  try {
    expect(await handle!.started).not.toBeNull();
    await body(errors);
  } finally {
    await handle?.stop();
    logged.mockRestore();
    traced.mockRestore();
  }
}

describe("the job runner after an error its loop does not handle", () => {
  it("goes on after a job fails with something that is not an Error: that job is retried, later ones run", async () => {
    await withRunner(async () => {
      const poison = await enqueueJob(db, probeJob, { value: "poison" });
      await until(() => ran.includes("poison"));
      const after = await enqueueJob(db, probeJob, { value: "after-poison" });
      // The old runner was gone: this waited until the test's timeout.
      await until(() => ran.includes("after-poison"));
      await untilJobDone(after); // done, not only started
      // Recorded as a failure to retry (graphile-worker's backoff), not left locked by a worker that died with it.
      await until(async () => (await jobRow(poison))?.locked_at === null);
      expect(await jobRow(poison)).toMatchObject({ attempts: 1, last_error: expect.any(String) as string });
    });
  }, 60_000);

  it("starts again after graphile-worker shut its pool down by itself, and runs jobs queued afterwards", async () => {
    const exitCode = process.exitCode;
    await withRunner(async (errors) => {
      const before = await enqueueJob(db, probeJob, { value: "before-notice" });
      await untilJobDone(before);
      // As another instance's breaking migration announces itself; graphile-worker stops this pool (and sets the
      // process's exit code, put back below: this process is the test's).
      await db.$executeRawUnsafe(`SELECT pg_notify('worker:migrate', '{"migrationNumber": 1, "breaking": true}')`);
      await until(() => errors.some((line) => /the job runner stopped by itself/.test(line)));
      process.exitCode = exitCode;
      const after = await enqueueJob(db, probeJob, { value: "after-notice" });
      // The old runner never started again: this waited until the test's timeout.
      await until(() => ran.includes("after-notice"));
      await untilJobDone(after); // done, not only started (reading the row at once failed CI at stop 39)
    });
    process.exitCode = exitCode;
  }, 60_000);
});
