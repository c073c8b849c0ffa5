// Issue #21: a new claim shows at once (its highlight and its preview, "Saving the claim…") while the server stores
// it; the full panel follows from the action's answer. A refusal takes the drawn claim away again and says why; a
// reader who closed it (Esc) or moved on meanwhile is not pulled back to it.
import { expect, test } from "../fixtures/test";
import { testDb } from "../fixtures/factories";
import { addClaimHeld, makeReviewerViewer } from "../fixtures/adding-claim";

const NEW = "to deter Russia from attacking Ukraine";

test("a new claim shows at once, before the server has stored it; its panel follows the answer", async ({ page }) => {
  const { desk, body, release } = await addClaimHeld(page, NEW);
  const preview = page.getByTestId("claim-preview");
  await expect(preview.getByTestId("claim-quote")).toContainText(NEW);
  await expect(preview).toContainText("Saving the claim…");
  await expect(preview).toContainText("Unreviewed");
  await expect(body.locator(".hl[data-active]")).toHaveText(NEW);
  await expect(page.getByTestId("claim-panel")).toHaveCount(0);
  // The selection's floating button is not left over the text while the claim it made saves.
  await expect(page.getByRole("button", { name: "+ Add claim" })).toHaveCount(0);
  expect(await testDb().claim.count({ where: { articleId: desk.article.id } })).toBe(0);

  release();
  const panel = page.getByTestId("claim-panel");
  await expect(panel.getByTestId("claim-quote")).toContainText(NEW);
  await expect(preview).toHaveCount(0);
  await expect(panel.getByRole("heading", { name: "Claim", exact: true })).toBeFocused();
  const stored = await testDb().claim.findFirstOrThrow({ where: { articleId: desk.article.id }, select: { id: true, exact: true } });
  expect(stored.exact).toBe(NEW);
  // One highlight for it, the stored claim's (the drawn one is gone).
  await expect(body.locator(".hl[data-ids]", { hasText: NEW })).toHaveCount(1);
  await expect(body.locator(".hl[data-active]")).toHaveAttribute("data-ids", stored.id);
});

test("refused while it showed: the drawn claim goes, the reason shows and the words stay selected", async ({ page }) => {
  const { desk, body, release } = await addClaimHeld(page, NEW);
  await expect(body.locator(".hl[data-active]")).toHaveText(NEW);
  // An admin makes the reviewer a viewer while the claim is on its way.
  await makeReviewerViewer(desk);
  release();
  await expect(page.getByTestId("claims-sidebar").getByRole("alert")).toBeVisible();
  await expect(page.getByTestId("claim-preview")).toHaveCount(0);
  await expect(body.locator(".hl[data-ids]", { hasText: NEW })).toHaveCount(0);
  await expect(body.locator(".hl[data-active]")).toHaveCount(0);
  expect(await page.evaluate(() => window.getSelection()?.toString())).toBe(NEW);
  await expect(page.getByRole("button", { name: "+ Add claim" })).toBeVisible();
  expect(await testDb().claim.count({ where: { articleId: desk.article.id } })).toBe(0);
});

test("closed with Esc while saving: the claim is stored and listed, and no panel opens over the list", async ({ page }) => {
  const { body, release } = await addClaimHeld(page, NEW);
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("claim-preview")).toHaveCount(0);
  release();
  await expect(page.getByTestId("claim-list")).toContainText(NEW);
  await expect(body.locator(".hl[data-ids]", { hasText: NEW })).toHaveCount(1);
  await expect(body.locator(".hl[data-active]")).toHaveCount(0);
  await expect(page.getByTestId("claim-panel")).toHaveCount(0);
});

test("keys pressed while it saves wait for its panel: s then 2 sets In review once it is stored", async ({ page }) => {
  const { desk, release } = await addClaimHeld(page, NEW);
  await page.keyboard.press("s");
  await page.keyboard.press("2");
  release();
  const panel = page.getByTestId("claim-panel");
  await expect(panel.getByRole("radio", { name: /In review/ })).toHaveAttribute("aria-checked", "true");
  await expect
    .poll(async () => (await testDb().claim.findFirst({ where: { articleId: desk.article.id }, select: { status: true } }))?.status)
    .toBe("in_review");
});
