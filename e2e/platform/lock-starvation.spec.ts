import { expect, request as playwrightRequest, test } from "../fixtures/test";
import pg from "pg";
import { targetFor } from "../../lib/claims/test-helpers";
import { freePort } from "../../scripts/lib/free-port";
import { signInByApi } from "../fixtures/auth";
import { createDesk } from "../fixtures/factories";
import { startInstance } from "../fixtures/processes";

const CLAIM = "The UK currently spends around 2.3 per cent of gross national product on defence";

/** Requests of this database now waiting for a lock (row, tuple or transaction). */
async function lockWaiters(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
  );
  return rows[0]!.n;
}

// Reported: ten requests waiting on one article's row lock held all ten pool connections, and every
// request on the instance, /api/health included, answered 503 for 37 s. Now each waiter gives up after
// lock_timeout with a 409 that says why, and health and sign-in run on a reserve pool meanwhile.
test("ten requests queued on one article's row lock get a 409, while health and sign-in still answer", async () => {
  test.setTimeout(120_000);
  const desk = await createDesk();
  // An instance of its own, so the test's full pool never slows the other tests; a lock timeout long
  // enough to look at the instance while all ten wait.
  const instance = await startInstance(await freePort(), undefined, { DATABASE_POOL_SIZE: "10", DATABASE_LOCK_TIMEOUT_MS: "8000" });
  const holder = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await holder.connect();
  const observer = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await observer.connect();
  const baseURL = instance.baseURL;
  const api = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  try {
    expect((await signInByApi(api, desk.reviewer)).status()).toBe(200);
    const waitersBefore = await lockWaiters(observer);
    // A long save of the article, as another instance would hold it.
    await holder.query("BEGIN");
    await holder.query('SELECT 1 FROM "Article" WHERE "id" = $1 FOR UPDATE', [desk.article.id]);
    const target = targetFor(desk.article.body, CLAIM);
    const selector = [
      { type: "TextQuoteSelector", ...target.quote },
      { type: "TextPositionSelector", ...target.position },
    ];
    const creates = Array.from({ length: 10 }, () =>
      api.post(`/api/v1/articles/${desk.article.id}/claims`, { data: { target: { selector } } }),
    );
    await expect.poll(async () => (await lockWaiters(observer)) - waitersBefore, { timeout: 20_000 }).toBeGreaterThanOrEqual(10);

    // Every main-pool connection is now waiting on the lock: health and signing in must not be.
    const health = await fetch(`${baseURL}/api/health`);
    expect(health.status).toBe(200);
    const other = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
    expect((await signInByApi(other, desk.editor)).status()).toBe(200);
    await other.dispose();

    const answers = await Promise.all(creates);
    for (const answer of answers) {
      expect(answer.status()).toBe(409);
      const body = (await answer.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("conflict");
      expect(body.error.message).toContain("Someone else is changing this right now");
    }
    await holder.query("ROLLBACK");
    // Nothing was half-made, and the freed connections serve the same request now.
    const claims = (await (await api.get(`/api/v1/articles/${desk.article.id}/claims`)).json()) as { claims: unknown[] };
    expect(claims.claims).toHaveLength(0);
    expect((await api.post(`/api/v1/articles/${desk.article.id}/claims`, { data: { target: { selector } } })).status()).toBe(201);
  } finally {
    await api.dispose();
    await holder.end().catch(() => {});
    await observer.end().catch(() => {});
    await instance.stop();
  }
});
