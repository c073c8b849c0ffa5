// The ArticleStats row of an article, kept by the Claim_stats_* triggers (migration 20261201004131_claim_stats_incremental):
// adjusted by each written claim's contribution instead of recounting the article, and still equal to the full
// recount (factdesk_refresh_article_stats) after concurrent writers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createArticle, createDesk, testDb } from "@/e2e/fixtures/factories";
import { db } from "@/lib/db";
import type { ClaimStatus, Prisma } from "@/lib/generated/prisma/client";

type Desk = Awaited<ReturnType<typeof createDesk>>;
let desk: Desk;

const claimData = (articleId: string, status: ClaimStatus = "unreviewed") => ({
  articleId,
  exact: "x",
  prefix: "",
  suffix: "",
  start: 0,
  end: 1,
  status,
  createdById: desk.reviewer.id,
  updatedById: desk.reviewer.id,
});

/** The stats row as stored (every column the articles list and Needs me read). */
async function statsOf(articleId: string) {
  const rows = await testDb().$queryRaw<Record<string, unknown>[]>`
    SELECT "unreviewed", "inReview", "verdictProposed", "verified", "notCheckWorthy", "disputed", "openClaims",
      "totalClaims", "progress", "needsReanchor", "nextDueAt", "dueSort", "lastActivityAt", "assignees"
    FROM "ArticleStats" WHERE "articleId" = ${articleId}`;
  return rows[0];
}

/** The stats row the full recount makes of the same claims (it rewrites the row; the caller compares before/after). */
async function recounted(articleId: string) {
  await testDb().$queryRaw`SELECT 1 FROM factdesk_refresh_article_stats(ARRAY[${articleId}]::text[])`;
  return statsOf(articleId);
}

async function expectExact(articleId: string) {
  const kept = await statsOf(articleId);
  expect(kept).toBeDefined();
  expect(await recounted(articleId)).toEqual(kept);
}

/**
 * Runs `first` in a transaction that stays open until `second` (another transaction) is waiting on a lock,
 * then commits both: the two writes really overlap.
 */
