// Benchmark: "checked before" lookups over 1,000,000 stored claims with verdicts (issue #21).
//   BENCH_DATA_DIR=/work/bench-data/<you> nice -n 10 npx tsx bench/checked-before.ts
//   (CLAIMS=1000000 QUERIES=200 BASELINE_QUERIES=3 by default; EXPLAIN=0 leaves the plan out)
// With BENCH_DATA_DIR the database is kept and the claims are generated (and indexed) only on the first run.
// Prints the median and 95th percentile with the trigram index, and, as the baseline in
// the same run, the same nearest-claims query with index scans switched off (a sequential scan;
// fewer lookups, since each reads every claim). The claims are loaded with the trigram index
// dropped and built once afterwards, as a restore would; the lookups run against the built index.
import { runBench, withBenchDatabase } from "./database";
import { buildLongArticle } from "./fixtures";

const CLAIMS = Number(process.env.CLAIMS ?? 1_000_000);
const QUERIES = Number(process.env.QUERIES ?? 200);
const BASELINE_QUERIES = Number(process.env.BASELINE_QUERIES ?? 3);

function sentences(): string[] {
  return buildLongArticle(20_000)
    .split(/(?<=[.!?”])\s+/)
    .map((s) => s.replace(/\s*\[\d+\]$/, ""))
    .filter((s) => s.length > 30);
}

// A desk's claims are about many subjects; build varied ones from parts, deterministically.
const SUBJECTS = [
  "The UK",
  "France",
  "Germany",
  "The NHS",
  "The council",
  "Scotland",
  "The government",
  "Wales",
  "The EU",
  "Nato",
  "The Treasury",
  "London",
  "Labour",
  "The Conservatives",
  "The US",
  "Poland",
  "Ireland",
  "The BBC",
  "Ofsted",
  "The Met Police",
];
const VERBS = [
  "spends",
  "employs",
  "cut",
  "raised",
  "lost",
  "built",
  "recorded",
  "paid",
  "received",
  "closed",
  "opened",
  "funded",
  "reported",
  "missed",
  "exceeded",
];
const OBJECTS = [
  "on defence",
  "on schools",
  "in GP appointments",
  "in new homes",
  "on bus routes",
  "in hospital beds",
  "on foreign aid",
  "in police officers",
  "on rail fares",
  "in teachers",
  "on energy bills",
  "in carbon emissions",
  "on childcare",
  "in nurses",
  "in prison places",
  "on potholes",
];
const AMOUNTS = [
  "2.3 per cent of GDP",
  "£1.2bn",
  "40,000",
  "a third",
  "12 per cent",
  "£350m a week",
  "1.5 million",
  "more than half",
  "3 per cent of its budget",
  "twice as many",
];
const TIMES = [
  "last year",
  "since 2010",
  "in 2023",
  "this decade",
  "over five years",
  "in the past decade",
  "since the pandemic",
  "by 2030",
];
function variedClaim(n: number): string {
  const pick = <T>(list: T[], k: number) => list[Math.floor(n / k) % list.length]!;
  return `${pick(SUBJECTS, 1)} ${pick(VERBS, 20)} ${pick(AMOUNTS, 300)} ${pick(OBJECTS, 3000)} ${pick(TIMES, 7)}, according to report ${n}`;
}

/** Team of a database this bench filled before (BENCH_DATA_DIR); throws when it is incomplete. */
async function findGenerated(): Promise<string> {
  const { testDb } = await import("../e2e/fixtures/factories");
  const [found] = await testDb().$queryRaw<{ teamId: string; claims: number; indexed: boolean }[]>`
    SELECT a."teamId", (SELECT count(*)::int FROM "Claim") AS "claims",
           EXISTS (SELECT 1 FROM pg_indexes WHERE indexname = 'Claim_exact_trgm_idx') AS "indexed"
    FROM "Claim" c JOIN "Article" a ON a."id" = c."articleId" WHERE c."id" = 'bench-1'`;
  if (!found || found.claims !== CLAIMS || !found.indexed)
    throw new Error(`the kept bench database is incomplete (${found?.claims ?? 0} of ${CLAIMS} claims, or no index); delete its directory`);
  return found.teamId;
}

