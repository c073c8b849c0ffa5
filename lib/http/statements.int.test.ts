// Issue #21: how many SQL statements the hot API requests send, counted on the wire (a counting proxy in front of
// the test PostgreSQL, scripts/lib/statement-counter.ts) while the real route handlers answer requests made with a
// real API token. Counts, never times: a change that adds round trips to these paths fails here. Each request
// also keeps what it must do: the audit row and its NOTIFY, 404 for another team, 403 for a viewer, 4xx for bad
// input, and Idempotency-Key replays.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStatementCounter, type StatementCounter } from "@/scripts/lib/statement-counter";
import { createDesk, createTeam, createUser, testDb } from "@/e2e/fixtures/factories";
import { targetFor, w3cTarget } from "@/lib/claims/test-helpers";

/** Statements per request at most: the targets (writes ≤ 8, reads ≤ 4) and what this code reaches. */
const LIMITS = {
  "POST comment": 2,
  "PUT status": 3,
  "PUT verdict": 3,
  "POST claim": 3,
  "GET article": 2,
  // The full view (ClaimDTOs: selectors, verdict and who gave it, creator and editor, counts); the target is 4.
  "GET claims": 2,
};

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Routes = {
  comments: Handler;
  status: Handler;
  verdict: Handler;
  claims: { GET: Handler; POST: Handler };
  article: Handler;
};

let counter: StatementCounter;
let routes: Routes;
let desk: Awaited<ReturnType<typeof createDesk>>;
let tokens: { reviewer: string; viewer: string; outsider: string };
let claimIds: string[];
const listener = new pg.Client({ connectionString: process.env.DATABASE_URL });
const CLAIM = "The UK currently spends around 2.3 per cent of gross national product on defence";

beforeAll(async () => {
  const url = new URL(process.env.DATABASE_URL!);
  counter = await startStatementCounter(Number(url.port));
  url.port = String(counter.port);
  // lib/db makes its client from DATABASE_URL when first imported: through the counter, for this file only.
  process.env.DATABASE_URL = url.toString();
  const { createApiToken } = await import("@/lib/api-tokens/create-token");
  const { createClaim } = await import("@/lib/claims/create-claim");
  routes = {
    comments: (await import("@/app/api/v1/claims/[id]/comments/route")).POST,
    status: (await import("@/app/api/v1/claims/[id]/status/route")).PUT,
    verdict: (await import("@/app/api/v1/claims/[id]/verdict/route")).PUT,
    claims: await import("@/app/api/v1/articles/[id]/claims/route"),
    article: (await import("@/app/api/v1/articles/[id]/route")).GET,
  };
  desk = await createDesk();
  const outsiderTeam = await createTeam();
  const outsider = await createUser(outsiderTeam.id, "admin");
  const token = async (user: { id: string }, teamId: string) =>
    (await createApiToken({ userId: user.id, teamId, input: { name: "statements", scope: "read_write", expiresIn: "7d" } })).secret;
  tokens = {
    reviewer: await token(desk.reviewer, desk.team.id),
    viewer: await token(desk.viewer, desk.team.id),
    outsider: await token(outsider, outsiderTeam.id),
  };
  claimIds = [];
  for (let i = 0; i < 4; i++) {
    claimIds.push(
      (await createClaim({ userId: desk.reviewer.id, articleId: desk.article.id, target: targetFor(desk.article.body, CLAIM) })).id,
    );
  }
  await listener.connect();
  await listener.query("LISTEN factdesk_changes");
}, 60_000);

afterAll(async () => {
  await listener.end();
  const { db, priorityDb } = await import("@/lib/db");
  await Promise.all([db.$disconnect(), priorityDb.$disconnect(), testDb().$disconnect()]);
  await counter.close();
});

