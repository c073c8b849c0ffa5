/**
 * V8 settings for the process that serves Factdesk (scripts/serve.ts), wherever it is started: `npm start`
 * (scripts/start.ts), the browser tests (playwright.config.ts, e2e/fixtures/processes.ts) and bench/api-load.ts, so
 * all of them run the same heap. Given through NODE_OPTIONS, not as node arguments: the worker pool
 * (lib/workers/pool.ts) starts its threads with the process's arguments, and Node refuses heap flags there
 * (ERR_WORKER_INVALID_EXEC_ARGV); V8 applies NODE_OPTIONS' flags to the whole process, workers included.
 *
 * `--max-semi-space-size=32` (MB; Node 20's default is 16): the young generation may grow to twice its default size,
 * so V8 collects it (a scavenge, which stops the event loop) about half as often. Issue #21: under GET article load
 * Factdesk ran ~11 scavenges per 1,000 requests, each 5–15 ms against the bare server's ~1–3 ms (its live heap was
 * ~310 MB, ~160 MB since serve.ts turns source maps off; the bare server's ~15 MB), and every request in flight
 * waited through each one; with 32 MB it ran ~5 per 1,000 (bench/api-load.ts with BENCH_LOOP_STATS=1; figures and
 * load in /work/notes/21-article28.md). Cost: up to
 * 3 × 16 MB more memory for the young generation at its largest.
 */
export const SERVER_NODE_OPTIONS = "--max-semi-space-size=32";

/**
 * `env` with SERVER_NODE_OPTIONS added to its NODE_OPTIONS (after any given there), for the environment of a
 * process that runs scripts/serve.ts. Input and output: environment variable maps; `env` is not changed.
 */
export function withServerNodeOptions<E extends Record<string, string | undefined>>(env: E, options = SERVER_NODE_OPTIONS): E {
  return { ...env, NODE_OPTIONS: [env.NODE_OPTIONS, options].filter(Boolean).join(" ") };
}
