// Issue 13 item 5 (two-factor): enrolment through the Account page, signing in with a code
// and with a recovery code (once), wrong codes counting toward the lock, and the team rule.
import { expect, test, type APIResponse } from "../fixtures/test";
import { signIn, signInByApi } from "../fixtures/auth";
import { createDesk, testDb } from "../fixtures/factories";
import { enrolInUi, totpCode } from "../fixtures/two-factor";

/** What next-auth said to a refused sign-in (`error=` of the answer's url). */
async function refusal(response: APIResponse) {
  const { url } = (await response.json()) as { url?: string };
  return url ? new URL(url).searchParams.get("error") : null;
}

test("two-factor set up on the Account page; signing in then needs a code or a recovery code, each once", async ({
  page,
  browser,
  playwright,
  baseURL,
}, testInfo) => {
  test.setTimeout(60_000);
  const desk = await createDesk();
  const me = desk.editor;
  await signIn(page, me);
  await page.goto("/articles");
  await page.getByRole("link", { name: "Account", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Two-factor authentication" })).toBeVisible();

  const { secret, recoveryCodes, confirmResponse } = await enrolInUi(page);
  // The answer that carried the recovery codes may not be kept by any cache.
  expect(confirmResponse.headers()["cache-control"]).toContain("no-store");
  await page.screenshot({ path: testInfo.outputPath("recovery-codes.png"), fullPage: true });
  await page.getByRole("button", { name: "I have saved them" }).click();
  await expect(page.getByTestId("two-factor-status")).toContainText("10 of 10 recovery codes left");
  const stored = await testDb().user.findUniqueOrThrow({ where: { id: me.id }, select: { totpSecret: true } });
  expect(stored.totpSecret).not.toContain(secret);
  expect(page.getByTestId("recovery-codes")).toHaveCount(0);

  // The real form: the password alone brings up the code field; the next step's code signs in
  // (this step's code was spent on the set-up, and a code works once).
  const form = await (await browser.newContext({ baseURL })).newPage();
  await form.goto("/signin");
  await form.getByLabel("Email").fill(me.email);
  await form.getByLabel("Password").fill(me.password);
  await form.getByRole("button", { name: "Sign in" }).click();
  const codeField = form.getByLabel("Authentication code");
  await expect(codeField).toBeVisible();
  await form.screenshot({ path: testInfo.outputPath("sign-in-code.png") });
  await codeField.fill("000000");
  await form.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(form.locator("form [role=alert]")).toContainText("That code did not work");
  const code = await totpCode(secret, 30);
  await codeField.fill(code);
  await form.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(form).toHaveURL(/\/articles$/);
  await expect(form.getByTestId("signed-in-user")).toContainText(me.name);

  // Through the API: no code, the same code again, then a recovery code (twice).
  const api = await playwright.request.newContext({ baseURL });
  const withoutCode = await signInByApi(api, me);
  expect([withoutCode.status(), await refusal(withoutCode)]).toEqual([401, "TwoFactorRequired"]);
  const replayed = await signInByApi(api, { ...me, code });
  expect([replayed.status(), await refusal(replayed)]).toEqual([401, "TwoFactorInvalid"]);
  expect((await api.get("/api/v1/articles")).status()).toBe(401);
  const recovery = recoveryCodes[3]!;
  expect((await signInByApi(api, { ...me, code: recovery })).status()).toBe(200);
  expect((await api.get("/api/v1/articles")).status()).toBe(200);
  const again = await playwright.request.newContext({ baseURL });
  const reused = await signInByApi(again, { ...me, code: recovery });
  expect([reused.status(), await refusal(reused)]).toEqual([401, "TwoFactorInvalid"]);
  expect((await again.get("/api/v1/articles")).status()).toBe(401);

  await page.reload();
  await expect(page.getByTestId("two-factor-status")).toContainText("9 of 10 recovery codes left");
  await Promise.all([api.dispose(), again.dispose()]);
});

test("wrong codes count toward the sign-in lock, which then refuses the right code too", async ({ page, playwright, baseURL }) => {
  const desk = await createDesk();
  const me = desk.reviewer;
  await signIn(page, me);
  const { secret } = await enrolInUi(page);

  const attacker = await playwright.request.newContext({ baseURL });
  // Knowing the password, guessing codes: each guess is a failed attempt.
  for (let attempt = 1; attempt <= 10; attempt++) {
    const guess = await signInByApi(attacker, { ...me, code: String(100000 + attempt) });
    expect(guess.status(), `guess ${attempt}`).toBe(401);
  }
  const locked = await signInByApi(attacker, { ...me, code: "123456" });
  expect(locked.status()).toBe(429);
  // The password alone (which does not count) does not unlock it, nor does the right code.
  expect((await signInByApi(attacker, me)).status()).toBe(429);
  expect((await signInByApi(attacker, { ...me, code: await totpCode(secret, 30) })).status()).toBe(429);
  expect(await testDb().loginAttempt.count({ where: { email: me.email, success: false } })).toBe(10);
  await attacker.dispose();
});

test("a team that requires two-factor sends an admin or editor without it to the Account page and refuses their writes", async ({
  page,
  browser,
  baseURL,
}, testInfo) => {
  // Two enrolments and three sign-ins: slower than most when the machine is busy.
  test.setTimeout(60_000);
  const desk = await createDesk();
  // The admin must have two-factor before requiring it.
  await signIn(page, desk.admin);
  await page.goto("/team");
  await expect(page.getByText("Turn on two-factor for your own account first")).toBeVisible();
  await expect(page.getByLabel("Require two-factor for admins and editors")).toBeDisabled();
  await enrolInUi(page);
  await page.getByRole("button", { name: "I have saved them" }).click();
  await page.goto("/team");
  await page.getByLabel("Require two-factor for admins and editors").check();
  await expect(page.getByTestId("two-factor-coverage")).toContainText(
    `1 of 2 admins and editors have two-factor on. Not yet: ${desk.editor.name}.`,
  );
  await expect(page.getByLabel("Require two-factor for admins and editors")).toBeChecked();

  const editor = await (await browser.newContext({ baseURL })).newPage();
  await signIn(editor, desk.editor);
  await editor.goto(`/articles/${desk.article.id}`);
  await expect(editor).toHaveURL(/\/account\?two-factor=required$/);
  await expect(editor.getByTestId("two-factor-required")).toContainText("Your team requires two-factor authentication");
  await editor.screenshot({ path: testInfo.outputPath("two-factor-required.png"), fullPage: true });
  const write = () =>
    editor.request.put(`/api/v1/articles/${desk.article.id}/double-review`, { data: { required: true }, headers: { Origin: baseURL! } });
  const refused = await write();
  expect(refused.status()).toBe(403);
  expect(((await refused.json()) as { error: { message: string } }).error.message).toContain("Turn it on under Account → Two-factor");
  expect((await editor.request.get("/api/v1/articles")).status()).toBe(200);
  // A reviewer is not covered by the rule.
  const reviewer = await (await browser.newContext({ baseURL })).newPage();
  await signIn(reviewer, desk.reviewer);
  await reviewer.goto("/articles");
  await expect(reviewer).toHaveURL(/\/articles$/);

  await enrolInUi(editor);
  await editor.getByRole("button", { name: "I have saved them" }).click();
  await expect(editor.getByTestId("two-factor-required")).toHaveCount(0);
  expect((await write()).status()).toBe(200);
  await editor.goto(`/articles/${desk.article.id}`);
  await expect(editor).toHaveURL(new RegExp(`/articles/${desk.article.id}$`));
  // Required by the team, it cannot be turned off.
  await editor.goto("/account");
  await expect(editor.getByTestId("two-factor-status")).toContainText("required by your team");
  await expect(editor.getByRole("button", { name: "Turn off" })).toHaveCount(0);
});
