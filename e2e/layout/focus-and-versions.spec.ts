import { expect, test, type Page } from "../fixtures/test";
import { signIn } from "../fixtures/auth";
import { createDesk, testDb } from "../fixtures/factories";
import { saveArticleVersion } from "../../lib/articles/save-version";
import { articleToMarkdown } from "../../lib/articles/import";
import { parseBlocks } from "../../lib/articles/blocks";

// keys30: keyboard focus is always visible (WCAG 2.4.7): a text field that drops the browser's outline draws its own
// ring. And the article's versions table is readable from 390 px up, with no sideways scrolling.

/** The focused element's outline and box shadow, as drawn. */
const ringOf = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const style = getComputedStyle(el);
    return { outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2, shadow: style.boxShadow };
  });

test("the sign-in fields, the search box and the shared field style show a focus ring, not only a border colour", async ({ page }) => {
  const desk = await createDesk();
  const tabToField = async (matches: string) => {
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press("Tab");
      const at = await page.evaluate(() => ({ tag: document.activeElement?.tagName ?? "", id: document.activeElement?.id ?? "" }));
      if (matches === "field" ? ["INPUT", "TEXTAREA"].includes(at.tag) && at.id !== "top-search" : at.id === matches) return;
    }
    throw new Error(`never reached ${matches} by Tab`);
  };
  await page.goto("/signin");
  await tabToField("field");
  expect((await ringOf(page)).outline, "sign-in field").toBe(true);

  await signIn(page, desk.editor);
  await page.goto("/articles");
  await tabToField("top-search");
  expect((await ringOf(page)).outline, "search box").toBe(true);

  // components/ui/styles.ts inputClass, as the article editor's fields use it.
  await page.goto(`/articles/${desk.article.id}/edit`);
  await tabToField("field");
  expect((await ringOf(page)).outline, "article editor field").toBe(true);
});

test("the versions table fits 390, 820, 1024 and 1440 px: no sideways scrolling, every row's When in view", async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  const desk = await createDesk();
  const current = await testDb().article.findUniqueOrThrow({ where: { id: desk.article.id } });
  const markdown = articleToMarkdown(current.body, parseBlocks(current.blocks, current.body));
  await saveArticleVersion({
    articleId: desk.article.id,
    userId: desk.editor.id,
    baseVersion: current.version,
    markdown: markdown.replace("Earlier on Monday", "Earlier on Tuesday"),
  });
  await signIn(page, desk.editor);
  for (const width of [390, 820, 1024, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`/articles/${desk.article.id}/versions`);
    const table = page.getByTestId("version-table");
    await expect(table).toBeVisible();
    const fits = await table.evaluate((el) => {
      const box = el.parentElement!;
      return { scroll: box.scrollWidth, client: box.clientWidth, page: document.documentElement.scrollWidth, window: window.innerWidth };
    });
    expect(fits.scroll, `table scrolls sideways at ${width}`).toBeLessThanOrEqual(fits.client);
    expect(fits.page, `page scrolls sideways at ${width}`).toBeLessThanOrEqual(fits.window);
    const when = table.locator("tbody time");
    await expect(when).toHaveCount(2);
    for (const cell of await when.all()) {
      const box = (await cell.boundingBox())!;
      expect(box.x + box.width, `When cut at ${width}`).toBeLessThanOrEqual(width);
    }
    await page.screenshot({ path: testInfo.outputPath(`versions-${width}.png`) });
  }
});
