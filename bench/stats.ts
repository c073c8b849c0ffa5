// Benchmark: the Stats page's figures (getDeskStats) for a team with 1,000,000 claims.
//   BENCH_DATA_DIR=/work/bench-data/<you> nice -n 10 npx tsx bench/stats.ts
//   (CLAIMS=1000000 ARTICLES=1000 RUNS=30 BASELINE_RUNS=10 JS_BASELINE_RUNS=0 by default)
// Generates the claims in SQL (statuses and verdicts spread deterministically, one sign-off audit
// event per verified or proposed claim over a year, double-review verdicts on 2% of claims), plus
// another team with a tenth as many claims and reviews that the figures must leave out. With
// BENCH_DATA_DIR the database is kept and the rows are generated only on the first run.
// Prints the median and p95 server time of getDeskStats, then, alternating in the same run, the agreement
// figures read and computed the former way (every ReviewVerdict joined to Claim, grouped per claim) against
// the way getDeskStats does now (ReviewAgreementTally), with EXPLAIN (ANALYZE, BUFFERS) of both queries.
// JS_BASELINE_RUNS=n also times the first way of all: every claim row of the team counted in JavaScript.
// Target (issue #21): p95 < 200 ms. Prints numbers, never asserts.
import { runBench, withBenchDatabase } from "./database";

const CLAIMS = Number(process.env.CLAIMS ?? 1_000_000);
const ARTICLES = Number(process.env.ARTICLES ?? 1000);
const RUNS = Number(process.env.RUNS ?? 30);
const BASELINE_RUNS = Number(process.env.BASELINE_RUNS ?? 10);
const JS_BASELINE_RUNS = Number(process.env.JS_BASELINE_RUNS ?? 0);

function summary(times: number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))]!;
  return `median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms (${times.length} runs)`;
}

type Desk = { teamId: string; userId: string };

/**
 * Fills one team: `articles` articles ('<prefix>-a<n>') and `claims` claims ('<prefix>-c<n>'), sign-off events and
 * double reviews on every 50th claim by two reviewers. Returns the team and its first reviewer.
 */
async function generateTeam(prefix: string, articles: number, claims: number): Promise<Desk> {
  const { createTeam, createUser, testDb } = await import("../e2e/fixtures/factories");
  const team = await createTeam();
  const [user, second] = await Promise.all([createUser(team.id, "reviewer"), createUser(team.id, "reviewer", "second")]);
  await testDb().$executeRaw`
    INSERT INTO "Article" ("id", "teamId", "title", "body", "updatedAt")
    SELECT ${prefix} || '-a' || n, ${team.id}, 'Article ' || n, 'Body of article ' || n, now() FROM generate_series(1, ${articles}) n`;
  const statuses = ["unreviewed", "in_review", "verdict_proposed", "verified", "not_check_worthy", "disputed"];
  for (let offset = 0; offset < claims; offset += 100_000) {
    const count = Math.min(100_000, claims - offset);
    // Statuses: 40% verified, the rest spread; verified, proposed and disputed claims carry a verdict 1..6.
    await testDb().$executeRawUnsafe(
      `INSERT INTO "Claim" ("id", "articleId", "exact", "prefix", "suffix", "start", "end", "status", "verdictOrdinal", "verdictLabel",
                            "requiresDoubleReview", "createdById", "updatedById", "updatedAt")
       SELECT $5 || '-c' || n, $5 || '-a' || (n % $1 + 1), 'Claim number ' || n, '', '', 0, 1, s.status::"ClaimStatus",
              CASE WHEN s.status IN ('verified', 'verdict_proposed', 'disputed') THEN n % 6 + 1 END,
              CASE WHEN s.status IN ('verified', 'verdict_proposed', 'disputed') THEN 'Label' END,
              n % 50 = 0, $2, $2, now()
       FROM generate_series($3::int, $4::int) n,
            LATERAL (SELECT (ARRAY[${statuses.map((s) => `'${s}'`).join(",")}])[CASE WHEN n % 10 < 4 THEN 4 ELSE n % 6 + 1 END] AS status) s`,
      articles,
      user.id,
      offset + 1,
      offset + count,
      prefix,
    );
  }
  // One sign-off event per verified or proposed claim, spread over the last 365 days.
  await testDb().$executeRaw`
    INSERT INTO "AuditEvent" ("createdAt", "actorId", "teamId", "articleId", "claimId", "entity", "entityId", "action")
    SELECT now() - ((hashtext(c."id") & 65535) % 365) * interval '1 day', ${user.id}, ${team.id}, c."articleId", c."id", 'claim', c."id",
           CASE WHEN c."status" = 'verified' THEN 'claim.verified' ELSE 'claim.verdict' END
    FROM "Claim" c JOIN "Article" a ON a."id" = c."articleId"
    WHERE a."teamId" = ${team.id} AND c."status" IN ('verified', 'verdict_proposed')`;
  // Double review on 2% of claims: two reviewers, agreeing on four claims out of five.
  await testDb().$executeRaw`
    INSERT INTO "ReviewVerdict" ("id", "claimId", "reviewerId", "ordinal", "label", "explanation", "updatedAt")
    SELECT 'r1-' || c."id", c."id", ${user.id}, 1 + (hashtext(c."id") & 3), 'Label', '', now()
    FROM "Claim" c JOIN "Article" a ON a."id" = c."articleId" WHERE a."teamId" = ${team.id} AND c."requiresDoubleReview"
    UNION ALL
    SELECT 'r2-' || c."id", c."id", ${second.id}, CASE WHEN hashtext(c."id") % 5 = 0 THEN 5 ELSE 1 + (hashtext(c."id") & 3) END, 'Label', '', now()
    FROM "Claim" c JOIN "Article" a ON a."id" = c."articleId" WHERE a."teamId" = ${team.id} AND c."requiresDoubleReview"`;
  return { teamId: team.id, userId: user.id };
}

