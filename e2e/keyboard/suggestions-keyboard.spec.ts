import { expect, test, type Page } from "../fixtures/test";
import { signIn } from "../fixtures/auth";
import { createDesk, testDb } from "../fixtures/factories";

// The README promises the article workspace without a mouse, and a suggestion is made a claim by opening it and
// pressing `a`. Suggestions had no Tab stop: a keyboard user could not open one at all (attack29).
test.describe.configure({ timeout: 120_000 });

const focusedSuggestion = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return el?.dataset.suggestion
      ? { id: el.dataset.suggestion, text: el.textContent ?? "", label: el.getAttribute("aria-label") ?? "" }
      : null;
  });

test("a suggestion is reached by Tab, arrow keys go from one to the next, Enter opens it and a makes it a claim", async ({ page }) => {
  const desk = await createDesk();
  await signIn(page, desk.reviewer);
  await page.goto(`/articles/${desk.article.id}`);
  const body = page.getByTestId("article-body");
  await expect(body.locator(".sg").first()).toBeVisible();

  let first: Awaited<ReturnType<typeof focusedSuggestion>> = null;
  for (let i = 0; i < 60 && !first; i++) {
    await page.keyboard.press("Tab");
    first = await focusedSuggestion(page);
  }
  expect(first, "a suggestion is reached by Tab").not.toBeNull();
  expect(first!.label).toContain("suggested claim");

  // Arrow keys go to the next suggestion: the one Tab stop moves with them.
  await page.keyboard.press("ArrowRight");
  const second = await focusedSuggestion(page);
  expect(second).not.toBeNull();
  expect(second!.id).not.toBe(first!.id);
  await expect(body.locator('.sg[tabindex="0"]')).toHaveCount(1);

  await page.keyboard.press("Enter");
  const card = page.getByTestId("suggestion-card");
  await expect(card).toBeVisible();
  await page.keyboard.press("a");
  await expect(card).toHaveCount(0);
  await expect
    .poll(() =>
      testDb()
        .suggestion.findUnique({ where: { id: second!.id }, select: { claimId: true } })
        .then((s) => s?.claimId ?? null),
    )
    .not.toBeNull();
  await expect(body.locator(".hl", { hasText: second!.text.slice(0, 30) }).first()).toBeVisible();
});
