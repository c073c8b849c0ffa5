// Benchmark: the Stats page's figures (getDeskStats) for a team with 1,000,000 claims.
//   npx tsx bench/stats.ts        (CLAIMS=1000000 ARTICLES=1000 RUNS=30 by default)
// Generates the claims in SQL (statuses and verdicts spread deterministically, one sign-off audit
// event per verified or proposed claim over a year, double-review verdicts on 2% of claims), then
// prints the median and p95 server time of getDeskStats (counting in PostgreSQL), and, in the same run
// as the baseline, the former way: every claim row of the team loaded and counted in JavaScript.
// Target (issue #21): p95 < 200 ms. Prints numbers, never asserts.
import { runBench, withBenchDatabase } from "./database";

const CLAIMS = Number(process.env.CLAIMS ?? 1_000_000);
const ARTICLES = Number(process.env.ARTICLES ?? 1000);
const RUNS = Number(process.env.RUNS ?? 30);
const BASELINE_RUNS = Number(process.env.BASELINE_RUNS ?? 3);

function summary(times: number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))]!;
  return `median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms (${times.length} runs)`;
}

async function main() {
  const { createTeam, createUser, testDb } = await import("../e2e/fixtures/factories");
  const { getDeskStats } = await import("../lib/reports/desk-stats");
  const { db } = await import("../lib/db");
  try {
    const team = await createTeam();
    const [user, second] = await Promise.all([createUser(team.id, "reviewer"), createUser(team.id, "reviewer", "second")]);
    const t0 = performance.now();
    await testDb().$executeRaw`
      INSERT INTO "Article" ("id", "teamId", "title", "body", "updatedAt")
      SELECT 'bench-a' || n, ${team.id}, 'Article ' || n, 'Body of article ' || n, now() FROM generate_series(1, ${ARTICLES}) n`;
    const statuses = ["unreviewed", "in_review", "verdict_proposed", "verified", "not_check_worthy", "disputed"];
    for (let offset = 0; offset < CLAIMS; offset += 100_000) {
      const count = Math.min(100_000, CLAIMS - offset);
      // Statuses: 40% verified, the rest spread; verified, proposed and disputed claims carry a verdict 1..6.
      await testDb().$executeRawUnsafe(
        `INSERT INTO "Claim" ("id", "articleId", "exact", "prefix", "suffix", "start", "end", "status", "verdictOrdinal", "verdictLabel",
                              "requiresDoubleReview", "createdById", "updatedById", "updatedAt")
         SELECT 'bench-c' || n, 'bench-a' || (n % $1 + 1), 'Claim number ' || n, '', '', 0, 1, s.status::"ClaimStatus",
                CASE WHEN s.status IN ('verified', 'verdict_proposed', 'disputed') THEN n % 6 + 1 END,
                CASE WHEN s.status IN ('verified', 'verdict_proposed', 'disputed') THEN 'Label' END,
                n % 50 = 0, $2, $2, now()
         FROM generate_series($3::int, $4::int) n,
              LATERAL (SELECT (ARRAY[${statuses.map((s) => `'${s}'`).join(",")}])[CASE WHEN n % 10 < 4 THEN 4 ELSE n % 6 + 1 END] AS status) s`,
        ARTICLES,
        user.id,
        offset + 1,
        offset + count,
      );
    }
    // One sign-off event per verified or proposed claim, spread over the last 365 days.
    await testDb().$executeRaw`
      INSERT INTO "AuditEvent" ("createdAt", "actorId", "teamId", "articleId", "claimId", "entity", "entityId", "action")
      SELECT now() - ((hashtext(c."id") & 65535) % 365) * interval '1 day', ${user.id}, ${team.id}, c."articleId", c."id", 'claim', c."id",
             CASE WHEN c."status" = 'verified' THEN 'claim.verified' ELSE 'claim.verdict' END
      FROM "Claim" c WHERE c."status" IN ('verified', 'verdict_proposed') AND c."id" LIKE 'bench-c%'`;
    // Double review on 2% of claims: two reviewers, agreeing on four claims out of five.
    await testDb().$executeRaw`
      INSERT INTO "ReviewVerdict" ("id", "claimId", "reviewerId", "ordinal", "label", "explanation", "updatedAt")
      SELECT 'bench-r1-' || c."id", c."id", ${user.id}, 1 + (hashtext(c."id") & 3), 'Label', '', now() FROM "Claim" c WHERE c."requiresDoubleReview"
      UNION ALL
      SELECT 'bench-r2-' || c."id", c."id", ${second.id}, CASE WHEN hashtext(c."id") % 5 = 0 THEN 5 ELSE 1 + (hashtext(c."id") & 3) END, 'Label', '', now()
      FROM "Claim" c WHERE c."requiresDoubleReview"`;
    await testDb().$executeRawUnsafe(`VACUUM ANALYZE`);
    const events = await testDb().auditEvent.count({ where: { teamId: team.id } });
    const reviews = await testDb().reviewVerdict.count();
    console.log(
      `stored ${CLAIMS} claims in ${ARTICLES} articles, ${events} sign-off events, ${reviews} review verdicts in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );

    const stats = await getDeskStats({ teamId: team.id, userId: user.id }); // warm up
    console.log(`check: ${Object.values(stats.progress).reduce((a, b) => a + b, 0)} claims counted, ${stats.verifiedPerDay.length} days`);
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      await getDeskStats({ teamId: team.id, userId: user.id });
      times.push(performance.now() - t);
    }
    console.log(`getDeskStats, counted in SQL:        ${summary(times)}; target p95 < 200 ms`);

    // The former way, for the ratio: every claim row of the team into the process, counted in JavaScript.
    const baseline: number[] = [];
    for (let i = 0; i < BASELINE_RUNS; i++) {
      const t = performance.now();
      const rows = await db.claim.findMany({
        where: { article: { teamId: team.id, team: { memberships: { some: { userId: user.id } } } } },
        select: { articleId: true, status: true, verdictOrdinal: true },
      });
      const counts = new Map<string, number>();
      for (const r of rows)
        counts.set(
          `${r.articleId}/${r.status}/${r.verdictOrdinal}`,
          (counts.get(`${r.articleId}/${r.status}/${r.verdictOrdinal}`) ?? 0) + 1,
        );
      baseline.push(performance.now() - t);
    }
    console.log(`baseline, claim rows counted in JS (claims part only): ${summary(baseline)}`);
  } finally {
    await db.$disconnect();
  }
}

runBench(() => withBenchDatabase("stats", main));
