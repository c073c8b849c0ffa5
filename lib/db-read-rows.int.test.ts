// readRows (lib/db.ts) must be a drop-in for db.$queryRaw on the hot reads: the same values of the same types for
// every column type the data layer reads, and the same answers (503) when the database is gone. Real PostgreSQL,
// real pg pools; nothing is mocked.
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { answerFor, terminateWhileRunning } from "@/e2e/fixtures/errors";
import { createDesk, testDb } from "@/e2e/fixtures/factories";
import { db, readRows } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

const other = new pg.Client({ connectionString: process.env.DATABASE_URL });
const connected = other.connect();

afterAll(async () => {
  await other.end();
  await testDb().$disconnect();
});

describe("readRows returns what $queryRaw returns", () => {
  it("for every column type: timestamps, dates, numeric, int8, floats, json/jsonb, enums, arrays and nulls", async () => {
    const at = new Date("2026-03-29T01:30:00.123Z"); // a DST change in Europe: a local-time reading would shift it
    const query = Prisma.sql`
      SELECT ${at}::timestamp(3) AS "timestamp", ${at}::timestamptz AS "timestamptz", '2026-03-29'::date AS "date",
             12345.678901234567890::numeric AS "numeric", 9007199254740993::int8 AS "int8", 42::int4 AS "int4",
             7::int2 AS "int2", 0.25::float8 AS "float8", 1.5::float4 AS "float4", true AS "bool", 'täxt "q"' AS "text",
             '{"a": [1, 2.5, null, "x"], "b": {"c": true}}'::jsonb AS "jsonb", '[{"id": "x", "n": 1}]'::json AS "json",
             json_build_object('when', ${at}::timestamp(3), 'big', 9007199254740993::int8) AS "built",
             ARRAY['a', NULL, 'c,d', 'e"f'] AS "textArray", ARRAY[1, 2]::int4[] AS "int4Array",
             ARRAY[9007199254740993, NULL]::int8[] AS "int8Array", ARRAY[1.5, 2.25]::numeric[] AS "numericArray",
             ARRAY[${at}::timestamp(3), NULL] AS "timestampArray", ARRAY['2026-01-02'::date] AS "dateArray",
             'verified'::"ClaimStatus" AS "enum", ARRAY['verified', 'disputed']::"ClaimStatus"[] AS "enumArray",
             ARRAY['{"x":1}'::jsonb] AS "jsonbArray", ${"a parameter"} AS "param", ${42} AS "intParam",
             NULL::timestamp(3) AS "nullTimestamp", NULL::numeric AS "nullNumeric", NULL::jsonb AS "nullJsonb",
             NULL::text[] AS "nullArray", NULL::int8 AS "nullInt8", NULL AS "nullUnknown"`;
    const [fromPrisma] = await db.$queryRaw<Record<string, unknown>[]>(query);
    const [fromPg] = await readRows<Record<string, unknown>>(query);
    expect(fromPg).toStrictEqual(fromPrisma);
    // toStrictEqual compares values; these say the types are the ones the data layer relies on.
    expect(fromPg!.timestamp).toEqual(at);
    expect(fromPg!.timestamptz).toEqual(at);
    expect(fromPg!.date).toEqual(new Date("2026-03-29T00:00:00Z"));
    expect(fromPg!.int8).toBe(9007199254740993n);
    expect(fromPg!.numeric).toBeInstanceOf(Prisma.Decimal);
    expect(String(fromPg!.numeric)).toBe("12345.67890123456789");
    expect(fromPg!.int4).toBe(42);
    expect(fromPg!.jsonb).toEqual({ a: [1, 2.5, null, "x"], b: { c: true } });
    expect(fromPg!.textArray).toEqual(["a", null, "c,d", 'e"f']);
    expect(fromPg!.int8Array).toEqual([9007199254740993n, null]);
    expect(fromPg!.timestampArray).toEqual([at, null]);
    expect(fromPg!.enum).toBe("verified");
    expect(fromPg!.nullTimestamp).toBeNull();
  });

  it("for real rows of the tables the API reads (Article, Claim, User with enum arrays, Team)", async () => {
    const desk = await createDesk();
    await testDb().article.update({ where: { id: desk.article.id }, data: { publishedAt: new Date("2025-12-31T23:59:59.999Z") } });
    const by = desk.reviewer.id;
    const claim = { articleId: desk.article.id, exact: "x", prefix: "", suffix: "", start: 0, end: 1, createdById: by, updatedById: by };
    await testDb().claim.createMany({
      data: [claim, { ...claim, start: 2, end: 3, verdictAt: new Date(), verdictById: by, anchorConfidence: 0.75 }],
    });
    for (const query of [
      // Every column but the search vector (tsvector, which $queryRaw cannot read at all).
      Prisma.sql`SELECT to_jsonb(a) - 'searchVector' AS "asJson", a."publishedAt", a."blocks", a."createdAt", a."version"
                 FROM "Article" a WHERE "id" = ${desk.article.id}`,
      Prisma.sql`SELECT c."id", c."status", c."verdictAt", c."anchorConfidence", c."createdAt", c."commentCount", c."verdictById",
                        c."anchorMethod", c."anchorStatus"
                 FROM "Claim" c WHERE "articleId" = ${desk.article.id} ORDER BY "id"`,
      Prisma.sql`SELECT * FROM "User" WHERE "id" = ${desk.reviewer.id}`,
      Prisma.sql`SELECT * FROM "Team" WHERE "id" = ${desk.team.id}`,
    ]) {
      expect(await readRows(query)).toStrictEqual(await db.$queryRaw(query));
    }
  });

  it("sends a Date parameter as Prisma does (UTC, compared with timestamp columns)", async () => {
    const desk = await createDesk();
    const publishedAt = new Date("2025-06-01T12:00:00.500Z");
    await testDb().article.update({ where: { id: desk.article.id }, data: { publishedAt } });
    const query = Prisma.sql`SELECT "id" FROM "Article" WHERE "id" = ${desk.article.id} AND "publishedAt" = ${publishedAt}`;
    expect(await readRows(query)).toEqual([{ id: desk.article.id }]);
    expect(await readRows(query)).toStrictEqual(await db.$queryRaw(query));
  });
});