/** Stores CLAIMS claims with verdicts in one article of a new team; returns the team's id. */
async function generate(base: string[]): Promise<string> {
  const { createTeam, createUser, testDb } = await import("../e2e/fixtures/factories");
  const team = await createTeam();
  const user = await createUser(team.id, "reviewer");
  const article = await testDb().article.create({ data: { teamId: team.id, title: "Bench", body: "x" } });
  const started = performance.now();
  const index = await testDb().$queryRaw<
    { def: string }[]
  >`SELECT indexdef AS def FROM pg_indexes WHERE indexname = 'Claim_exact_trgm_idx'`;
  await testDb().$executeRawUnsafe(`DROP INDEX "Claim_exact_trgm_idx"`);
  // In batches of 50,000 texts sent as one array each: row-by-row inserts through the ORM took hours at 1M.
  for (let offset = 0; offset < CLAIMS; offset += 50_000) {
    // Vary the figures and a word so the texts differ as real claims about the same topics do.
    const texts = Array.from({ length: Math.min(50_000, CLAIMS - offset) }, (_, i) => {
      const n = offset + i;
      return n % 10 === 0 ? `${base[n % base.length]!} (${n})` : variedClaim(n);
    });
    await testDb().$executeRaw`
      INSERT INTO "Claim" ("id", "articleId", "exact", "prefix", "suffix", "start", "end", "status", "verdictOrdinal", "verdictLabel",
                           "createdById", "updatedById", "updatedAt")
      SELECT 'bench-' || (${offset}::int + t.n), ${article.id}, t.exact, '', '', 0, 1, 'verified', (${offset}::int + t.n) % 5 + 1, 'True',
             ${user.id}, ${user.id}, now()
      FROM unnest(${texts}::text[]) WITH ORDINALITY AS t(exact, n)`;
  }
  const loaded = performance.now();
  await testDb().$executeRawUnsafe(index[0]!.def);
  await testDb().$executeRawUnsafe(`VACUUM ANALYZE "Claim"`);
  console.log(
    `stored ${CLAIMS} claims with verdicts in ${((loaded - started) / 1000).toFixed(1)} s, trigram index built in ${((performance.now() - loaded) / 1000).toFixed(1)} s`,
  );
  return team.id;
}

async function main(_url: string, { reused }: { reused: boolean }) {
  const { findCheckedBefore } = await import("../lib/claims/checked-before");
  const { db } = await import("../lib/db");
  try {
    const base = sentences();
    const teamId = reused ? await findGenerated() : await generate(base);
    const team = { id: teamId };

    const queries = Array.from({ length: QUERIES }, (_, i) => base[(i * 7) % base.length]!.replace(/\d+(\.\d+)?/g, "4.1"));
    const time = async (run: (q: string) => Promise<unknown>, count = queries.length) => {
      const times: number[] = [];
      for (const q of queries.slice(0, count)) {
        const t = performance.now();
        await run(q);
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      return { median: times[Math.floor(times.length / 2)]!, p95: times[Math.floor(times.length * 0.95)]! };
    };
    await findCheckedBefore({ teamId: team.id, text: queries[0]! }); // warm up
    const indexed = await time((text) => findCheckedBefore({ teamId: team.id, text }));
    const sample = await findCheckedBefore({ teamId: team.id, text: queries[0]! });
    console.log(`query example: "${queries[0]!.slice(0, 70)}…" → ${sample.length} matches, best ${sample[0]?.similarity ?? "-"}`);
    console.log(
      `with trigram index:  median ${indexed.median.toFixed(1)} ms, p95 ${indexed.p95.toFixed(1)} ms (${QUERIES} lookups; target median < 20 ms)`,
    );
    // The same query as findCheckedBefore sends, for the plan: the GiST walk, its rows and buffers.
    if (process.env.EXPLAIN !== "0") {
      const plan = await db.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
        `EXPLAIN (ANALYZE, BUFFERS)
         SELECT * FROM (
           SELECT c."id", c."exact", c."verdictLabel", c."verdictOrdinal", similarity(c."exact", $1)::float8 AS "similarity", a."id" AS "articleId", a."title"
           FROM "Claim" c JOIN "Article" a ON a."id" = c."articleId"
           WHERE a."teamId" = $2 AND c."verdictOrdinal" IS NOT NULL AND c."id" <> ''
           ORDER BY c."exact" <-> $1 LIMIT 12
         ) nearest WHERE "similarity" >= 0.45 ORDER BY "similarity" DESC LIMIT 3`,
        queries[0]!,
        team.id,
      );
      console.log(plan.map((r) => r["QUERY PLAN"]).join("\n"));
    }
    // Baseline in the same run: the nearest-claims query with index scans off (a sequential scan of every claim).
    const baseline = await time(
      (text) =>
        db.$transaction(
          async (tx) => {
            await tx.$executeRawUnsafe("SET LOCAL statement_timeout = 0");
            await tx.$executeRawUnsafe("SET LOCAL enable_indexscan = off");
            await tx.$executeRawUnsafe("SET LOCAL enable_bitmapscan = off");
            return tx.$queryRaw`SELECT c."id" FROM "Claim" c JOIN "Article" a ON a."id" = c."articleId" WHERE a."teamId" = ${team.id} AND c."verdictOrdinal" IS NOT NULL ORDER BY c."exact" <-> ${text} LIMIT 12`;
          },
          { timeout: 600_000 },
        ),
      BASELINE_QUERIES,
    );
    console.log(
      `baseline (seq scan): median ${baseline.median.toFixed(1)} ms, p95 ${baseline.p95.toFixed(1)} ms (${Math.min(BASELINE_QUERIES, QUERIES)} lookups)`,
    );
  } finally {
    await db.$disconnect();
  }
}

runBench(() => withBenchDatabase("checked-before", main));
