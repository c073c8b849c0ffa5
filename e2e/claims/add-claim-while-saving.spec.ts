// Attacks on adding a claim at once (issue #21, add-claim-at-once.spec.ts): what a reader under deadline does while the
// drawn claim ("Saving the claim…") waits for the server.
import { expect, test, type Page } from "../fixtures/test";
import { signIn } from "../fixtures/auth";
import { createDesk } from "../fixtures/factories";
import { holdActions } from "../fixtures/hold-actions";
import { selectInArticle } from "../fixtures/selection";

const NEW = "to deter Russia from attacking Ukraine";

/** Requests the page sends for a drawn claim's id ("pending:<key>"), which no stored claim has. */
function pendingReads(page: Page): string[] {
  const seen: string[] = [];
  page.on("request", (request) => {
    if (/\/api\/v1\/claims\/pending/i.test(decodeURIComponent(request.url()))) seen.push(request.url());
  });
  return seen;
}

test("clicking the drawn claim while it saves asks the server nothing about it, and its panel still follows", async ({ page }) => {
  const desk = await createDesk();
  await signIn(page, desk.reviewer);
  await page.goto(`/articles/${desk.article.id}`);
  const body = page.getByTestId("article-body");
  const sent = pendingReads(page);

  const release = await holdActions(page);
  await selectInArticle(page, NEW);
  await page.keyboard.press("a");
  const drawn = body.locator(".hl[data-active]");
  await expect(drawn).toHaveText(NEW);
  await drawn.click();
  await expect(page.getByTestId("claim-preview")).toContainText("Saving the claim…");
  release();
  const panel = page.getByTestId("claim-panel");
  await expect(panel.getByTestId("claim-quote")).toContainText(NEW);
  await expect(page.getByTestId("claims-sidebar").getByRole("alert")).toHaveCount(0);
  expect(sent).toEqual([]);
});
