// Benchmark: search (and, as they land, the articles list and Needs me) on a newsroom-sized desk.
//   npx tsx bench/search.ts            (ARTICLES=100000 CLAIMS_PER_ARTICLE=10 QUERIES=100 by default)
//   EXPLAIN=1 npx tsx bench/search.ts  also prints EXPLAIN ANALYZE of one query of each shape
// Generates the rows inside PostgreSQL (generate_series over an English vocabulary taken from the bench
// fixture text, words drawn with a skewed distribution so some are common and most are rare): 90% of the
// articles belong to the team that searches, 10% to another team. Then times searchTeam (the ranked page plus
// its highlighted snippets, what GET /api/v1/search runs) for several query shapes, and prints p50/p95 and
// whether each plan uses the GIN indexes.
import { runBench, withBenchDatabase } from "./database";
import { buildLongArticle } from "./fixtures";

const ARTICLES = Number(process.env.ARTICLES ?? 100_000);
const CLAIMS_PER_ARTICLE = Number(process.env.CLAIMS_PER_ARTICLE ?? 10);
const QUERIES = Number(process.env.QUERIES ?? 100);

function vocabulary(): string[] {
  const counts = new Map<string, number>();
  for (const word of buildLongArticle(300_000)
    .toLowerCase()
    .match(/[a-z]{3,}/g) ?? [])
    counts.set(word, (counts.get(word) ?? 0) + 1);
  const real = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([w]) => w);
  // A newsroom's vocabulary is far larger than one text's (names, places, jargon): a long tail of made-up words.
  const syllables = [
    "ka",
    "lo",
    "mir",
    "ten",
    "sa",
    "vol",
    "dru",
    "pe",
    "gan",
    "shi",
    "ro",
    "bel",
    "tu",
    "nor",
    "ve",
    "dal",
    "fi",
    "ost",
    "cra",
    "mun",
  ];
  const tail: string[] = [];
  for (let i = 0; tail.length < 20_000; i++) {
    tail.push(
      `${syllables[i % 20]}${syllables[Math.floor(i / 20) % 20]}${syllables[Math.floor(i / 400) % 20]}${i >= 8000 ? syllables[Math.floor(i / 8000) % 20] : ""}`,
    );
  }
  return [...real, ...tail];
}

