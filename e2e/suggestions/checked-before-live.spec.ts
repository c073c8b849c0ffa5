import pg from "pg";
import { expect, test, type Request } from "../fixtures/test";
import { createDesk } from "../fixtures/factories";
import { signIn } from "../fixtures/auth";
import { hookLookups, unhookLookups, waitForLock } from "../fixtures/checked-before-lookups";

// Issue #21 item 5: "checked before" answers looked up by the background job reach the open page through the live
// stream (PostgreSQL NOTIFY, so any instance's job reaches any instance's reader), not by re-reading every few seconds.
// The test holds the team's lookups (a lock it owns, inside factdesk_checked_before for this team only), so the page
// opens with every answer pending and the job waits until the test lets it go.

const HELD_LOCK = 4243;

const isSuggestionsRead = (request: Request) => request.method() === "GET" && new URL(request.url()).pathname.endsWith("/suggestions");

test("the pending 'checked before' text goes when the job answers, without reload and without re-reading meanwhile", async ({ page }) => {
  test.setTimeout(120_000);
  const desk = await createDesk();
  const holder = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await holder.connect();
  await hookLookups(desk.team.id, waitForLock(HELD_LOCK));
  try {
    await holder.query(`SELECT pg_advisory_lock(${HELD_LOCK}, 1)`);
    await signIn(page, desk.reviewer);
    const reads: Request[] = [];
    page.on("request", (request) => isSuggestionsRead(request) && reads.push(request));
    await page.goto(`/articles/${desk.article.id}`);
    await expect(page.getByTestId("live-status")).toContainText("Live");
    const pending = page.getByTestId("checked-before-pending");
    await expect(pending).toContainText(/Checking earlier verdicts for \d+ suggestions/);

    // One read when the stream came up (answers found before it listened were announced to no one); then, while the
    // job waits, nothing is announced and the page reads nothing (it read every 3 s before).
    await expect.poll(() => reads.length).toBe(1);
    await reads[0]!.response();
    const polled = await page.waitForRequest(isSuggestionsRead, { timeout: 7_000 }).catch(() => null);
    expect(polled?.url() ?? null).toBeNull();

    await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
    await holder.query(`SELECT pg_advisory_unlock(${HELD_LOCK}, 1)`);
    await expect(pending).toHaveCount(0, { timeout: 60_000 });
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    const listed = await page.request.get(`/api/v1/articles/${desk.article.id}/suggestions?limit=1000`);
    const { suggestions } = (await listed.json()) as { suggestions: { checkedBeforePending: boolean }[] };
    expect(suggestions.filter((s) => s.checkedBeforePending)).toEqual([]);
  } finally {
    await holder.query(`SELECT pg_advisory_unlock_all()`).catch(() => {});
    await unhookLookups(desk.team.id);
    await holder.end();
  }
});
