// CPU per call of the hot read statements, in this process: Prisma's `$queryRaw` against running the same
// statement (its `.sql` / `.values`) on a plain pg Pool, and the data-layer functions the API's reads call
// (authenticateApiToken, getArticle, listClaimPage) as they are now. Alternating rounds in one run, so load on a
// shared machine hits every mode alike; the ratio is the figure to trust.
//   npx tsx bench/raw-read.ts     (ROUNDS=4, CALLS=600 per round and mode, CONCURRENCY=1,10)
import pg from "pg";
import { runBench, withBenchDatabase } from "./database";

const ROUNDS = Number(process.env.ROUNDS ?? 4);
const CALLS = Number(process.env.CALLS ?? 600);
const CONCURRENCY = (process.env.CONCURRENCY ?? "1,10").split(",").map(Number);

async function main() {
  const { createTeam, createUser, createArticle, testDb } = await import("../e2e/fixtures/factories");
  const { createApiToken } = await import("../lib/api-tokens/create-token");
  const { authenticateApiToken, selectTokenWithUser } = await import("../lib/api-tokens/verify-token");
  const { hashTokenSecret } = await import("../lib/api-tokens/secret");
  const { getArticle, selectArticle } = await import("../lib/articles/get-article");
  const { listClaimPage, selectClaimPage } = await import("../lib/claims/claim-pages");
  const { describeRange } = await import("../lib/anchoring/selectors");
  const { db } = await import("../lib/db");

  const team = await createTeam();
  const user = await createUser(team.id, "reviewer");
  const { secret } = await createApiToken({ userId: user.id, teamId: team.id, input: { name: "bench", scope: "read", expiresIn: "7d" } });
  const article = await createArticle(team.id);
  const ranges = [...article.body.matchAll(/[A-Z][^.!?\n]{20,200}[.!?]/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  await testDb().claim.createMany({
    data: Array.from({ length: 50 }, (_, i) => {
      const r = ranges[i % ranges.length]!;
      const t = describeRange(article.body, r.start, r.end);
      return {
        articleId: article.id,
        exact: t.quote.exact,
        prefix: t.quote.prefix,
        suffix: t.quote.suffix,
        start: r.start,
        end: r.end,
        createdById: user.id,
        updatedById: user.id,
      };
    }),
  });
  await testDb().$executeRawUnsafe("VACUUM ANALYZE");

  // The statements as the data layer sends them, from the data layer itself: the token's SELECT
  // (lib/api-tokens/verify-token.ts), the article (lib/articles/get-article.ts) and the claims' full first page of 50
  // (lib/claims/claim-pages.ts; it reads one row more than it keeps, to know if a page follows).
  const articleSql = selectArticle(article.id, user.id);
  const claimsSql = selectClaimPage({ articleId: article.id, userId: user.id, after: null, sqlLimit: 51, full: true });
  const tokenSql = selectTokenWithUser(hashTokenSecret(secret), null, new Date());

  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
  // A connection that ends while idle must not kill the bench (an unhandled pool 'error', as in bench/api-load-bare.ts).
  pool.on("error", (err) => console.error("[raw-read] pool error:", err.message));
  const modes: [string, () => Promise<unknown>][] = [
    ["token SELECT: db.$queryRaw", () => db.$queryRaw(tokenSql)],
    ["token SELECT: pg pool.query", () => pool.query(tokenSql.text, tokenSql.values)],
    ["article: db.$queryRaw", () => db.$queryRaw(articleSql)],
    ["article: pg pool.query", () => pool.query(articleSql.text, articleSql.values)],
    ["claims page (50): db.$queryRaw", () => db.$queryRaw(claimsSql)],
    ["claims page (50): pg pool.query", () => pool.query(claimsSql.text, claimsSql.values)],
    ["fn authenticateApiToken", () => authenticateApiToken({ secret })],
    ["fn getArticle", () => getArticle({ id: article.id, userId: user.id })],
    ["fn listClaimPage (50)", () => listClaimPage({ articleId: article.id, userId: user.id })],
  ];
  const only = process.env.MODES?.split(",");
  const selected = modes.filter(([name]) => !only || only.some((o) => name.includes(o)));

  for (const concurrency of CONCURRENCY) {
    const totals = new Map<string, { cpu: number; wall: number; calls: number }>();
    for (const [, run] of selected) for (let i = 0; i < 100; i++) await run(); // warm up (JIT, connections)
    for (let round = 0; round < ROUNDS; round++) {
      for (const [name, run] of selected) {
        let next = 0;
        const cpu0 = process.cpuUsage();
        const t0 = performance.now();
        await Promise.all(
          Array.from({ length: concurrency }, async () => {
            while (next++ < CALLS) await run();
          }),
        );
        const cpu = process.cpuUsage(cpu0);
        const total = totals.get(name) ?? { cpu: 0, wall: 0, calls: 0 };
        total.cpu += (cpu.user + cpu.system) / 1000;
        total.wall += performance.now() - t0;
        total.calls += CALLS;
        totals.set(name, total);
      }
    }
    console.log(`\nconcurrency ${concurrency}, ${ROUNDS} rounds x ${CALLS} calls per mode`);
    console.log("| mode | CPU ms/call | calls/s |\n|---|---|---|");
    for (const [name, t] of totals) console.log(`| ${name} | ${(t.cpu / t.calls).toFixed(3)} | ${Math.round((t.calls / t.wall) * 1000)} |`);
  }
  await pool.end();
  await db.$disconnect();
}

runBench(() => withBenchDatabase("raw-read", main));
