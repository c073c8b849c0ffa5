// Stop 27's fault: a stalled transaction could return a stuck connection to the pool. Prisma's pg adapter releases a
// transaction's connection without an error whatever happened on it, so a statement given up on the client side
// (query_timeout) while the server still ran it, or never answered, left the pool a connection that was still waiting
// for that answer (the next request's statement queued behind it and failed), or, once the late answer came, one whose
// session was still inside the abandoned transaction (the next request's statements ran in it and were never
// committed). The pool here is lib/db.ts's own (poolSettings, one connection), on the real PostgreSQL through a TCP
// relay on loopback that can drop or hold bytes on demand. After each fault, the next requests on the pool must work
// and see no open transaction.
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { PrismaPg } from "@prisma/adapter-pg";
import { poolSettings, readRows } from "@/lib/db";
import { startDatabaseRelay, type DatabaseRelay, type RelayMode } from "@/lib/db-test-relay";
import { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

// The client gives up on a statement after this long (pg's query_timeout, statement_timeout + 5 s in production).
const CLIENT_TIMEOUT_MS = 400;
const IDLE_IN_TRANSACTION_MS = 300;
const NEXT_REQUESTS = 5;

let relay: DatabaseRelay;

beforeAll(async () => {
  relay = await startDatabaseRelay();
});

afterEach(() => relay.resume());

afterAll(() => relay.close());

/** lib/db.ts's pool settings for one connection, through the relay, with short limits. */
function settings(): pg.PoolConfig {
  const previous = process.env.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS;
  process.env.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS = String(IDLE_IN_TRANSACTION_MS);
  try {
    return { ...poolSettings(1), connectionString: relay.url, query_timeout: CLIENT_TIMEOUT_MS };
  } finally {
    if (previous === undefined) delete process.env.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS;
    else process.env.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS = previous;
  }
}

/** A Prisma client on lib/db.ts's pool, as createClient builds it. */
function prismaOn(pool: pg.Pool): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
}

/** The server's clock now, read on a connection of its own (not through the relay or the pool). */
async function serverClock(): Promise<string> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ now: Date }>("SELECT clock_timestamp() AS now");
    return rows[0]!.now.toISOString();
  } finally {
    await client.end();
  }
}

/**
 * The next requests on the pool, through Prisma and through readRows: they must answer, outside any transaction.
 * now() is the start of the statement's transaction: inside the abandoned one it is older than the fault.
 */
async function expectHealthy(prisma: PrismaClient, pool: pg.Pool) {
  const fresh = Prisma.sql`SELECT now() >= ${await serverClock()}::timestamptz AS "fresh"`;
  for (let i = 0; i < NEXT_REQUESTS; i++) {
    expect(await prisma.$queryRaw(fresh), `request ${i + 1} after the fault`).toEqual([{ fresh: true }]);
    expect(await readRows(fresh, pool), `read ${i + 1} after the fault`).toEqual([{ fresh: true }]);
  }
}

/** A transaction whose second statement stalls in `stall` mode; resolves with its error. */
async function stalledTransaction(prisma: PrismaClient, stall: RelayMode): Promise<unknown> {
  return prisma
    .$transaction(async (tx) => {
      await tx.$queryRaw`SELECT 1`;
      relay.setMode(stall);
      await tx.$queryRaw`SELECT 2`;
    })
    .then(
      () => null,
      (err: unknown) => err,
    );
}

describe("a stalled transaction does not leave its connection in the pool", () => {
  it("sets every server-side limit on each connection, idle_in_transaction_session_timeout included", () => {
    expect(settings()).toMatchObject({
      statement_timeout: expect.any(Number),
      lock_timeout: expect.any(Number),
      idle_in_transaction_session_timeout: IDLE_IN_TRANSACTION_MS,
    });
  });

  it("an answer that never comes: the next requests work", async () => {
    const pool = new pg.Pool(settings());
    pool.on("error", () => {});
    const prisma = prismaOn(pool);
    try {
      await prisma.$queryRaw`SELECT 0`;
      expect(await stalledTransaction(prisma, "drop")).toBeInstanceOf(Error);
      expect(pool.totalCount, "connections kept by the pool").toBe(0);
      relay.resume();
      await expectHealthy(prisma, pool);
    } finally {
      await prisma.$disconnect();
    }
  });

  it("an answer that comes after the client gave up: the next requests run outside the abandoned transaction", async () => {
    const pool = new pg.Pool(settings());
    pool.on("error", () => {});
    const prisma = prismaOn(pool);
    try {
      await prisma.$queryRaw`SELECT 0`;
      expect(await stalledTransaction(prisma, "hold")).toBeInstanceOf(Error);
      expect(pool.totalCount, "connections kept by the pool").toBe(0);
      relay.resume();
      await expectHealthy(prisma, pool);
    } finally {
      await prisma.$disconnect();
    }
  });

  it("a connection released inside a transaction is not pooled again", async () => {
    // Whatever code abandons a transaction mid-way (an error between BEGIN and ROLLBACK), the pool must not keep it.
    const pool = new pg.Pool(settings());
    pool.on("error", () => {});
    const prisma = prismaOn(pool);
    try {
      const client = await pool.connect();
      await client.query("BEGIN");
      client.release();
      await expectHealthy(prisma, pool);
    } finally {
      await prisma.$disconnect();
    }
  });

  it("the server ends a session left idle inside a transaction (idle_in_transaction_session_timeout)", async () => {
    const pool = new pg.Pool(settings());
    pool.on("error", () => {});
    const prisma = prismaOn(pool);
    try {
      const client = await pool.connect();
      const ended = new Promise<Error>((resolve) => client.once("error", resolve));
      await client.query("BEGIN");
      expect((await ended).message).toMatch(/idle-in-transaction timeout/);
      client.release();
      await expectHealthy(prisma, pool);
    } finally {
      await prisma.$disconnect();
    }
  });
});
