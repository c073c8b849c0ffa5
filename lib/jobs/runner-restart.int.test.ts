// graphile-worker's runner (lib/jobs/runner.ts) while PostgreSQL restarts (stop 29: seen as unhandled rejections).
// graphile-worker retries a statement only for the error codes it knows (RETRYABLE_ERROR_CODES: ETIMEDOUT,
// EHOSTUNREACH, 57P03, serialization failures); it sends a finished job's "done" without awaiting it, so any other
// connection error of that statement (ECONNREFUSED while the server is down, 57P01 "terminating connection due to
// administrator command" as it stops, "Connection terminated unexpectedly") was an unhandled rejection, and the job
// stayed locked for graphile-worker's 4-hour reset. Here a real embedded PostgreSQL is stopped as a job ends and
// started again: the job's completion must be sent again once the server is back, and nothing left unhandled.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  // Read by lib/db.ts (poolSettings): statements are given up on the client side after 1 s + QUERY_TIMEOUT_MARGIN_MS.
  process.env.DATABASE_STATEMENT_TIMEOUT_MS = "1000";
});

import { z } from "zod";
import type { Runner } from "graphile-worker";
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from "@/scripts/db/embedded";
import { freePort } from "@/scripts/lib/free-port";
import { defineJob } from "./define";
import { startJobRunner } from "./runner";
import { until } from "./test-helpers";

const ran: string[] = [];
let stopped: Promise<void> | null = null;
const probeJob = defineJob({
  name: "restart.probe",
  payload: z.object({ value: z.string() }),
  async run({ value }) {
    ran.push(value);
    // The database goes away as the job ends: the runner's "done" statement meets a server stopping, then none.
    if (value === "stop-after") {
      stopped = server.stop();
      await stopped;
    }
  },
});

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => void unhandled.push(reason);
process.on("unhandledRejection", onUnhandled);

let dataDir = "";
let port = 0;
let server: EmbeddedPostgresHandle;
let runner: Runner;

const query = async <Row extends pg.QueryResultRow>(sql: string, values: unknown[] = []) => {
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  try {
    return (await client.query<Row>(sql, values)).rows;
  } finally {
    await client.end();
  }
};
const addJob = async (value: string) =>
  (
    await query<{ id: string }>(`SELECT (graphile_worker.add_job($1, $2::json)).id::text AS id`, [probeJob.name, JSON.stringify({ value })])
  )[0]!.id;
const jobLeft = async (id: string) =>
  (await query<{ n: number }>(`SELECT count(*)::int AS n FROM graphile_worker._private_jobs WHERE id = $1`, [id]))[0]!.n;
beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), "factdesk-runner-restart-"));
  port = await freePort();
  server = await startEmbeddedPostgres({ dataDir, port });
  const real = process.env.DATABASE_URL;
  process.env.DATABASE_URL = server.url;
  try {
    runner = await startJobRunner({ jobs: [probeJob], concurrency: 1 });
  } finally {
    process.env.DATABASE_URL = real;
  }
}, 120_000);
afterAll(async () => {
  process.off("unhandledRejection", onUnhandled);
  await runner?.stop();
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("the job runner while PostgreSQL restarts", () => {
  it("completes a job that ended as the server stopped, once it is back, with nothing unhandled", async () => {
    const before = await addJob("before");
    await until(async () => (await jobLeft(before)) === 0);

    const id = await addJob("stop-after");
    await until(() => stopped !== null);
    await stopped;
    // Down for a while: the runner's polls and the job's "done" meet a refused connection.
    const refused = new pg.Client({ connectionString: server.url });
    await expect(refused.connect()).rejects.toMatchObject({ code: "ECONNREFUSED" });
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // let the runner meet it (not a race: any wait will do)
    server = await startEmbeddedPostgres({ dataDir, port });

    await until(async () => unhandled.length > 0 || (await jobLeft(id)) === 0);
    expect(
      unhandled.map((reason) =>
        reason instanceof Error ? `${reason.message} (${String((reason as { code?: unknown }).code)})` : String(reason),
      ),
    ).toEqual([]);
    expect(await jobLeft(id)).toBe(0);
    expect(ran).toEqual(["before", "stop-after"]);

    // And it takes new jobs.
    const after = await addJob("after");
    await until(async () => (await jobLeft(after)) === 0);
  }, 120_000);
});
