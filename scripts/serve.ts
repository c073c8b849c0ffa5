// Serves Factdesk: Next.js's request handler (its documented custom-server API) behind a
// node:http server that decides each request's client address from the socket, per
// TRUSTED_PROXIES (lib/http/forwarded-for.ts). `next start` cannot: it passes on whatever
// X-Forwarded-For a client sends, and route handlers never see the socket.
// In production, API-token requests to /api/v1 go through the fast lane (scripts/lib/fast-lane.ts):
// the same route handlers, without Next's routing (FACTDESK_FAST_LANE=off leaves everything to Next).
// `npm start` runs this (scripts/start.ts), and so do the browser tests.
// Usage: node --import tsx scripts/serve.ts [--dev]   (PORT, default 3000; TRUSTED_PROXIES; FACTDESK_FAST_LANE;
// FACTDESK_SOURCE_MAPS=on)
import { createServer } from "node:http";
import path from "node:path";
import { isClientAbort } from "../lib/http/errors";
import { applyClientAddress, parseTrustedProxies } from "../lib/http/forwarded-for";
import { planRequestTarget } from "../lib/http/request-target";
import type { FastLane } from "./lib/fast-lane";
import { ROOT } from "./lib/process";

/**
 * Keeps a client's hang-up out of the error log. Next buffers the body of every request that has one for proxy.ts
 * (next/dist/server/body-streams.js getCloneableBody) and, when the client leaves before the body ends, rethrows node's
 * "aborted" error from finalize() and logs it on its own with console.error(err) (next-server.js runMiddleware),
 * before any of our code runs; the 500 it then writes goes to a closed socket. Only that call is dropped: a
 * lone argument that isClientAbort (message "aborted", code ECONNRESET). Our own logs always start with a text.
 */
function dropClientAbortsFromLog(): void {
  const logError = console.error.bind(console);
  console.error = (...args: unknown[]) => {
    if (args.length === 1 && isClientAbort(args[0])) return;
    logError(...args);
  };
}

async function main() {
  dropClientAbortsFromLog();
  const dev = process.argv.includes("--dev");
  // tsx, which runs this file, turns Node's source maps on for the whole process; Node then reads and keeps the map of
  // every module loaded after it, the build's server chunks included (each /api/v1 route has its own chunks, which
  // the fast lane loads at startup). Issue #21: a heap snapshot under load held ~90 MB of those maps (mappings and
  // sourcesContent) in a ~320 MB live heap, and every scavenge and mark-compact works against that heap. In
  // production they are off again, as under `next start`: stack traces in the log point into .next/server/chunks
  // (FACTDESK_SOURCE_MAPS=on keeps them, for reading a production stack trace at the price of the memory).
  if (!dev && process.env.FACTDESK_SOURCE_MAPS !== "on") process.setSourceMapsEnabled(false);
  // What `next start` and `next dev` set; React reads it when it is first loaded, below.
  (process.env as Record<string, string>).NODE_ENV = dev ? "development" : "production";
  const port = Number(process.env.PORT || 3000);
  const trusted = parseTrustedProxies(process.env.TRUSTED_PROXIES);

  const { default: next } = await import("next");
  const app = next({ dev, dir: ROOT, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const upgrade = app.getUpgradeHandler();

  // Not in development: there Next compiles each route when first asked, and serves edits at once.
  // "test" also lets a request ask for Next (x-factdesk-fast-lane: off) and marks the lane's answers,
  // for the test that compares the two (e2e/api/fast-lane.spec.ts).
  const laneSetting = process.env.FACTDESK_FAST_LANE ?? "on";
  if (!["on", "off", "test"].includes(laneSetting)) throw new Error(`FACTDESK_FAST_LANE must be on, off or test, got "${laneSetting}"`);
  let lane: FastLane | null = null;
  if (!dev && laneSetting !== "off") {
    const { createFastLane } = await import("./lib/fast-lane");
    lane = await createFastLane({ distDir: path.join(ROOT, ".next"), port, marked: laneSetting === "test" });
    if (lane) console.log(`[factdesk] API fast lane: ${lane.pages.length} routes answer API tokens without Next's routing`);
  }

  const server = createServer((req, res) => {
    applyClientAddress(req.headers, req.socket.remoteAddress, trusted);
    // Absolute-form, asterisk-form and TRACE request lines, which Next answers with an open redirect or a 500, and API
    // queries that are not UTF-8, which Next decodes as U+FFFD.
    const target = planRequestTarget(req.method ?? "", req.url ?? "");
    if (target.kind === "answer") {
      res.writeHead(target.status, target.headers).end(target.body);
      return;
    }
    req.url = target.url;
    if (target.host !== null) req.headers.host = target.host;
    if (lane?.take(req, res)) return;
    handle(req, res).catch((err: unknown) => {
      console.error("[factdesk] request failed:", err);
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end();
    });
  });
  // Next's development server talks to the browser over a WebSocket.
  server.on("upgrade", (req, socket, head) => {
    applyClientAddress(req.headers, req.socket.remoteAddress, trusted);
    void upgrade(req, socket, head);
  });
  server.on("error", (err) => {
    console.error(`[factdesk] cannot serve on port ${port}:`, err.message);
    process.exit(1);
  });
  // Like `next start`: every interface, IPv6 and IPv4.
  server.listen(port, () => {
    console.log(`[factdesk] serving on port ${port}${trusted ? ", trusting the proxies in TRUSTED_PROXIES" : ""}`);
  });

  // Stop taking connections, let requests in flight finish (instrumentation.ts has already
  // closed the event streams on the same signal), then let Next.js clean up.
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.close(() => {
      app.close().then(
        () => process.exit(0),
        (err: unknown) => {
          console.error("[factdesk] stopping:", err);
          process.exit(1);
        },
      );
    });
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((err: unknown) => {
  console.error("[factdesk] could not start:", err instanceof Error ? err.message : err);
  process.exit(1);
});
