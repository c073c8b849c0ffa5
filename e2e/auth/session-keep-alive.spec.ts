// A tab used only through server actions (which never write cookies) keeps its session: while visible it GETs
// /api/v1/me/session every 5 minutes, and that GET re-issues the session cookie when it is due. Playwright's clock
// drives the page's timer; the server's SESSION_RECHECK_SECONDS is 2 for the test server.
import { expect, test } from "../fixtures/test";
import { signIn } from "../fixtures/auth";
import { createDesk } from "../fixtures/factories";

const RECHECK_MS = 2_000;

test("an open, visible tab re-issues its session cookie every 5 minutes without a page load", async ({ page }) => {
  const desk = await createDesk();
  await page.clock.install();
  await signIn(page, desk.reviewer);
  // Every GET re-issues the cookie when it is due (proxy.ts), not only the keep-alive: note each one, with the real
  // time, so the keep-alive is asked only once the last re-issue is past the server's re-check.
  const reissues: { path: string; at: number }[] = [];
  page.on("response", async (response) => {
    const cookie = await response.headerValue("set-cookie").catch(() => null);
    if (response.request().method() === "GET" && cookie?.includes("next-auth.session-token=")) {
      reissues.push({ path: new URL(response.url()).pathname, at: Date.now() });
    }
  });
  // The account page: nothing on it reads on a timer but the keep-alive.
  await page.goto("/account");
  await expect(page.getByTestId("signed-in-user")).toContainText(desk.reviewer.name);
  const sessionCookie = async () => (await page.context().cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
  const first = await sessionCookie();
  expect(first).toBeDefined();

  // Past the server's re-check (real time) since the cookie last changed (sign-in writes it too); then five page
  // minutes pass with no navigation.
  let seen = first;
  let changedAt = Date.now();
  await expect
    .poll(
      async () => {
        const now = await sessionCookie();
        if (now?.value !== seen?.value) [seen, changedAt] = [now, Date.now()];
        return Date.now() - changedAt;
      },
      { message: "the cookie is older than the re-check" },
    )
    .toBeGreaterThan(RECHECK_MS + 500);
  const before = await sessionCookie();
  const keepAlive = page.waitForResponse((r) => new URL(r.url()).pathname === "/api/v1/me/session" && r.request().method() === "GET");
  const since = reissues.length;
  await page.clock.fastForward(5 * 60_000);
  const answer = await keepAlive;
  expect(answer.status()).toBe(200);
  const others = reissues.slice(since).filter((r) => r.path !== "/api/v1/me/session");
  expect(await answer.headerValue("set-cookie"), `other GETs re-issued the cookie meanwhile: ${JSON.stringify(others)}`).toContain(
    `${first!.name}=`,
  );
  const after = await sessionCookie();
  expect(after!.value).not.toBe(before!.value);
  expect(after!.expires).toBeGreaterThan(first!.expires);
});
