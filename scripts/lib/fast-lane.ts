// The API fast lane (issue #21): API-token requests to /api/v1 answered by the same route
// handlers Next.js would call, without Next's request path (routing, proxy, web-stream piping:
// about 3 ms of CPU per request, most of what a read costs). scripts/serve.ts puts it in front
// of Next's handler in production; anything it does not take goes to Next unchanged.
//
// One path from request to data stays true:
// - the handlers are the ones Next loaded: the route modules of the production build
//   (.next/server/app/…/route.js), taken from Node's module cache, so the same module
//   instances, the same Prisma client and pool, and the same in-process state serve both ways;
// - what proxy.ts does to a request and its answer comes from the same function
//   (lib/http/proxy-plan.ts), and the headers next.config.js adds come from the build's
//   routes-manifest.json, which Next itself applies;
// - auth, validation, limits, audit and error answers are route()'s (lib/http/route.ts).
// Only the plumbing differs: node's request and response adapted to the Web Request and Response
// the handlers take.
//
// The lane takes a request only when all of these hold: GET/POST/PUT/PATCH/DELETE; the path is
// one of the build's /api/v1 routes, written plainly (no trailing slash, no "." segments, the
// handler token-callable and not excluded: lib/http/fast-lane-routes.ts); `Authorization: Bearer`
// and no Cookie (a token, not a session); no Next-Action header.
import { once } from "node:events";
import { readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { createRequire } from "node:module";
import path from "node:path";
import { inFastLane } from "../../lib/http/fast-lane-routes";
import { bearerSecret } from "../../lib/http/api-request";
import { requestAborted } from "../../lib/http/errors";
import { finishResponse, planRequest } from "../../lib/http/proxy-plan";
import { errorResponse, jsonBodyOf, noStoreByDefault } from "../../lib/http/respond";
import type { RouteHandler } from "../../lib/http/route";

type Handlers = Partial<Record<string, RouteHandler>>;
type Route = { page: string; regex: RegExp; paramNames: string[]; file: string; handlers?: Handlers | null };
type ManifestRoute = { page: string; regex: string };
type HeaderRule = { regex: string; headers: { key: string; value: string }[]; has?: unknown; missing?: unknown };
type RoutesManifest = {
  basePath: string;
  staticRoutes: ManifestRoute[];
  dynamicRoutes: ManifestRoute[];
  headers: HeaderRule[];
  redirects: { internal?: boolean }[];
  rewrites: ManifestRoute[] | { beforeFiles: unknown[]; afterFiles: unknown[]; fallback: unknown[] };
};

const LANE_METHODS = new Set(["GET", "POST", "PUT", "PATCH", "DELETE"]);
const requireBuilt = createRequire(__filename);

export type FastLane = {
  /**
   * Answers `req` and returns true when the request is one the lane takes; returns false, having
   * touched nothing, for Next.js to answer.
   */
  take(req: IncomingMessage, res: ServerResponse): boolean;
  /** Route pages (as on disk) the lane may answer, for the startup log. */
  pages: string[];
};

/**
 * The request body as a Web stream that reads from node's request only when the handler asks
 * (highWaterMark 0), pauses between reads, and on cancel (a handler that stopped at a size cap)
 * drains the rest unread. A body nobody asked for is left to node, which discards it when the answer ends.
 */
function bodyStream(req: IncomingMessage): ReadableStream<Uint8Array> {
  let listening = false;
  let ended = false;
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (listening) {
          req.resume();
          return;
        }
        listening = true;
        // The client may have gone before the handler first asked (it checks the token first): node emitted its
        // error and close to no one, so the body would never end. Settle at once instead.
        if (req.destroyed) {
          ended = true;
          if (req.readableEnded) controller.close();
          else controller.error(req.errored ?? requestAborted());
          return;
        }
        req.on("data", (chunk: Buffer) => {
          if (ended) return;
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          if ((controller.desiredSize ?? 0) <= 0) req.pause();
        });
        req.once("end", () => {
          if (!ended) controller.close();
          ended = true;
        });
        req.once("error", (err) => {
          if (!ended) controller.error(err);
          ended = true;
        });
        req.once("close", () => {
          if (!ended) controller.error(requestAborted());
          ended = true;
        });
      },
      cancel() {
        ended = true;
        req.removeAllListeners("data");
        req.resume();
      },
    },
    { highWaterMark: 0 },
  );
}

/** node's request headers as Web Headers, the way Next.js converts them (repeated values appended). */
function webHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else headers.append(name, value);
  }
  return headers;
}

