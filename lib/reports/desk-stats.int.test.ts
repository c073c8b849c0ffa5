// The Stats page's figures, now counted in PostgreSQL (issue #21): the same numbers the page
// showed when it counted every claim row in JavaScript.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createArticle, createDesk, createTeam, createUser, testDb } from "@/e2e/fixtures/factories";
import { getDeskStats } from "@/lib/reports/desk-stats";
import { db } from "@/lib/db";
import type { ClaimStatus } from "@/lib/generated/prisma/enums";

type Desk = Awaited<ReturnType<typeof createDesk>>;
let desk: Desk;
let second: { id: string };

async function claim(articleId: string, status: ClaimStatus, verdictOrdinal: number | null) {
  return testDb().claim.create({
    data: {
      articleId,
      exact: "x",
      prefix: "",
      suffix: "",
      start: 0,
      end: 1,
      status,
      verdictOrdinal,
      verdictLabel: verdictOrdinal === null ? null : "label",
      createdById: desk.reviewer.id,
      updatedById: desk.reviewer.id,
    },
  });
}

async function event(action: string, createdAt: string, teamId = desk.team.id) {
  await testDb().auditEvent.create({
    data: { actorId: desk.reviewer.id, teamId, entity: "claim", entityId: "c", action, createdAt: new Date(createdAt) },
  });
}

beforeAll(async () => {
  desk = await createDesk();
  second = await createArticle(desk.team.id, { title: "Second" });
  await claim(desk.article.id, "unreviewed", null);
  await claim(desk.article.id, "verified", 1);
  await claim(desk.article.id, "verified", 1);
  await claim(second.id, "verdict_proposed", 3);
  await claim(second.id, "in_review", null);
  // 35 active days: only the last 30 are shown. Late in the UTC day, to check days are UTC days.
  for (let d = 1; d <= 35; d++) {
    const date = new Date(Date.UTC(2026, 0, d)).toISOString().slice(0, 10);
    await event("claim.verified", `${date}T23:59:59.500Z`);
    if (d % 2 === 0) await event("claim.verdict", `${date}T00:00:00.000Z`);
  }
  await event("claim.status", "2026-02-04T12:00:00Z"); // not a sign-off
  await event("claim.verified", "2026-02-04T12:00:00Z", (await createTeam()).id); // another team
});

afterAll(async () => {
  await db.$disconnect();
  await testDb().$disconnect();
});

describe("getDeskStats", () => {
  it("counts claims per status, verdict and article, and sign-offs for the last 30 active UTC days", async () => {
    const stats = await getDeskStats({ teamId: desk.team.id, userId: desk.viewer.id });
    expect(stats.progress).toMatchObject({
      unreviewed: 1,
      verified: 2,
      verdict_proposed: 1,
      in_review: 1,
      disputed: 0,
      not_check_worthy: 0,
    });
    expect(stats.verdictMix.find((v) => v.count === 2)).toBeDefined();
    expect(stats.verdictMix.reduce((n, v) => n + v.count, 0)).toBe(3);
    const byTitle = Object.fromEntries(stats.articles.map((a) => [a.title, a.progress]));
    expect(byTitle["Second"]).toMatchObject({ verdict_proposed: 1, in_review: 1, verified: 0 });
    expect(stats.verifiedPerDay).toHaveLength(30);
    expect(stats.verifiedPerDay[0]).toEqual({ day: "2026-01-06", verified: 1, proposed: 1 });
    expect(stats.verifiedPerDay.at(-1)).toEqual({ day: "2026-02-04", verified: 1, proposed: 0 });
  });

  it("shows an outsider nothing of the team's claims", async () => {
    const outsider = await createUser((await createTeam()).id, "admin", "outsider");
    const stats = await getDeskStats({ teamId: desk.team.id, userId: outsider.id });
    expect(Object.values(stats.progress).reduce((a, b) => a + b, 0)).toBe(0);
    expect(stats.articles).toEqual([]);
  });

  it("keeps the tallies equal to a count of the claims through updates, deletes and a deleted article", async () => {
    const tallied = async () =>
      (
        await testDb().$queryRaw<{ key: string }[]>`
          SELECT t."articleId" || '/' || t."status" || '/' || t."verdictOrdinal" || '=' || t."claims" AS key
          FROM "ArticleClaimTally" t JOIN "Article" a ON a."id" = t."articleId" WHERE a."teamId" = ${desk.team.id} AND t."claims" <> 0 ORDER BY 1`
      ).map((r) => r.key);
    const counted = async () =>
      (
        await testDb().$queryRaw<{ key: string }[]>`
          SELECT c."articleId" || '/' || c."status" || '/' || coalesce(c."verdictOrdinal", -1) || '=' || count(*) AS key
          FROM "Claim" c JOIN "Article" a ON a."id" = c."articleId" WHERE a."teamId" = ${desk.team.id} GROUP BY c."articleId", c."status", c."verdictOrdinal" ORDER BY 1`
      ).map((r) => r.key);
    expect(await tallied()).toEqual(await counted());
    await testDb().claim.updateMany({
      where: { articleId: desk.article.id, status: "verified" },
      data: { status: "disputed", verdictOrdinal: 2 },
    });
    await testDb().claim.updateMany({ where: { articleId: second.id }, data: { exact: "y" } }); // no status change
    const gone = await testDb().claim.findFirstOrThrow({ where: { articleId: second.id, status: "in_review" } });
    await testDb().claim.delete({ where: { id: gone.id } });
    expect(await tallied()).toEqual(await counted());
    const third = await createArticle(desk.team.id, { title: "Third" });
    await claim(third.id, "unreviewed", null);
    await testDb().article.delete({ where: { id: third.id } });
    expect(await testDb().articleClaimTally.count({ where: { articleId: third.id } })).toBe(0);
    expect(await tallied()).toEqual(await counted());
  });
});