export type Timing = { p50: number; p95: number; n: number };
/** Median and 95th percentile (ms) of running `run` once per input, one at a time. */
export async function timeEach<T>(inputs: T[], run: (input: T) => Promise<unknown>): Promise<Timing> {
  const times: number[] = [];
  for (const input of inputs) {
    const started = performance.now();
    await run(input);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return {
    p50: times[Math.floor(times.length / 2)]!,
    p95: times[Math.min(times.length - 1, Math.floor(times.length * 0.95))]!,
    n: times.length,
  };
}

const fmt = (t: Timing) => `p50 ${t.p50.toFixed(1)} ms, p95 ${t.p95.toFixed(1)} ms (${t.n} runs)`;

async function main() {
  const { createTeam, createUser, testDb } = await import("../e2e/fixtures/factories");
  const { searchTeam, rankedHitsSql } = await import("../lib/search/search");
  const { db } = await import("../lib/db");
  const { Prisma } = await import("../lib/generated/prisma/client");
  const sql = testDb();
  try {
    const words = vocabulary();
    const [team, otherTeam] = [await createTeam(), await createTeam()];
    const editor = await createUser(team.id, "editor");
    const reviewer = await createUser(team.id, "reviewer");
    const started = performance.now();

    // Loading is much faster with the GIN indexes built once at the end; they are rebuilt from their own
    // definitions (as the migration wrote them), so the plans below use exactly those.
    const indexes = await sql.$queryRaw<{ indexname: string; indexdef: string }[]>`
      SELECT indexname, indexdef FROM pg_indexes WHERE indexname LIKE '%_searchVector_idx'`;
    for (const index of indexes) await sql.$executeRawUnsafe(`DROP INDEX "${index.indexname}"`);

    // A phrase of `n` words drawn from the vocabulary, skewed towards its frequent end; `seed` ties it to the row.
    const phrase = (n: string, seed: string) =>
      `(SELECT string_agg(($1::text[])[1 + floor(power(random(), 3) * array_length($1::text[], 1))::int], ' ') FROM generate_series(1, ${n}) s WHERE ${seed} > 0)`;
    await sql.$executeRawUnsafe(
      `INSERT INTO "Article" (id, "teamId", title, standfirst, body, "publishedAt", "updatedAt")
       SELECT 'art' || g, CASE WHEN g % 10 = 0 THEN $3 ELSE $2 END, initcap(${phrase("6", "g")}), ${phrase("20", "g")},
              ${phrase("80", "g")}, now() - (g % 900) * interval '1 day', now() - (g % 500) * interval '1 hour'
       FROM generate_series(1, ${ARTICLES}) g`,
      words,
      team.id,
      otherTeam.id,
    );
    const claims = ARTICLES * CLAIMS_PER_ARTICLE;
    const statuses = "(ARRAY['unreviewed','in_review','verdict_proposed','verified','disputed','not_check_worthy'])";
    await sql.$executeRawUnsafe(
      `INSERT INTO "Claim" (id, "articleId", exact, prefix, suffix, start, "end", status, "createdById", "updatedById", "updatedAt")
       SELECT 'clm' || g, 'art' || (1 + (g - 1) / ${CLAIMS_PER_ARTICLE}), ${phrase("12", "g")}, '', '', 0, 1,
              ${statuses}[1 + g % 6]::"ClaimStatus", $2, $2, now() - (g % 700) * interval '1 hour'
       FROM generate_series(1, ${claims}) g`,
      words,
      reviewer.id,
    );
    await sql.$executeRawUnsafe(
      `INSERT INTO "Comment" (id, "claimId", "authorId", body)
       SELECT 'cmt' || g, 'clm' || (1 + (g * 7) % ${claims}), $2, ${phrase("15", "g")} FROM generate_series(1, ${claims / 5}) g`,
      words,
      reviewer.id,
    );
    await sql.$executeRawUnsafe(
      `INSERT INTO "Evidence" (id, "claimId", url, title, excerpt, stance, "sourceType", "retrievedAt", "addedById")
       SELECT 'evd' || g, 'clm' || (1 + (g * 13) % ${claims}), 'https://example.org/' || g, ${phrase("6", "g")}, ${phrase("25", "g")},
              'supports', 'primary', now(), $2 FROM generate_series(1, ${claims / 10}) g`,
      words,
      reviewer.id,
    );
    const loaded = performance.now();
    for (const index of indexes) await sql.$executeRawUnsafe(index.indexdef);
    await sql.$executeRawUnsafe(`VACUUM ANALYZE`);
    console.log(
      `generated ${ARTICLES} articles, ${claims} claims, ${claims / 5} comments, ${claims / 10} evidence in ${((loaded - started) / 1000).toFixed(0)} s; ` +
        `GIN indexes and ANALYZE ${((performance.now() - loaded) / 1000).toFixed(0)} s`,
    );

    const pick = (from: number, to: number, i: number) => words[from + ((i * 7919) % (to - from))]!;
    const sampleClaims = await sql.$queryRawUnsafe<{ exact: string }[]>(
      `SELECT exact FROM "Claim" WHERE id IN (SELECT 'clm' || (1 + (g * 9973) % ${claims}) FROM generate_series(1, ${QUERIES}) g)`,
    );
    const shapes: Record<string, string[]> = {
      "one uncommon word": Array.from({ length: QUERIES }, (_, i) => pick(800, words.length, i)),
      "two words": Array.from({ length: QUERIES }, (_, i) => `${pick(300, 1500, i)} ${pick(300, 1500, i + 1)}`),
      '"quoted phrase" of a claim': sampleClaims.map((c) => `"${c.exact.split(" ").slice(3, 6).join(" ")}"`),
      "word -excluded": Array.from({ length: QUERIES }, (_, i) => `${pick(500, 2000, i)} -${pick(100, 400, i)}`),
      "one common word (worst case)": Array.from({ length: Math.min(QUERIES, 20) }, (_, i) => pick(20, 60, i)),
    };
    await searchTeam({ userId: editor.id, teamId: team.id, q: "warm up", page: 1 });
    const all: string[] = [];
    for (const [shape, queries] of Object.entries(shapes)) {
      const hitCounts: number[] = [];
      const timing = await timeEach(queries, async (q) => {
        const results = await searchTeam({ userId: editor.id, teamId: team.id, q, page: 1 });
        hitCounts.push(results.hits.length);
      });
      if (!shape.includes("worst")) all.push(...queries);
      const counts = await sql.$queryRaw<{ n: bigint }[]>`
        SELECT count(*) AS n FROM "Claim" WHERE "searchVector" @@ websearch_to_tsquery('english', ${queries[0]!})`;
      console.log(`search, ${shape}: ${fmt(timing)}; e.g. ${JSON.stringify(queries[0])} matches ${counts[0]!.n} claims`);
    }
    const overall = await timeEach(all, (q) => searchTeam({ userId: editor.id, teamId: team.id, q, page: 1 }));
    console.log(`search, all shapes but the worst case: ${fmt(overall)} (target p95 < 100 ms)`);

    const plans = Object.values(shapes).map((queries) => queries[0]!);
    for (const q of plans) {
      const plan = await db.$queryRaw<{ "QUERY PLAN": string }[]>(
        Prisma.sql`EXPLAIN ANALYZE ${rankedHitsSql({ userId: editor.id, teamId: team.id, q, limit: 21, offset: 0 })}`,
      );
      const lines = plan.map((r) => r["QUERY PLAN"]);
      const gin = [...new Set(lines.flatMap((l) => l.match(/\w+_searchVector_idx/g) ?? []))];
      const seq = lines.filter((l) => /Seq Scan/.test(l)).map((l) => l.trim().replace(/\s+\(cost.*$/, ""));
      console.log(
        `plan for ${JSON.stringify(q)}: GIN indexes used: ${gin.join(", ") || "none"}; sequential scans: ${seq.join("; ") || "none"}`,
      );
      if (process.env.EXPLAIN) console.log(lines.join("\n"));
    }
  } finally {
    await db.$disconnect();
  }
}

runBench(() => withBenchDatabase("search", main));
