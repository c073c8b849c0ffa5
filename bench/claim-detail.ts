// Benchmark: the claim read behind every article-page action's answer (getClaimView → loadClaimDetail, issue #21),
// for a claim with every relation populated (lib/claims/full-claim-fixture.ts: 5 comments, 3 evidence, 2 tags, an
// assignment, 2 verdicts, 2 corrections, ~20 audit events).
//   nice -n 10 npx tsx bench/claim-detail.ts   (RUNS=300 by default)
// Prints, alternated call by call in the same run, Prisma's `join` load strategy (what loadClaimDetail uses) and the
// per-relation reads (`query`): statements per call counted on the wire (scripts/lib/statement-counter.ts), median and
// 95th percentile wall time of the call, then the SQL of the join read and its EXPLAIN (ANALYZE, BUFFERS).
import { loadavg } from "node:os";
import pg from "pg";
import { runBench, withBenchDatabase } from "./database";
import { startStatementCounter } from "../scripts/lib/statement-counter";

const RUNS = Number(process.env.RUNS ?? 300);

function summary(times: number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(1);
  return `median ${at(0.5)} ms, p95 ${at(0.95)} ms`;
}

async function main(url: string) {
  const counter = await startStatementCounter(Number(new URL(url).port));
  const proxied = new URL(url);
  proxied.port = String(counter.port);
  process.env.DATABASE_URL = proxied.toString();
  // Every statement's text, to show the join read's SQL.
  const texts: string[] = [];
  const values: unknown[][] = [];
  const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const first = args[0] as string | { text?: string };
    texts.push(typeof first === "string" ? first : (first?.text ?? ""));
    values.push((typeof first === "object" && first && "values" in first ? (first.values as unknown[]) : (args[1] as unknown[])) ?? []);
    return query.apply(this, args);
  } as typeof pg.Client.prototype.query;

  const { createDesk, testDb } = await import("../e2e/fixtures/factories");
  const { seedFullClaim } = await import("../lib/claims/full-claim-fixture");
  const { loadClaimDetail } = await import("../lib/claims/get-claim");
  const { db } = await import("../lib/db");
  const desk = await createDesk();
  const claimId = await seedFullClaim(desk, "Sir Keir Starmer");
  const userId = desk.reviewer.id;
  const read = (relationLoadStrategy: "join" | "query") => loadClaimDetail({ userId, claimId, checkedBefore: false, relationLoadStrategy });
  for (let i = 0; i < 20; i++) await Promise.all([read("join"), read("query")]); // warm up

  const results: Record<"join" | "query", { times: number[]; statements: number[]; cpu: number }> = {
    join: { times: [], statements: [], cpu: 0 },
    query: { times: [], statements: [], cpu: 0 },
  };
  const load = loadavg()[0]!.toFixed(2);
  for (let i = 0; i < RUNS; i++) {
    for (const strategy of i % 2 ? (["join", "query"] as const) : (["query", "join"] as const)) {
      const before = counter.count();
      const t = performance.now();
      const cpu = process.cpuUsage();
      await read(strategy);
      const used = process.cpuUsage(cpu);
      results[strategy].times.push(performance.now() - t);
      results[strategy].cpu += (used.user + used.system) / 1000;
      results[strategy].statements.push(counter.count() - before);
    }
  }
  console.log(`load average at start ${load}, at end ${loadavg()[0]!.toFixed(2)}; ${RUNS} calls each, alternated`);
  for (const strategy of ["query", "join"] as const) {
    const { times, statements, cpu } = results[strategy];
    console.log(
      `${strategy}: ${Math.max(...statements)} statements per call; ${summary(times)}; ` +
        `this process's CPU (Prisma, pg, the DTO; not PostgreSQL's) ${(cpu / RUNS).toFixed(2)} ms per call`,
    );
  }

  texts.length = 0;
  await read("join");
  const sql = texts.find((t) => t.includes('FROM "public"."Claim"')) ?? "";
  console.log(
    `\njoin read: ${texts.length} statements; the claim's: ${(sql.match(/LATERAL/g) ?? []).length} LATERAL, ` +
      `${(sql.match(/JSONB_AGG/g) ?? []).length} JSONB_AGG (SQL=1 prints it)` +
      (process.env.SQL === "1" ? `\n${sql}\n` : ""),
  );
  texts.length = 0;
  await read("query");
  console.log(`query read: ${texts.length} statements:\n${texts.map((t) => "  " + t.slice(0, 140)).join("\n")}\n`);

  // Where the join read's time goes: planning and execution in PostgreSQL, the rest is the client (JSON decoding).
  texts.length = 0;
  values.length = 0;
  await read("join");
  const at = texts.findIndex((t) => t.includes('FROM "public"."Claim"'));
  const raw = new pg.Client({ connectionString: url });
  await raw.connect();
  for (let i = 0; i < 3; i++) await raw.query(`EXPLAIN (ANALYZE, BUFFERS) ${texts[at]}`, values[at]);
  const plan = (await raw.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${texts[at]}`, values[at])).rows;
  console.log(
    plan
      .filter((r) => /Planning|Execution|Buffers: shared/.test(r["QUERY PLAN"]))
      .slice(-4)
      .map((r) => r["QUERY PLAN"])
      .join("\n"),
  );
  const bytes = (await raw.query(texts[at]!, values[at])).rows.map((r) => JSON.stringify(r).length);
  console.log(`join read answers ${bytes[0]} bytes of JSON text`);
  await raw.end();
  await Promise.all([db.$disconnect(), testDb().$disconnect()]);
  await counter.close();
}

runBench(() => withBenchDatabase("claim-detail", main));
