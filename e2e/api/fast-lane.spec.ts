// Issue #21: API-token requests are answered by the fast lane (scripts/lib/fast-lane.ts), which calls the same
// route handlers without Next.js's routing. Each request here is sent twice to the production server: once as a
// client sends it, once with `x-factdesk-fast-lane: off` (honoured only under FACTDESK_FAST_LANE=test, as the
// Playwright server runs), which sends it through Next. Status, body and the security and cache headers must be
// the same; the lane marks its own answers, so the test also knows which way each went.
import net from "node:net";
import { expect, test } from "../fixtures/test";
import { createApiToken } from "../../lib/api-tokens/create-token";
import { describeRange } from "../../lib/anchoring/selectors";
import { signInByApi } from "../fixtures/auth";
import { createArticle, createClaimRow, createDesk, createTeam, createUser, testDb } from "../fixtures/factories";
import { RawClient, type RawResponse } from "../fixtures/raw-http";

const COMPARED_HEADERS = [
  "content-type",
  "cache-control",
  "content-security-policy",
  "strict-transport-security",
  "x-content-type-options",
  "referrer-policy",
  "permissions-policy",
  "x-frame-options",
  "retry-after",
  "allow",
  "location",
  "idempotent-replayed",
  "content-disposition",
];

// Ids (cuid, cuid2) and times differ between two creates that are otherwise the same.
const ID_KEY = /^(id|.*Id)$/;
const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
// A time of day inside a message ("changed this claim at 17:26:24 UTC"): the two claims a pair of writes meets were
// changed a moment apart, which a second's boundary can fall between (a CI run under load did, stop 41).
const CLOCK = /\b\d{2}:\d{2}:\d{2}\b/g;

function normalise(value: unknown, key = ""): unknown {
  if (typeof value === "string")
    return ID_KEY.test(key) ? "<id>" : TIME.test(value) ? "<time>" : value.replace(/c[a-z0-9]{24}/g, "<id>").replace(CLOCK, "<clock>");
  if (Array.isArray(value)) return value.map((v) => normalise(v, key));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalise(v, k)]));
  return value;
}

function view(response: RawResponse) {
  const headers: Record<string, string | undefined> = {};
  for (const name of COMPARED_HEADERS) {
    const value = response.headers[name];
    headers[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  // A fresh nonce per answer, by design (pages carry it in their HTML too).
  const nonce = /'nonce-([^']+)'/.exec(headers["content-security-policy"] ?? "")?.[1];
  headers["content-security-policy"] = headers["content-security-policy"]?.replace(/'nonce-[^']+'/g, "'nonce-…'");
  let body: unknown = nonce ? response.text.split(nonce).join("…") : response.text;
  try {
    body = normalise(JSON.parse(body as string));
  } catch {
    // not JSON: compared as text
  }
  return { status: response.status, headers, body };
}

type Sent = { method: string; path: string; headers?: Record<string, string>; body?: string };

