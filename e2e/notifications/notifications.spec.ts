import { expect, test } from "../fixtures/test";
import { createClaim } from "../../lib/claims/create-claim";
import { targetFor } from "../../lib/claims/test-helpers";
import { signIn, signInByApi } from "../fixtures/auth";
import { createDesk, testDb } from "../fixtures/factories";

const CLAIM = "The UK currently spends around 2.3 per cent of gross national product on defence";

test("a mention reaches exactly the mentioned member's bell without a reload, not the author's, and opens the claim", async ({
  browser,
  playwright,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const desk = await createDesk();
  const other = await createDesk();
  const claim = await createClaim({ userId: desk.reviewer.id, articleId: desk.article.id, target: targetFor(desk.article.body, CLAIM) });

  const editor = await (await browser.newContext()).newPage();
  await signIn(editor, desk.editor);
  await editor.goto("/articles");
  await expect(editor.getByTestId("notification-bell")).toHaveAccessibleName("Notifications, none unread");

  const author = await (await browser.newContext()).newPage();
  await signIn(author, desk.reviewer);
  await author.goto(`/articles/${desk.article.id}?claim=${claim.id}`);
  const box = author.getByTestId("claim-panel").getByRole("textbox", { name: "Comment", exact: true });
  await expect(box).toBeVisible({ timeout: 30_000 });
  await box.click();
  // Type "@" and the start of the name: the team's members are offered; Enter picks the highlighted one.
  await box.pressSequentially(`Over to @${desk.editor.name.slice(0, 8)}`);
  const options = author.getByRole("listbox", { name: "People to mention" });
  await expect(options.getByRole("option", { name: new RegExp(desk.editor.name) })).toBeVisible();
  await expect(box).toHaveAttribute("aria-autocomplete", "list");
  await expect(box).toHaveAttribute("aria-activedescendant", /opt-0$/);
  await box.press("Enter");
  await expect(options).toHaveCount(0);
  await box.pressSequentially("to check the GNP figure.");
  await expect(box).toHaveValue(`Over to @${desk.editor.name} to check the GNP figure.`);
  await author.getByTestId("claim-panel").getByRole("button", { name: "Comment", exact: true }).click();
  await expect(author.getByTestId("comment-thread")).toContainText("to check the GNP figure.");

  // The mentioned editor's bell counts it without a reload; the author's does not.
  await expect(editor.getByTestId("notification-count")).toHaveText("1", { timeout: 5000 });
  await expect(editor.getByTestId("notification-bell")).toHaveAccessibleName("Notifications, 1 unread");
  await expect(author.getByTestId("notification-count")).toHaveCount(0);
  const notified = await testDb().notification.findMany({ where: { claimId: claim.id }, select: { recipientId: true, kind: true } });
  expect(notified).toEqual([{ recipientId: desk.editor.id, kind: "mention" }]);

  // Another person's notification is out of reach through the API: 404, nothing changes.
  const [row] = await testDb().notification.findMany({ where: { claimId: claim.id } });
  for (const intruder of [desk.reviewer, other.admin]) {
    const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL! } });
    await signInByApi(api, intruder);
    expect((await api.post(`/api/v1/me/notifications/${row!.id}/read`)).status()).toBe(404);
    expect((await (await api.get("/api/v1/me/notifications")).json()).items).toEqual([]);
    const found = await (await api.get(`/api/v1/team/members/search?q=${encodeURIComponent(desk.editor.name)}`)).json();
    expect(found.members.map((m: { id: string }) => m.id)).toEqual(intruder === desk.reviewer ? [desk.editor.id] : []);
    await api.dispose();
  }

  await editor.getByTestId("notification-bell").click();
  await expect(editor.getByRole("heading", { name: "Notifications" })).toBeVisible();
  const item = editor.getByTestId("notification").first();
  await expect(item).toHaveAttribute("data-unread", "true");
  await expect(item).toContainText(`${desk.reviewer.name} mentioned you in a comment`);
  await expect(item).toContainText("to check the GNP figure.");
  await item.getByRole("link", { name: /mentioned you/ }).click();
  await expect(editor).toHaveURL(new RegExp(`/articles/${desk.article.id}\\?claim=${claim.id}`));
  await expect(editor.getByTestId("claim-panel")).toBeVisible();
  await expect(editor.getByTestId("notification-count")).toHaveCount(0);
  expect((await testDb().notification.findUniqueOrThrow({ where: { id: row!.id } })).readAt).not.toBeNull();
});

test("an editor assigns a claim with the member picker, by keyboard alone", async ({ page }) => {
  test.setTimeout(90_000);
  const desk = await createDesk();
  const claim = await createClaim({ userId: desk.reviewer.id, articleId: desk.article.id, target: targetFor(desk.article.body, CLAIM) });
  await signIn(page, desk.editor);
  await page.goto(`/articles/${desk.article.id}?claim=${claim.id}`);
  const panel = page.getByTestId("claim-panel");
  await expect(panel.getByRole("button", { name: "Assign reviewers" })).toBeVisible({ timeout: 30_000 });
  // Tabbing through the whole article to the sidebar is not the point: start with focus on the button.
  await panel.getByRole("button", { name: "Assign reviewers" }).focus();
  await page.keyboard.press("Enter");

  const picker = panel.getByRole("combobox", { name: "Find a reviewer" });
  await expect(picker).toBeFocused();
  await page.keyboard.type(desk.reviewer2.name.slice(-6));
  const option = panel.getByRole("option", { name: new RegExp(desk.reviewer2.name) });
  await expect(option).toBeVisible();
  await expect(option).toContainText("reviewer · 0 open");
  await expect(option).toHaveAttribute("aria-selected", "true");
  await expect(panel.getByRole("option", { name: new RegExp(desk.viewer.name) })).toHaveCount(0);
  await page.keyboard.press("Enter");
  await expect(panel.getByTestId("chosen-reviewers")).toContainText(desk.reviewer2.name);
  // The picker stays for an optional second person, its list closed: Enter now saves the form.
  await expect(panel.getByRole("combobox", { name: "Add a second reviewer (optional)" })).toBeFocused();
  await expect(panel.getByRole("listbox")).toHaveCount(0);
  await page.keyboard.press("Enter");
  await expect(panel.getByTestId("assignees")).toHaveText(desk.reviewer2.name);

  const assigned = await testDb().assignment.findMany({ where: { claimId: claim.id }, select: { reviewerId: true } });
  expect(assigned).toEqual([{ reviewerId: desk.reviewer2.id }]);
  // The assignee hears of it.
  expect(await testDb().notification.count({ where: { claimId: claim.id, recipientId: desk.reviewer2.id, kind: "assignment" } })).toBe(1);
});
