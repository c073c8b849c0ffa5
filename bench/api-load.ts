// Benchmark: Factdesk's API under load against a bare node:http + pg server doing the same SQL
// work (bench/api-load-bare.ts), alternating in one run on one database, with autocannon.
//   npm run build && npx tsx bench/api-load.ts     (DURATION=10 s per measurement, CONNECTIONS=10,50, OPS=all, PAIRS=1)
// Needs a production build in .next (scripts/serve.ts serves it). For each operation and number of
// connections it measures Factdesk, then the bare server, and prints req/s, p50, p99, the server
// process's CPU per request (user + system, from /proc), non-2xx answers, SQL statements per
// request (counted by a small PostgreSQL wire-protocol proxy both servers connect through: every
// Execute or simple Query message; one proxy per server, Factdesk's background job polling taken off) and the
// ratios, with the machine's 1-minute load average after each pair. Both servers get the same pool size
// (DATABASE_POOL_SIZE, default 10). Prints numbers, never asserts.
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import autocannon from "autocannon";
import { runBench, withBenchDatabase } from "./database";
import { freePort } from "../scripts/lib/free-port";
import { SERVER_NODE_OPTIONS, withServerNodeOptions } from "../scripts/lib/server-flags";
import { startStatementCounter } from "../scripts/lib/statement-counter";
import { median } from "./numbers";

const DURATION = Number(process.env.DURATION ?? 10);
// PAIRS=n: each operation and number of connections is measured as n alternating pairs (bare, then Factdesk), and the
// row gives the median of the n ratios with their range: on a shared machine the bare server's own rate drifts by
// ±15 % between runs, and short alternating pairs keep that drift out of the ratio better than one long pair.
const PAIRS = Math.max(1, Number(process.env.PAIRS ?? 1));
const CONNECTIONS = (process.env.CONNECTIONS ?? "10,50").split(",").map(Number);
const POOL = process.env.DATABASE_POOL_SIZE ?? "10";
const ROOT = path.join(__dirname, "..");
const TICK_MS = 10; // /proc/<pid>/stat counts CPU in clock ticks of 1/100 s on Linux
// BENCH_LOOP_STATS=1: both servers preload bench/loop-stats.mjs, and each measurement also prints what the tail is made
// of on each side: event-loop delay (p99 / max), GC pauses and stalls of the loop over 10 ms.
const LOOP_STATS = process.env.BENCH_LOOP_STATS === "1" ? path.join(tmpdir(), `factdesk-loop-stats-${process.pid}`) : null;

type LoopStats = {
  delay: { p99: number; max: number };
  gc: [string, number][];
  stalls: number[];
  stallsWithGc: number[];
  stallsCpuMs: number;
  heapUsedMb: number;
  /** heapUsedMb is after a full collection (node --expose-gc), not heap in use with its garbage. */
  live: boolean;
  /** Used MB per V8 heap space (old_space, code_space, large_object_space…) and bytecode with its metadata. */
  spacesMb: Record<string, number>;
  bytecodeMb: number;
  newSpaceMb: number;
  seconds: number;
};

/** Opens (`open`) or closes a loop-stats window in `pid` (bench/loop-stats.mjs); on closing, its figures. */
async function loopWindow(pid: number, open: boolean): Promise<LoopStats | null> {
  if (!LOOP_STATS) return null;
  const file = `${LOOP_STATS}.${pid}`;
  rmSync(file, { force: true });
  process.kill(pid, "SIGUSR2");
  if (open) return null;
  for (let i = 0; i < 200 && !existsSync(file); i++) await new Promise((r) => setTimeout(r, 10));
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as LoopStats) : null;
}

