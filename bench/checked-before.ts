// Benchmark: "checked before" lookups over 1,000,000 stored claims with verdicts (issue #21).
//   BENCH_DATA_DIR=/work/bench-data/<you> nice -n 10 npx tsx bench/checked-before.ts
//   (CLAIMS=1000000 QUERIES=200 BASELINE_QUERIES=3 UNLIKE_QUERIES=20 by default; EXPLAIN=0 leaves the plans out)
// TEXTS=english (default; kept as <BENCH_DATA_DIR>/checked-before-english) draws claims by English word frequencies;
// TEXTS=templates (<BENCH_DATA_DIR>/checked-before) is the former generator (2,507 distinct trigrams in 1M claims).
// FORMER=0 leaves out the former GiST walk (and its index build, ~4 min); GENERATE_ONLY=1 stops after the data.
// With BENCH_DATA_DIR the database is kept and the claims are generated (and indexed) only on the first run.
// Also prints, per set of texts, the postings GIN's fast scan must go through (table bench_trigram_df, built once),
// and one findCheckedBeforeEach over the texts nothing reads like, as the former listSuggestions asked it; and first
// (STORED=0 leaves it out, ONLY_STORED=1 stops after it) the suggestions list with stored answers beside that batch,
// and what one verdict costs those answers, before (team-wide staleness) and after (reverse lookups; ONE_VERDICT=0
// leaves it out; EXTRA_SUGGESTIONS=20000 more open suggestions kept on one article; FORMER_BATCH=0 skips the batch).
// Prints, alternated lookup by lookup in the same run, findCheckedBefore (migration
// 20261130155916_checked_before_same_words: same-words claims from a btree, then a GIN trigram index asked with `%`)
// and the former query (the GiST walk nearest-first, `exact <-> text`, then the 0.45 cut; the migration drops that
// index, so the bench builds it once as "bench_former_exact_trgm_idx", partial on a condition only the former query
// states, so the planner never gives it to the new one): median and 95th percentile, and the shared buffers each
// reads per lookup (auto_explain, nested statements included). Two sets of texts: the bench's
// queries (sentences stored many times over with other figures) and texts with every other word changed (no claim
// has their words, so only the trigram index answers). Then what each way answered (best similarity, how many answers
// have the text's words), the plans, and, as the baseline, the most alike claims by scoring every claim (a
// sequential scan; fewer lookups), which findCheckedBefore must equal where no claim has the text's words.
import { execSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { runBench, withBenchDatabase } from "./database";
import { buildLongArticle, mulberry32 } from "./fixtures";

const CLAIMS = Number(process.env.CLAIMS ?? 1_000_000);
const QUERIES = Number(process.env.QUERIES ?? 200);
const BASELINE_QUERIES = Number(process.env.BASELINE_QUERIES ?? 3);
// Texts no claim reads like cost the GiST walk far more than near-duplicates do (seconds under load), so fewer.
const UNLIKE_QUERIES = Number(process.env.UNLIKE_QUERIES ?? 20);
// New claims about other subjects: what a desk mostly looks up (nothing checked before).
const NOVEL = [
  "Ministers in Kenya promised new irrigation schemes for maize growers before the rains",
  "Average rents in Lisbon have doubled since tourists arrived in large numbers",
  "The bridge over the Tagus carries more lorries than it was designed for",
  "Only one in five apprentices finishes the course within the expected time",
  "Wind farms off the Dutch coast now supply most of the country's electricity at night",
  "Dentists in rural Wales are refusing to take on patients who need root canal work",
  "Vaccination against measles fell below the level needed to stop outbreaks",
  "The airline flew its jets empty over the winter to keep its landing slots",
  "Copper thefts from railway lines delayed commuters for hundreds of hours",
  "Most primary school libraries have no librarian and open only at lunchtime",
];

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
// TEXTS=english (the default): claims of 9–16 words drawn by their frequency in English prose (bench/data/
// english-word-counts.txt: the words of the README files of this project's npm dependencies, code tokens left out,
// 11,745 words seen at least 3 times), each with a figure. TEXTS=templates: the former generator below, whose 1M
// claims have only 2,507 distinct trigrams (20 subjects × 15 verbs × 16 objects × 10 amounts × 8 times), so that
// every trigram of an English sentence is either absent or common (measured, /work/notes/21-checked3.md).
const TEXTS = process.env.TEXTS === "templates" ? "templates" : "english";
let vocabulary: { words: string[]; cumulative: number[] } | null = null;
function loadVocabulary() {
  if (vocabulary) return vocabulary;
  const lines = readFileSync(path.join(import.meta.dirname, "data", "english-word-counts.txt"), "utf8")
    .trim()
    .split("\n");
  const words: string[] = [];
  const cumulative: number[] = [];
  let total = 0;
  for (const line of lines) {
    const [count, word] = line.trim().split(" ");
    total += Number(count);
    words.push(word!);
    cumulative.push(total);
  }
  vocabulary = { words, cumulative };
  return vocabulary;
}
function englishClaim(n: number): string {
  const { words, cumulative } = loadVocabulary();
  const random = mulberry32(n * 2654435761);
  const total = cumulative.at(-1)!;
  const word = () => {
    const x = random() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return words[lo]!;
  };
  const figures = [
    () => `${Math.floor(random() * 1000) / 10} per cent`,
    () => `£${Math.floor(random() * 900) + 100}m`,
    () => `${Math.floor(random() * 90_000) + 1000}`,
    () => `in ${1990 + Math.floor(random() * 36)}`,
  ];
  const parts = Array.from({ length: 9 + Math.floor(random() * 8) }, word);
  parts.splice(Math.floor(random() * parts.length), 0, figures[Math.floor(random() * figures.length)]!());
  const text = parts.join(" ");
  return text[0]!.toUpperCase() + text.slice(1);
}
function variedClaim(n: number): string {
  if (TEXTS === "english") return englishClaim(n);
  const pick = <T>(list: T[], k: number) => list[Math.floor(n / k) % list.length]!;
  return `${pick(SUBJECTS, 1)} ${pick(VERBS, 20)} ${pick(AMOUNTS, 300)} ${pick(OBJECTS, 3000)} ${pick(TIMES, 7)}, according to report ${n}`;
}

/** Team of a database this bench filled before (BENCH_DATA_DIR); throws when it is incomplete. */
async function findGenerated(): Promise<string> {
  const { testDb } = await import("../e2e/fixtures/factories");
  const [found] = await testDb().$queryRaw<{ teamId: string; claims: number; indexed: boolean }[]>`
    SELECT a."teamId", (SELECT count(*)::int FROM "Claim") AS "claims",
           EXISTS (SELECT 1 FROM pg_indexes WHERE indexname = 'Claim_exact_trgm_gin_idx') AS "indexed"
    FROM "Claim" c JOIN "Article" a ON a."id" = c."articleId" WHERE c."id" = 'bench-1'`;
  if (!found || found.claims !== CLAIMS || !found.indexed)
    throw new Error(`the kept bench database is incomplete (${found?.claims ?? 0} of ${CLAIMS} claims, or no index); delete its directory`);
  await ensureFormerIndex();
  return found.teamId;
}

// The former GiST index, kept by the bench only for the comparison: partial on a condition every claim meets
// (start > -2^31) but only FORMER_SQL states, so the planner cannot use it for the new query's `%`.
const FORMER_INDEX_CONDITION = -2147483648;

/** Builds the former GiST trigram index once on the kept data (minutes at 1M claims); nothing when it is there. */
async function ensureFormerIndex() {
  const { testDb } = await import("../e2e/fixtures/factories");
  const [has] = await testDb().$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM pg_indexes WHERE indexname = 'bench_former_exact_trgm_idx'`;
  if (has!.n > 0 || process.env.FORMER === "0") return;
  const started = performance.now();
  await testDb().$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`SET LOCAL maintenance_work_mem = '256MB'`);
      await tx.$executeRawUnsafe(
        `CREATE INDEX "bench_former_exact_trgm_idx" ON "Claim" USING gist ("exact" gist_trgm_ops(siglen = 256)) WHERE "start" > ${FORMER_INDEX_CONDITION}`,
      );
    },
    { timeout: 3_600_000 },
  );
  console.log(`built the former GiST index for the comparison in ${((performance.now() - started) / 1000).toFixed(1)} s`);
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
  >`SELECT indexdef AS def FROM pg_indexes WHERE indexname IN ('Claim_exact_trgm_gin_idx', 'Claim_same_words_idx')`;
  for (const name of ["Claim_exact_trgm_gin_idx", "Claim_same_words_idx"]) await testDb().$executeRawUnsafe(`DROP INDEX "${name}"`);
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
  for (const { def } of index) await testDb().$executeRawUnsafe(def);
  await testDb().$executeRawUnsafe(`VACUUM ANALYZE "Claim"`);
  await ensureFormerIndex();
  console.log(
    `stored ${CLAIMS} claims with verdicts in ${((loaded - started) / 1000).toFixed(1)} s, indexes built in ${((performance.now() - loaded) / 1000).toFixed(1)} s`,
  );
  return team.id;
}

/** The former findCheckedBefore (before migration 20261130155916_checked_before_same_words): the GiST walk, nearest 4 × limit. */
const FORMER_SQL = `
  SELECT * FROM (
    SELECT c."id", similarity(c."exact", $1)::float8 AS "similarity"
    FROM "Claim" c JOIN "Article" a ON a."id" = c."articleId"
    WHERE a."teamId" = $2 AND c."verdictOrdinal" IS NOT NULL AND c."id" <> '' AND c."start" > ${FORMER_INDEX_CONDITION}
    ORDER BY c."exact" <-> $1 LIMIT 12
  ) nearest WHERE "similarity" >= 0.45 ORDER BY "similarity" DESC LIMIT 3`;
const NEW_SQL = `SELECT * FROM factdesk_checked_before($2, $1, '', 3)`;

type Times = { median: number; p95: number };
const summary = (times: number[]): Times => {
  const sorted = [...times].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)]!, p95: sorted[Math.floor(sorted.length * 0.95)]! };
};
const fmt = (t: Times) => `median ${t.median.toFixed(1)} ms, p95 ${t.p95.toFixed(1)} ms`;

async function main(url: string, { reused }: { reused: boolean }) {
  const { findCheckedBefore, findCheckedBeforeEach } = await import("../lib/claims/checked-before");
  const { db } = await import("../lib/db");
  const { default: pg } = await import("pg");
  // A connection of its own that reports, through auto_explain, what every statement (nested ones too) read.
  const explainer = new pg.Client({ connectionString: url });
  await explainer.connect();
  const notices: string[] = [];
  explainer.on("notice", (n) => notices.push(n.message ?? ""));
  try {
    const base = sentences();
    const teamId = reused ? await findGenerated() : await generate(base);
    const team = { id: teamId };
    if (process.env.GENERATE_ONLY === "1") return;
    await explainer.query(`LOAD 'auto_explain'`);
    for (const [k, v] of Object.entries({
      log_min_duration: "0",
      log_analyze: "on",
      log_buffers: "on",
      log_timing: "off",
      log_nested_statements: "on",
      log_format: "json",
      log_level: "notice",
    }))
      await explainer.query(`SET auto_explain.${k} = '${v}'`);
    /** Shared buffers (hit + read) of one statement, nested ones included, and the plans auto_explain printed. */
    const buffersOf = async (sql: string, text: string) => {
      notices.length = 0;
      await explainer.query(sql, [text, team.id]);
      const plans = notices.map((n) => JSON.parse(n.slice(n.indexOf("{"))) as { "Query Text": string; Plan: Record<string, number> });
      const top = plans.at(-1)!; // the outer statement is logged last and its counts include the nested ones
      return { buffers: top.Plan["Shared Hit Blocks"]! + top.Plan["Shared Read Blocks"]!, statements: plans.length - 1, plans };
    };

    const queries = Array.from({ length: QUERIES }, (_, i) => base[(i * 7) % base.length]!.replace(/\d+(\.\d+)?/g, "4.1"));
    // Texts whose words no claim has: every other word changed (so only the GiST walk can answer).
    const unlike = queries.slice(0, UNLIKE_QUERIES).map((q, i) =>
      q
        .split(" ")
        .map((w, j) => (j % 2 === 1 ? `zq${i}x${j}` : w))
        .join(" "),
    );
    // FORMER=0 leaves the former GiST walk out (the TEXTS=english data set has no GiST index: it would scan).
    const withFormer = process.env.FORMER !== "0";
    // The suggestions list with stored answers (lib/claims/checked-before-stored.ts) against the former one-statement
    // batch, over an article whose open suggestions are these texts (STORED=0 leaves it out; ONLY_STORED=1 stops after).
    if (process.env.STORED !== "0") {
      const stored = await benchStoredAnswers(team.id, [...NOVEL, ...unlike]);
      // ONE_VERDICT=0 leaves out what one verdict costs the stored answers (before: team-wide staleness; after: reverse).
      if (process.env.ONE_VERDICT !== "0") await benchOneVerdict(stored);
    }
    if (process.env.ONLY_STORED === "1") return;
    await ensureTrigramFrequencies();
    const [corpus] = await db.$queryRaw<{ distinct: number; postings: number }[]>`
      SELECT count(*)::int AS "distinct", sum("df")::float8 AS "postings" FROM "bench_trigram_df"`;
    console.log(
      `\n${TEXTS} claims: ${corpus!.distinct} distinct trigrams over the ${CLAIMS} claims, ${(corpus!.postings / CLAIMS).toFixed(1)} per claim`,
    );
    const former = (text: string) => db.$queryRawUnsafe<{ id: string; similarity: number }[]>(FORMER_SQL, text, team.id);
    const fresh = (text: string) => findCheckedBefore({ teamId: team.id, text });
    if (withFormer) await former(queries[0]!); // warm up
    await fresh(queries[0]!);
    const timed = async (run: (q: string) => Promise<unknown>, q: string) => {
      const t = performance.now();
      await run(q);
      return performance.now() - t;
    };
    for (const [label, set] of [
      ["near-duplicates stored (the bench's queries)", queries],
      ["no claim with the same words (every other word changed)", unlike],
      ["new claims about other subjects", NOVEL],
    ] as const) {
      const times = { former: [] as number[], fresh: [] as number[] };
      for (const [i, q] of set.entries()) {
        // Alternate which goes first, so neither always meets a warmer cache.
        if (!withFormer) {
          times.fresh.push(await timed(fresh, q));
        } else if (i % 2 === 0) {
          times.former.push(await timed(former, q));
          times.fresh.push(await timed(fresh, q));
        } else {
          times.fresh.push(await timed(fresh, q));
          times.former.push(await timed(former, q));
        }
      }
      const distinct = [...new Set(set)];
      const buffers = { former: [] as number[], fresh: [] as number[] };
      let sameAnswers = 0;
      let sameWords = 0;
      let answers = 0;
      const best = { former: [] as number[], fresh: [] as number[] };
      for (const q of distinct) {
        if (withFormer) buffers.former.push((await buffersOf(FORMER_SQL, q)).buffers);
        buffers.fresh.push((await buffersOf(NEW_SQL, q)).buffers);
        const a = withFormer ? await former(q) : [];
        const b = await findCheckedBefore({ teamId: team.id, text: q });
        if (JSON.stringify(a.map((r) => r.similarity.toFixed(3))) === JSON.stringify(b.map((m) => m.similarity.toFixed(3)))) sameAnswers++;
        best.former.push(a[0]?.similarity ?? 0);
        best.fresh.push(b[0]?.similarity ?? 0);
        answers += b.length;
        const [words] = await db.$queryRaw<{ n: number }[]>`
          SELECT count(*)::int AS n FROM "Claim" WHERE "id" = ANY (${b.map((m) => m.claimId)}::text[])
            AND factdesk_claim_words("exact") = factdesk_claim_words(${q})`;
        sameWords += words!.n;
      }
      const avg = (xs: number[], digits = 0) => (xs.reduce((s, x) => s + x, 0) / xs.length).toFixed(digits);
      console.log(`\n${label}: ${set.length} lookups (${distinct.length} distinct texts), alternated; load average ${loadAverage()}`);
      console.log(
        `  findCheckedBefore (same words, then GIN with %):  ${fmt(summary(times.fresh))}; shared buffers per lookup ${avg(buffers.fresh)} (max ${Math.max(...buffers.fresh)})`,
      );
      const prefix = await prefixPostings(distinct);
      console.log(
        `  GIN's required entries (the text's n − ceil(0.45·n) + 1 rarest trigrams, pg_trgm's count bound): ${avg(prefix.entries)} of ${avg(prefix.trigrams)} trigrams, ${avg(prefix.postings)} postings (claims) to go through per lookup (max ${Math.max(...prefix.postings)}); ${avg(prefix.absent)} trigrams no claim has`,
      );
      if (withFormer)
        console.log(
          `  former (GiST nearest-first, then 0.45 cut):       ${fmt(summary(times.former))}; shared buffers per lookup ${avg(buffers.former)} (max ${Math.max(...buffers.former)})`,
        );
      console.log(
        `  answers: ${answers} over the distinct texts, ${sameWords} of them with the text's words; mean best similarity ${avg(best.fresh, 3)}${withFormer ? ` (former ${avg(best.former, 3)}); same similarities as the former top 3 for ${sameAnswers} of ${distinct.length} texts` : ""}`,
      );
      const sample = await findCheckedBefore({ teamId: team.id, text: set[0]! });
      console.log(`  example: "${set[0]!.slice(0, 70)}…" → ${sample.map((m) => m.similarity).join(", ") || "nothing"}`);
    }
    // What the suggestions list does (listSuggestions): one findCheckedBeforeEach over an article's open suggestions,
    // under the app's statement_timeout (DATABASE_STATEMENT_TIMEOUT_MS, 30 s by default).
    for (const batch of [NOVEL, [...unlike, ...NOVEL]]) {
      const batchStarted = performance.now();
      const outcome = await findCheckedBeforeEach({ teamId: team.id, texts: batch }).then(
        () => "answered",
        (err: unknown) => `failed (${err instanceof Error && /statement timeout/.test(err.message) ? "statement_timeout" : String(err)})`,
      );
      const batchMs = performance.now() - batchStarted;
      console.log(
        `\nfindCheckedBeforeEach over ${batch.length} texts no claim reads like (as listSuggestions asks): ${outcome} after ${batchMs.toFixed(0)} ms, ${(batchMs / batch.length).toFixed(1)} ms per text; load average ${loadAverage()}`,
      );
    }
    if (process.env.EXPLAIN !== "0") {
      for (const q of [queries[0]!, unlike[0]!]) {
        const { plans } = await buffersOf(NEW_SQL, q);
        console.log(`\nplans of findCheckedBefore's statements for "${q.slice(0, 60)}…":`);
        for (const p of plans.slice(0, -1)) console.log(planLines(p.Plan).join("\n"));
      }
      const { plans } = withFormer
        ? await buffersOf(FORMER_SQL, queries[0]!)
        : { plans: [{ Plan: { "Node Type": "skipped (FORMER=0)" } }] };
      console.log(`\nformer plan for the first text:\n${planLines(plans.at(-1)!.Plan).join("\n")}`);
    }
    // Baseline in the same run: the exact answer, scoring every claim (index scans off: a sequential scan).
    const baselineTimes: number[] = [];
    let equal = 0;
    // The texts without same-words claims, where findCheckedBefore's answer must be exactly the most alike claims.
    const baselineTexts = unlike.slice(0, BASELINE_QUERIES);
    for (const text of baselineTexts) {
      const t = performance.now();
      const exact = await db.$transaction(
        async (tx) => {
          await tx.$executeRawUnsafe("SET LOCAL statement_timeout = 0");
          await tx.$executeRawUnsafe("SET LOCAL enable_indexscan = off");
          await tx.$executeRawUnsafe("SET LOCAL enable_bitmapscan = off");
          return tx.$queryRaw<{ id: string; similarity: number }[]>`
            SELECT c."id", similarity(c."exact", ${text})::float8 AS "similarity" FROM "Claim" c JOIN "Article" a ON a."id" = c."articleId"
            WHERE a."teamId" = ${team.id} AND c."verdictOrdinal" IS NOT NULL AND similarity(c."exact", ${text}) >= 0.45
            ORDER BY 2 DESC, 1 LIMIT 3`;
        },
        { timeout: 600_000 },
      );
      baselineTimes.push(performance.now() - t);
      const fast = await findCheckedBefore({ teamId: team.id, text });
      const same =
        JSON.stringify(exact.map((r) => [r.id, Number(r.similarity.toFixed(3))])) ===
        JSON.stringify(fast.map((m) => [m.claimId, m.similarity]));
      if (same) equal++;
    }
    console.log(
      `\nbaseline (every claim scored, seq scan): ${fmt(summary(baselineTimes))} (${baselineTexts.length} lookups); findCheckedBefore gave exactly its answer (ids and similarities) for ${equal} of these ${baselineTexts.length} texts without same-words claims`,
    );
  } finally {
    await explainer.end();
    await db.$disconnect();
  }
}

