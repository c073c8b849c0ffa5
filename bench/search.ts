// Benchmark: search, the articles list and Needs me on a newsroom-sized desk.
//   npx tsx bench/search.ts            (ARTICLES=100000 CLAIMS_PER_ARTICLE=10 QUERIES=100 by default)
//   EXPLAIN=1 npx tsx bench/search.ts  also prints EXPLAIN ANALYZE of one query of each shape
// Generates the rows (an English vocabulary taken from the bench fixture text plus a long tail of made-up words,
// drawn with a skewed distribution so some are common and most are rare): 90% of the
// articles belong to the team that searches, 10% to another team. Then times searchTeam (the ranked page plus
// its highlighted snippets, what GET /api/v1/search runs) for several query shapes, and prints p50/p95 and
// whether each plan uses the GIN indexes.
import { runBench, withBenchDatabase } from "./database";
import { buildLongArticle } from "./fixtures";

const ARTICLES = Number(process.env.ARTICLES ?? 100_000);
const CLAIMS_PER_ARTICLE = Number(process.env.CLAIMS_PER_ARTICLE ?? 10);
const QUERIES = Number(process.env.QUERIES ?? 100);
const claims = ARTICLES * CLAIMS_PER_ARTICLE;

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

async function main({ reused }: { reused: boolean }) {
  const { createTeam, createUser, testDb } = await import("../e2e/fixtures/factories");
  const { searchTeam, rankedHitsSql } = await import("../lib/search/search");
  const { db } = await import("../lib/db");
  const { Prisma } = await import("../lib/generated/prisma/client");
  const sql = testDb();
  try {
    const words = vocabulary();
    const { team, editor, reviewer } = reused ? await findDesk() : await generateDesk();
    if (process.env.GENERATE_ONLY) return;

    async function findDesk() {
      // The rows a previous run generated: the searching team holds most articles, its one editor assigned every
      // assignment, and the first reviewer is the author of every claim.
      const [found] = await sql.$queryRawUnsafe<{ teamId: string; editorId: string; reviewerId: string }[]>(
        `SELECT a."teamId", (SELECT "assignedById" FROM "Assignment" LIMIT 1) AS "editorId",
                (SELECT "createdById" FROM "Claim" WHERE id = 'clm1') AS "reviewerId"
         FROM "Article" a WHERE a.id = 'art1'`,
      );
      if (!found) throw new Error("BENCH_DATA_DIR holds no generated desk: delete it and run again");
      // New migrations may have rebuilt tables or indexes since (autovacuum would catch up on a live desk).
      const vacuumed = performance.now();
      await sql.$executeRawUnsafe(`VACUUM ANALYZE`);
      console.log(`reusing the generated desk (no rows generated); VACUUM ANALYZE ${((performance.now() - vacuumed) / 1000).toFixed(0)} s`);
      return { team: { id: found.teamId }, editor: { id: found.editorId }, reviewer: { id: found.reviewerId } };
    }

    async function generateDesk() {
      const [team, otherTeam] = [await createTeam(), await createTeam()];
      const editor = await createUser(team.id, "editor");
      const reviewer = await createUser(team.id, "reviewer");
      const started = performance.now();

      // Loading is much faster with the GIN indexes built once at the end; they are rebuilt from their own
      // definitions (as the migration wrote them), so the plans below use exactly those.
      const indexes = await sql.$queryRaw<{ indexname: string; indexdef: string }[]>`
      SELECT indexname, indexdef FROM pg_indexes WHERE indexname LIKE '%_searchVector_idx'`;
      for (const index of indexes) await sql.$executeRawUnsafe(`DROP INDEX "${index.indexname}"`);

      // Rows are made here (a seeded generator, words drawn with a skewed distribution so a few are common and
      // most are rare) and inserted 5,000 at a time through unnest.
      let state = 42;
      const random = () => {
        state = (state + 0x6d2b79f5) | 0;
        let t = Math.imul(state ^ (state >>> 15), 1 | state);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      };
      const phrase = (n: number) => Array.from({ length: n }, () => words[Math.floor(random() ** 3 * words.length)]!).join(" ");
      const chunks = async (total: number, size: number, insert: (from: number, to: number) => Promise<unknown>) => {
        for (let from = 1; from <= total; from += size) await insert(from, Math.min(total, from + size - 1));
      };
      const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
      await chunks(ARTICLES, 5000, (from, to) => {
        const ids = range(from, to);
        return sql.$executeRawUnsafe(
          `INSERT INTO "Article" (id, "teamId", title, standfirst, body, language, "publishedAt", "updatedAt")
         SELECT 'art' || g, CASE WHEN g % 10 = 0 THEN $5 ELSE $4 END, t, s, b,
                CASE WHEN g % 20 = 1 THEN NULL WHEN g % 20 = 2 THEN 'de' ELSE 'en' END,
                now() - (g % 900) * interval '1 day', now() - (g % 500) * interval '1 hour'
         FROM unnest($1::int[], $2::text[], $3::text[], $6::text[]) AS r(g, t, s, b)`,
          ids,
          ids.map(() => phrase(6)),
          ids.map(() => phrase(20)),
          team.id,
          otherTeam.id,
          ids.map(() => phrase(80)),
        );
      });
      // Most claims of a working desk are done: 2% disputed, 4% proposed, 6% in review, 10% unreviewed, 4% not
      // check-worthy, the rest verified; one in 97 waits to be re-anchored.
      const status = `(CASE WHEN g % 50 = 0 THEN 'disputed' WHEN g % 50 <= 2 THEN 'verdict_proposed' WHEN g % 50 <= 5 THEN 'in_review'
      WHEN g % 50 <= 10 THEN 'unreviewed' WHEN g % 50 <= 12 THEN 'not_check_worthy' ELSE 'verified' END)::"ClaimStatus"`;
      await chunks(claims, 10000, (from, to) => {
        const ids = range(from, to);
        return sql.$executeRawUnsafe(
          `INSERT INTO "Claim" (id, "articleId", exact, prefix, suffix, start, "end", status, "anchorStatus", "verdictById", "createdById", "updatedById", "updatedAt")
         SELECT 'clm' || g, 'art' || (1 + (g - 1) / ${CLAIMS_PER_ARTICLE}), e, '', '', 0, 1, ${status},
                (CASE WHEN g % 97 = 0 THEN 'needs_review' ELSE 'attached' END)::"AnchorStatus", $3, $3, $3,
                now() - (g % 700) * interval '1 hour'
         FROM unnest($1::int[], $2::text[]) AS r(g, e)`,
          ids,
          ids.map(() => phrase(12)),
          reviewer.id,
        );
      });
      await chunks(claims / 5, 10000, (from, to) => {
        const ids = range(from, to);
        return sql.$executeRawUnsafe(
          `INSERT INTO "Comment" (id, "claimId", "authorId", body)
         SELECT 'cmt' || g, 'clm' || (1 + (g * 7) % ${claims}), $3, b FROM unnest($1::int[], $2::text[]) AS r(g, b)`,
          ids,
          ids.map(() => phrase(15)),
          reviewer.id,
        );
      });
      await chunks(claims / 10, 10000, (from, to) => {
        const ids = range(from, to);
        return sql.$executeRawUnsafe(
          `INSERT INTO "Evidence" (id, "claimId", url, title, excerpt, stance, "sourceType", "retrievedAt", "addedById")
         SELECT 'evd' || g, 'clm' || (1 + (g * 13) % ${claims}), 'https://example.org/' || g, t, x, 'supports', 'primary', now(), $4
         FROM unnest($1::int[], $2::text[], $3::text[]) AS r(g, t, x)`,
          ids,
          ids.map(() => phrase(6)),
          ids.map(() => phrase(25)),
          reviewer.id,
        );
      });
      // One open claim in five is assigned (reviewers take turns), due between 60 days ago and 60 days ahead.
      const reviewers = [reviewer, ...(await Promise.all(Array.from({ length: 19 }, (_, i) => createUser(team.id, "reviewer", `r${i}`))))];
      await sql.$executeRawUnsafe(
        `INSERT INTO "Assignment" (id, "claimId", "reviewerId", "assignedById", "dueAt")
       SELECT 'asg' || c.id, c.id, ($1::text[])[1 + (abs(hashtext(c.id)) % ${reviewers.length})], $2,
              current_date + ((abs(hashtext(c.id || 'd')) % 121) - 60)
       FROM "Claim" c WHERE c.status IN ('unreviewed', 'in_review', 'verdict_proposed', 'disputed') AND abs(hashtext(c.id)) % 5 = 0`,
        reviewers.map((r) => r.id),
        editor.id,
      );
      await sql.$executeRawUnsafe(
        `UPDATE "Article" SET "reportPublishedAt" = now() WHERE id IN (SELECT 'art' || g FROM generate_series(1, ${ARTICLES}, 3) g)`,
      );
      const loaded = performance.now();
      for (const index of indexes) await sql.$executeRawUnsafe(index.indexdef);
      await sql.$executeRawUnsafe(`VACUUM ANALYZE`);
      console.log(
        `generated ${ARTICLES} articles, ${claims} claims, ${claims / 5} comments, ${claims / 10} evidence in ${((loaded - started) / 1000).toFixed(0)} s; ` +
          `GIN indexes and ANALYZE ${((performance.now() - loaded) / 1000).toFixed(0)} s`,
      );
      return { team, editor, reviewer };
    }

    const pick = (from: number, to: number, i: number) => words[from + ((i * 7919) % (to - from))]!;
    // The most common words that are not English stop words (a stop word alone matches nothing and reads nothing,
    // so it would flatter the worst case; it is timed on its own below).
    const common = (
      await sql.$queryRawUnsafe<{ w: string }[]>(
        `SELECT w FROM unnest($1::text[]) WITH ORDINALITY u(w, i) WHERE querytree(to_tsquery('english', w)) NOT IN ('', 'T') ORDER BY i`,
        words.slice(20, 80),
      )
    ).map((r) => r.w);
    const sampleClaims = await sql.$queryRawUnsafe<{ exact: string }[]>(
      `SELECT exact FROM "Claim" WHERE id IN (SELECT 'clm' || (1 + (g * 9973) % ${claims}) FROM generate_series(1, ${QUERIES}) g)`,
    );
    const shapes: Record<string, string[]> = {
      "one uncommon word": Array.from({ length: QUERIES }, (_, i) => pick(800, words.length, i)),
      "two words": Array.from({ length: QUERIES }, (_, i) => `${pick(300, 1500, i)} ${pick(300, 1500, i + 1)}`),
      '"quoted phrase" of a claim': sampleClaims.map((c) => `"${c.exact.split(" ").slice(3, 6).join(" ")}"`),
      "word -excluded": Array.from({ length: QUERIES }, (_, i) => `${pick(500, 2000, i)} -${pick(100, 400, i)}`),
      "one common word (worst case)": Array.from({ length: Math.min(QUERIES, 20) }, (_, i) => common[i % common.length]!),
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
      const sample = await searchTeam({ userId: editor.id, teamId: team.id, q: queries[0]!, page: 1 });
      console.log(
        `search, ${shape}: ${fmt(timing)}; e.g. ${JSON.stringify(queries[0])} matches ${counts[0]!.n} claims ` +
          `(the page says ${sample.total}${sample.totalIsLowerBound ? "+" : ""} results)`,
      );
    }
    const overall = await timeEach(all, (q) => searchTeam({ userId: editor.id, teamId: team.id, q, page: 1 }));
    console.log(`search, all shapes but the worst case: ${fmt(overall)} (target p95 < 100 ms)`);
    // Queries no index can answer: stop words only, excluded words only. They must match nothing and read nothing.
    const unanswerable = ["its", "the", "-its", `-${common[0]}`, "it's"];
    const none = await timeEach(
      Array.from({ length: 20 }, (_, i) => unanswerable[i % unanswerable.length]!),
      (q) => searchTeam({ userId: editor.id, teamId: team.id, q, page: 1 }),
    );
    console.log(`search, stop words or excluded words only (${unanswerable.join(", ")}): ${fmt(none)}`);

    // The articles list: first page, two filters and a sort (server time: the query and its mapping to DTOs).
    const { listArticlePage, articlePageSql } = await import("../lib/articles/article-page");
    const { ZArticleList } = await import("../lib/validation/article-list");
    const views = [
      { status: "disputed", report: "unpublished", sort: "open" },
      { disputed: "1", overdue: "1", sort: "due" },
      { assignee: reviewer.id, status: "in_review", sort: "updated" },
      { reanchor: "1", report: "published", sort: "progress" },
      { status: "verdict_proposed,unreviewed", overdue: "1", sort: "published" },
    ].map((v) => ZArticleList.parse(v));
    const listRuns = Array.from({ length: Math.max(QUERIES, 100) }, (_, i) => views[i % views.length]!);
    const list = await timeEach(listRuns, (view) => listArticlePage({ userId: editor.id, teamId: team.id, view }));
    console.log(`articles list, first page with two filters and a sort (5 views): ${fmt(list)} (target p95 < 150 ms)`);
    for (const view of views) {
      const t = await timeEach(
        Array.from({ length: 20 }, () => view),
        (v) => listArticlePage({ userId: editor.id, teamId: team.id, view: v }),
      );
      const plan = await db.$queryRaw<{ "QUERY PLAN": string }[]>(
        Prisma.sql`EXPLAIN ANALYZE ${articlePageSql({ userId: editor.id, teamId: team.id, view })}`,
      );
      const lines = plan.map((r) => r["QUERY PLAN"]);
      const used = [...new Set(lines.flatMap((l) => l.match(/Index (?:Only )?Scan(?: Backward)? using "?\w+"?/g) ?? []))];
      const seq = lines.filter((l) => /Seq Scan/.test(l)).map((l) => l.trim().replace(/\s+\(cost.*$/, ""));
      console.log(
        `  ${JSON.stringify({ ...view, assignee: view.assignee ? "(a reviewer)" : undefined })}: ${fmt(t)}; ${used.join(", ") || "no index"}; seq scans: ${seq.join("; ") || "none"}`,
      );
      if (process.env.EXPLAIN) console.log(lines.join("\n"));
    }

    // Needs me for an editor (everything an editor sees, with counts) and the top bar's count.
    const { listNeedsMe, needsMeSql, EDITOR_KINDS } = await import("../lib/needs/needs-me");
    const needsRuns = Array.from({ length: Math.max(QUERIES, 100) }, () => editor.id);
    const needs = await timeEach(needsRuns, (userId) => listNeedsMe({ userId, teamId: team.id }));
    const counts = await timeEach(needsRuns, (userId) => listNeedsMe({ userId, teamId: team.id, countOnly: true }));
    const sample = await listNeedsMe({ userId: editor.id, teamId: team.id });
    console.log(
      `Needs me for an editor: ${fmt(needs)} (target p95 < 100 ms); counts only (top bar): ${fmt(counts)}; counts ${JSON.stringify(sample.counts)}`,
    );
    const reviewerNeeds = await timeEach(needsRuns, () => listNeedsMe({ userId: reviewer.id, teamId: team.id }));
    console.log(`Needs me for a reviewer: ${fmt(reviewerNeeds)}`);
    for (const count of [false, true]) {
      const plan = await db.$queryRaw<{ "QUERY PLAN": string }[]>(
        Prisma.sql`EXPLAIN ANALYZE ${needsMeSql({ userId: editor.id, teamId: team.id, timeZone: "UTC", kinds: EDITOR_KINDS, count })}`,
      );
      const lines = plan.map((r) => r["QUERY PLAN"]);
      const used = [
        ...new Set(
          lines.flatMap(
            (l) =>
              l.match(
                /(?:Index (?:Only )?Scan(?: Backward)?|Bitmap Index Scan) on "?\w+"?|Index (?:Only )?Scan(?: Backward)? using "?\w+"?/g,
              ) ?? [],
          ),
        ),
      ];
      const seq = lines.filter((l) => /Seq Scan/.test(l)).map((l) => l.trim().replace(/\s+\(cost.*$/, ""));
      console.log(`  plan (${count ? "counts" : "items"}): ${used.join(", ") || "no index"}; seq scans: ${seq.join("; ") || "none"}`);
      if (process.env.EXPLAIN) console.log(lines.join("\n"));
    }

    const plans = [...Object.values(shapes).map((queries) => queries[0]!), "its"];
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

runBench(() => withBenchDatabase("search", (_url, options) => main(options)));
