// Attack 27: a database that stops answering on a connection already open (a stalled host or network) must not hold a
// request for ever. statement_timeout runs on the server, so it never fires then; the pools' query_timeout
// (lib/db.ts poolSettings) does. Before it, with PostgreSQL stopped (SIGSTOP) under the production build, GET article
// through the API fast lane (readRows) and through Next (Prisma) both waited until the client gave up (75 s and more).
// Here a TCP relay on loopback stands between the pools and the real PostgreSQL and stops relaying on demand.
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { PrismaPg } from "@prisma/adapter-pg";
import { poolSettings, QUERY_TIMEOUT_MARGIN_MS, readRows } from "@/lib/db";
import { startDatabaseRelay, type DatabaseRelay } from "@/lib/db-test-relay";
import { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { toAppError } from "@/lib/http/errors";

const STATEMENT_TIMEOUT_MS = 300;
let relay: DatabaseRelay;

beforeAll(async () => {
  relay = await startDatabaseRelay();
});

afterEach(() => relay.setMode("relay"));

afterAll(() => relay.close());

/** The main pool's settings, with a short statement_timeout and the relay as the server. */
function settings(): pg.PoolConfig {
  const previous = process.env.DATABASE_STATEMENT_TIMEOUT_MS;
  process.env.DATABASE_STATEMENT_TIMEOUT_MS = String(STATEMENT_TIMEOUT_MS);
  try {
    return { ...poolSettings(1), connectionString: relay.url };
  } finally {
    if (previous === undefined) delete process.env.DATABASE_STATEMENT_TIMEOUT_MS;
    else process.env.DATABASE_STATEMENT_TIMEOUT_MS = previous;
  }
}

describe("a database that stops answering mid-connection", () => {
  it("the pools give up after statement_timeout + the margin", () => {
    expect(settings()).toMatchObject({
      statement_timeout: STATEMENT_TIMEOUT_MS,
      query_timeout: STATEMENT_TIMEOUT_MS + QUERY_TIMEOUT_MARGIN_MS,
    });
  });

  it("readRows on a stalled connection is a 503, and the pool serves the next read once the server answers", async () => {
    const pool = new pg.Pool(settings());
    pool.on("error", () => {});
    try {
      expect(await readRows(Prisma.sql`SELECT 1::int AS "one"`, pool)).toEqual([{ one: 1 }]);
      relay.setMode("drop");
      const err = await readRows(Prisma.sql`SELECT 2::int AS "two"`, pool).then(
        () => null,
        (e: unknown) => e,
      );
      expect(toAppError(err)).toMatchObject({ status: 503, code: "database_unavailable" });
      relay.setMode("relay");
      expect(await readRows(Prisma.sql`SELECT 3::int AS "three"`, pool)).toEqual([{ three: 3 }]);
    } finally {
      await pool.end();
    }
  });

  it("Prisma on the same pool settings answers the same 503", async () => {
    const pool = new pg.Pool(settings());
    pool.on("error", () => {});
    const prisma = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
    try {
      expect(await prisma.$queryRaw`SELECT 1::int AS "one"`).toEqual([{ one: 1 }]);
      relay.setMode("drop");
      const err = await prisma.$queryRaw`SELECT 2::int AS "two"`.then(
        () => null,
        (e: unknown) => e,
      );
      expect(toAppError(err)).toMatchObject({ status: 503, code: "database_unavailable" });
    } finally {
      relay.setMode("relay");
      await prisma.$disconnect();
    }
  });
});