/**
 * An article (new on every run) whose open suggestions are `texts`, and what reading its suggestions costs: the former
 * listSuggestions' one findCheckedBeforeEach over all texts (under the app's statement_timeout), the first
 * listSuggestions with nothing stored (bounded: its budget of lookups, the rest queued), the job's cost per suggestion
 * (refreshCheckedBefore), then STORED_READS listSuggestions with every answer stored (median, p95). Prints
 * whether the stored answers equal findCheckedBefore's (limit 1).
 */
type StoredArticle = { teamId: string; articleId: string; hash: string; userId: string; texts: readonly string[] };

async function benchStoredAnswers(teamId: string, texts: readonly string[]): Promise<StoredArticle> {
  const { testDb, createUser } = await import("../e2e/fixtures/factories");
  const { listSuggestions } = await import("../lib/claims/suggested");
  const { findCheckedBefore, findCheckedBeforeEach } = await import("../lib/claims/checked-before");
  const { refreshCheckedBefore, CHECKED_BEFORE_REQUEST_LOOKUPS, CHECKED_BEFORE_REQUEST_BUDGET_MS } =
    await import("../lib/claims/checked-before-stored");
  const { bodyHash } = await import("../lib/articles/stored-suggestions");
  const reads = Number(process.env.STORED_READS ?? 30);
  const user = await createUser(teamId, "reviewer", "bench-stored");
  const body = texts.join("\n\n");
  const hash = bodyHash(body);
  const article = await testDb().article.create({
    data: { teamId, title: "Bench: stored answers", standfirst: "", source: "bench", body, suggestionsHash: hash },
  });
  let at = 0;
  await testDb().suggestion.createMany({
    data: texts.map((text) => {
      const start = body.indexOf(text, at);
      at = start + text.length;
      return { articleId: article.id, bodyHash: hash, start, end: at, text, score: 0.5, type: "statistic", reason: "bench" };
    }),
  });
  console.log(`
suggestions list of an article with ${texts.length} open suggestions (texts no claim reads like); load average ${loadAverage()}`);

  let t = performance.now();
  // FORMER_BATCH=0 leaves out the former list's one statement (it runs into statement_timeout at 1M claims: 30 s).
  if (process.env.FORMER_BATCH !== "0") {
    const outcome = await findCheckedBeforeEach({ teamId, texts }).then(
      () => "answered",
      (err: unknown) =>
        `failed (${err instanceof Error && /statement timeout/.test(err.message) ? "statement_timeout: the route answers 503" : String(err)})`,
    );
    const formerMs = performance.now() - t;
    console.log(
      `  former (one findCheckedBeforeEach over every open suggestion): ${outcome} after ${formerMs.toFixed(0)} ms; load average ${loadAverage()}`,
    );
  }

  t = performance.now();
  const first = await listSuggestions({ articleId: article.id, userId: user.id });
  console.log(
    `  first read, nothing stored: ${(performance.now() - t).toFixed(0)} ms, ${first.filter((s) => !s.checkedBeforePending).length} looked up in the request (at most ${CHECKED_BEFORE_REQUEST_LOOKUPS}, ${CHECKED_BEFORE_REQUEST_BUDGET_MS} ms), ${first.filter((s) => s.checkedBeforePending).length} pending for the job; load average ${loadAverage()}`,
  );

  t = performance.now();
  const looked = await refreshCheckedBefore({ articleId: article.id, bodyHash: hash });
  const jobMs = performance.now() - t;
  console.log(
    `  job (refreshCheckedBefore): ${looked} lookups in ${jobMs.toFixed(0)} ms, ${(jobMs / Math.max(looked, 1)).toFixed(0)} ms per suggestion; load average ${loadAverage()}`,
  );

  const times: number[] = [];
  let listed = first;
  for (let i = 0; i < reads; i++) {
    t = performance.now();
    listed = await listSuggestions({ articleId: article.id, userId: user.id });
    times.push(performance.now() - t);
  }
  let equal = 0;
  for (const s of listed) {
    const [expected] = await findCheckedBefore({ teamId, text: s.text, limit: 1 });
    if (JSON.stringify(expected ?? null) === JSON.stringify(s.checkedBefore) && !s.checkedBeforePending) equal++;
  }
  console.log(
    `  listSuggestions with every answer stored: ${fmt(summary(times))} (${reads} reads); ${equal} of ${listed.length} answers equal findCheckedBefore's (limit 1); load average ${loadAverage()}`,
  );
  console.log(`  uptime: ${execSync("uptime").toString().trim()}`);
  return { teamId, articleId: article.id, hash, userId: user.id, texts };
}

