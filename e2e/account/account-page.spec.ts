// The Account page's sessions and password sections, from the owner's side and from the side
// of whoever holds one of their other sessions.
import { expect, test, type Browser } from "../fixtures/test";
import { signIn } from "../fixtures/auth";
import { createDesk, type TestUser } from "../fixtures/factories";

const PHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";
const FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:132.0) Gecko/20100101 Firefox/132.0";

/** Another browser of the same person, signed in with its own session. */
async function otherDevice(browser: Browser, baseURL: string, user: TestUser, userAgent: string) {
  const page = await (await browser.newContext({ baseURL, userAgent })).newPage();
  await signIn(page, user);
  // Connection: close, so a later check never reuses a keep-alive socket the server has timed out.
  const reads = async () => (await page.request.get("/api/v1/articles", { headers: { Connection: "close" } })).status();
  expect(await reads()).toBe(200);
  return reads;
}

test("my sessions: this device marked, one signed out, then everywhere else", async ({ page, browser, baseURL }, testInfo) => {
  const desk = await createDesk();
  const me = desk.reviewer;
  await signIn(page, me);
  const phone = await otherDevice(browser, baseURL!, me, PHONE);
  const laptop = await otherDevice(browser, baseURL!, me, FIREFOX);

  await page.goto("/account#sessions");
  const sessions = page.getByRole("list", { name: "Your sessions" }).getByTestId("session");
  await expect(sessions).toHaveCount(3);
  await expect(sessions.filter({ hasText: "This device" })).toContainText("Chrome on Windows");
  await expect(sessions.filter({ hasText: "Safari on iPhone" })).toContainText("last seen");
  await page.screenshot({ path: testInfo.outputPath("account-1440.png"), fullPage: true });

  await sessions
    .filter({ hasText: "Safari on iPhone" })
    .getByRole("button", { name: /^Sign out Safari on iPhone/ })
    .click();
  await expect(sessions).toHaveCount(2);
  expect(await phone()).toBe(401);
  expect(await laptop()).toBe(200);

  await page.getByRole("button", { name: "Sign out everywhere else" }).click();
  await expect(sessions).toHaveCount(1);
  await expect(page.getByRole("button", { name: "Sign out everywhere else" })).toBeDisabled();
  expect(await laptop()).toBe(401);
  expect((await page.request.get("/api/v1/articles")).status()).toBe(200);

  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: testInfo.outputPath("account-390.png"), fullPage: true });
});

test("changing my password needs the current one, signs out my other sessions and keeps this one", async ({ page, browser, baseURL }) => {
  test.setTimeout(60_000); // five argon2id checks and three sign-ins
  const desk = await createDesk();
  const me = desk.editor;
  await signIn(page, me);
  const laptop = await otherDevice(browser, baseURL!, me, FIREFOX);
  await page.goto("/account");
  const form = page.getByRole("form", { name: "Change password" });
  const newPassword = "seven ravens over the harbour";

  await form.getByLabel("Current password").fill("not my password");
  await form.getByLabel("New password", { exact: true }).fill(newPassword);
  await form.getByLabel("New password again").fill(newPassword);
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByRole("alert")).toHaveText("That is not your current password.");
  expect(await laptop()).toBe(200);

  await form.getByLabel("Current password").fill(me.password);
  await form.getByLabel("New password", { exact: true }).fill("short");
  await form.getByLabel("New password again").fill("short");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByRole("alert")).toContainText("Use at least 12 characters");

  await form.getByLabel("New password", { exact: true }).fill(newPassword);
  await form.getByLabel("New password again").fill(newPassword);
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByRole("status")).toHaveText("Password changed. 1 other session was signed out.");
  expect(await laptop()).toBe(401);
  await page.goto("/articles");
  await expect(page.getByTestId("signed-in-user")).toContainText(me.name);

  // The old password no longer signs in; the new one does.
  const fresh = await (await browser.newContext({ baseURL })).newPage();
  await fresh.goto("/signin");
  await fresh.getByLabel("Email").fill(me.email);
  await fresh.getByLabel("Password").fill(me.password);
  await fresh.getByRole("button", { name: "Sign in" }).click();
  await expect(fresh.locator("form [role=alert]")).toHaveText("That email and password do not match an active account.");
  await fresh.getByLabel("Password").fill(newPassword);
  await fresh.getByRole("button", { name: "Sign in" }).click();
  await expect(fresh).toHaveURL(/\/articles$/);
});

test("the old tokens address leads to the Account page's tokens", async ({ page }) => {
  const desk = await createDesk();
  await signIn(page, desk.viewer);
  await page.goto("/account/tokens");
  await expect(page).toHaveURL(/\/account#tokens$/);
  await expect(page.getByRole("heading", { name: "API tokens" })).toBeVisible();
});