/** The measured team of a database this bench filled before (BENCH_DATA_DIR); throws when it is incomplete. */
async function findGenerated(): Promise<Desk> {
  const { testDb } = await import("../e2e/fixtures/factories");
  const [found] = await testDb().$queryRaw<{ teamId: string; userId: string; claims: number; reviews: number }[]>`
    SELECT a."teamId", c."createdById" AS "userId",
           (SELECT count(*)::int FROM "Claim" x JOIN "Article" y ON y."id" = x."articleId" WHERE y."teamId" = a."teamId") AS "claims",
           (SELECT count(*)::int FROM "ReviewVerdict") AS "reviews"
    FROM "Article" a JOIN "Claim" c ON c."id" = 'bench-c1' WHERE a."id" = 'bench-a1'`;
  if (!found || found.claims !== CLAIMS || found.reviews === 0)
    throw new Error(
      `the kept bench database is incomplete (${found?.claims ?? 0} of ${CLAIMS} claims, or no reviews); delete its directory`,
    );
  return { teamId: found.teamId, userId: found.userId };
}

async function main(_url: string, { reused }: { reused: boolean }) {
  const { testDb } = await import("../e2e/fixtures/factories");
  const { getDeskStats, agreementTalliesQuery } = await import("../lib/reports/desk-stats");
  const { db } = await import("../lib/db");
  try {
    let desk: Desk;
    if (reused) desk = await findGenerated();
    else {
      const t0 = performance.now();
      desk = await generateTeam("bench", ARTICLES, CLAIMS);
      await generateTeam("other", Math.ceil(ARTICLES / 10), Math.ceil(CLAIMS / 10)); // a team the figures must leave out
      await testDb().$executeRawUnsafe(`VACUUM ANALYZE`);
      console.log(`generated the rows in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
    const [sizes] = await testDb().$queryRaw<{ claims: number; events: number; reviews: number }[]>`
      SELECT (SELECT count(*)::int FROM "Claim") AS "claims", (SELECT count(*)::int FROM "AuditEvent") AS "events",
             (SELECT count(*)::int FROM "ReviewVerdict") AS "reviews"`;
    console.log(
      `stored: ${sizes!.claims} claims (${CLAIMS} in the measured team's ${ARTICLES} articles), ${sizes!.events} audit events, ${sizes!.reviews} review verdicts`,
    );

    const stats = await getDeskStats(desk); // warm up
    console.log(
      `check: ${Object.values(stats.progress).reduce((a, b) => a + b, 0)} claims counted, ${stats.verifiedPerDay.length} days, ` +
        `${stats.team.items} claims with two reviews, ${stats.articles.length} articles`,
    );
    const times: number[] = [];
    const cpu = process.cpuUsage();
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      await getDeskStats(desk);
      times.push(performance.now() - t);
    }
    const used = process.cpuUsage(cpu);
    console.log(
      `getDeskStats: ${summary(times)}; target p95 < 200 ms. ` +
        `This process's CPU (decoding and figures, not PostgreSQL's): ${((used.user + used.system) / 1000 / RUNS).toFixed(1)} ms per call`,
    );

    // The agreement figures, the part that dominated: read and computed the former way (every review of the team
    // joined to Claim, grouped per claim in JS) against the way getDeskStats does now (ReviewAgreementTally, one
    // counted item per set of verdicts), alternated. Both compute the team's figure and every article's.
    const { Prisma } = await import("../lib/generated/prisma/client");
    const { verdictAgreement } = await import("../lib/stats");
    const formerQuery = Prisma.sql`
      SELECT r."claimId", r."reviewerId", r."ordinal", r."label", c."articleId"
      FROM "ReviewVerdict" r JOIN "Claim" c ON c."id" = r."claimId" JOIN "Article" a ON a."id" = c."articleId"
      WHERE a."teamId" = ${desk.teamId} AND EXISTS (SELECT 1 FROM "Membership" m WHERE m."teamId" = a."teamId" AND m."userId" = ${desk.userId})`;
    const currentQuery = agreementTalliesQuery(desk);
    type Item = {
      claimId: string;
      articleId: string;
      count?: number;
      verdicts: { reviewerId: string; ordinal: number; category: string }[];
    };
    const figures = (items: Item[]) => {
      const perArticle = new Map<string, Item[]>();
      for (const item of items) perArticle.set(item.articleId, [...(perArticle.get(item.articleId) ?? []), item]);
      return [verdictAgreement(items), ...[...perArticle.values()].map((list) => verdictAgreement(list))];
    };
    const former = async () => {
      const rows =
        await db.$queryRaw<{ claimId: string; reviewerId: string; ordinal: number; label: string; articleId: string }[]>(formerQuery);
      const items = new Map<string, Item>();
      for (const r of rows) {
        const item = items.get(r.claimId) ?? { claimId: r.claimId, articleId: r.articleId, verdicts: [] };
        item.verdicts.push({ reviewerId: r.reviewerId, ordinal: r.ordinal, category: r.label.toLowerCase() });
        items.set(r.claimId, item);
      }
      return { rows: rows.length, team: figures([...items.values()])[0]! };
    };
    const current = async () => {
      const rows = await db.$queryRaw<{ articleId: string; verdicts: string; claims: number }[]>(currentQuery);
      const items = rows.map((set, i) => ({
        claimId: `${set.articleId}#${i}`,
        articleId: set.articleId,
        count: set.claims,
        verdicts: (JSON.parse(set.verdicts) as [string, number, string][]).map(([reviewerId, ordinal, label]) => ({
          reviewerId,
          ordinal,
          category: label.toLowerCase(),
        })),
      }));
      return { rows: rows.length, team: figures(items)[0]! };
    };
    const [a, b] = [await former(), await current()];
    console.log(
      `same team figures both ways: ${JSON.stringify(a.team) === JSON.stringify(b.team) ? "yes" : "NO"} ` +
        `(alpha ordinal ${a.team.ordinal.alpha?.toFixed(6)} vs ${b.team.ordinal.alpha?.toFixed(6)}, ${a.team.items} vs ${b.team.items} items)`,
    );
    const [formerTimes, currentTimes]: [number[], number[]] = [[], []];
    for (let i = 0; i < BASELINE_RUNS; i++) {
      for (const [run, into] of [
        [former, formerTimes],
        [current, currentTimes],
      ] as const) {
        const t = performance.now();
        await run();
        into.push(performance.now() - t);
      }
    }
    console.log(`agreement, former: every review joined to Claim (${a.rows} rows): ${summary(formerTimes)}`);
    console.log(`agreement, now: ReviewAgreementTally (${b.rows} rows):          ${summary(currentTimes)}`);
    if (process.env.EXPLAIN !== "0") {
      for (const [label, query] of [
        ["former join", formerQuery],
        ["now", currentQuery],
      ] as const) {
        const plan = await db.$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`EXPLAIN (ANALYZE, BUFFERS) ${query}`);
        console.log(`\nplan, ${label}:\n${plan.map((r) => r["QUERY PLAN"]).join("\n")}`);
      }
    }

    // The first way of all, for the ratio: every claim row of the team into the process, counted in JavaScript.
    const baseline: number[] = [];
    for (let i = 0; i < JS_BASELINE_RUNS; i++) {
      const t = performance.now();
      const rows = await db.claim.findMany({
        where: { article: { teamId: desk.teamId, team: { memberships: { some: { userId: desk.userId } } } } },
        select: { articleId: true, status: true, verdictOrdinal: true },
      });
      const counts = new Map<string, number>();
      for (const r of rows) {
        const key = `${r.articleId}/${r.status}/${r.verdictOrdinal}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      baseline.push(performance.now() - t);
    }
    if (JS_BASELINE_RUNS > 0) console.log(`first baseline, claim rows counted in JS (claims part only): ${summary(baseline)}`);
  } finally {
    await db.$disconnect();
  }
}

runBench(() => withBenchDatabase("stats", main));
