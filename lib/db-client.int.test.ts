// GuardedClient (lib/db-client.ts) keeps a connection out of the pool while a statement on it is unanswered. A
// statement pg refuses before sending anything (a null one: pg throws a TypeError) must not count as unanswered, or
// the connection was closed on release for no reason.
import pg from "pg";
import { describe, expect, it } from "vitest";
import { poolSettings } from "@/lib/db";
import type { GuardedClient } from "@/lib/db-client";

describe("GuardedClient", () => {
  it("a statement pg refuses before sending leaves the connection fit for the pool", async () => {
    const pool = new pg.Pool(poolSettings(1));
    try {
      const client = (await pool.connect()) as unknown as GuardedClient & pg.PoolClient;
      expect(() => client.query(null as unknown as string)).toThrow(TypeError);
      expect(client.unfitForPool()).toBeUndefined();
      const { rows } = await client.query("SELECT pg_backend_pid() AS pid");
      client.release();
      const again = await pool.connect();
      expect((await again.query("SELECT pg_backend_pid() AS pid")).rows[0].pid).toBe(rows[0].pid);
      again.release();
    } finally {
      await pool.end();
    }
  });

  it("answers through a callback and through a promise, and counts both until answered", async () => {
    const pool = new pg.Pool(poolSettings(1));
    try {
      const client = (await pool.connect()) as unknown as GuardedClient & pg.PoolClient;
      const viaPromise = client.query("SELECT 1::int AS one");
      expect(client.unfitForPool()?.message).toMatch(/unanswered/);
      expect((await viaPromise).rows).toEqual([{ one: 1 }]);
      const viaCallback = await new Promise((resolve, reject) =>
        client.query("SELECT 2::int AS two", (err: Error | null, result: pg.QueryResult) => (err ? reject(err) : resolve(result.rows))),
      );
      expect(viaCallback).toEqual([{ two: 2 }]);
      await expect(client.query("SELECT nonsense")).rejects.toMatchObject({ code: "42703" });
      expect(client.unfitForPool()).toBeUndefined();
      client.release();
    } finally {
      await pool.end();
    }
  });
});