/**
 * Writes a Web Response to node's response. A JSON answer made by jsonResponse (every route() answer that is JSON)
 * is written from its bytes in one `end`, head and body in one write with a Content-Length (as a plain node
 * server does), its Web stream never read; streaming it cost a second write per answer (chunked encoding's end)
 * and the stream's own work (issue #21). Any other body is streamed with backpressure. `closed` settles when the
 * connection goes; from then on the body is cancelled, not read further.
 */
async function send(res: ServerResponse, response: Response, closed: Promise<void>): Promise<void> {
  res.statusCode = response.status;
  if (response.statusText) res.statusMessage = response.statusText;
  const cookies = response.headers.getSetCookie();
  for (const [name, value] of response.headers) if (name !== "set-cookie") res.setHeader(name, value);
  if (cookies.length) res.setHeader("set-cookie", cookies);
  const body = jsonBodyOf(response);
  if (body !== undefined) {
    res.end(body);
    return;
  }
  if (!response.body) {
    res.end();
    return;
  }
  const reader = response.body.getReader();
  try {
    for (;;) {
      if (res.destroyed) {
        await reader.cancel();
        return;
      }
      const { done, value } = await reader.read();
      if (done) break;
      if (!res.write(value) && !res.destroyed) await Promise.race([once(res, "drain"), closed]);
    }
    res.end();
  } catch (err) {
    await reader.cancel().catch(() => {});
    throw err;
  }
}

/**
 * Builds the lane from a production build. Input: Next's dist directory (.next), the port served (request URLs are
 * `http://localhost:<port>/…`, as Next makes them for a custom server), and `marked` (tests only: a request with
 * `x-factdesk-fast-lane: off` goes to Next, and the lane's answers carry `x-factdesk-fast-lane: served`).
 * Loads every /api/v1 route module of the build first (once, at startup). Output: the lane, or null when the
 * build's routing has rewrites, redirects or conditional headers the lane does not reproduce (then Next answers
 * everything, and the reason is logged).
 */
