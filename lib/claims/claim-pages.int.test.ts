// Issue #21: the claims API pages by cursor. Pages must cover every claim exactly once, in text order, even when
// claims are added between two pages (an offset would repeat or skip one); a cursor the list did not give out is a
// 422; another team's reader gets the same 404 as for a missing article; a page is one SQL statement.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createArticle, createDesk, createTeam, createUser, testDb } from "@/e2e/fixtures/factories";
import { describeRange } from "@/lib/anchoring/selectors";
import { AppError } from "@/lib/http/errors";
import { NO_CLAIM_FILTER } from "@/lib/claims/claim-filter";
import { installLoggedDb } from "@/e2e/fixtures/logged-db";

const statements: string[] = [];
// lib/db's client and pool report every statement (Prisma's and readRows's) here.
const logged = installLoggedDb((query) => statements.push(query));

const { listClaimSummaryPage, countArticleClaims } = await import("@/lib/claims/claim-pages");
const { listClaimSummaries } = await import("@/lib/claims/list-claims");

afterAll(async () => {
  await logged.$disconnect();
  await testDb().$disconnect();
});

const SENTENCES = 40;
const body = Array.from({ length: SENTENCES }, (_, i) => `Sentence ${i + 1} says the rate rose by ${i + 3} per cent last year.`).join(
  "\n\n",
);
let desk: Awaited<ReturnType<typeof createDesk>>;
let articleId: string;

/** Adds claims on sentence `index` (0-based): `copies` of the whole sentence, with the same creation time. */
async function claimOn(index: number, copies = 1, status: "unreviewed" | "disputed" = "unreviewed") {
  const start = body.indexOf(`Sentence ${index + 1} `);
  const end = body.indexOf(".", start) + 1;
  const { quote } = describeRange(body, start, end);
  const createdAt = new Date(Date.UTC(2026, 0, 1, 0, 0, index));
  await testDb().claim.createMany({
    data: Array.from({ length: copies }, () => ({
      articleId,
      ...quote,
      start,
      end,
      status,
      createdAt,
      createdById: desk.reviewer.id,
      updatedById: desk.reviewer.id,
    })),
  });
}

async function readAll(limit: number, between?: (page: number) => Promise<void>, filter = NO_CLAIM_FILTER) {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 100; page++) {
    const result = await listClaimSummaryPage({ articleId, userId: desk.viewer.id, cursor, limit, filter });
    expect(result.claims.length).toBeLessThanOrEqual(limit);
    ids.push(...result.claims.map((c) => c.id));
    cursor = result.nextCursor;
    if (!cursor) return ids;
    await between?.(page);
  }
  throw new Error("the pages never ended");
}

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  return promise.then(
    () => {
      throw new Error("expected an error");
    },
    (e: unknown) => e as AppError,
  );
}

beforeAll(async () => {
  desk = await createDesk();
  articleId = (await createArticle(desk.team.id, { body })).id;
  // Every third sentence carries three claims with the same place and creation time: only the id orders them.
  for (let i = 0; i < SENTENCES; i += 2) await claimOn(i, i % 3 === 0 ? 3 : 1, i % 4 === 0 ? "disputed" : "unreviewed");
});

describe("claims paged by cursor", () => {
  it("cover every claim exactly once, in the order of the whole list, whatever the page size", async () => {
    const all = (await listClaimSummaries({ articleId, userId: desk.viewer.id })).map((c) => c.id);
    expect(all.length).toBeGreaterThan(25);
    for (const limit of [1, 7, 10, all.length, all.length + 5]) expect(await readAll(limit)).toEqual(all);
    const first = await listClaimSummaryPage({ articleId, userId: desk.viewer.id, limit: all.length });
    expect(first.nextCursor).toBeNull();
  });

  it("cover every claim exactly once while claims are added between pages", async () => {
    const before = (await listClaimSummaries({ articleId, userId: desk.viewer.id })).map((c) => c.id);
    const ids = await readAll(5, async (page) => {
      // Before the cursor (sentence 1), beside it, and after it (the last sentences), with shared places.
      if (page === 1) {
        await claimOn(1, 2);
        await claimOn(SENTENCES - 1, 2);
      }
      if (page === 3) await claimOn(0, 1);
    });
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of before) expect(ids).toContain(id);
    const added = (await testDb().claim.findMany({ where: { articleId, start: body.indexOf(`Sentence ${SENTENCES} `) } })).map((c) => c.id);
    for (const id of added) expect(ids).toContain(id);
  });

  it("keep the claim list's filters: a filtered page holds only matching claims, and the pages hold them all", async () => {
    const filter = { ...NO_CLAIM_FILTER, disputed: true };
    const disputed = (await listClaimSummaries({ articleId, userId: desk.viewer.id, filter })).map((c) => c.id);
    expect(disputed.length).toBeGreaterThan(3);
    expect(await readAll(2, undefined, filter)).toEqual(disputed);
    const counts = await countArticleClaims({ articleId, userId: desk.viewer.id });
    expect(counts.byStatus.disputed).toBe(disputed.length);
    expect(counts.total).toBe(await testDb().claim.count({ where: { articleId } }));
  });

  it("refuse a cursor they did not give out with a 422 that says so", async () => {
    const { nextCursor } = await listClaimSummaryPage({ articleId, userId: desk.viewer.id, limit: 2 });
    const made = [
      "not-a-cursor",
      Buffer.from(JSON.stringify([1, 2])).toString("base64url"),
      Buffer.from(JSON.stringify({ offset: 10 })).toString("base64url"),
      `${nextCursor}x`,
      "",
    ];
    for (const cursor of made.filter(Boolean)) {
      const error = await errorOf(listClaimSummaryPage({ articleId, userId: desk.viewer.id, cursor, limit: 2 }));
      expect(error).toBeInstanceOf(AppError);
      expect([error.status, error.code]).toEqual([422, "unprocessable"]);
      expect(error.message).toMatch(/cursor/i);
      expect(error.fields?.cursor).toBeDefined();
    }
  });

  it("answer another team's reader with the 404 of a missing article", async () => {
    const intruder = await createUser((await createTeam()).id, "admin", "intruder");
    const { nextCursor } = await listClaimSummaryPage({ articleId, userId: desk.viewer.id, limit: 2 });
    for (const cursor of [null, nextCursor]) {
      const error = await errorOf(listClaimSummaryPage({ articleId, userId: intruder.id, cursor, limit: 2 }));
      expect([error.status, error.code]).toEqual([404, "not_found"]);
    }
    expect((await errorOf(countArticleClaims({ articleId, userId: intruder.id }))).status).toBe(404);
    expect((await errorOf(listClaimSummaryPage({ articleId: "missing", userId: desk.viewer.id }))).status).toBe(404);
  });

  it("read a page, with its tags and assignments, in one SQL statement", async () => {
    const { nextCursor } = await listClaimSummaryPage({ articleId, userId: desk.viewer.id, limit: 3 });
    statements.length = 0;
    await listClaimSummaryPage({ articleId, userId: desk.viewer.id, cursor: nextCursor, limit: 3 });
    expect(statements).toHaveLength(1);
  });
});
