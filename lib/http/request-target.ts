// Request lines Next.js mishandles before any of our code runs, settled in scripts/serve.ts ahead of the API fast
// lane and Next (attack 27). Found over raw sockets against the production build:
// - absolute-form targets (`GET http://evil.example/api/v1/articles/x HTTP/1.1`), which HTTP/1.1 servers must accept
//   (RFC 9112 §3.2.2): Next answered 308 with `Location: http://evil.example/…`, a redirect to whatever host the
//   client named (and to itself for its own host, a loop). They are served as the origin-form path they name;
// - the asterisk form (`OPTIONS * HTTP/1.1`, the server-wide OPTIONS) and any other target that is not a path: Next
//   threw "Invalid URL" and answered a bare 500. `OPTIONS *` gets 204 with Allow; the rest a JSON 400;
// - TRACE, which node accepts but the Web Request Next builds refuses ("'TRACE' HTTP method is unsupported"): a 500.
//   It gets a JSON 405 (Factdesk echoes no request back).
// CONNECT never reaches here (node hands it to the server's 'connect' event, which Factdesk does not serve).

import { nonUtf8QueryProblem } from "./query-encoding";

/** The methods Factdesk answers somewhere (route handlers, pages, Next's own HEAD/OPTIONS). */
export const SERVED_METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";

/** What to do with a request line: go on (with the target to use), or answer at once. */
export type TargetPlan =
  { kind: "serve"; url: string; host: string | null } | { kind: "answer"; status: number; headers: Record<string, string>; body: string };

const ABSOLUTE = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)([^#]*)/i;

const refusal = (status: number, code: string, message: string, headers: Record<string, string> = {}): TargetPlan => ({
  kind: "answer",
  status,
  headers: { "content-type": "application/json", "cache-control": "no-store", "x-content-type-options": "nosniff", ...headers },
  body: JSON.stringify({ error: { code, message } }),
});

/**
 * Plans a request from its method and raw request target (node's `req.url`). Output: `serve` with the origin-form
 * target to hand on (an origin-form target unchanged, `host` null; an absolute-form http(s) target as its path and
 * query, `host` the authority it named, which RFC 9112 §3.2.2 says replaces the Host header), or `answer` with the
 * whole answer: 204 + Allow for `OPTIONS *`, 400 JSON `bad_request` for any other target that is not a path (other
 * schemes, the asterisk form, authority form), 405 JSON `method_not_allowed` + Allow for TRACE, 400 JSON `bad_request`
 * for an /api/ target whose query's percent-encoded bytes are not UTF-8 (nonUtf8QueryProblem), and for any other
 * such target a 400 HTML page saying so with a link to the page without its query. Never throws.
 */
export function planRequestTarget(method: string, target: string): TargetPlan {
  const plan = planTarget(method, target);
  // A query must be UTF-8: Next decodes other bytes as U+FFFD before any handler or page sees the URL (stop 27), so a
  // page searched for "\uFFFD" (/search?q=%FF). The API answers JSON, a page an HTML page that says so.
  if (plan.kind === "serve") {
    const at = plan.url.indexOf("?");
    const problem = at === -1 ? undefined : nonUtf8QueryProblem(plan.url.slice(at + 1));
    if (problem !== undefined) {
      return /^\/api\//.test(plan.url) ? refusal(400, "bad_request", problem) : pageRefusal(plan.url.slice(0, at), problem);
    }
  }
  return plan;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

// A 400 page for a page address whose query is not UTF-8: what went wrong, and a link to the same page without the
// query. Self-contained (no script, inline style only), since it is answered before Next renders anything.
function pageRefusal(path: string, problem: string): TargetPlan {
  // "//host/…" or "/\host" would be a link to another site: such a path gets the home page instead.
  const back = /^\/[/\\]/.test(path) ? "/" : path;
  const body = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>This address could not be read · Factdesk</title>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1c1917;background:#fafaf9}main{max-width:36rem;margin:15vh auto;padding:0 1.25rem}h1{font-size:1.5rem;margin:0 0 .75rem}a{color:#1d4ed8}</style>
</head><body><main>
<h1>This address could not be read</h1>
<p>${escapeHtml(problem)} This usually comes from a link that was cut or re-encoded on its way here.</p>
<p><a href="${escapeHtml(back)}" data-testid="without-query">Open the page without it</a></p>
</main></body></html>
`;
  return {
    kind: "answer",
    status: 400,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
      "content-security-policy":
        "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    },
    body,
  };
}

function planTarget(method: string, target: string): TargetPlan {
  if (method === "TRACE") {
    return refusal(405, "method_not_allowed", "Factdesk does not answer TRACE requests.", { allow: SERVED_METHODS });
  }
  if (target.startsWith("/")) return { kind: "serve", url: target, host: null };
  if (target === "*" && method === "OPTIONS") {
    return { kind: "answer", status: 204, headers: { allow: SERVED_METHODS, "cache-control": "no-store" }, body: "" };
  }
  const absolute = ABSOLUTE.exec(target);
  if (absolute && /^https?$/i.test(absolute[1]!) && absolute[2]) {
    const rest = absolute[3]!;
    const authority = absolute[2].slice(absolute[2].lastIndexOf("@") + 1);
    if (authority) return { kind: "serve", url: rest.startsWith("/") ? rest : `/${rest}`, host: authority };
  }
  return refusal(400, "bad_request", "The request target must be a path (/…) or an http(s) address on this server.");
}