export async function createFastLane({
  distDir,
  port,
  marked = false,
}: {
  distDir: string;
  port: number;
  marked?: boolean;
}): Promise<FastLane | null> {
  const manifest = JSON.parse(readFileSync(path.join(distDir, "routes-manifest.json"), "utf8")) as RoutesManifest;
  const appPaths = JSON.parse(readFileSync(path.join(distDir, "server", "app-paths-manifest.json"), "utf8")) as Record<string, string>;
  const rewrites = Array.isArray(manifest.rewrites)
    ? manifest.rewrites
    : [...manifest.rewrites.beforeFiles, ...manifest.rewrites.afterFiles, ...manifest.rewrites.fallback];
  const unsupported =
    manifest.basePath !== ""
      ? "a basePath"
      : rewrites.length
        ? "rewrites"
        : manifest.redirects.some((r) => !r.internal)
          ? "redirects"
          : manifest.headers.some((h) => h.has || h.missing)
            ? "conditional headers"
            : null;
  if (unsupported) {
    console.warn(`[factdesk] API fast lane off: next.config.js has ${unsupported}, which only Next applies`);
    return null;
  }
  const headerRules = manifest.headers.map((rule) => ({ regex: new RegExp(rule.regex), headers: rule.headers }));

  // Next's order: a static route before any dynamic one; dynamic routes in the manifest's (most specific first) order.
  const toRoute = ({ page, regex }: ManifestRoute): Route | null => {
    const file = appPaths[`${page}/route`];
    if (!file || !page.startsWith("/api/v1/") || page.includes("[...") || page.includes("[[")) return null;
    const paramNames = [...page.matchAll(/\[([^\]/]+)\]/g)].map((m) => m[1]!);
    return { page, regex: new RegExp(regex), paramNames, file: path.join(distDir, "server", file) };
  };
  const statics = new Map<string, Route>();
  for (const r of manifest.staticRoutes) {
    const route = toRoute(r);
    if (route) statics.set(route.page, route);
  }
  const dynamics = manifest.dynamicRoutes.map(toRoute).filter((r): r is Route => r !== null);
  // Every page of the app, to know when a static page other than an /api/v1 route would win (Next's order).
  const allStatic = new Set(manifest.staticRoutes.map((r) => r.page));

  // The module Next loads for this route (same path, so the same entry in Node's module cache); its handlers are
  // loaded lazily by Next (AppRouteRouteModule.ensureUserland), so the lane loads them all before serving.
  const load = async (route: Route): Promise<void> => {
    try {
      const mod = requireBuilt(route.file) as {
        routeModule?: { ensureUserland?: () => Promise<void>; userland?: Record<string, unknown> };
      };
      await mod.routeModule?.ensureUserland?.();
      const userland = mod.routeModule?.userland;
      if (!userland) throw new Error("no routeModule.userland");
      const handlers: Handlers = {};
      for (const method of LANE_METHODS) {
        const handler = userland[method] as RouteHandler | undefined;
        if (typeof handler === "function" && inFastLane(route.page, method, handler.routeSpec)) handlers[method] = handler;
      }
      route.handlers = handlers;
    } catch (err) {
      console.warn(`[factdesk] API fast lane: ${route.page} left to Next (its built module did not load as expected):`, err);
      route.handlers = null;
    }
  };
  const routes = [...statics.values(), ...dynamics];
  for (const route of routes) await load(route);

  const match = (pathname: string): { route: Route; raw: string[] } | null => {
    const fixed = statics.get(pathname);
    if (fixed) return { route: fixed, raw: [] };
    if (allStatic.has(pathname)) return null;
    for (const route of dynamics) {
      const found = route.regex.exec(pathname);
      if (found) return { route, raw: found.slice(1) };
    }
    return null;
  };

  const take = (req: IncomingMessage, res: ServerResponse): boolean => {
    const method = req.method ?? "";
    const target = req.url ?? "";
    if (!LANE_METHODS.has(method) || !target.startsWith("/api/v1/")) return false;
    const headers = req.headers;
    if (headers.cookie !== undefined || headers["next-action"] !== undefined) return false;
    if (bearerSecret(typeof headers.authorization === "string" ? headers.authorization : null) === null) return false;
    if (marked && headers["x-factdesk-fast-lane"] === "off") return false;
    const at = target.indexOf("?");
    const pathname = at === -1 ? target : target.slice(0, at);
    const search = at === -1 ? "" : target.slice(at);
    // Plain paths only: Next redirects a trailing slash and normalises "." segments and backslashes itself, and
    // cuts a "#…" fragment off the path (a raw client may send one; the lane would take it into a path parameter).
    if (
      pathname.endsWith("/") ||
      pathname.includes("//") ||
      pathname.includes("\\") ||
      pathname.includes("#") ||
      /\/\.|%2e/i.test(pathname)
    )
      return false;
    const found = match(pathname);
    if (!found) return false;
    const handler = found.route.handlers?.[method];
    if (!handler) return false;
    void answer(req, res, { handler, method, pathname, search, names: found.route.paramNames, raw: found.raw });
    return true;
  };

  const answer = async (
    req: IncomingMessage,
    res: ServerResponse,
    {
      handler,
      method,
      pathname,
      search,
      names,
      raw,
    }: { handler: RouteHandler; method: string; pathname: string; search: string; names: string[]; raw: string[] },
  ): Promise<void> => {
    const aborted = new AbortController();
    const closed = new Promise<void>((resolve) =>
      res.once("close", () => {
        if (!res.writableFinished) aborted.abort();
        resolve();
      }),
    );
    try {
      // Headers of next.config.js first, then the proxy's, then the route's own win (Next's order).
      for (const rule of headerRules) if (rule.regex.test(pathname)) for (const { key, value } of rule.headers) res.setHeader(key, value);
      if (marked) res.setHeader("x-factdesk-fast-lane", "served");
      const plan = planRequest({ pathname, search, method, headers: webHeaders(req), ownHeaders: true });
      let response: Response;
      try {
        if (plan.refused) {
          response = finishResponse(plan.refused, plan, true);
        } else {
          const params: Record<string, string> = {};
          names.forEach((name, i) => (params[name] = decodeURIComponent(raw[i]!)));
          const protocol = (req.headers["x-forwarded-proto"] ?? "").includes("https") ? "https" : "http";
          const request = new Request(`${protocol}://localhost:${port}${pathname}${search}`, {
            method,
            headers: plan.requestHeaders,
            body: method === "GET" ? null : bodyStream(req),
            duplex: "half",
            signal: aborted.signal,
          } as RequestInit);
          response = finishResponse(await handler(request, { params: Promise.resolve(params) }), plan, false);
        }
      } catch (err) {
        // route() answers every failure itself; this is for a fault in the lane, answered (and logged) as route() would.
        response = finishResponse(noStoreByDefault(errorResponse(err)), plan, false);
      }
      await send(res, response, closed);
    } catch (err) {
      if (aborted.signal.aborted) return;
      console.error("[factdesk] API fast lane: answering failed:", err);
      if (!res.headersSent) {
        const failed = noStoreByDefault(errorResponse(new Error("fast lane")));
        res.writeHead(failed.status, { "content-type": "application/json" }).end(await failed.text());
      } else res.destroy();
    }
  };

  const pages = routes.filter((r) => Object.keys(r.handlers ?? {}).length > 0).map((r) => r.page);
  return { take, pages };
}
