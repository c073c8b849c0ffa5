/**
 * Node flags for the process that serves Factdesk (scripts/serve.ts), wherever it is started: `npm start`
 * (scripts/start.ts), the browser tests (playwright.config.ts) and bench/api-load.ts, so all three run the same heap.
 *
 * `--max-semi-space-size=32` (MB; Node 20's default is 16): the young generation may grow to twice its default size,
 * so V8 collects it (a scavenge, which stops the event loop) about half as often. Issue #21: under GET article load
 * Factdesk ran 31–66 scavenges per 10 s of 5–7 ms each where the bare server's took ~1 ms, and every request in
 * flight waited through each one; with 32 MB it ran 27–29 and spent ~0.05 instead of ~0.07 ms of GC per request
 * (bench/api-load.ts with BENCH_LOOP_STATS=1; figures and load in /work/notes/21-article28.md). Cost: up to 3 × 16 MB
 * more memory for the young generation at peak.
 */
export const SERVER_NODE_FLAGS: readonly string[] = ["--max-semi-space-size=32"];
