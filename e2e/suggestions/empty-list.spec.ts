// An article without claims: the empty claim list says how many suggestions are underlined and how to open one,
// with the mouse or the keyboard, then a accepts it.
import path from "node:path";
import { expect, test } from "../fixtures/test";
import { createDesk, testDb } from "../fixtures/factories";
import { signIn } from "../fixtures/auth";

test("the empty claim list counts the suggestions and opens the first from the keyboard", async ({ page }) => {
  const desk = await createDesk();
  await signIn(page, desk.reviewer);
  await page.goto(`/articles/${desk.article.id}`);
  const api = await page.request.get(`/api/v1/articles/${desk.article.id}/suggestions`);
  const { suggestions } = (await api.json()) as { suggestions: { text: string; start: number }[] };
  expect(suggestions.length).toBeGreaterThan(1);

  const empty = page.getByTestId("claims-empty");
  await expect(empty.getByTestId("claims-empty-suggestions")).toContainText(`${suggestions.length} suggestions are underlined`);
  await expect(empty).toContainText("Click one or Tab to them to open it");
  await expect(empty).toContainText("a makes it a claim");
  await expect(empty).toContainText("choose Add claim");
  if (process.env.SHOTS_DIR) {
    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: path.join(process.env.SHOTS_DIR, `claims-empty-${width}.png`), fullPage: width === 390 });
    }
    await page.setViewportSize({ width: 1280, height: 800 });
  }

  // Keyboard only: the button is a tab stop; Enter opens the first suggestion in the text, a makes it a claim.
  const button = empty.getByRole("button", { name: "Open the first suggestion" });
  await button.focus();
  await page.keyboard.press("Enter");
  const first = suggestions.reduce((a, b) => (b.start < a.start ? b : a));
  const card = page.getByTestId("suggestion-card");
  await expect(card.locator("blockquote")).toHaveText(first.text);
  await page.keyboard.press("a");
  await expect(page.getByTestId("claim-panel").getByTestId("claim-quote")).toContainText(first.text.slice(0, 40));
  expect(await testDb().claim.count({ where: { articleId: desk.article.id } })).toBe(1);
});

test("a viewer's empty claim list leaves out what a viewer cannot do", async ({ page }) => {
  const desk = await createDesk();
  await signIn(page, desk.viewer);
  await page.goto(`/articles/${desk.article.id}`);
  const empty = page.getByTestId("claims-empty");
  await expect(empty.getByTestId("claims-empty-read-only")).toBeVisible();
  await expect(empty).not.toContainText("Add claim");
  await expect(empty).not.toContainText("makes it a claim");
  await expect(empty).not.toContainText("dismisses");
  if (process.env.SHOTS_DIR) {
    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: path.join(process.env.SHOTS_DIR, `claims-empty-viewer-${width}.png`), fullPage: width === 390 });
    }
  }
});