/** One side's loop figures in a line: delay p99/max, GC pauses (count, total and largest ms, by kind), stalls over 10 ms. */
function describeLoop(s: LoopStats | null): string {
  if (!s) return "–";
  const f = (x: number) => x.toFixed(1);
  const byKind = new Map<string, { n: number; ms: number }>();
  for (const [kind, ms] of s.gc) {
    const k = byKind.get(kind) ?? { n: 0, ms: 0 };
    byKind.set(kind, { n: k.n + 1, ms: k.ms + ms });
  }
  const gcMax = Math.max(0, ...s.gc.map(([, ms]) => ms));
  const gcs = [...byKind].map(([kind, k]) => `${kind} ${k.n}× ${f(k.ms)} ms`).join(", ");
  const stalls = s.stalls.length
    ? `${s.stalls.length} (${f(s.stalls.reduce((a, b) => a + b, 0))} ms, on CPU ${f(s.stallsCpuMs)} ms, max ${f(Math.max(...s.stalls))})`
    : "0";
  const withGc = s.stallsWithGc.reduce((a, b) => a + b, 0);
  return (
    `delay p99 ${f(s.delay.p99)} max ${f(s.delay.max)} ms; GC ${gcs || "none"} (max ${f(gcMax)}); stalls >10 ms ${stalls}, ` +
    `${s.stallsWithGc.length} of them with a GC pause (${f(withGc)} ms); ${s.live ? "live heap" : "heap used"} ${s.heapUsedMb.toFixed(0)} MB, new space ${s.newSpaceMb.toFixed(0)} MB (` +
    `${Object.entries(s.spacesMb)
      .filter(([, mb]) => mb >= 1)
      .map(([space, mb]) => `${space} ${mb.toFixed(0)}`)
      .join(", ")}; bytecode ${s.bytecodeMb.toFixed(0)})`
  );
}

/** CPU ms used so far by `pid` and its live child processes (so that a server run as several processes, e.g. a Node cluster, is counted whole). */
function cpuMs(pid: number): number {
  let children: number[] = [];
  try {
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      children = children.concat(readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").split(" ").filter(Boolean).map(Number));
    }
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    // utime, stime (fields 14 and 15 of the line)
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS + children.reduce((sum, child) => sum + cpuMs(child), 0);
  } catch {
    return 0; // gone (a child that exited between the two reads)
  }
}

/** Sends `child` SIGTERM and resolves once it has exited; SIGKILL when it has not 10 s later. */
async function stopped(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exit = once(child, "exit");
  child.kill();
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exit;
  clearTimeout(timer);
}

async function waitFor(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`${url}: server exited with ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not come up`);
}

type Op = {
  name: string;
  method: "GET" | "POST" | "PUT";
  /** The request for the n-th call; `context` is the connection's until its answer (autocannon's request context). */
  request: (n: number, context: Record<string, unknown>) => { path: string; body?: unknown };
  /** Told each answer's status, with the context its request was made with. */
  onResponse?: (status: number, context: Record<string, unknown>) => void;
};

type Measure = {
  rps: number;
  p50: number;
  p99: number;
  cpu: number;
  /** Bytes received per answer (head and body), from autocannon's throughput. */
  bytes: number;
  statements: number;
  non2xx: number;
  failures: string;
  requests: number;
  loop: LoopStats | null;
};

/** The path of the first place where two JSON values differ ("claims[3].verdict"), or null when they are equal. */
function firstDifference(a: unknown, b: unknown, at = "answer"): string | null {
  if (typeof a !== "object" || a === null || typeof b !== "object" || b === null) return Object.is(a, b) ? null : at;
  if (Array.isArray(a) !== Array.isArray(b)) return at;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const inner = Array.isArray(a) ? `${at}[${key}]` : `${at}.${key}`;
    const d = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], inner);
    if (d !== null) return d;
  }
  return null;
}

/** One row's figures from several measurements of one server: mean rate and CPU, median latencies, summed counts. */
function combine(ms: Measure[]): Measure {
  const mean = (pick: (m: Measure) => number) => ms.reduce((sum, m) => sum + pick(m), 0) / ms.length;
  return {
    rps: mean((m) => m.rps),
    p50: median(ms.map((m) => m.p50)),
    p99: median(ms.map((m) => m.p99)),
    cpu: mean((m) => m.cpu),
    bytes: mean((m) => m.bytes),
    statements: mean((m) => m.statements),
    non2xx: ms.reduce((sum, m) => sum + m.non2xx, 0),
    failures: [0, 1, 2].map((i) => ms.reduce((sum, m) => sum + Number(m.failures.split("/")[i]), 0)).join("/"),
    requests: ms.reduce((sum, m) => sum + m.requests, 0),
    loop: ms.at(-1)!.loop,
  };
}

