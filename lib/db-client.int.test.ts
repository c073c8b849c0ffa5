// GuardedClient (lib/db-client.ts) keeps a connection out of the pool while a statement on it is unanswered. A
// statement pg refuses before sending anything (a null one: pg throws a TypeError) must not count as unanswered, or
// the connection was closed on release for no reason.
import pg from "pg";
import { describe, expect, it } from "vitest";
import { poolSettings } from "@/lib/db";
import { PrismaPg } from "@prisma/adapter-pg";
import { CONCURRENT_QUERY_WARNING, type GuardedClient } from "@/lib/db-client";
import { PrismaClient } from "@/lib/generated/prisma/client";

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

describe("GuardedClient after a client-side timeout", () => {
  it("a transaction given up on the client side rolls back without a concurrent-statement warning", async () => {
    // Stop 36's CI failure: the timed-out statement was still counted as unanswered after the connection was ended, so
    // Prisma's ROLLBACK on that (closing) connection raised CONCURRENT_QUERY_WARNING, which fails the test
    // (scripts/lib/vitest-setup.ts). It only showed when the client's limit fired before anything else ended the
    // session (lib/db-stalled-transaction.int.test.ts on a slow machine); pg_sleep makes that certain here.
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => {
      if (warning.message === CONCURRENT_QUERY_WARNING) warnings.push(warning);
    };
    process.on("warning", onWarning);
    const pool = new pg.Pool({ ...poolSettings(1), query_timeout: 300 });
    pool.on("error", () => {});
    const prisma = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
    try {
      const failed = await prisma
        .$transaction(async (tx) => {
          await tx.$queryRaw`SELECT 1`;
          await tx.$queryRaw`SELECT pg_sleep(1)`;
        })
        .then(
          () => null,
          (err: unknown) => err,
        );
      expect(String(failed)).toMatch(/Query read timeout/);
      expect(await prisma.$queryRaw`SELECT 2::int AS two`).toEqual([{ two: 2 }]);
      await new Promise((resolve) => setImmediate(resolve)); // process.emitWarning delivers on the next tick
      expect(warnings.map((w) => w.message)).toEqual([]);
    } finally {
      process.off("warning", onWarning);
      await prisma.$disconnect();
    }
  });
});
