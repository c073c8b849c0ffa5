// The API fast lane's table (lib/http/fast-lane-routes.ts) against the app/api/v1 file tree: which handlers it
// answers, that the hot ones are among them, and that none of them needs Next.js's request scope (headers(),
// cookies(), after(), redirect(), the cache), which the lane does not provide.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FAST_LANE_EXCLUDED, inFastLane } from "@/lib/http/fast-lane-routes";
import type { RouteHandler } from "@/lib/http/route";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

const page = (file: string) => `/${path.relative(path.join(ROOT, "app"), path.dirname(file)).split(path.sep).join("/")}`;

/** "METHOD /api/v1/…" of every handler the lane answers, from the source tree. */
async function laneTable(): Promise<{ lane: string[]; files: string[] }> {
  const lane: string[] = [];
  const files: string[] = [];
  for (const file of routeFiles(path.join(ROOT, "app", "api", "v1"))) {
    const mod = (await import(file)) as Record<string, RouteHandler | undefined>;
    let any = false;
    for (const method of METHODS) {
      const handler = mod[method];
      if (handler && inFastLane(page(file), method, handler.routeSpec)) {
        lane.push(`${method} ${page(file)}`);
        any = true;
      }
    }
    if (any) files.push(file);
  }
  return { lane: lane.sort(), files };
}

// Modules reachable from a route file: its "@/…" and relative imports, followed through the sources.
function resolveImport(from: string, spec: string): string | null {
  const base = spec.startsWith("@/")
    ? path.join(ROOT, spec.slice(2))
    : spec.startsWith(".")
      ? path.resolve(path.dirname(from), spec)
      : null;
  if (!base) return null;
  for (const candidate of [`${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")]) if (existsSync(candidate)) return candidate;
  return null;
}

function reachable(entry: string): Set<string> {
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(file, "utf8");
    for (const m of source.matchAll(/(?:import|export)\s[^;]*?from\s+"([^"]+)"|import\(\s*"([^"]+)"\s*\)/g)) {
      const target = resolveImport(file, (m[1] ?? m[2])!);
      if (target) queue.push(target);
    }
  }
  return seen;
}

describe("the API fast lane's routes", () => {
  it("include the hot reads and writes, and every token-callable handler but the listed ones", async () => {
    const { lane } = await laneTable();
    for (const hot of [
      "GET /api/v1/articles/[id]",
      "GET /api/v1/articles/[id]/claims",
      "POST /api/v1/articles/[id]/claims",
      "POST /api/v1/claims/[id]/comments",
      "PUT /api/v1/claims/[id]/status",
      "PUT /api/v1/claims/[id]/verdict",
    ])
      expect(lane).toContain(hot);
    expect(lane.length).toBeGreaterThan(50);
    expect(lane.filter((name) => name.includes("/events"))).toEqual([]);
    expect(lane.filter((name) => name.includes("/me/tokens"))).toEqual([]); // session only: never a token
  });

  it("exclude only routes that exist, and every event stream", () => {
    const pages = routeFiles(path.join(ROOT, "app", "api", "v1")).map(page);
    expect(Object.keys(FAST_LANE_EXCLUDED).filter((p) => !pages.includes(p))).toEqual([]);
    const streams = routeFiles(path.join(ROOT, "app", "api", "v1"))
      .filter((file) => /@\/lib\/live\/|text\/event-stream/.test(readFileSync(file, "utf8")))
      .map(page);
    expect(streams.filter((p) => !(p in FAST_LANE_EXCLUDED))).toEqual([]);
  });

  it("never need Next's request scope: only lib/auth.ts reaches it, and route() hands it the request's headers", async () => {
    const { files } = await laneTable();
    const scoped = new Set<string>();
    for (const file of files)
      for (const source of reachable(file))
        if (/from\s+"next\/(headers|navigation|cache)"|\bafter\(/.test(readFileSync(source, "utf8")))
          scoped.add(path.relative(ROOT, source));
    // lib/auth.ts: requireApiUser reads headers() only when not given the request's (route() always gives them),
    // and sessionUser() (cookies) only for a request without a token, which the lane never takes.
    expect([...scoped].sort()).toEqual(["lib/auth.ts"]);
    expect(readFileSync(path.join(ROOT, "lib", "http", "route.ts"), "utf8")).toContain("requestHeaders: request.headers");
  });
});