async function main(url: string) {
  const { createTeam, createUser, createArticle, testDb } = await import("../e2e/fixtures/factories");
  const { createApiToken } = await import("../lib/api-tokens/create-token");
  const { describeRange } = await import("../lib/anchoring/selectors");
  const team = await createTeam();
  const user = await createUser(team.id, "reviewer");
  const { secret } = await createApiToken({
    userId: user.id,
    teamId: team.id,
    input: { name: "bench", scope: "read_write", expiresIn: "7d" },
  });

  // Reads: an article with 50 claims. Writes: another article, with many claims (their verdicts alternate per call;
  // PUT status takes a claim no other request is changing, below).
  const sentencesOf = (body: string) =>
    [...body.matchAll(/[A-Z][^.!?\n]{20,200}[.!?]/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const claimsFor = async (articleId: string, body: string, count: number) => {
    const ranges = sentencesOf(body);
    await testDb().claim.createMany({
      data: Array.from({ length: count }, (_, i) => {
        const r = ranges[i % ranges.length]!;
        const t = describeRange(body, r.start, r.end);
        return {
          articleId,
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
    return (await testDb().claim.findMany({ where: { articleId }, select: { id: true }, orderBy: { id: "asc" } })).map((c) => c.id);
  };
  const readArticle = await createArticle(team.id);
  await claimsFor(readArticle.id, readArticle.body, 50);
  const writeArticle = await createArticle(team.id);
  const writeClaims = await claimsFor(writeArticle.id, writeArticle.body, 5000);
  const targets = sentencesOf(writeArticle.body).map((r) => describeRange(writeArticle.body, r.start, r.end));
  await testDb().$executeRawUnsafe(`VACUUM ANALYZE`);

  const claimFor = (n: number) => writeClaims[n % writeClaims.length]!;
  // PUT status: claims no request is changing, each with the status it has now. A request takes one (so no two
  // requests in flight change the same claim) and gives it back with its new status once answered 2xx. A claim
  // whose answer never came (a measurement ends with requests in flight, and autocannon builds each connection's
  // next request before it stops) or was not 2xx has an unknown status: it is not used again. Counting per call
  // instead (stop 29) sent, once the calls wrapped around the claims, a change a claim already had: 422.
  type Idle = { id: string; status: "unreviewed" | "in_review" };
  const idle: Idle[] = writeClaims.map((id) => ({ id, status: "unreviewed" }));
  const ops: Op[] = [
    {
      name: "POST comment",
      method: "POST",
      request: (n) => ({ path: `/api/v1/claims/${claimFor(n)}/comments`, body: { body: `Checked source ${n}.` } }),
    },
    {
      name: "PUT status",
      method: "PUT",
      request: (_n, context) => {
        const claim = idle.shift();
        if (!claim) throw new Error("PUT status: every claim is in flight or of unknown status");
        const next: Idle = { id: claim.id, status: claim.status === "unreviewed" ? "in_review" : "unreviewed" };
        context.claim = next;
        return { path: `/api/v1/claims/${claim.id}/status`, body: { status: next.status } };
      },
      onResponse: (status, context) => {
        if (status >= 200 && status < 300) idle.push(context.claim as Idle);
      },
    },
    {
      name: "PUT verdict",
      method: "PUT",
      request: (n) => ({
        path: `/api/v1/claims/${claimFor(n)}/verdict`,
        body: { verdict: n % 2 === 0 ? "misleading" : "false", explanation: `The figure is from another year (${n}).` },
      }),
    },
    {
      name: "POST claim",
      method: "POST",
      request: (n) => ({
        path: `/api/v1/articles/${writeArticle.id}/claims`,
        body: {
          target: {
            selector: [
              { type: "TextQuoteSelector", ...targets[n % targets.length]!.quote },
              { type: "TextPositionSelector", ...targets[n % targets.length]!.position },
            ],
          },
        },
      }),
    },
    { name: "GET claims (50)", method: "GET", request: () => ({ path: `/api/v1/articles/${readArticle.id}/claims` }) },
    { name: "GET article", method: "GET", request: () => ({ path: `/api/v1/articles/${readArticle.id}` }) },
  ];
  const only = process.env.OPS?.split(",");

  const pgPort = Number(new URL(url).port);
  // One counting proxy per server, so each server's statements are its own; Factdesk's background work (its job
  // runner polls PostgreSQL) is measured while the bare server is under load and taken off Factdesk's count.
  const [appCounter, bareCounter] = [await startStatementCounter(pgPort), await startStatementCounter(pgPort)];
  const via = (c: { port: number }) => url.replace(`:${pgPort}/`, `:${c.port}/`);
  const [appPort, barePort] = [await freePort(), await freePort()];
  const common = {
    ...process.env,
    DATABASE_POOL_SIZE: POOL,
    NEXT_TELEMETRY_DISABLED: "1",
    ...(LOOP_STATS ? { BENCH_LOOP_STATS_FILE: LOOP_STATS } : {}),
  };
  const preload = LOOP_STATS ? ["--import", pathToFileURL(path.join(__dirname, "loop-stats.mjs")).href] : [];
  // BENCH_CPU_PROF=<dir>: Factdesk writes a V8 CPU profile there when it stops (open it in Chrome's DevTools)…
  const profile = process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF)}`] : [];
  // Factdesk runs with the V8 settings it is served with (scripts/lib/server-flags.ts); BENCH_APP_NODE_OPTIONS
  // replaces them for a comparison (BENCH_APP_NODE_OPTIONS= for Node's defaults).
  const appOptions = process.env.BENCH_APP_NODE_OPTIONS ?? SERVER_NODE_OPTIONS;
  const app = spawn("node", [...profile, ...preload, "--import", "tsx", "scripts/serve.ts"], {
    cwd: ROOT,
    env: {
      ...withServerNodeOptions(common, appOptions),
      DATABASE_URL: via(appCounter),
      PORT: String(appPort),
      NEXTAUTH_URL: `http://127.0.0.1:${appPort}`,
      NEXTAUTH_SECRET: "bench-secret-bench-secret-bench-secret",
      // Counted as always, never reached.
      API_RATE_LIMIT_PER_MINUTE: "1000000000",
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  // …and the bare server into <dir>/bare, to compare where the time goes.
  const bareProfile = process.env.BENCH_CPU_PROF
    ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF, "bare")}`]
    : [];
  const bare = spawn("node", [...bareProfile, ...preload, "--import", "tsx", "bench/api-load-bare.ts"], {
    cwd: ROOT,
    env: { ...common, DATABASE_URL: via(bareCounter), PORT: String(barePort), POOL },
    stdio: ["ignore", "ignore", "pipe"],
  });
  // autocannon ends a measurement by closing its connections: the requests still in flight then fail with
  // "aborted" (ECONNRESET) on both servers. Those are expected; anything else the servers log is shown.
  for (const child of [app, bare]) {
    child.stderr!.on("data", (chunk: Buffer) => {
      const text = chunk.toString("utf8");
      if (!/ECONNRESET|Error: aborted|abortIncoming|socketOnClose/.test(text)) process.stderr.write(text);
    });
  }
  try {
    await Promise.all([waitFor(`http://127.0.0.1:${appPort}/api/health`, app), waitFor(`http://127.0.0.1:${barePort}/`, bare)]);
    let n = 0;
    type Server = { port: number; pid: number; counter: { count: () => number } };
    const appServer: Server = { port: appPort, pid: app.pid!, counter: appCounter };
    const bareServer: Server = { port: barePort, pid: bare.pid!, counter: bareCounter };
    // The reads must answer the same document both ways, or the ratio measures the answer's size, not our overhead.
    for (const op of ops.filter((o) => o.method === "GET" && (!only || only.includes(o.name)))) {
      const { path: p } = op.request(0, {});
      const [mine, theirs] = await Promise.all(
        [appPort, barePort].map(async (port) => {
          const answer = await fetch(`http://127.0.0.1:${port}${p}`, { headers: { authorization: `Bearer ${secret}` } });
          return (await answer.json()) as unknown;
        }),
      );
      const difference = firstDifference(mine, theirs);
      console.log(`${op.name}: ${difference === null ? "both servers answer the same document" : `the answers differ at ${difference}`}`);
    }
    /** Statements per second Factdesk sends on its own (job runner), counted while the bare server is measured. */
    let background = 0;
    const measure = async ({ port, pid, counter }: Server, op: Op, connections: number, duration: number): Promise<Measure> => {
      const cpu0 = cpuMs(pid);
      const statements0 = counter.count();
      const idle0 = appCounter.count();
      await loopWindow(pid, true);
      const t0 = performance.now();
      const result = await autocannon({
        url: `http://127.0.0.1:${port}`,
        connections,
        duration,
        // autocannon gives up after 10 s by default; on a saturated machine a request at 50 connections can wait
        // longer, and is then a latency to report, not a failure.
        timeout: 30,
        requests: [
          {
            method: op.method,
            headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
            setupRequest: (req, context) => {
              const { path: p, body } = op.request(n++, context as Record<string, unknown>);
              return { ...req, path: p, body: body === undefined ? undefined : JSON.stringify(body) };
            },
            onResponse: op.onResponse && ((status, _body, context) => op.onResponse!(status, context as Record<string, unknown>)),
          },
        ],
      });
      const requests = result.requests.total;
      const seconds = (performance.now() - t0) / 1000;
      const loop = await loopWindow(pid, false);
      if (port === barePort) background = (appCounter.count() - idle0) / seconds;
      const own = port === appPort ? background * seconds : 0;
      return {
        rps: result.requests.average,
        p50: result.latency.p50,
        p99: result.latency.p99,
        cpu: (cpuMs(pid) - cpu0) / Math.max(1, requests),
        bytes: result.throughput.total / Math.max(1, requests),
        statements: (counter.count() - statements0 - own) / Math.max(1, requests),
        non2xx: result.non2xx + result.errors,
        failures: `${result["4xx"]}/${result["5xx"]}/${result.timeouts}`,
        requests,
        loop,
      };
    };
    const rows: string[] = [];
    const f = (x: number, d = 1) => x.toFixed(d);
    console.log(`machine: ${process.env.BENCH_NOTE ?? "see README"}; ${DURATION} s per measurement, pool ${POOL}`);
    for (const op of ops.filter((o) => !only || only.includes(o.name))) {
      // Warm both (JIT, Next's route compilation, plan caches), then alternate.
      // The bare server goes first so that Factdesk's background rate is known when Factdesk is measured.
      await measure(bareServer, op, 4, 2);
      await measure(appServer, op, 4, 2);
      for (const connections of CONNECTIONS) {
        const pairs: [Measure, Measure][] = [];
        for (let pair = 0; pair < PAIRS; pair++) {
          const b = await measure(bareServer, op, connections, DURATION);
          const a = await measure(appServer, op, connections, DURATION);
          pairs.push([a, b]);
          if (LOOP_STATS) console.log(`    loop, Factdesk: ${describeLoop(a.loop)}\n    loop, bare: ${describeLoop(b.loop)}`);
        }
        const [a, b] = [combine(pairs.map((p) => p[0])), combine(pairs.map((p) => p[1]))];
        const rpsRatios = pairs.map(([x, y]) => x.rps / y.rps);
        const p99Ratios = pairs.map(([x, y]) => x.p99 / Math.max(1, y.p99));
        const range = (xs: number[], d: number) => (xs.length > 1 ? ` (${f(Math.min(...xs), d)}–${f(Math.max(...xs), d)})` : "");
        const row =
          `| ${op.name} | ${connections} | ${f(a.rps, 0)} / ${f(b.rps, 0)} = **${f(median(rpsRatios), 2)}×**${range(rpsRatios, 2)} | ${f(a.p50, 0)} / ${f(b.p50, 0)} | ` +
          `${f(a.p99, 0)} / ${f(b.p99, 0)} = ${f(median(p99Ratios), 1)}×${range(p99Ratios, 1)} | ${f(a.cpu)} / ${f(b.cpu)} | ${f(a.bytes / 1024)} / ${f(b.bytes / 1024)} | ${f(a.statements)} / ${f(b.statements)} | ${a.non2xx} (${a.failures}) / ${b.non2xx} (${b.failures}) | ${f(loadavg()[0]!)} |`;
        rows.push(row);
        console.log(row);
      }
    }
    console.log(`\nFactdesk's own background statements (job runner), taken off its count: ${f(background)} per second (last measured)`);
    console.log(
      "\n| request | conns | req/s Factdesk / bare = ratio | p50 ms | p99 ms (ratio) | CPU ms per request | KB per answer | SQL statements per request | not 2xx (4xx/5xx/timeouts) | load avg (1 min) |\n|---|---|---|---|---|---|---|---|---|---|",
    );
    for (const row of rows) console.log(row);
  } finally {
    // The servers first, then the proxies they reach PostgreSQL through: a proxy closed under a server still running
    // ends its pooled connections (the bare server died of that: bench/api-load-bare.int.test.ts).
    await Promise.all([stopped(app), stopped(bare)]);
    await Promise.all([appCounter.close(), bareCounter.close()]);
  }
}

runBench(() => withBenchDatabase("api-load", main));
