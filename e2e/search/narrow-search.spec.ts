// The search page on a phone (390 px): the form and the results fit the width, nothing overlaps or scrolls sideways.
import { expect, test } from "../fixtures/test";
import { signIn } from "../fixtures/auth";
import { createArticle, createDesk, unique } from "../fixtures/factories";
import { createClaim } from "../../lib/claims/create-claim";
import { targetFor } from "../../lib/claims/test-helpers";

test("at 390 px the search form and results fit the screen without overlapping", async ({ page }) => {
  const desk = await createDesk();
  const word = `zephyrine${unique("w")
    .slice(-8)
    .replace(/[^a-z]/g, "q")}`;
  const longTitle = `Regional ${word} transport authority reports record-breaking passenger satisfaction across all networks`;
  const body = `The ${word} authority said so.\n\nNobody checked.`;
  const article = await createArticle(desk.team.id, { title: longTitle, body });
  await createClaim({ userId: desk.reviewer.id, articleId: article.id, target: targetFor(body, `The ${word} authority said so`) });
  await signIn(page, desk.reviewer);
  await page.setViewportSize({ width: 390, height: 900 });
  await page.goto(`/search?q=${word}`);
  await expect(page.getByTestId("search-results").locator("li")).not.toHaveCount(0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);

  // Every control of the form lies inside the page and none overlaps another.
  const form = page.getByRole("search").last();
  const boxes = await form.locator("input, select, button").evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
    }),
  );
  expect(boxes.length).toBe(3);
  for (const box of boxes) {
    expect(box.left).toBeGreaterThanOrEqual(0);
    expect(box.right).toBeLessThanOrEqual(390);
  }
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i]!, boxes[j]!];
      const overlap = a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
      expect(overlap, `controls ${i} and ${j} overlap`).toBe(false);
    }
  // A claim's line above the quote (kind, article, status): the status keeps to one line, not a column of words
  // squeezed beside a long article title.
  const meta = page.locator('li[data-kind="claim"]').getByTestId("hit-meta");
  const detail = meta.getByText("Unreviewed");
  const lineHeight = await detail.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
  expect((await detail.boundingBox())!.height).toBeLessThan(lineHeight * 1.5);
  // The results list lies inside the page too.
  const list = await page.getByTestId("search-results").boundingBox();
  expect(list!.x).toBeGreaterThanOrEqual(0);
  expect(list!.x + list!.width).toBeLessThanOrEqual(390);
});