async function overlapping(
  first: (tx: Prisma.TransactionClient) => Promise<unknown>,
  second: (tx: Prisma.TransactionClient) => Promise<unknown>,
) {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let wrote!: () => void;
  const written = new Promise<void>((resolve) => (wrote = resolve));
  const one = testDb().$transaction(
    async (tx) => {
      await first(tx);
      wrote();
      await held;
    },
    { timeout: 20_000 },
  );
  await written;
  const two = testDb().$transaction((tx) => second(tx), { timeout: 20_000 });
  let waited = false;
  try {
    // The second writer waits for the first one's lock on the stats row (or a claim row).
    for (let i = 0; i < 200; i++) {
      const waiting = await db.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`;
      waited = waiting[0]!.n > 0;
      if (waited) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  } finally {
    release();
  }
  await Promise.all([one, two]);
  expect(waited).toBe(true);
}

beforeAll(async () => {
  desk = await createDesk();
});
afterAll(async () => {
  await testDb().$disconnect();
});

describe("ArticleStats kept per claim write", () => {
  it("a claim insert does not read the article's other claims", async () => {
    const article = await createArticle(desk.team.id, { title: "Many claims" });
    await testDb().claim.createMany({ data: Array.from({ length: 300 }, () => claimData(article.id)) });
    // Statistics as autovacuum would keep them: with none yet for a table that grew from other files' claims, the
    // planner may scan the whole table for a lookup by key (394 rows once, in a CI-like run), which is not a recount.
    await testDb().$executeRaw`ANALYZE "Claim"`;
    const fetched = await testDb().$transaction(async (tx) => {
      // The triggers' lookups by key are plpgsql plans the connection may have cached while the table was tiny (a
      // sequential scan is then the cheaper plan, and is kept): 570 rows read in a CI-like run, with the statistics
      // fresh. Planned again here, and with sequential scans priced out, a lookup by key reads a row or two while a
      // recount of the article still reads its 301 claims.
      await tx.$executeRaw`DISCARD PLANS`;
      await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
      // Rows of Claim read by this insert alone: the difference across it. pg_stat_xact_user_tables reports this
      // backend's counts not yet flushed to the shared statistics (PostgreSQL flushes them at most once a second), which
      // can include the previous transactions' reads on a pooled connection: a full Vitest run read "606" here.
      const readSoFar = async () => {
        const rows = await tx.$queryRaw<{ n: bigint }[]>`
          SELECT coalesce(seq_tup_read, 0) + coalesce(idx_tup_fetch, 0) AS n FROM pg_stat_xact_user_tables WHERE relname = 'Claim'`;
        return Number(rows[0]?.n ?? 0);
      };
      const before = await readSoFar();
      await tx.claim.create({ data: claimData(article.id) });
      return (await readSoFar()) - before;
    });
    // The recount read all 301 claims of the article here.
    expect(fetched).toBeLessThan(50);
    expect((await statsOf(article.id))!.totalClaims).toBe(301);
    await expectExact(article.id);
  });

  it("two concurrent inserts both count", async () => {
    const article = await createArticle(desk.team.id, { title: "Concurrent inserts" });
    await testDb().claim.create({ data: claimData(article.id, "verified") });
    await overlapping(
      (tx) => tx.claim.create({ data: claimData(article.id) }),
      (tx) => tx.claim.create({ data: claimData(article.id, "disputed") }),
    );
    const stats = await statsOf(article.id);
    expect(stats).toMatchObject({ totalClaims: 3, unreviewed: 1, verified: 1, disputed: 1, openClaims: 2 });
    expect(stats!.progress).toBeCloseTo(1 / 3);
    await expectExact(article.id);
  });

  it("a status change and a delete running at once leave the recount's numbers", async () => {
    const article = await createArticle(desk.team.id, { title: "Status and delete" });
    const [a, b] = await Promise.all([
      testDb().claim.create({ data: claimData(article.id) }),
      testDb().claim.create({ data: claimData(article.id, "in_review") }),
    ]);
    await testDb().claim.create({ data: { ...claimData(article.id), anchorStatus: "needs_review" } });
    await overlapping(
      (tx) => tx.claim.update({ where: { id: a.id }, data: { status: "verified" } }),
      (tx) => tx.claim.delete({ where: { id: b.id } }),
    );
    expect(await statsOf(article.id)).toMatchObject({
      totalClaims: 2,
      unreviewed: 1,
      inReview: 0,
      verified: 1,
      openClaims: 1,
      needsReanchor: 1,
    });
    await expectExact(article.id);
    // The other order: the delete holds the lock first.
    const c = await testDb().claim.create({ data: claimData(article.id, "disputed") });
    await overlapping(
      (tx) => tx.claim.delete({ where: { id: a.id } }),
      (tx) => tx.claim.update({ where: { id: c.id }, data: { status: "not_check_worthy", anchorStatus: "needs_review" } }),
    );
    expect(await statsOf(article.id)).toMatchObject({ totalClaims: 2, verified: 0, notCheckWorthy: 1, disputed: 0, needsReanchor: 2 });
    await expectExact(article.id);
  });

  it("assignments, moves and deletes of the latest claim fall back to the recount", async () => {
    const article = await createArticle(desk.team.id, { title: "Assigned" });
    const other = await createArticle(desk.team.id, { title: "Moved to" });
    const assigned = await testDb().claim.create({ data: claimData(article.id) });
    const plain = await testDb().claim.create({ data: claimData(article.id) });
    await testDb().assignment.create({
      data: { claimId: assigned.id, reviewerId: desk.reviewer.id, assignedById: desk.editor.id, dueAt: new Date(Date.UTC(2026, 0, 5)) },
    });
    expect((await statsOf(article.id))!.nextDueAt).toEqual(new Date(Date.UTC(2026, 0, 5)));
    // Done: its assignment no longer makes a due date.
    await testDb().claim.update({ where: { id: assigned.id }, data: { status: "verified" } });
    expect((await statsOf(article.id))!.nextDueAt).toBeNull();
    await expectExact(article.id);
    // Open again.
    await testDb().claim.update({ where: { id: assigned.id }, data: { status: "disputed" } });
    expect((await statsOf(article.id))!.nextDueAt).toEqual(new Date(Date.UTC(2026, 0, 5)));
    await expectExact(article.id);
    // Deleting the assigned claim takes its assignee and due date with it.
    await testDb().claim.delete({ where: { id: assigned.id } });
    expect(await statsOf(article.id)).toMatchObject({ totalClaims: 1, assignees: [], nextDueAt: null });
    await expectExact(article.id);
    // Moved to another article: both articles' numbers follow.
    await testDb().claim.update({ where: { id: plain.id }, data: { articleId: other.id } });
    expect((await statsOf(article.id))!.totalClaims).toBe(0);
    expect((await statsOf(other.id))!.totalClaims).toBe(1);
    await expectExact(article.id);
    await expectExact(other.id);
    // Deleting the most recently updated claim: the latest activity is the one before it.
    const older = await testDb().claim.create({ data: claimData(other.id) });
    await testDb().claim.update({ where: { id: older.id }, data: { status: "in_review" } });
    await testDb().claim.delete({ where: { id: older.id } });
    await expectExact(other.id);
  });

  it("deleting the article's only assigned claim, not its latest one, counts the claim out once", async () => {
    // Two triggers see this delete: the Claim trigger (delta, or recount when the article has assignees) and the
    // Assignment trigger of the cascade (recount). Whichever runs first, the claim must be counted out exactly once,
    // and the article must end with no assignee (the deleted claim is neither its latest activity nor the only one).
    const article = await createArticle(desk.team.id, { title: "Only assignment" });
    const assigned = await testDb().claim.create({ data: claimData(article.id) });
    await testDb().assignment.create({
      data: { claimId: assigned.id, reviewerId: desk.reviewer.id, assignedById: desk.editor.id, dueAt: new Date(Date.UTC(2026, 0, 5)) },
    });
    await testDb().claim.create({ data: claimData(article.id, "verified") }); // the latest activity
    await testDb().claim.delete({ where: { id: assigned.id } });
    expect(await statsOf(article.id)).toMatchObject({ totalClaims: 1, unreviewed: 0, verified: 1, openClaims: 0, assignees: [] });
    await expectExact(article.id);
  });
});