describe("readRows when the database is gone answers as Prisma did", () => {
  it("a refused connection is the same 503", async () => {
    const nowhere = "postgres://nobody:x@127.0.0.1:1/none";
    const pool = new pg.Pool({ connectionString: nowhere, connectionTimeoutMillis: 1000 });
    pool.on("error", () => {});
    const { PrismaPg } = await import("@prisma/adapter-pg");
    const { PrismaClient } = await import("@/lib/generated/prisma/client");
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: nowhere, connectionTimeoutMillis: 1000 }) });
    try {
      const viaPg = await answerFor(readRows(Prisma.sql`SELECT 1`, pool));
      expect(viaPg).toMatchObject({ status: 503, code: "database_unavailable" });
      expect(viaPg).toEqual(await answerFor(prisma.$queryRaw(Prisma.sql`SELECT 1`)));
    } finally {
      await pool.end();
      await prisma.$disconnect();
    }
  });

  it("a connection ended by the server in the middle of a read is a 503, and the pool serves the next read", async () => {
    const answer = terminateWhileRunning(
      { client: other, connected },
      readRows(Prisma.sql`SELECT pg_sleep(5)::text /* terminate-readrows */`),
      "terminate-readrows",
    );
    expect(await answer).toMatchObject({ status: 503, code: "database_unavailable" });
    expect(await readRows(Prisma.sql`SELECT 1::int AS "one"`)).toEqual([{ one: 1 }]);
  });

  it("a statement past statement_timeout is a 503 as through Prisma", async () => {
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, statement_timeout: 100 });
    try {
      const answer = await answerFor(readRows(Prisma.sql`SELECT pg_sleep(5)::text`, pool));
      expect(answer).toMatchObject({ status: 503, code: "database_unavailable" });
    } finally {
      await pool.end();
    }
  });
});
