import { expect, test } from "../fixtures/test";
import { signIn } from "../fixtures/auth";
import { createDesk } from "../fixtures/factories";
import { seedFactCheck } from "../../lib/publish/test-helpers";
import { publishReport } from "../../lib/publish/publish-report";

// Every page at the four widths of issue #19, for a person to look at:
// `WIDTHS=1 npm test -- --only=e2e --skip-build e2e/docs/widths.spec.ts` writes test-results/widths/*.png.
// It also checks what can be checked without eyes: no page is wider than the window.
test.skip(!process.env.WIDTHS, "only when looking at the layouts");
test.describe.configure({ timeout: 300_000 });

const WIDTHS = [1440, 1024, 820, 390];

test("every page at 1440, 1024, 820 and 390 px", async ({ page }) => {
  const desk = await createDesk();
  await seedFactCheck(desk);
  await publishReport({ userId: desk.editor.id, articleId: desk.article.id });
  await signIn(page, desk.admin);
  const pages: [string, string][] = [
    ["articles", "/articles"],
    ["article", `/articles/${desk.article.id}`],
    ["new-article", "/articles/new"],
    ["edit", `/articles/${desk.article.id}/edit`],
    ["versions", `/articles/${desk.article.id}/versions`],
    ["queue", "/queue"],
    ["notifications", "/notifications"],
    ["stats", "/stats"],
    ["team", "/team"],
    ["account", "/account"],
    ["tokens", "/account/tokens"],
    ["report", `/reports/${desk.article.id}`],
    ["search", "/search?q=backstop"],
  ];
  const wide: string[] = [];
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: width === 820 ? 1180 : width === 390 ? 844 : 900 });
    for (const [name, path] of pages) {
      await page.goto(path);
      await expect(page.locator("main")).toBeVisible();
      if (name === "article") {
        // Keys pressed before the page has hydrated do nothing: press until the panel opens.
        await expect(async () => {
          await page.keyboard.press("Escape");
          await page.keyboard.press("j");
          await page.keyboard.press("Enter");
          await expect(page.getByTestId("claim-panel")).toBeVisible({ timeout: 2_000 });
        }).toPass();
        // Opening scrolls the highlight into view smoothly: shoot once the page stands still.
        let lastY = -1;
        await expect
          .poll(async () => {
            const y = await page.evaluate(() => window.scrollY);
            const still = y === lastY;
            lastY = y;
            return still;
          })
          .toBe(true);
        const box = await page.getByTestId("claims-sidebar").boundingBox();
        expect(box && box.y < 900 && box.x + box.width <= width + 1, `claim panel on screen at ${width}`).toBe(true);
      }
      await page.screenshot({ path: `test-results/widths/${name}-${width}.png` });
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      if (scrollWidth > width) wide.push(`${name} at ${width}: ${scrollWidth}px`);
    }
  }
  expect(wide).toEqual([]);
});
