// A ?claim= link (from My queue, a notification e-mail) opens that claim's full panel with the page. It used to show
// the claim's preview first and swap it for the panel once the browser had read the claim: a visible flash.
import { expect, test } from "../fixtures/test";
import { describeRange } from "../../lib/anchoring/selectors";
import { createClaim } from "../../lib/claims/create-claim";
import { signIn } from "../fixtures/auth";
import { createDesk } from "../fixtures/factories";

const WIDTHS = [1440, 820, 390];

for (const width of WIDTHS) {
  test(`at ${width} px a ?claim= link opens the full panel at once, never the preview first`, async ({ page }) => {
    const desk = await createDesk();
    const body = desk.article.body;
    const sentence = body.slice(0, body.indexOf(".") + 1);
    const claim = await createClaim({
      userId: desk.reviewer.id,
      articleId: desk.article.id,
      target: describeRange(body, 0, sentence.length),
    });
    await page.setViewportSize({ width, height: 900 });
    await signIn(page, desk.reviewer);
    // Records, from the first byte of the page on, whether the preview (data-testid=claim-preview) ever appears.
    await page.addInitScript(() => {
      const seen = { preview: false };
      (window as unknown as { __claimLink: typeof seen }).__claimLink = seen;
      new MutationObserver(() => {
        if (document.querySelector("[data-testid=claim-preview]")) seen.preview = true;
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(`/articles/${desk.article.id}?claim=${claim.id}`);
    const panel = page.getByTestId("claim-panel");
    await expect(panel).toBeVisible();
    await expect(panel.getByTestId("claim-quote")).toContainText(sentence);
    await expect(page.locator(`[data-testid=article-body] [data-ids~="${claim.id}"]`)).toBeInViewport();
    expect(await page.evaluate(() => (window as unknown as { __claimLink: { preview: boolean } }).__claimLink.preview)).toBe(false);
    // Still a panel like any other: Escape closes it.
    await page.keyboard.press("Escape");
    await expect(panel).toBeHidden();
  });
}

test("a ?claim= link to a claim of another team opens nothing and says so, as before", async ({ page }) => {
  const desk = await createDesk();
  const other = await createDesk();
  const body = other.article.body;
  const claim = await createClaim({
    userId: other.reviewer.id,
    articleId: other.article.id,
    target: describeRange(body, 0, body.indexOf(".")),
  });
  await signIn(page, desk.reviewer);
  await page.goto(`/articles/${desk.article.id}?claim=${claim.id}`);
  await expect(page.getByRole("alert").filter({ hasText: /not found/i })).toBeVisible();
  await expect(page.getByTestId("claim-panel")).toHaveCount(0);
});
