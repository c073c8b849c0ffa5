import { expect, test, type Page } from "../fixtures/test";
import { signIn } from "../fixtures/auth";
import { createArticle, createClaimsOn, createDesk } from "../fixtures/factories";

// Issue #21: the article page sends its first 1,000 claims and loads the rest after the first screen. An article with
// more claims than that must still show every highlight, list every claim (a visible count, loading more as the list
// scrolls and by a "Show more" button, a bounded window of rows at a time), walk them all with j, and open a late claim from a ?claim= link.
test.describe.configure({ timeout: 240_000 });

const CLAIMS = 1030;
const sentences = Array.from({ length: CLAIMS }, (_, i) => `Figure ${i + 1} rose by ${i + 7} per cent in the year to March.`);
const body = Array.from({ length: CLAIMS / 5 }, (_, p) => sentences.slice(p * 5, p * 5 + 5).join(" ")).join("\n\n");

async function seed() {
  const desk = await createDesk();
  const article = await createArticle(desk.team.id, { body });
  const ids = await createClaimsOn(article.id, body, sentences, desk.reviewer.id);
  return { desk, article, ids };
}

const highlighted = (page: Page) =>
  page.evaluate(
    () =>
      new Set(
        [...document.querySelectorAll<HTMLElement>("[data-testid=article-body] [data-ids]")].flatMap((el) => el.dataset.ids!.split(" ")),
      ).size,
  );
const listed = (page: Page) => page.locator("[data-testid=claim-list] [data-claim-id]");

test("an article with more claims than the first page shows, lists and walks every one", async ({ page }) => {
  const { desk, article, ids } = await seed();
  await signIn(page, desk.reviewer);
  await page.goto(`/articles/${article.id}`);

  // The whole count from the first screen; every highlight once the rest has loaded.
  await expect(page.getByRole("tab", { name: `Claims (${CLAIMS})` })).toBeVisible();
  await expect.poll(() => highlighted(page), { timeout: 30_000 }).toBe(CLAIMS);

  // The list says how much it shows, and "Show more" is a button the keyboard reaches.
  await expect(page.getByTestId("claim-list-count")).toHaveText(`Showing 60 of ${CLAIMS.toLocaleString("en-US")}`);
  await expect(listed(page)).toHaveCount(60);
  const more = page.getByRole("button", { name: "Show more" });
  await more.focus();
  await page.keyboard.press("Enter");
  await expect(listed(page)).not.toHaveCount(60);
  while (await more.isVisible()) {
    await more.focus();
    await page.keyboard.press("Enter");
  }
  // The last claim is listed; the list renders a bounded window (rows far above are dropped) and says which.
  await expect(listed(page).last()).toHaveAttribute("data-claim-id", ids[CLAIMS - 1]!);
  await expect(page.getByTestId("claim-list-count")).toHaveText(`Showing 851–1,030 of 1,030`);
  await expect(listed(page)).toHaveCount(180);

  // Scrolling the list loads more by itself.
  await page.reload();
  await expect.poll(() => highlighted(page), { timeout: 30_000 }).toBe(CLAIMS);
  const last = page.locator(`[data-testid=claim-list] [data-claim-id="${ids[CLAIMS - 1]}"]`);
  for (let i = 0; i < 60 && (await last.count()) === 0; i++) await listed(page).last().scrollIntoViewIfNeeded();
  await expect(last).toHaveCount(1);
  await expect(listed(page)).toHaveCount(180);

  // j walks the claims in text order, across the end of the 1,000 the page sent and into the rest. The walk starts
  // from a claim opened near that end (from its highlight, then closed): one j per claim from the first would take
  // minutes.
  await page.reload();
  await expect.poll(() => highlighted(page), { timeout: 30_000 }).toBe(CLAIMS);
  await page.keyboard.press("j");
  await expect(page.locator(":focus")).toHaveAttribute("data-claim-id", ids[0]!);
  await page.locator(`[data-testid=article-body] [data-ids~="${ids[990]}"]`).first().click();
  await expect(page.getByTestId("claim-panel")).toContainText(sentences[990]!);
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("claim-panel")).toHaveCount(0);
  for (const id of ids.slice(991)) {
    await page.keyboard.press("j");
    await expect(page.locator(":focus")).toHaveAttribute("data-claim-id", id);
  }
  // Past the last claim, j goes round to the first, and k back to the last.
  await page.keyboard.press("j");
  await expect(page.locator(":focus")).toHaveAttribute("data-claim-id", ids[0]!);
  await page.keyboard.press("k");
  await expect(page.locator(":focus")).toHaveAttribute("data-claim-id", ids[CLAIMS - 1]!);
});

test("the CSV and W3C exports still hold every claim, however many pages the list has", async ({ page }) => {
  const { desk, article, ids } = await seed();
  await signIn(page, desk.reviewer);
  const csv = await (await page.request.get(`/api/v1/articles/${article.id}/claims.csv`)).text();
  for (const id of ids) expect(csv).toContain(id);
  const annotations = (await (await page.request.get(`/api/v1/articles/${article.id}/annotations`)).json()) as {
    total: number;
    first: { items: unknown[] };
  };
  expect([annotations.total, annotations.first.items.length]).toEqual([CLAIMS, CLAIMS]);
});

test("a ?claim= link to a claim after the first page opens it and shows it in the text", async ({ page }) => {
  const { desk, article, ids } = await seed();
  const late = ids[CLAIMS - 3]!;
  await signIn(page, desk.reviewer);
  await page.goto(`/articles/${article.id}?claim=${late}`);
  await expect(page.getByTestId("claim-panel")).toContainText(sentences[CLAIMS - 3]!);
  await expect(page.locator(`[data-testid=article-body] [data-ids~="${late}"]`)).toBeInViewport({ timeout: 30_000 });
});

test("the rest of the claims still arrives when its first read fails", async ({ page }) => {
  const { desk, article } = await seed();
  await signIn(page, desk.reviewer);
  // The first read of the claims after the first screen is lost (the server answers 503); the page tries again.
  let failed = 0;
  await page.route(/\/api\/v1\/articles\/[^/]+\/claims\?view=summary.*cursor=/, (route) => {
    if (failed++ === 0)
      return route.fulfill({
        status: 503,
        contentType: "application/json",
        body: '{"error":{"code":"database_unavailable","message":"Try again."}}',
      });
    return route.fallback();
  });
  await page.goto(`/articles/${article.id}`);
  await expect.poll(() => highlighted(page), { timeout: 30_000 }).toBe(CLAIMS);
  expect(failed).toBeGreaterThan(1);
  await expect(page.getByTestId("claim-list-count")).toHaveText(`Showing 60 of ${CLAIMS.toLocaleString("en-US")}`);
});
