// Issue 13 item 5, from the attacker's side: a session cookie copied out of a victim's browser
// must stop working the moment the session is ended (sign-out, password reset, disabling,
// losing a role), on every instance, and must not come back when the account is re-enabled.
import { expect, test, type APIRequestContext, type Browser } from "../fixtures/test";
import { freePort } from "../../scripts/lib/free-port";
import { signIn, signInByApi } from "../fixtures/auth";
import { createDesk, testDb, type TestUser } from "../fixtures/factories";
import { startInstance } from "../fixtures/processes";

type PlaywrightLike = {
  request: { newContext(o: { baseURL: string; extraHTTPHeaders?: Record<string, string> }): Promise<APIRequestContext> };
};

/** Signs the victim in with a browser of their own and returns the cookies an attacker would copy. */
async function victimCookie(browser: Browser, baseURL: string, victim: TestUser) {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signIn(page, victim);
  await page.goto("/articles");
  await expect(page.getByTestId("signed-in-user")).toContainText(victim.name);
  const cookies = await context.cookies();
  return { context, page, cookies, cookie: cookies.map((c) => `${c.name}=${c.value}`).join("; ") };
}

/**
 * The attacker's script: plain fetch (no cookie jar, so the copied cookie is sent exactly as
 * copied, never a refreshed one), with an Origin header that passes the same-origin check.
 */
function replay(baseURL: string, cookie: string) {
  return (path: string, init: { method?: string; json?: unknown } = {}) =>
    fetch(new URL(path, baseURL), {
      method: init.method ?? "GET",
      headers: { Cookie: cookie, Origin: baseURL, ...(init.json !== undefined ? { "Content-Type": "application/json" } : {}) },
      body: init.json !== undefined ? JSON.stringify(init.json) : undefined,
      redirect: "manual",
    });
}
type Replay = ReturnType<typeof replay>;

/** One read and one write with the copied cookie: their statuses. */
async function readAndWrite(send: Replay, articleId: string) {
  const read = (await send("/api/v1/articles")).status;
  const write = (await send(`/api/v1/articles/${articleId}/double-review`, { method: "PUT", json: { required: false } })).status;
  return { read, write };
}

async function adminApi(playwright: PlaywrightLike, baseURL: string, admin: TestUser) {
  const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Origin: baseURL } });
  expect((await signInByApi(api, admin)).status()).toBe(200);
  return api;
}

const membershipOf = async (user: TestUser) =>
  (await testDb().membership.findFirstOrThrow({ where: { userId: user.id, teamId: user.teamId }, select: { id: true } })).id;

test("a cookie copied before sign-out reads and writes nothing afterwards, API or pages", async ({ browser, baseURL }) => {
  const desk = await createDesk();
  const victim = await victimCookie(browser, baseURL!, desk.editor);
  const attacker = replay(baseURL!, victim.cookie);
  expect(await readAndWrite(attacker, desk.article.id)).toEqual({ read: 200, write: 200 });

  await victim.page.getByRole("button", { name: "Sign out" }).click();
  await expect(victim.page).toHaveURL(/\/signin/);

  expect(await readAndWrite(attacker, desk.article.id)).toEqual({ read: 401, write: 401 });
  const attackerBrowser = await browser.newContext({ baseURL });
  await attackerBrowser.addCookies(victim.cookies);
  const page = await attackerBrowser.newPage();
  await page.goto("/articles");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Farticles/);
});

test("after an admin resets a password, the old session's copied cookie gets 401", async ({ browser, playwright, baseURL }) => {
  const desk = await createDesk();
  const victim = await victimCookie(browser, baseURL!, desk.reviewer);
  const attacker = replay(baseURL!, victim.cookie);
  expect((await attacker("/api/v1/articles")).status).toBe(200);

  const admin = await adminApi(playwright, baseURL!, desk.admin);
  expect((await admin.post(`/api/v1/team/members/${await membershipOf(desk.reviewer)}/password-reset`)).status()).toBe(200);

  expect(await readAndWrite(attacker, desk.article.id)).toEqual({ read: 401, write: 401 });
  await victim.page.goto("/articles");
  await expect(victim.page).toHaveURL(/\/signin/);
  await admin.dispose();
});

test("an editor who loses the role loses the sessions that had it", async ({ browser, playwright, baseURL }) => {
  const desk = await createDesk();
  const victim = await victimCookie(browser, baseURL!, desk.editor);
  const attacker = replay(baseURL!, victim.cookie);
  expect((await attacker("/api/v1/articles")).status).toBe(200);

  const admin = await adminApi(playwright, baseURL!, desk.admin);
  expect((await admin.patch(`/api/v1/team/members/${await membershipOf(desk.editor)}`, { data: { role: "viewer" } })).status()).toBe(200);

  expect(await readAndWrite(attacker, desk.article.id)).toEqual({ read: 401, write: 401 });
  // Signing in again gives a session with the new role.
  const fresh = await playwright.request.newContext({ baseURL });
  expect((await signInByApi(fresh, desk.editor)).status()).toBe(200);
  expect(
    (
      await fresh.put(`/api/v1/articles/${desk.article.id}/double-review`, { data: { required: true }, headers: { Origin: baseURL! } })
    ).status(),
  ).toBe(403);
  await Promise.all([admin.dispose(), fresh.dispose()]);
});

test("disabling refuses a copied cookie at once on every instance, and re-enabling does not revive it", async ({
  browser,
  playwright,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const desk = await createDesk();
  // A second instance sharing the cookie secret, whose periodic re-read of the user is far away:
  // only a check on every request can refuse the cookie there in time.
  const second = await startInstance(await freePort(), process.env.E2E_NEXTAUTH_SECRET, { SESSION_RECHECK_SECONDS: "600" });
  try {
    const victim = await victimCookie(browser, baseURL!, desk.reviewer);
    const onA = replay(baseURL!, victim.cookie);
    const onB = replay(second.baseURL, victim.cookie);
    expect((await onA("/api/v1/articles")).status).toBe(200);
    expect((await onB("/api/v1/articles")).status).toBe(200);

    const admin = await adminApi(playwright, baseURL!, desk.admin);
    const member = await membershipOf(desk.reviewer);
    expect((await admin.patch(`/api/v1/team/members/${member}`, { data: { disabled: true } })).status()).toBe(200);

    // No waiting: the very next request is refused.
    expect(await readAndWrite(onA, desk.article.id)).toEqual({ read: 401, write: 401 });
    expect(await readAndWrite(onB, desk.article.id)).toEqual({ read: 401, write: 401 });

    expect((await admin.patch(`/api/v1/team/members/${member}`, { data: { disabled: false } })).status()).toBe(200);
    expect(await readAndWrite(onA, desk.article.id)).toEqual({ read: 401, write: 401 });
    expect(await readAndWrite(onB, desk.article.id)).toEqual({ read: 401, write: 401 });
    // The person signs in again and works.
    const fresh = await playwright.request.newContext({ baseURL: second.baseURL });
    expect((await signInByApi(fresh, desk.reviewer)).status()).toBe(200);
    expect((await fresh.get("/api/v1/articles")).status()).toBe(200);
    await Promise.all([admin.dispose(), fresh.dispose()]);
  } finally {
    await second.stop();
  }
});
