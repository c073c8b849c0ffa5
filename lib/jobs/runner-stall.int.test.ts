// graphile-worker's runner (lib/jobs/runner.ts) when PostgreSQL stops answering (a stalled host or network: the
// loopback relay drops every byte both ways). Its pool was graphile-worker's own pg pool, without the app's limits:
// a job poll sent into the stall was never answered and never given up on, so after the database answered again the
// runner still waited on it and took no job. The runner's pool now has the app's client-side limit and guard
// (query_timeout, GuardedClient: the lost connection is closed), so it takes jobs again once the database answers.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  // Read by lib/db.ts (poolSettings): statements are given up on the client side after 1 s + QUERY_TIMEOUT_MARGIN_MS.
  process.env.DATABASE_STATEMENT_TIMEOUT_MS = "1000";
});

import { z } from "zod";
import type { Runner } from "graphile-worker";
import { db } from "@/lib/db";
import { startDatabaseRelay, type DatabaseRelay } from "@/lib/db-test-relay";
import { defineJob } from "./define";
import { enqueueJob } from "./enqueue";
import { startJobRunner } from "./runner";
import { until } from "./test-helpers";

const ran: string[] = [];
const probeJob = defineJob({
  name: `stall${Date.now().toString(36)}.probe`,
  payload: z.object({ value: z.string() }),
  async run({ value }) {
    ran.push(value);
    // The database stops answering as the job ends: the runner's "job done" statement goes into the stall.
    if (value === "stall-after") relay.setMode("drop");
  },
});

// graphile-worker sends a job's "done" (or "failed") statement without awaiting it (worker.js: completeJob(job)), so
// a rejection of that statement is an unhandled rejection: Vitest fails the run, Node logs it.
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => void unhandled.push(reason);
process.on("unhandledRejection", onUnhandled);

let relay: DatabaseRelay;
let runner: Runner;
beforeAll(async () => {
  await db.$queryRaw`SELECT 1`; // the app's pool on the real server, before the runner's address changes
  relay = await startDatabaseRelay();
  const real = process.env.DATABASE_URL;
  process.env.DATABASE_URL = relay.url;
  try {
    runner = await startJobRunner({ jobs: [probeJob], concurrency: 1 });
  } finally {
    process.env.DATABASE_URL = real;
  }
});
afterAll(async () => {
  relay.resume();
  // Every job's "done" answered before the runner and its pool stop: one lost in a stall is sent again after its
  // timeout, and sent to an ended pool it would fail ("Cannot use a pool after calling end on the pool").
  await until(async () => (await jobsLeft()) === 0);
  process.off("unhandledRejection", onUnhandled);
  await runner.stop();
  await relay.close();
  await db.$disconnect();
});

const jobsLeft = async () =>
  (
    await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id
      WHERE t.identifier = ${probeJob.name}`
  )[0]!.n;

describe("the job runner when the database stops answering", () => {
  it("takes jobs again once the database answers", async () => {
    await enqueueJob(db, probeJob, { value: "before" });
    await until(() => ran.includes("before"));

    relay.setMode("drop");
    await enqueueJob(db, probeJob, { value: "during" }); // on the app's own pool, not through the relay
    const lostBefore = relay.dropped();
    await until(() => relay.dropped() > lostBefore); // the runner sent something into the stall
    relay.setMode("relay");

    await until(() => ran.includes("during"));
    expect(ran).toEqual(["before", "during"]);
  }, 60_000);

  it("completes a job whose end the database did not answer, once it answers (nothing unhandled)", async () => {
    const jobId = await enqueueJob(db, probeJob, { value: "stall-after" });
    await until(() => ran.includes("stall-after")); // the job ran and the relay drops from now on
    const lostBefore = relay.dropped();
    await until(() => relay.dropped() > lostBefore); // its "done" statement went into the stall
    relay.setMode("relay");

    // The lost statement times out on the client side (query_timeout, 6 s here); the completion is sent again.
    const left = async () =>
      (await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM graphile_worker._private_jobs WHERE id = ${BigInt(jobId)}`)[0]!.n;
    await until(async () => unhandled.length > 0 || (await left()) === 0);
    expect(unhandled.map((reason) => (reason instanceof Error ? reason.message : String(reason)))).toEqual([]);
    expect(await left()).toBe(0);
    expect(ran.filter((value) => value === "stall-after")).toEqual(["stall-after"]);
  }, 60_000);
});