/**
 * What one verdict costs the stored answers (migration checked_before_reverse), on the article of benchStoredAnswers
 * (every answer known) and EXTRA_SUGGESTIONS (default 20,000) more open suggestions of the team on one article kept
 * in the database (texts drawn like the claims, answers marked known): before, the team-wide counter made every open
 * suggestion of the team stale, each one lookup (the article's timed here, the rest at their mean); after, a verdict
 * on a claim nothing reads like, then on one that reads like one suggestion, then that verdict taken back: the
 * suggestions the triggers touched, the lookups the job then made and their ms, the verdict write's ms, and the
 * reverse lookup's plan (rows, buffers). Then the stored read again (STORED_READS listSuggestions, median, p95).
 */
async function benchOneVerdict({ teamId, articleId, hash, userId, texts }: StoredArticle) {
  const { testDb } = await import("../e2e/fixtures/factories");
  const { listSuggestions } = await import("../lib/claims/suggested");
  const { refreshCheckedBefore } = await import("../lib/claims/checked-before-stored");
  const { findCheckedBefore } = await import("../lib/claims/checked-before");
  const { bodyHash } = await import("../lib/articles/stored-suggestions");
  const extra = Number(process.env.EXTRA_SUGGESTIONS ?? 20_000);
  const reads = Number(process.env.STORED_READS ?? 30);
  const manyTitle = `Bench: ${extra} suggestions`;
  const kept = await testDb().article.findFirst({ where: { teamId, title: manyTitle }, select: { id: true } });
  if (!kept && extra > 0) {
    const many = Array.from({ length: extra }, (_, i) => englishClaim(5_000_000 + i));
    const body = many.join("\n\n");
    const h = bodyHash(body);
    const article = await testDb().article.create({
      data: { teamId, title: manyTitle, standfirst: "", source: "bench", body, suggestionsHash: h },
    });
    let at = 0;
    const rows = many.map((text) => {
      const start = body.indexOf(text, at);
      at = start + text.length;
      return { articleId: article.id, bodyHash: h, start, end: at, text, score: 0.5, type: "statistic", reason: "bench" };
    });
    for (let i = 0; i < rows.length; i += 5_000) {
      await testDb().suggestion.createMany({
        data: rows.slice(i, i + 5_000).map((r) => ({ ...r, checkedBeforePending: false, checkedBeforeAt: new Date() })),
      });
    }
    await testDb().$executeRawUnsafe(`VACUUM ANALYZE "Suggestion"`);
  }
  const team = async () => {
    const [row] = await testDb().$queryRaw<{ open: number; versions: number; pending: number }[]>`
      SELECT count(*)::int AS "open", coalesce(sum(s."checkedBeforeVersion"), 0)::int AS "versions",
             count(*) FILTER (WHERE s."checkedBeforePending")::int AS "pending"
      FROM "Suggestion" s JOIN "Article" a ON a."id" = s."articleId"
      WHERE a."teamId" = ${teamId} AND s."bodyHash" = a."suggestionsHash" AND s."dismissedAt" IS NULL AND s."claimId" IS NULL`;
    return row!;
  };
  /** Lookups the job makes for every article of the team with pending answers, and their ms. */
  const runJobs = async () => {
    const pending = await testDb().$queryRaw<{ articleId: string; bodyHash: string }[]>`
      SELECT DISTINCT s."articleId", s."bodyHash" FROM "Suggestion" s JOIN "Article" a ON a."id" = s."articleId"
      WHERE a."teamId" = ${teamId} AND s."bodyHash" = a."suggestionsHash" AND s."checkedBeforePending"
        AND s."dismissedAt" IS NULL AND s."claimId" IS NULL`;
    const t = performance.now();
    let looked = 0;
    for (const p of pending) looked += await refreshCheckedBefore(p);
    return { looked, ms: performance.now() - t };
  };
  // Earlier runs' articles may hold pending answers (the first read leaves most to the job): known before measuring.
  const settled = await runJobs();
  const start = await team();
  console.log(
    `\none verdict, ${start.open} open suggestions in the team (${extra} of them on "${manyTitle}"; ${settled.looked} pending ones of earlier runs looked up first, ${settled.ms.toFixed(0)} ms); load average ${loadAverage()}`,
  );

  // Before: the team-wide counter made all of them stale; the job looked each up again. Timed on this article's.
  // BEFORE_SAMPLE (default all) of this article's suggestions are timed.
  const sample = Number(process.env.BEFORE_SAMPLE ?? texts.length);
  await testDb().$executeRaw`
    UPDATE "Suggestion" SET "checkedBeforePending" = true, "checkedBeforeVersion" = "checkedBeforeVersion" + 1
    WHERE "id" IN (SELECT "id" FROM "Suggestion" WHERE "articleId" = ${articleId} AND "bodyHash" = ${hash} ORDER BY "score" DESC, "id" LIMIT ${sample})`;
  const before = await runJobs();
  const mean = before.ms / Math.max(before.looked, 1);
  console.log(
    `  before (team-wide counter): ${start.open} suggestions re-looked-up after any verdict; ${before.looked} of this article's took ${before.ms.toFixed(0)} ms (${mean.toFixed(0)} ms each), so all ${start.open} ≈ ${((start.open * mean) / 1000).toFixed(0)} s of job work; load average ${loadAverage()}`,
  );

  const otherArticle = (await testDb().article.findFirstOrThrow({ where: { teamId, NOT: { id: articleId } }, select: { id: true } })).id;
  let n = 0;
  // The claim is written with EXPLAIN ANALYZE, so the verdict triggers' own time is printed apart from the insert's.
  const verdictOn = async (exact: string) => {
    const id = `bench-one-verdict-${Date.now()}-${n++}`;
    const t = performance.now();
    const [row] = await testDb().$queryRaw<{ "QUERY PLAN": unknown }[]>`
      EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)
      INSERT INTO "Claim" ("id", "articleId", "exact", "prefix", "suffix", "start", "end", "createdById", "updatedById", "updatedAt",
                           "verdictOrdinal", "verdictLabel", "verdictAt")
      VALUES (${id}, ${otherArticle}, ${exact}, '', '', 0, ${exact.length}, ${userId}, ${userId}, now(), 1, 'False', now())`;
    const ms = performance.now() - t;
    const plan = (row!["QUERY PLAN"] as { "Execution Time": number; Triggers?: { "Trigger Name": string; Time: number }[] }[])[0]!;
    const triggers = (plan.Triggers ?? []).map((tr) => `${tr["Trigger Name"]} ${tr.Time.toFixed(1)} ms`).join(", ");
    console.log(`    the claim's insert: ${plan["Execution Time"].toFixed(1)} ms in PostgreSQL, of which triggers: ${triggers || "none"}`);
    return { id, ms };
  };
  const after = async (label: string, write: () => Promise<{ ms: number }>) => {
    const was = await team();
    const { ms } = await write();
    const now = await team();
    const job = await runJobs();
    console.log(
      `  after, ${label}: verdict write (triggers included) ${ms.toFixed(1)} ms; ${now.versions - was.versions} suggestions touched, ${now.pending - was.pending} made pending; the job re-looked-up ${job.looked} in ${job.ms.toFixed(0)} ms; load average ${loadAverage()}`,
    );
  };
  const unrelated = englishClaim(9_000_001);
  await after("a claim nothing reads like gains a verdict", () => verdictOn(unrelated));
  const target = texts[0]!;
  const alike = target.replace(/\b(\w+)\s*$/, "season");
  let alikeClaim = { id: "", ms: 0 };
  await after(`a claim that reads like one suggestion gains a verdict ("${alike}")`, async () => (alikeClaim = await verdictOn(alike)));
  const answerOf = async () =>
    (await listSuggestions({ articleId, userId: userId })).find((s) => s.text === target)?.checkedBefore?.claimId ?? null;
  const [expectedFirst] = await findCheckedBefore({ teamId, text: target, limit: 1 });
  console.log(
    `    its answer is the new claim: ${(await answerOf()) === alikeClaim.id}; equals findCheckedBefore's: ${(await answerOf()) === (expectedFirst?.claimId ?? null)}`,
  );
  await after("that verdict taken back", async () => {
    const t = performance.now();
    await testDb().$executeRaw`UPDATE "Claim" SET "verdictOrdinal" = NULL, "verdictLabel" = NULL WHERE "id" = ${alikeClaim.id}`;
    return { ms: performance.now() - t };
  });
  const [expectedThen] = await findCheckedBefore({ teamId, text: target, limit: 1 });
  console.log(`    its answer equals findCheckedBefore's again: ${(await answerOf()) === (expectedThen?.claimId ?? null)}`);

  // The reverse lookup's work for the unrelated claim: the `%` over the open suggestions' trigram index.
  const plan = await testDb().$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`SET LOCAL pg_trgm.similarity_threshold = 0.45`);
    return tx.$queryRaw<{ "QUERY PLAN": unknown }[]>`
      EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)
      SELECT s."id" FROM "Suggestion" s WHERE s."text" % ${unrelated} AND s."dismissedAt" IS NULL AND s."claimId" IS NULL`;
  });
  const top = (plan[0]!["QUERY PLAN"] as { Plan: Record<string, unknown>; "Execution Time": number }[])[0]!;
  const scan = JSON.stringify(top.Plan).match(/"Index Name":"([^"]+)"/)?.[1] ?? "no index";
  console.log(
    `  reverse lookup of that claim over the ${start.open} open suggestions: ${top.Plan["Actual Rows"]} rows, ${Number(top.Plan["Shared Hit Blocks"]) + Number(top.Plan["Shared Read Blocks"])} buffers, ${top["Execution Time"].toFixed(1)} ms (${scan}); load average ${loadAverage()}`,
  );
  await testDb().claim.deleteMany({ where: { id: { startsWith: "bench-one-verdict-" } } });
  await runJobs();

  const times: number[] = [];
  for (let i = 0; i < reads; i++) {
    const t = performance.now();
    await listSuggestions({ articleId, userId });
    times.push(performance.now() - t);
  }
  console.log(`  listSuggestions with every answer stored, after: ${fmt(summary(times))} (${reads} reads); load average ${loadAverage()}`);
  console.log(`  uptime: ${execSync("uptime").toString().trim()}`);
}

