// The Stats page's figures, now counted in PostgreSQL (issue #21): the same numbers the page
// showed when it counted every claim row in JavaScript, and agreement figures read through
// ReviewVerdict.articleId (kept by triggers) equal to a fresh computation through Claim.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createArticle, createDesk, createTeam, createUser, testDb } from "@/e2e/fixtures/factories";
import { submitReviewVerdict } from "@/lib/claims/review-verdicts";
import { getDeskStats } from "@/lib/reports/desk-stats";
import type { ClaimStatus } from "@/lib/generated/prisma/enums";
import { verdictAgreement } from "@/lib/stats";
import { isNoRating, readRatingScale } from "@/lib/teams/rating-scale";

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

describe("getDeskStats: reviewer agreement", () => {
  type Team = Awaited<ReturnType<typeof createDesk>>;
  let team: Team;
  let first: { id: string };
  let later: { id: string };
  let elsewhere: { id: string }; // another team's article
  const third = () => createUser(team.team.id, "reviewer", "third");

  async function reviewed(articleId: string, verdicts: [string, number, string][]) {
    const c = await testDb().claim.create({
      data: {
        articleId,
        exact: "x",
        prefix: "",
        suffix: "",
        start: 0,
        end: 1,
        status: "in_review",
        requiresDoubleReview: true,
        createdById: team.reviewer.id,
        updatedById: team.reviewer.id,
      },
    });
    // Written as a script or an import would, without articleId: the trigger fills it in.
    await testDb().reviewVerdict.createMany({
      data: verdicts.map(([reviewerId, ordinal, label]) => ({ claimId: c.id, reviewerId, ordinal, label, explanation: "" })),
    });
    return c;
  }

  /** The agreement figures computed afresh: every review of the team joined to its claim, as before issue #21. */
  async function fresh() {
    const scale = readRatingScale((await testDb().team.findUniqueOrThrow({ where: { id: team.team.id } })).ratingScale);
    const rows = await testDb().$queryRaw<{ claimId: string; reviewerId: string; ordinal: number; label: string; articleId: string }[]>`
      SELECT r."claimId", r."reviewerId", r."ordinal", r."label", c."articleId"
      FROM "ReviewVerdict" r JOIN "Claim" c ON c."id" = r."claimId" JOIN "Article" a ON a."id" = c."articleId"
      WHERE a."teamId" = ${team.team.id} ORDER BY r."claimId", r."reviewerId"`;
    const items = new Map<
      string,
      { claimId: string; articleId: string; verdicts: Parameters<typeof verdictAgreement>[0][number]["verdicts"][number][] }
    >();
    for (const r of rows) {
      const item = items.get(r.claimId) ?? { claimId: r.claimId, articleId: r.articleId, verdicts: [] };
      item.verdicts.push({ reviewerId: r.reviewerId, ordinal: r.ordinal, noRating: isNoRating(scale, r), category: r.label.toLowerCase() });
      items.set(r.claimId, item);
    }
    const all = [...items.values()];
    const articles = await testDb().article.findMany({ where: { teamId: team.team.id }, select: { id: true } });
    return {
      team: verdictAgreement(all),
      articles: Object.fromEntries(articles.map((a) => [a.id, verdictAgreement(all.filter((i) => i.articleId === a.id))])),
    };
  }

  async function expectFresh() {
    const stats = await getDeskStats({ teamId: team.team.id, userId: team.viewer.id });
    const expected = await fresh();
    // Counted items give the figures of repeated ones, up to rounding in the last digits.
    const rounded = (figures: unknown) =>
      JSON.parse(JSON.stringify(figures, (_, v: unknown) => (typeof v === "number" ? Number(v.toFixed(10)) : v))) as unknown;
    expect(rounded(stats.team)).toEqual(rounded(expected.team));
    expect(rounded(Object.fromEntries(stats.articles.map((a) => [a.id, a.agreement])))).toEqual(rounded(expected.articles));
    // And the column itself: every review carries its claim's article.
    const [{ wrong }] = await testDb().$queryRaw<{ wrong: number }[]>`
      SELECT count(*)::int AS "wrong" FROM "ReviewVerdict" r JOIN "Claim" c ON c."id" = r."claimId" WHERE r."articleId" <> c."articleId"`;
    expect(wrong).toBe(0);
    return stats;
  }

  beforeAll(async () => {
    team = await createDesk();
    first = team.article;
    later = await createArticle(team.team.id, { title: "Later" });
    elsewhere = await createArticle((await createTeam()).id, { title: "Elsewhere" });
  });

  it("equals a fresh computation through inserts, updates, moves and deletes", async () => {
    const [a, b] = [team.reviewer.id, team.reviewer2.id];
    await reviewed(first.id, [
      [a, 5, "True"],
      [b, 5, "True"],
    ]);
    const disputed = await reviewed(first.id, [
      [a, 1, "False"],
      [b, 4, "Mostly true"],
    ]);
    await reviewed(later.id, [
      [a, 2, "Mostly false"],
      [b, 2, "Mostly false"],
    ]);
    await reviewed(later.id, [
      [a, 0, "Unverifiable"],
      [b, 3, "Half true"],
    ]);
    // The app's own write path (locks the claim FOR UPDATE, then upserts).
    const viaApp = await testDb().claim.create({
      data: {
        articleId: later.id,
        exact: "y",
        prefix: "",
        suffix: "",
        start: 0,
        end: 1,
        requiresDoubleReview: true,
        createdById: a,
        updatedById: a,
      },
    });
    await submitReviewVerdict({ userId: a, claimId: viaApp.id, verdict: "true", explanation: "Yes." });
    await submitReviewVerdict({ userId: b, claimId: viaApp.id, verdict: "false", explanation: "No." });
    let stats = await expectFresh();
    expect(stats.team.items).toBe(5);
    expect(stats.articles.find((x) => x.id === later.id)!.agreement.items).toBe(3);

    // A write naming another team's article is corrected from the claim.
    const c = await testDb().reviewVerdict.create({
      data: { claimId: disputed.id, reviewerId: (await third()).id, ordinal: 1, label: "False", explanation: "", articleId: elsewhere.id },
    });
    expect((await testDb().reviewVerdict.findUniqueOrThrow({ where: { id: c.id } })).articleId).toBe(first.id);
    await testDb().reviewVerdict.update({ where: { id: c.id }, data: { articleId: elsewhere.id } });
    expect((await testDb().reviewVerdict.findUniqueOrThrow({ where: { id: c.id } })).articleId).toBe(first.id);
    await expectFresh();

    // Changed verdicts, a review moved to another claim, a claim moved to another article.
    await testDb().reviewVerdict.updateMany({ where: { claimId: disputed.id, reviewerId: b }, data: { ordinal: 1, label: "False" } });
    const target = await reviewed(later.id, [[a, 4, "Mostly true"]]);
    await testDb().reviewVerdict.update({ where: { id: c.id }, data: { claimId: target.id } });
    expect((await testDb().reviewVerdict.findUniqueOrThrow({ where: { id: c.id } })).articleId).toBe(later.id);
    await testDb().claim.update({ where: { id: disputed.id }, data: { articleId: later.id } });
    stats = await expectFresh();
    expect(stats.articles.find((x) => x.id === first.id)!.agreement.items).toBe(1);

    // Deletes: one review, a claim with its reviews, an article with its claims.
    await testDb().reviewVerdict.deleteMany({ where: { claimId: target.id, reviewerId: a } });
    await testDb().claim.delete({ where: { id: viaApp.id } });
    await expectFresh();
    await testDb().article.delete({ where: { id: later.id } });
    stats = await expectFresh();
    expect(stats.team.items).toBe(1);
    expect(await testDb().reviewVerdict.count({ where: { articleId: later.id } })).toBe(0);
  });

  it("shows an outsider and a member of an archived team no reviews", async () => {
    await reviewed(first.id, [
      [team.reviewer.id, 5, "True"],
      [team.reviewer2.id, 1, "False"],
    ]);
    expect((await getDeskStats({ teamId: team.team.id, userId: team.viewer.id })).team.items).toBeGreaterThan(0);
    const outsider = await createUser((await createTeam()).id, "admin", "outsider");
    const seen = await getDeskStats({ teamId: team.team.id, userId: outsider.id });
    expect(seen.team).toEqual(verdictAgreement([]));
    expect(seen.articles).toEqual([]);
    await testDb().team.update({ where: { id: team.team.id }, data: { archivedAt: new Date() } });
    try {
      const archived = await getDeskStats({ teamId: team.team.id, userId: team.viewer.id });
      expect(archived.team).toEqual(verdictAgreement([]));
      expect(archived.articles).toEqual([]);
    } finally {
      await testDb().team.update({ where: { id: team.team.id }, data: { archivedAt: null } });
    }
  });

  it("keeps a review's article and the tally right when writes on one claim overlap", async () => {
    const mover = new pg.Client({ connectionString: process.env.DATABASE_URL });
    const writer = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await Promise.all([mover.connect(), writer.connect()]);
    // Until `client` waits for a lock (at most ~5 s: a write that never waits goes on, and the checks below tell).
    const waitsForLock = async (client: pg.Client) => {
      const pid = (client as unknown as { processID: number }).processID;
      for (let tries = 0; tries < 250; tries++) {
        const rows = await testDb().$queryRaw<{ waiting: boolean }[]>`
          SELECT coalesce(bool_or(wait_event_type = 'Lock'), false) AS waiting FROM pg_stat_activity WHERE pid = ${pid}`;
        if (rows[0]?.waiting) return;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    const insertReview = (client: pg.Client, claimId: string, reviewerId: string) =>
      client.query(
        `INSERT INTO "ReviewVerdict" ("id", "claimId", "reviewerId", "ordinal", "label", "explanation", "updatedAt")
         VALUES (gen_random_uuid()::text, $1, $2, 5, 'True', '', now())`,
        [claimId, reviewerId],
      );
    const articleOf = async (claimId: string) =>
      (await testDb().reviewVerdict.findMany({ where: { claimId }, select: { articleId: true } })).map((r) => r.articleId);
    try {
      const other = await createArticle(team.team.id, { title: "Other" });
      // The claim moves first; the review written meanwhile waits, then takes the new article.
      const one = await reviewed(first.id, []);
      await mover.query("BEGIN");
      await mover.query(`UPDATE "Claim" SET "articleId" = $1 WHERE "id" = $2`, [other.id, one.id]);
      const inserting = insertReview(writer, one.id, team.reviewer.id);
      await waitsForLock(writer);
      await mover.query("COMMIT");
      await inserting;
      expect(await articleOf(one.id)).toEqual([other.id]);

      // The review is written first; the move waits for it, then takes it along.
      const two = await reviewed(first.id, []);
      await writer.query("BEGIN");
      await insertReview(writer, two.id, team.reviewer.id);
      const moving = mover.query(`UPDATE "Claim" SET "articleId" = $1 WHERE "id" = $2`, [other.id, two.id]);
      await waitsForLock(mover);
      await writer.query("COMMIT");
      await moving;
      expect(await articleOf(two.id)).toEqual([other.id]);

      // Two reviews of one claim written at once: the second waits for the first, and the tally counts one claim
      // with both verdicts, not two claims with one each.
      const three = await reviewed(other.id, []);
      await Promise.all([mover.query("BEGIN"), writer.query("BEGIN")]);
      await insertReview(mover, three.id, team.reviewer.id);
      const second = insertReview(writer, three.id, team.reviewer2.id);
      await waitsForLock(writer);
      await mover.query("COMMIT");
      await second;
      await writer.query("COMMIT");
      const stats = await expectFresh();
      expect(stats.articles.find((x) => x.id === other.id)!.agreement.items).toBe(1);
    } finally {
      await Promise.all([mover.end(), writer.end()]);
    }
  });
});
