// The long API fuzz run: FUZZ_REQUESTS requests (default 100,000) made from the OpenAPI document, valid,
// boundary and hostile, as each role and as nobody (e2e/fixtures/fuzz.ts), against a production server
// on a throw-away PostgreSQL. Prints counts by answer and by kind, and every problem found (a 5xx, a 4xx
// that is not the JSON error shape, a refused request that wrote audit rows). Needs `npx next build` first.
// FUZZ_SESSIONS desks (default 4) are fuzzed side by side, each by one request at a time, so each desk's
// audit count still belongs to the one request in flight there.
//   npx tsx bench/fuzz.ts        (FUZZ_REQUESTS=n, FUZZ_SEED=n, FUZZ_SESSIONS=n; FUZZ_ONLY=checked-before fuzzes only the
//   operations whose path contains that text)
import { randomBytes } from "node:crypto";
import fc from "fast-check";
import { runBench, withBenchDatabase } from "./database";

const TOTAL = Number(process.env.FUZZ_REQUESTS ?? 100_000);
const SEED = Number(process.env.FUZZ_SEED ?? 1);
const BATCH = 1000;
const SESSIONS = Math.max(1, Number(process.env.FUZZ_SESSIONS ?? 4));
const ONLY = process.env.FUZZ_ONLY || undefined;

async function main(url: string) {
  const { freePort } = await import("../scripts/lib/free-port");
  const { startServer, waitForHealth } = await import("../e2e/fixtures/processes");
  const { fuzzRequests, startFuzzSession } = await import("../e2e/fixtures/fuzz");
  type FuzzSession = Awaited<ReturnType<typeof startFuzzSession>>;
  type FuzzRequest = Parameters<FuzzSession["send"]>[0];
  const port = await freePort();
  const baseURL = `http://localhost:${port}`;
  // Rate limits off: the run is about answers, not about being throttled.
  const server = startServer(port, {
    DATABASE_URL: url,
    NEXTAUTH_URL: baseURL,
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    API_RATE_LIMIT_PER_MINUTE: "0",
    API_SESSION_RATE_LIMIT_PER_MINUTE: "0",
  });
  try {
    await waitForHealth(baseURL, 200, server);
    // A dropped connection is a finding only if the server died; a socket the server closed as idle
    // just as the client reused it (keep-alive race) is retried once on a fresh one.
    const sendOrExplain = async (session: FuzzSession, request: FuzzRequest) => {
      try {
        return await session.send(request);
      } catch (error) {
        if (server.child.exitCode !== null || server.child.signalCode !== null)
          throw new Error(`the server died at ${request.role} ${request.method} ${request.path}:\n${server.output().slice(-4000)}`);
        resets++;
        return await session.send(request);
      }
    };
    let resets = 0;
    const sessions = [];
    for (let i = 0; i < SESSIONS; i++) sessions.push(await startFuzzSession(baseURL));
    const statuses = new Map<number, number>();
    const kinds = new Map<string, number>();
    const problems: string[] = [];
    const started = Date.now();
    let sent = 0;
    for (let batch = 0; sent < TOTAL; batch++) {
      const count = Math.min(BATCH, TOTAL - sent);
      // Each desk gets its own ids; the sample (seeded per batch and desk) is cut so the batch totals `count`.
      await Promise.all(
        sessions.map(async (session, i) => {
          const share = Math.floor(count / SESSIONS) + (i < count % SESSIONS ? 1 : 0);
          if (share === 0) return;
          const requests = fc.sample(fuzzRequests(session.ids, ONLY), { seed: SEED + batch * SESSIONS + i, numRuns: share });
          for (const request of requests) {
            const outcome = await sendOrExplain(session, request);
            sent++;
            statuses.set(outcome.status, (statuses.get(outcome.status) ?? 0) + 1);
            kinds.set(request.kind, (kinds.get(request.kind) ?? 0) + 1);
            if (outcome.problem) problems.push(`${request.role} ${request.method} ${request.path} (${request.kind}): ${outcome.problem}`);
          }
        }),
      );
      console.log(`${sent} requests, ${problems.length} problems, ${Math.round((Date.now() - started) / 1000)} s`);
    }
    for (const session of sessions) await session.dispose();
    console.log(`\n${sent} requests in ${Math.round((Date.now() - started) / 1000)} s (seed ${SEED}, ${SESSIONS} desks)`);
    console.log(`by answer: ${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}`);
    console.log(`by kind:   ${JSON.stringify(Object.fromEntries(kinds))}`);
    console.log(`problems:  ${problems.length}; connections reset and retried: ${resets}`);
    for (const problem of problems.slice(0, 50)) console.log(`  ${problem}`);
  } finally {
    await server.stop();
  }
}

runBench(() => withBenchDatabase("fuzz", main));
