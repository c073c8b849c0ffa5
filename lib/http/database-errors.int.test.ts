// How real PostgreSQL failures reach people: each class of failure the driver can report becomes a
// readable 409 or 503, never a 500 (reported: 3 of 8,633 requests in flight when PostgreSQL stopped
// answered 500). The errors here are produced by a real server, not built by hand.
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { answerFor, terminateWhileRunning } from "@/e2e/fixtures/errors";
import { createDesk, testDb } from "@/e2e/fixtures/factories";
import { lockArticleText } from "@/lib/articles/lock-article";
import { db, inTransaction } from "@/lib/db";

const other = new pg.Client({ connectionString: process.env.DATABASE_URL });
const connected = other.connect();

afterAll(async () => {
  await other.end();
  await testDb().$disconnect();
});

const observer = { client: other, connected };

describe("database failures as answers", () => {
  it("a wait for a row lock past lock_timeout is a 409 that says someone else is changing it", async () => {
    await connected;
    const desk = await createDesk();
    await other.query("BEGIN");
    try {
      await other.query('SELECT 1 FROM "Article" WHERE "id" = $1 FOR UPDATE', [desk.article.id]);
      const answer = await answerFor(inTransaction(db, (tx) => lockArticleText(tx, desk.article.id)));
      expect(answer).toMatchObject({ status: 409, code: "conflict" });
      expect(answer.message).toContain("Someone else is changing this right now");
    } finally {
      await other.query("ROLLBACK");
    }
  });

  it("a statement past statement_timeout is a 503", async () => {
    const answer = await answerFor(
      db.$transaction(async (tx) => {
        await tx.$executeRawUnsafe("SET LOCAL statement_timeout = 100");
        await tx.$queryRawUnsafe("SELECT pg_sleep(5)::text");
      }),
    );
    expect(answer).toMatchObject({ status: 503, code: "database_unavailable" });
  });

  it("a connection ended by the server in the middle of a query is a 503", async () => {
    const answer = await terminateWhileRunning(
      observer,
      // A Prisma query runs once something awaits it: start it now.
      db.$queryRawUnsafe("SELECT pg_sleep(5)::text /* terminate-plain */").then((rows) => rows),
      "terminate-plain",
    );
    expect(answer).toMatchObject({ status: 503, code: "database_unavailable" });
  });

  it("a connection ended by the server in the middle of a transaction is a 503", async () => {
    const work = db.$transaction(async (tx) => {
      await tx.user.count();
      await tx.$queryRawUnsafe("SELECT pg_sleep(5)::text /* terminate-tx */");
    });
    const answer = await terminateWhileRunning(observer, work, "terminate-tx");
    expect(answer).toMatchObject({ status: 503, code: "database_unavailable" });
  });

  it("a server that takes no more connections (53300) is a 503", async () => {
    await connected;
    await other.query("DROP ROLE IF EXISTS factdesk_full; CREATE ROLE factdesk_full LOGIN PASSWORD 'full' CONNECTION LIMIT 0");
    const url = new URL(process.env.DATABASE_URL!);
    url.username = "factdesk_full";
    url.password = "full";
    const { PrismaPg } = await import("@prisma/adapter-pg");
    const { PrismaClient } = await import("@/lib/generated/prisma/client");
    const full = new PrismaClient({ adapter: new PrismaPg({ connectionString: url.toString() }) });
    try {
      expect(await answerFor(full.user.count())).toMatchObject({ status: 503, code: "database_unavailable" });
    } finally {
      await full.$disconnect();
    }
  });

  it("a refused connection is a 503", async () => {
    const { PrismaPg } = await import("@prisma/adapter-pg");
    const { PrismaClient } = await import("@/lib/generated/prisma/client");
    const nowhere = new PrismaClient({
      adapter: new PrismaPg({ connectionString: "postgres://nobody:x@127.0.0.1:1/none", connectionTimeoutMillis: 1000 }),
    });
    try {
      expect(await answerFor(nowhere.user.count())).toMatchObject({ status: 503, code: "database_unavailable" });
      expect(await answerFor(nowhere.$transaction(async (tx) => tx.user.count()))).toMatchObject({ status: 503 });
    } finally {
      await nowhere.$disconnect();
    }
  });
});