/** Builds once the table `bench_trigram_df` (trigram, df: how many claims have it) over all claims (~1 min at 1M). */
async function ensureTrigramFrequencies() {
  const { testDb } = await import("../e2e/fixtures/factories");
  await testDb().$executeRawUnsafe(
    `CREATE TABLE IF NOT EXISTS "bench_trigram_df" AS SELECT t AS "trigram", count(*)::int AS "df" FROM "Claim", unnest(show_trgm("exact")) t GROUP BY t`,
  );
}

/**
 * For each text: its trigrams (n), how many of its rarest ones GIN's fast scan must read whole for `%` at 0.45 (a
 * claim lacking n − ceil(0.45·n) + 1 of them has at most ceil(0.45·n) − 1 in common, so cannot reach 0.45: pg_trgm's
 * GIN consistent function bounds similarity by common/n), the postings (claims) of those lists added up, and how many of
 * the text's trigrams no claim has. GIN orders by its own estimate of list sizes; this uses the true counts.
 */
async function prefixPostings(texts: readonly string[]) {
  const { testDb } = await import("../e2e/fixtures/factories");
  const rows = await testDb().$queryRaw<{ trigrams: number; entries: number; postings: number; absent: number }[]>`
    SELECT max(n)::int AS "trigrams", (max(n) - ceil(0.45 * max(n)) + 1)::int AS "entries",
           coalesce(sum(df) FILTER (WHERE rk <= n - ceil(0.45 * n) + 1), 0)::float8 AS "postings",
           count(*) FILTER (WHERE df = 0)::int AS "absent"
    FROM (SELECT q.i, coalesce(d."df", 0) AS df, count(*) OVER (PARTITION BY q.i) AS n,
                 row_number() OVER (PARTITION BY q.i ORDER BY coalesce(d."df", 0), t) AS rk
          FROM unnest(${[...texts]}::text[]) WITH ORDINALITY AS q(text, i), unnest(show_trgm(q.text)) t
          LEFT JOIN "bench_trigram_df" d ON d."trigram" = t) x
    GROUP BY i ORDER BY i`;
  return {
    trigrams: rows.map((r) => r.trigrams),
    entries: rows.map((r) => r.entries),
    postings: rows.map((r) => r.postings),
    absent: rows.map((r) => r.absent),
  };
}

function loadAverage() {
  return loadavg()
    .map((x) => x.toFixed(1))
    .join(" ");
}

/** A plan as indented lines: node, index, rows, shared buffers. */
function planLines(plan: Record<string, unknown>, depth = 0): string[] {
  const own = `${"  ".repeat(depth + 1)}${String(plan["Node Type"])}${plan["Index Name"] ? ` using ${String(plan["Index Name"])}` : ""}${plan["Relation Name"] ? ` on ${String(plan["Relation Name"])}` : ""}: rows ${String(plan["Actual Rows"])}, loops ${String(plan["Actual Loops"])}, shared hit ${String(plan["Shared Hit Blocks"])} read ${String(plan["Shared Read Blocks"])}${plan["Rows Removed by Index Recheck"] ? `, removed by recheck ${String(plan["Rows Removed by Index Recheck"])}` : ""}`;
  const children = (plan.Plans as Record<string, unknown>[] | undefined) ?? [];
  return [own, ...children.flatMap((c) => planLines(c, depth + 1))];
}

runBench(() => withBenchDatabase(TEXTS === "english" ? "checked-before-english" : "checked-before", main));