/** A request as the proxy (proxy.ts) passes it on: with the method marker requireApiUser reads for /api/v1. */
function request(
  method: string,
  path: string,
  { body, secret = tokens.reviewer, headers = {} }: { body?: unknown; secret?: string; headers?: Record<string, string> } = {},
) {
  return new Request(`http://localhost${path}`, {
    method,
    headers: { authorization: `Bearer ${secret}`, "content-type": "application/json", "x-factdesk-method": method, ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
const params = (id: string) => ({ params: Promise.resolve({ id }) });

/** Runs `send` and returns its response with the statements it sent. */
async function counted(send: () => Promise<Response>): Promise<{ response: Response; statements: number }> {
  const before = counter.count();
  const response = await send();
  return { response, statements: counter.count() - before };
}

/**
 * The fewest statements of `times` runs of `send` (each must answer `status`): the first request of a rate-limit
 * window also deletes finished windows, once a minute, which a second run does not meet again.
 */
async function fewest(status: number, send: (n: number) => Promise<Response>, times = 2): Promise<number> {
  let least = Infinity;
  for (let n = 0; n < times; n++) {
    const { response, statements } = await counted(() => send(n));
    expect(response.status, await response.clone().text()).toBe(status);
    least = Math.min(least, statements);
  }
  return least;
}

/** Resolves with the next NOTIFY payload on factdesk_changes. */
const nextNotification = () =>
  new Promise<{ id: string; articleId: string | null; teamId: string }>((resolve) =>
    listener.once("notification", (message) =>
      resolve(JSON.parse(message.payload ?? "{}") as { id: string; articleId: string | null; teamId: string }),
    ),
  );

describe("statements per API request (issue #21)", () => {
  it("warms up: the pool's first connections and the rate-limit window", async () => {
    const { response } = await counted(() =>
      routes.article(request("GET", `/api/v1/articles/${desk.article.id}`), params(desk.article.id)),
    );
    expect(response.status).toBe(200);
  });

  it("POST comment: one statement after the token's, audited and announced", async () => {
    const notified = nextNotification();
    const statements = await fewest(201, (n) =>
      routes.comments(
        request("POST", `/api/v1/claims/${claimIds[0]}/comments`, { body: { body: `Checked the source (${n}).` } }),
        params(claimIds[0]!),
      ),
    );
    expect(statements).toBeLessThanOrEqual(LIMITS["POST comment"]);
    const audit = await testDb().auditEvent.findMany({ where: { claimId: claimIds[0], action: "comment.added" } });
    expect(audit).toHaveLength(2);
    expect(await notified).toEqual({ id: audit[0]!.id.toString(), articleId: desk.article.id, teamId: desk.team.id });
  });

  it("PUT status, PUT verdict and POST claim: one read and one write after the token's", async () => {
    const status = await fewest(200, (n) =>
      routes.status(
        request("PUT", `/api/v1/claims/${claimIds[1]}/status`, { body: { status: n % 2 === 0 ? "in_review" : "unreviewed" } }),
        params(claimIds[1]!),
      ),
    );
    expect(status).toBeLessThanOrEqual(LIMITS["PUT status"]);
    const verdict = await fewest(200, (n) =>
      routes.verdict(
        request("PUT", `/api/v1/claims/${claimIds[2]}/verdict`, {
          body: { verdict: n % 2 === 0 ? "misleading" : "false", explanation: `Another year (${n}).` },
        }),
        params(claimIds[2]!),
      ),
    );
    expect(verdict).toBeLessThanOrEqual(LIMITS["PUT verdict"]);
    const claim = await fewest(201, () =>
      routes.claims.POST(
        request("POST", `/api/v1/articles/${desk.article.id}/claims`, { body: { target: w3cTarget(targetFor(desk.article.body, CLAIM)) } }),
        params(desk.article.id),
      ),
    );
    expect(claim).toBeLessThanOrEqual(LIMITS["POST claim"]);
    const actions = (
      await testDb().auditEvent.findMany({ where: { claimId: { in: [claimIds[1]!, claimIds[2]!] } }, orderBy: { id: "asc" } })
    ).map((a) => a.action);
    expect(actions.filter((a) => a === "claim.status")).toHaveLength(2);
    expect(actions.filter((a) => a === "claim.verdict")).toHaveLength(2);
    const stored = await testDb().claim.findUniqueOrThrow({ where: { id: claimIds[2] } });
    expect(stored).toMatchObject({ status: "verdict_proposed", verdictLabel: "False", verdictById: desk.reviewer.id, version: 3 });
  });

  it("GET article: one statement after the token's", async () => {
    const statements = await fewest(200, () =>
      routes.article(request("GET", `/api/v1/articles/${desk.article.id}`), params(desk.article.id)),
    );
    expect(statements).toBeLessThanOrEqual(LIMITS["GET article"]);
  });

  it("GET claims (full view): one statement after the token's, with people, verdicts and counts", async () => {
    const path = `/api/v1/articles/${desk.article.id}/claims`;
    const statements = await fewest(200, () => routes.claims.GET(request("GET", path), params(desk.article.id)));
    expect(statements).toBeLessThanOrEqual(LIMITS["GET claims"]);
    const { claims, nextCursor } = (await (await routes.claims.GET(request("GET", path), params(desk.article.id))).json()) as {
      claims: { id: string; createdBy: { id: string }; verdict: { by: { id: string; name: string } | null } | null; counts: object }[];
      nextCursor: string | null;
    };
    expect(nextCursor).toBeNull();
    const judged = claims.find((c) => c.id === claimIds[2])!;
    expect(judged.verdict?.by).toEqual({ id: desk.reviewer.id, name: desk.reviewer.name });
    expect(judged.createdBy.id).toBe(desk.reviewer.id);
    expect(claims.find((c) => c.id === claimIds[0])!.counts).toEqual({ comments: 2, evidence: 0 });
    // A page of one: the cursor leads on to the second claim, in the same text order.
    const first = (await (await routes.claims.GET(request("GET", `${path}?limit=1`), params(desk.article.id))).json()) as {
      claims: { id: string }[];
      nextCursor: string;
    };
    const second = (await (
      await routes.claims.GET(request("GET", `${path}?limit=1&cursor=${encodeURIComponent(first.nextCursor)}`), params(desk.article.id))
    ).json()) as { claims: { id: string }[] };
    expect([first.claims[0]!.id, second.claims[0]!.id]).toEqual(claims.slice(0, 2).map((c) => c.id));
    expect((await routes.claims.GET(request("GET", path, { secret: tokens.outsider }), params(desk.article.id))).status).toBe(404);
  });

  it("keeps the answers for intruders, viewers, bad input, stale versions and retries", async () => {
    const comment = (secret: string, body: unknown, headers?: Record<string, string>) =>
      routes.comments(request("POST", `/api/v1/claims/${claimIds[3]}/comments`, { body, secret, headers }), params(claimIds[3]!));
    expect((await comment(tokens.outsider, { body: "Not my team." })).status).toBe(404);
    expect((await comment(tokens.viewer, { body: "Only reading." })).status).toBe(403);
    expect((await comment(tokens.reviewer, { body: "" })).status).toBe(422);
    expect(
      (
        await routes.status(
          request("PUT", `/api/v1/claims/${claimIds[3]}/status`, { body: { status: "in_review" }, secret: tokens.outsider }),
          params(claimIds[3]!),
        )
      ).status,
    ).toBe(404);
    expect(
      (
        await routes.verdict(
          request("PUT", `/api/v1/claims/${claimIds[3]}/verdict`, {
            body: { verdict: "false", explanation: "The figure is from another year." },
            secret: tokens.viewer,
          }),
          params(claimIds[3]!),
        )
      ).status,
    ).toBe(403);
    const article = `/api/v1/articles/${desk.article.id}`;
    expect((await routes.article(request("GET", article, { secret: tokens.outsider }), params(desk.article.id))).status).toBe(404);
    const stale = await routes.status(
      request("PUT", `/api/v1/claims/${claimIds[3]}/status`, { body: { status: "in_review", version: 99 } }),
      params(claimIds[3]!),
    );
    expect(stale.status).toBe(409);
    const key = { "Idempotency-Key": `statements-${claimIds[3]}` };
    const first = await comment(tokens.reviewer, { body: "Once only." }, key);
    const again = await comment(tokens.reviewer, { body: "Once only." }, key);
    expect([first.status, again.status, again.headers.get("Idempotent-Replayed")]).toEqual([201, 201, "true"]);
    expect(await again.json()).toEqual(await first.json());
    expect(await testDb().comment.count({ where: { claimId: claimIds[3], body: "Once only." } })).toBe(1);
    // No audit row for anything refused: the claim's creation and the one comment.
    const actions = (await testDb().auditEvent.findMany({ where: { claimId: claimIds[3] }, orderBy: { id: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["claim.created", "comment.added"]);
  });
});
