// Issue #21, GET claims' tail: every answer read through lib/db.ts's pools outlived the statement. Wrapped in
// GuardedClient's callback, or given pg's own query_timeout, the caller's callback (and through it the answer and its
// rows) stayed reachable until the connection's next statement, so V8 copied each answer into the old generation:
// ~35–40 KB per 45 KB answer here, scavenges of 12–30 ms instead of 2–5, and under GET claims load the server's p99
// at 50 connections 1.2–2.3× the bare server's. A plain pg pool promotes ~1–2 KB per statement. This test counts the
// bytes each scavenge moves into old space (v8.GCProfiler) while the pools run 50 statements at a time.
import v8 from "node:v8";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { poolSettings } from "@/lib/db";

// 50 rows of ~900 bytes: about the size of GET claims' answer for 50 claims.
const ANSWER = "SELECT g AS id, repeat('x', 900) AS body FROM generate_series(1, 50) g";
const STATEMENTS = 2_000;

/** KB moved into old space per statement while `pool` runs STATEMENTS statements, 50 at a time (after a warm-up). */
async function promotedKbPerStatement(pool: pg.Pool): Promise<number> {
  const run = async (count: number) => {
    let next = 0;
    await Promise.all(
      Array.from({ length: 50 }, async () => {
        while (next++ < count) if ((await pool.query(ANSWER)).rows.length !== 50) throw new Error("a short answer");
      }),
    );
  };
  await run(500);
  const profiler = new v8.GCProfiler();
  profiler.start();
  await run(STATEMENTS);
  const { statistics } = profiler.stop();
  const oldSpace = (heap: { heapSpaceStatistics: { spaceName: string; spaceUsedSize: number }[] }) =>
    heap.heapSpaceStatistics.find((space) => space.spaceName === "old_space")?.spaceUsedSize ?? 0;
  const promoted = statistics
    .filter((gc) => gc.gcType === "Scavenge")
    .reduce((sum, gc) => sum + Math.max(0, oldSpace(gc.afterGC) - oldSpace(gc.beforeGC)), 0);
  return promoted / STATEMENTS / 1024;
}

describe("answers read through the application's pools", () => {
  it("are not kept past their statement (no copying into V8's old generation)", async () => {
    const pool = new pg.Pool(poolSettings(10));
    try {
      expect(await promotedKbPerStatement(pool)).toBeLessThan(10);
    } finally {
      await pool.end();
    }
  });

  it("nor those of statements sent without a callback (Prisma's way: a client of the pool, a promise)", async () => {
    const pool = new pg.Pool(poolSettings(10));
    const withoutCallback = {
      query: async (text: string) => {
        const client = await pool.connect();
        try {
          return await client.query(text);
        } finally {
          client.release();
        }
      },
    } as unknown as pg.Pool;
    try {
      expect(await promotedKbPerStatement(withoutCallback)).toBeLessThan(10);
    } finally {
      await pool.end();
    }
  });
});
