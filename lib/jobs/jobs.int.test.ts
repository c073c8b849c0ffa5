import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { Runner } from "graphile-worker";
import { db } from "@/lib/db";
import { defineJob } from "./define";
import { enqueueJob } from "./enqueue";
import { startJobRunner } from "./runner";

// Real graphile-worker on the test database: jobs with unique names so nothing else takes them.
const run = `t${Date.now().toString(36)}`;
const marked: string[] = [];
const markJob = defineJob({
  name: `${run}.mark`,
  payload: z.object({ value: z.string() }),
  async run({ value }) {
    marked.push(value);
  },
});
const failingJob = defineJob({
  name: `${run}.fail`,
  payload: z.object({}),
  maxAttempts: 3,
  async run() {
    throw new Error("source unreachable");
  },
});

let runner: Runner;
beforeAll(async () => {
  runner = await startJobRunner({ jobs: [markJob, failingJob], concurrency: 1 });
});
afterAll(async () => {
  await runner.stop();
  await db.$disconnect();
});

async function until<T>(read: () => Promise<T | undefined> | T | undefined): Promise<T> {
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
const jobsNamed = (name: string) =>
  db.$queryRaw<{ attempts: number; last_error: string | null; run_at: Date; payload: unknown }[]>`
    SELECT j.attempts, j.last_error, j.run_at, j.payload
    FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id
    WHERE t.identifier = ${name}`;

describe("job queue", () => {
  it("adds nothing when the enqueuing transaction rolls back", async () => {
    await expect(
      db.$transaction(async (tx) => {
        await enqueueJob(tx, markJob, { value: "rolled-back" }, { runAt: new Date(Date.now() + 3_600_000) });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await jobsNamed(markJob.name)).toEqual([]);
  });

  it("runs a committed job in the runner", async () => {
    await db.$transaction((tx) => enqueueJob(tx, markJob, { value: "committed" }));
    await until(() => (marked.includes("committed") ? true : undefined));
  });

  it("keeps one waiting job per job key, with the latest payload", async () => {
    const later = new Date(Date.now() + 3_600_000);
    await enqueueJob(db, markJob, { value: "first" }, { runAt: later, jobKey: `${run}-digest` });
    await enqueueJob(db, markJob, { value: "second" }, { runAt: later, jobKey: `${run}-digest` });
    const waiting = await jobsNamed(markJob.name);
    expect(waiting.map((job) => job.payload)).toEqual([{ value: "second" }]);
  });

  it("retries a failing job later, recording the error", async () => {
    const started = new Date();
    await enqueueJob(db, failingJob, {});
    const [job] = await until(async () => {
      const rows = await jobsNamed(failingJob.name);
      // graphile-worker counts the attempt when it takes the job and records the error when it fails.
      return rows[0]?.attempts === 1 && rows[0].last_error ? rows : undefined;
    });
    expect(job!.last_error).toContain("source unreachable");
    expect(job!.run_at.getTime()).toBeGreaterThan(started.getTime());
  });

  it("refuses a payload its schema does not accept", async () => {
    await expect(enqueueJob(db, markJob, { value: 42 } as unknown as { value: string })).rejects.toThrow();
  });
});
