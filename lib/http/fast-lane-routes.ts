// Which /api/v1 routes the API fast lane (scripts/lib/fast-lane.ts) answers without Next.js's
// routing: every handler an API token may call (route({ auth: "user" })), except those listed
// here with the reason. The table is derived from the build's routes (so from the app/api/v1
// file tree); lib/http/fast-lane-routes.test.ts walks the tree and checks it.
import type { RouteSpec } from "@/lib/http/route";

/**
 * Routes the fast lane leaves to Next.js, by folder path as on disk (all methods), each with its reason.
 * Everything else under /api/v1 that an API token may call is in the fast lane.
 */
export const FAST_LANE_EXCLUDED: Record<string, string> = {
  "/api/v1/articles/[id]/events":
    "Server-sent events: a stream held open for minutes, closed on shutdown by instrumentation.ts; nothing to gain per request, and Next's stream handling is the tested one.",
  "/api/v1/me/events": "Server-sent events, as /api/v1/articles/[id]/events.",
};

/**
 * Whether the fast lane answers `method` on the route at `page` (folder path as on disk, e.g.
 * "/api/v1/articles/[id]"). Input: the handler's spec (route() puts it on the handler as `routeSpec`;
 * undefined for a handler built otherwise). Output: true only for a token-callable handler
 * (auth "user") under /api/v1/ that FAST_LANE_EXCLUDED does not list. HEAD and OPTIONS are never in
 * the lane: Next derives them from GET and the exported methods.
 */
export function inFastLane(page: string, method: string, spec: RouteSpec | undefined): boolean {
  if (!page.startsWith("/api/v1/") || method === "HEAD" || method === "OPTIONS") return false;
  return spec?.auth === "user" && !(page in FAST_LANE_EXCLUDED);
}
