// A tab used only through server actions (which never write cookies) keeps its session: while visible it GETs
// /api/v1/me/session every 5 minutes, and that GET re-issues the session cookie when it is due. Playwright's clock
// drives the page's timer; the server's SESSION_RECHECK_SECONDS is 2 for the test server.
import { expect, test } from "../fixtures/test";
import { signIn } from "../fixtures/auth";
import { createDesk } from "../fixtures/factories";

test("an open, visible tab re-issues its session cookie every 5 minutes without a page load", async ({ page }) => {
  const desk = await createDesk();
  await page.clock.install();
  await signIn(page, desk.reviewer);
  await page.goto(`/articles/${desk.article.id}`);
  await expect(page.getByTestId("signed-in-user")).toContainText(desk.reviewer.name);
  const sessionCookie = async () => (await page.context().cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
  const first = await sessionCookie();
  expect(first).toBeDefined();

  // Past the server's re-check (2 s, real time); then five page minutes pass with no navigation.
  await page.waitForTimeout(2_500);
  const keepAlive = page.waitForResponse((r) => new URL(r.url()).pathname === "/api/v1/me/session" && r.request().method() === "GET");
  await page.clock.fastForward(5 * 60_000);
  const answer = await keepAlive;
  expect(answer.status()).toBe(200);
  expect(await answer.headerValue("set-cookie")).toContain(`${first!.name}=`);
  const after = await sessionCookie();
  expect(after!.value).not.toBe(first!.value);
  expect(after!.expires).toBeGreaterThan(first!.expires);
});
