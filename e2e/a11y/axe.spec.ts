import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "../fixtures/test";
import { signIn } from "../fixtures/auth";
import { createDesk, testDb } from "../fixtures/factories";
import { createClaim } from "../../lib/claims/create-claim";
import { targetFor } from "../../lib/claims/test-helpers";
import { seedFactCheck } from "../../lib/publish/test-helpers";
import { publishReport } from "../../lib/publish/publish-report";
import { saveArticleVersion } from "../../lib/articles/save-version";
import { articleToMarkdown } from "../../lib/articles/import";
import { parseBlocks } from "../../lib/articles/blocks";

// Issue #19: axe-core over every page and state, zero violations of any impact.
test.describe.configure({ timeout: 180_000 });

async function expectAccessible(page: Page, state: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const found = results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .slice(0, 4)
        .map((n) => n.target.join(" "))
        .join(" | ")}`,
  );
  expect.soft(found, `axe on ${state}`).toEqual([]);
}

test("sign-in and the public report", async ({ page }) => {
  await page.goto("/signin");
  await expect(page.getByRole("button", { name: /Sign in/ })).toBeVisible();
  await expectAccessible(page, "sign-in");
  expect(await page.locator("link[rel=icon]").count()).toBeGreaterThan(0);
  const icon = await page.request.get((await page.locator("link[rel=icon]").first().getAttribute("href"))!);
  expect(icon.status()).toBe(200);

  const desk = await createDesk();
  await seedFactCheck(desk);
  await publishReport({ userId: desk.editor.id, articleId: desk.article.id });
  await page.goto(`/reports/${desk.article.id}`);
  await expect(page.getByTestId("verdict-card").first()).toBeVisible();
  await expectAccessible(page, "public report");
});

test("the desk pages as an admin", async ({ page }) => {
  const desk = await createDesk();
  await seedFactCheck(desk);
  await signIn(page, desk.admin);
  for (const [path, state] of [
    ["/articles", "articles"],
    ["/articles/new", "new article"],
    ["/queue", "my queue"],
    ["/notifications", "notifications"],
    ["/stats", "stats"],
    ["/team", "team as admin"],
    ["/account", "account"],
    ["/account/tokens", "tokens"],
    [`/articles/${desk.article.id}/edit`, "edit text"],
  ] as const) {
    await page.goto(path);
    await expect(page.locator("main")).toBeVisible();
    await page.waitForLoadState("networkidle");
    await expectAccessible(page, state);
  }
});

test("the article page: claims, overlaps, an open claim, versions and diff", async ({ page }) => {
  const desk = await createDesk();
  const body = desk.article.body;
  for (const phrase of [
    "The UK currently spends around 2.3 per cent of gross national product on defence",
    "2.3 per cent of gross national product",
    "2.3 per cent",
    "2.3 per cent",
  ]) {
    await createClaim({ userId: desk.reviewer.id, articleId: desk.article.id, target: targetFor(body, phrase) });
  }
  await signIn(page, desk.editor);
  await page.goto(`/articles/${desk.article.id}`);
  await expect(page.getByTestId("article-body").locator("[data-depth='4']")).toHaveCount(1);
  await expectAccessible(page, "article with overlaps");
  await page.keyboard.press("j");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("claim-panel")).toBeVisible();
  await expectAccessible(page, "article with an open claim");

  const current = await testDb().article.findUniqueOrThrow({ where: { id: desk.article.id } });
  const markdown = articleToMarkdown(current.body, parseBlocks(current.blocks, current.body));
  await saveArticleVersion({
    articleId: desk.article.id,
    userId: desk.editor.id,
    baseVersion: current.version,
    markdown: markdown.replace("Earlier on Monday", "Earlier on Tuesday"),
  });
  await page.goto(`/articles/${desk.article.id}/versions`);
  await expect(page.getByTestId("version-diff")).toBeVisible();
  await expectAccessible(page, "versions and diff");
});