test.describe("the API fast lane", () => {
  test.describe.configure({ mode: "serial" });
  let client: RawClient;
  let desk: Awaited<ReturnType<typeof createDesk>>;
  let tokens: Record<"reviewer" | "reader" | "viewer" | "outsider" | "editor", string>;
  let claimOf: () => Promise<string>;
  let target: unknown;

  test.beforeAll(async ({ baseURL }) => {
    client = new RawClient(baseURL!);
    desk = await createDesk();
    const outsiderTeam = await createTeam();
    const outsider = await createUser(outsiderTeam.id, "admin");
    const token = async (userId: string, teamId: string, scope: "read" | "read_write") =>
      (await createApiToken({ userId, teamId, input: { name: "lane", scope, expiresIn: "7d" } })).secret;
    tokens = {
      reviewer: await token(desk.reviewer.id, desk.team.id, "read_write"),
      reader: await token(desk.reviewer.id, desk.team.id, "read"),
      viewer: await token(desk.viewer.id, desk.team.id, "read_write"),
      editor: await token(desk.editor.id, desk.team.id, "read_write"),
      outsider: await token(outsider.id, outsiderTeam.id, "read_write"),
    };
    const body = desk.article.body;
    const sentence = body.match(/[A-Z][^.!?\n]{20,200}[.!?]/)!;
    const range = describeRange(body, sentence.index!, sentence.index! + sentence[0].length);
    target = {
      selector: [
        { type: "TextQuoteSelector", ...range.quote },
        { type: "TextPositionSelector", ...range.position },
      ],
    };
    // A fresh claim in the same state each time, so a write through either path meets the same data.
    claimOf = async () => await createClaimRow(desk.article.id, desk.reviewer.id, { ...range.quote, ...range.position });
  });

  const send = (r: Sent, extra: Record<string, string> = {}) =>
    client.request(r.method, r.path, { headers: { ...r.headers, ...extra }, body: r.body });
  const api = (method: string, path: string, secret: string | null, body?: unknown, headers: Record<string, string> = {}): Sent => ({
    method,
    path,
    headers: {
      ...(secret !== null ? { authorization: `Bearer ${secret}` } : {}),
      ...(body !== undefined ? { "content-type": "application/json" } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });

  /** Sends `fast` as is and `slow` (default: the same request) through Next; both must answer alike. */
  async function same(fast: Sent, { lane = true, slow = fast, status }: { lane?: boolean; slow?: Sent; status: number }) {
    const a = await send(fast);
    const b = await send(slow, { "x-factdesk-fast-lane": "off" });
    expect(a.headers["x-factdesk-fast-lane"], `${fast.method} ${fast.path}: ${a.text.slice(0, 200)}`).toBe(lane ? "served" : undefined);
    expect(b.headers["x-factdesk-fast-lane"]).toBeUndefined();
    expect(view(a), `${fast.method} ${fast.path}`).toEqual(view(b));
    expect(a.status, a.text.slice(0, 300)).toBe(status);
    return a;
  }

  test("reads: valid, paged, refused and malformed", async () => {
    const article = `/api/v1/articles/${desk.article.id}`;
    await claimOf();
    await claimOf();
    await same(api("GET", article, tokens.reviewer), { status: 200 });
    await same(api("GET", `${article}/claims`, tokens.reviewer), { status: 200 });
    await same(api("GET", `${article}/claims?view=summary`, tokens.reviewer), { status: 200 });
    const first = await same(api("GET", `${article}/claims?limit=1`, tokens.reviewer), { status: 200 });
    const cursor = first.json<{ nextCursor: string }>().nextCursor;
    await same(api("GET", `${article}/claims?limit=1&cursor=${encodeURIComponent(cursor)}`, tokens.reviewer), { status: 200 });
    await same(api("GET", `${article}/claims?cursor=not-a-cursor`, tokens.reviewer), { status: 422 });
    await same(api("GET", `${article}/claims?limit=100000`, tokens.reviewer), { status: 422 });
    await same(api("GET", `${article}/claims?limit=1&limit=2`, tokens.reviewer), { status: 400 });
    await same(api("GET", article, "fd_not_a_real_token"), { status: 401 });
    // "Bearer " with nothing after it: node trims the value to "Bearer", which is no token (Next answers).
    await same(api("GET", article, ""), { status: 401, lane: false });
    await same(api("GET", article, tokens.outsider), { status: 404 });
    await same(api("GET", article, tokens.reviewer, undefined, { "x-factdesk-team": "no-such-team" }), { status: 404 });
    await same(api("GET", "/api/v1/articles/cnosucharticle000000000000", tokens.reviewer), { status: 404 });
    await same(api("GET", `/api/v1/articles/${"x".repeat(300)}`, tokens.reviewer), { status: 422 });
    // The same id with a letter %-encoded: Next decodes path parameters, so does the lane.
    await same(api("GET", `/api/v1/articles/%${desk.article.id.charCodeAt(0).toString(16)}${desk.article.id.slice(1)}`, tokens.reviewer), {
      status: 200,
    });
    await same(api("GET", "/api/v1/search?q=figure", tokens.reviewer), { status: 200 });
    await same(api("GET", "/api/v1/me/queue", tokens.reviewer), { status: 200 });
    await same(api("GET", `${article}/claims.csv`, tokens.reviewer), { status: 200 });
  });

  test("what the lane leaves to Next answers as before", async () => {
    const article = `/api/v1/articles/${desk.article.id}`;
    // Undecodable path: refused by the shared proxy plan in the lane, by proxy.ts in Next.
    await same(api("GET", "/api/v1/articles/%C3%28", tokens.reviewer), { status: 400 });
    await same(api("POST", "/api/v1/claims/%C3%28/comments", tokens.reviewer, { body: "Where?" }), { status: 400 });
    await same(api("HEAD", article, tokens.reviewer), { lane: false, status: 200 });
    await same(api("OPTIONS", article, tokens.reviewer), { lane: false, status: 204 });
    await same(api("DELETE", article, tokens.reviewer), { status: 405, lane: false });
    await same(api("GET", `${article}/`, tokens.reviewer), { lane: false, status: 308 });
    await same(api("GET", "/api/v1/no-such-thing", tokens.reviewer), { lane: false, status: 404 });
    await same(api("GET", "/api/v1/openapi.json", tokens.reviewer), { lane: false, status: 200 });
    await same(api("GET", "/api/v1/me/tokens", tokens.reviewer), { lane: false, status: 403 });
    await same(api("GET", article, null), { lane: false, status: 401 });
  });

  test("writes: created, refused, malformed, oversized, stale and replayed", async () => {
    const comments = (id: string) => `/api/v1/claims/${id}/comments`;
    const [a, b] = [await claimOf(), await claimOf()];
    await same(api("POST", comments(a), tokens.reviewer, { body: "Checked the source." }), {
      slow: api("POST", comments(b), tokens.reviewer, { body: "Checked the source." }),
      status: 201,
    });
    await same(api("POST", comments(a), tokens.reviewer, { body: "" }), { status: 422 });
    await same(api("POST", comments(a), tokens.reviewer, "{not json"), { status: 400 });
    await same(api("POST", comments(a), tokens.reviewer, "[".repeat(200) + "]".repeat(200)), { status: 422 });
    await same(api("POST", comments(a), tokens.reviewer, "body=x", { "content-type": "application/x-www-form-urlencoded" }), {
      status: 415,
    });
    await same({ method: "POST", path: comments(a), headers: { authorization: `Bearer ${tokens.reviewer}` }, body: "{}" }, { status: 415 });
    await same(api("POST", comments(a), tokens.reviewer, JSON.stringify({ body: "x".repeat(7 * 1024 * 1024) })), { status: 413 });
    await same(api("POST", comments(a), tokens.reader, { body: "Read-only token." }), { status: 403 });
    await same(api("POST", comments(a), tokens.viewer, { body: "Viewer." }), { status: 403 });
    await same(api("POST", comments(a), tokens.outsider, { body: "Other team." }), { status: 404 });
    // A client-sent method marker is replaced by the real method, both ways: a read token stays read-only.
    await same(api("POST", comments(a), tokens.reader, { body: "Forged." }, { "x-factdesk-method": "GET" }), { status: 403 });

    const [c, d] = [await claimOf(), await claimOf()];
    const status = (id: string, body: unknown) => api("PUT", `/api/v1/claims/${id}/status`, tokens.reviewer, body);
    await same(status(c, { status: "in_review" }), { slow: status(d, { status: "in_review" }), status: 200 });
    // The second of the pair a second later, as under load: the stale writes' messages name each claim's own time.
    const changedAt = (await testDb().claim.findUniqueOrThrow({ where: { id: c }, select: { updatedAt: true } })).updatedAt;
    await testDb().claim.update({ where: { id: d }, data: { updatedAt: new Date(changedAt.getTime() + 1000) } });
    await same(status(c, { status: "unreviewed", version: 99 }), { slow: status(d, { status: "unreviewed", version: 99 }), status: 409 });
    await same(status(c, { status: "no-such-status" }), { status: 422 });
    const verdict = (id: string) =>
      api("PUT", `/api/v1/claims/${id}/verdict`, tokens.reviewer, { verdict: "misleading", explanation: "The figure is from 2019." });
    await same(verdict(c), { slow: verdict(d), status: 200 });
    const claims = `/api/v1/articles/${desk.article.id}/claims`;
    await same(api("POST", claims, tokens.reviewer, { target }), { status: 201 });
    await same(api("POST", claims, tokens.reviewer, { target: { selector: [] } }), { status: 422 });
    await same(api("POST", claims, tokens.viewer, { target }), { status: 403 });

    // Idempotency-Key: the second of each pair is a replay of the first, whichever way it came.
    const keyed = (id: string, key: string) => api("POST", comments(id), tokens.reviewer, { body: "Once." }, { "idempotency-key": key });
    const [e, f] = [await claimOf(), await claimOf()];
    await same(keyed(e, `lane-${e}`), { slow: keyed(f, `lane-${f}`), status: 201 });
    const replay = await same(keyed(e, `lane-${e}`), { slow: keyed(f, `lane-${f}`), status: 201 });
    expect(replay.headers["idempotent-replayed"]).toBe("true");
    expect(await testDb().comment.count({ where: { claimId: { in: [e, f] } } })).toBe(2);

    // DELETE and a restore, on one comment each.
    const comment = (await testDb().comment.findFirstOrThrow({ where: { claimId: a } })).id;
    const other = (await testDb().comment.findFirstOrThrow({ where: { claimId: b } })).id;
    await same(api("DELETE", `/api/v1/comments/${comment}`, tokens.reviewer), {
      slow: api("DELETE", `/api/v1/comments/${other}`, tokens.reviewer),
      status: 200,
    });
  });

  test("a signed-in session's API request goes through Next, not the lane", async ({ playwright, baseURL }) => {
    const session = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL! } });
    expect((await signInByApi(session, desk.reviewer)).status()).toBe(200);
    const response = await session.get(`/api/v1/articles/${desk.article.id}`);
    expect(response.status()).toBe(200);
    expect(response.headers()["x-factdesk-fast-lane"]).toBeUndefined();
    // A token with a cookie alongside is left to Next too (the lane takes tokens only).
    const both = await session.get(`/api/v1/articles/${desk.article.id}`, { headers: { authorization: `Bearer ${tokens.reviewer}` } });
    expect(both.status()).toBe(200);
    expect(both.headers()["x-factdesk-fast-lane"]).toBeUndefined();
    await session.dispose();
  });

  test("clients that give up mid-request leave the server answering", async ({ baseURL }) => {
    const url = new URL(baseURL!);
    const claim = await claimOf();
    // 30 requests (more than the database pool holds) that promise a body and hang up after part of it; every
    // other one through Next, for comparison.
    await Promise.all(
      Array.from(
        { length: 30 },
        (_, i) =>
          new Promise<void>((resolve) => {
            const socket = net.connect(Number(url.port), "127.0.0.1", () => {
              socket.write(
                `POST /api/v1/claims/${claim}/comments HTTP/1.1\r\nHost: ${url.host}\r\nAuthorization: Bearer ${tokens.reviewer}\r\n` +
                  `Content-Type: application/json\r\nContent-Length: 100000\r\n${i % 2 ? "x-factdesk-fast-lane: off\r\n" : ""}\r\n{"body": "half`,
              );
              setTimeout(() => socket.destroy(), 300);
            });
            socket.on("close", () => resolve());
            socket.on("error", () => resolve());
          }),
      ),
    );
    const after = await same(api("POST", `/api/v1/claims/${claim}/comments`, tokens.reviewer, { body: "Still here." }), {
      slow: api("POST", `/api/v1/claims/${claim}/comments`, tokens.reviewer, { body: "Still here." }),
      status: 201,
    });
    expect(after.status).toBe(201);
    // Nothing of the abandoned requests was written.
    expect(await testDb().comment.count({ where: { claimId: claim } })).toBe(2);
  });
});

test("an article of another team is a 404 through the lane as through Next, for every route it serves a GET on", async ({ baseURL }) => {
  const client = new RawClient(baseURL!);
  const desk = await createDesk();
  const other = await createArticle((await createTeam()).id);
  const { secret } = await createApiToken({
    userId: desk.reviewer.id,
    teamId: desk.team.id,
    input: { name: "lane", scope: "read", expiresIn: "7d" },
  });
  for (const path of ["", "/claims", "/annotations", "/claimreview", "/diff", "/suggestions", "/versions", "/claims.csv"]) {
    const request = (extra: Record<string, string>) =>
      client.request("GET", `/api/v1/articles/${other.id}${path}`, { headers: { authorization: `Bearer ${secret}`, ...extra } });
    const [a, b] = [await request({}), await request({ "x-factdesk-fast-lane": "off" })];
    expect(view(a), path).toEqual(view(b));
    expect(a.headers["x-factdesk-fast-lane"], path).toBe("served");
  }
});
