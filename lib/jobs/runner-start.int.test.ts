// An instance that starts while PostgreSQL cannot be reached (a database starting beside the app, a network that is
// not up yet) keeps serving and answers again once the database is back. Its job runner used to try once, log
// "the job runner did not start" and never try again, so that instance took no job (no mail, no source archiving)
// until it was restarted. It is now tried again until it starts.
import { afterAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { db } from "@/lib/db";
import { startDatabaseRelay } from "@/lib/db-test-relay";
import { defineJob } from "./define";
import { enqueueJob } from "./enqueue";
import { startJobsForThisInstance } from "./instance";
import { until } from "./test-helpers";

const ran: string[] = [];
const probeJob = defineJob({
  name: `start${Date.now().toString(36)}.probe`,
  payload: z.object({ value: z.string() }),
  async run({ value }) {
    ran.push(value);
  },
});

afterAll(async () => {
  await db.$disconnect();
});

describe("the job runner of an instance started while the database was unreachable", () => {
  it("starts once the database answers, and takes jobs", async () => {
    const relay = await startDatabaseRelay();
    relay.setMode("drop");
    const errors: string[] = [];
    const logged = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void errors.push(args.map(String).join(" ")));
    const real = process.env.DATABASE_URL;
    process.env.DATABASE_URL = relay.url;
    let handle: Awaited<ReturnType<typeof startJobsForThisInstance>> | undefined;
    // Read by lib/db.ts (poolSettings) as each attempt makes its pool: a connection that does not open in 500 ms
    // fails, so the first attempt ends soon. Only for that attempt: the app's own pool (made on import) and the
    // attempts once the database answers keep the usual 5 s, or a loaded machine fails them (review30: "Connection
    // terminated due to connection timeout" from enqueueJob below, seen at load 37).
    const connectTimeout = process.env.DATABASE_CONNECT_TIMEOUT_MS;
    process.env.DATABASE_CONNECT_TIMEOUT_MS = "500";
    try {
      // Resolves once the first attempt is over: here, failed.
      handle = await startJobsForThisInstance({ jobs: [probeJob], recurring: [], retryMs: [100] });
      if (connectTimeout === undefined) delete process.env.DATABASE_CONNECT_TIMEOUT_MS;
      else process.env.DATABASE_CONNECT_TIMEOUT_MS = connectTimeout;
      expect(errors.join("\n")).toMatch(/the job runner did not start/);

      relay.setMode("relay");
      await enqueueJob(db, probeJob, { value: "after" }); // on the app's own pool, straight to the server
      await until(() => ran.includes("after"));
      expect(ran).toEqual(["after"]);
    } finally {
      if (connectTimeout === undefined) delete process.env.DATABASE_CONNECT_TIMEOUT_MS;
      else process.env.DATABASE_CONNECT_TIMEOUT_MS = connectTimeout;
      process.env.DATABASE_URL = real;
      logged.mockRestore();
      await handle?.stop();
      await relay.close();
    }
  }, 60_000);
});
