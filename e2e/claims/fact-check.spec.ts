import { expect, test } from "../fixtures/test";
import { signIn } from "../fixtures/auth";
import { createDesk } from "../fixtures/factories";
import { selectInArticle } from "../fixtures/selection";

const CLAIM = "The UK currently spends around 2.3 per cent of gross national product on defence";

test("a reviewer checks the 2.3 per cent claim and the desk sees the result", async ({ page, browser }) => {
  test.setTimeout(90_000); // many steps and a second reviewer's page: a loaded machine needs more than the default
  const desk = await createDesk();
  await signIn(page, desk.reviewer);
  await page.goto(`/articles/${desk.article.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("backstop");

  await selectInArticle(page, CLAIM);
  await page.getByRole("button", { name: "+ Add claim" }).click();

  const panel = page.getByTestId("claim-panel");
  await expect(panel.getByTestId("claim-quote")).toContainText(CLAIM);
  await expect(page.getByTestId("article-body").locator(".hl[data-status=unreviewed]")).toHaveText(CLAIM);

  await panel.getByRole("button", { name: "Add evidence" }).click();
  await panel.getByLabel("Source URL").fill("https://www.gov.uk/government/statistics/defence-departmental-resources-2024");
  await panel.getByLabel("Source title").fill("MOD: Defence departmental resources 2024");
  await panel.getByLabel("Quoted excerpt").fill("UK defence spending was 2.33% of GDP in 2024/25 on the NATO definition.");
  await panel.getByLabel("Stance").selectOption("context");
  await panel.getByRole("button", { name: "Save evidence" }).click();
  await expect(panel.getByTestId("evidence-list")).toContainText("MOD: Defence departmental resources 2024");

  await panel
    .getByLabel("Comment", { exact: true })
    .fill("NATO counts GDP, not GNP: see https://www.nato.int/cps/en/natohq/topics_49198.htm");
  await panel.getByRole("button", { name: "Comment", exact: true }).click();
  await expect(panel.getByTestId("comment-thread")).toContainText("NATO counts GDP");
  await expect(panel.getByTestId("comment-thread").getByRole("link")).toHaveAttribute(
    "href",
    "https://www.nato.int/cps/en/natohq/topics_49198.htm",
  );

  await panel.getByLabel("Verdict", { exact: true }).selectOption("misleading");
  await panel.getByRole("button", { name: "Propose verdict" }).click();
  await expect(panel.getByRole("alert")).toContainText("at least 10 characters");
  await panel.getByLabel("Explanation").fill("The figure is about right, but it is a share of GDP, not gross national product.");
  await panel.getByRole("button", { name: "Propose verdict" }).click();
  await expect(panel.getByTestId("verdict-card")).toContainText("Misleading");

  await page.reload();
  const highlight = page.locator(".hl[data-ids]", { hasText: CLAIM });
  await expect(highlight).toHaveAttribute("data-verdict", "misleading");
  await expect(highlight).toHaveAttribute("data-status", "verdict_proposed");
  // The fill really is the verdict's colour (orange for misleading), not just an attribute.
  await expect(highlight).toHaveCSS("background-color", "rgb(254, 215, 170)");
  await highlight.click();
  await expect(panel.getByTestId("evidence-list")).toContainText("MOD: Defence departmental resources 2024");
  await expect(panel.getByTestId("comment-thread")).toContainText("NATO counts GDP");
  await expect(panel.getByTestId("verdict-card")).toContainText("share of GDP");
  await expect(panel.getByTestId("claim-history")).toContainText("proposed a verdict: Misleading");

  // A second reviewer on the same desk sees all of it.
  const other = await browser.newPage();
  await signIn(other, desk.reviewer2);
  await other.goto(`/articles/${desk.article.id}`);
  const seen = other.locator(".hl[data-ids]", { hasText: CLAIM });
  await expect(seen).toHaveAttribute("data-verdict", "misleading");
  await seen.click();
  await expect(other.getByTestId("verdict-card")).toContainText(`Proposed by ${desk.reviewer.name}`);
  await expect(other.getByTestId("comment-thread")).toContainText("NATO counts GDP");
  await other.close();
});

test("overlapping claims can both be opened", async ({ page }) => {
  const desk = await createDesk();
  await signIn(page, desk.reviewer);
  await page.goto(`/articles/${desk.article.id}`);

  // Keyboard path: select, then press "a".
  await selectInArticle(page, CLAIM);
  await page.keyboard.press("a");
  await expect(page.getByTestId("claim-panel")).toContainText(CLAIM);
  await page.keyboard.press("Escape");

  await selectInArticle(page, "2.3 per cent of gross national product");
  await page.keyboard.press("a");
  await expect(page.getByTestId("claim-panel").getByTestId("claim-quote")).toContainText("2.3 per cent of gross national product");
  await page.keyboard.press("Escape");

  const shared = page.locator(".hl[data-overlap]", { hasText: "2.3 per cent" });
  await expect(shared).toHaveCount(1);
  await shared.click();
  const menu = page.getByRole("menu", { name: "Claims at this spot" });
  await expect(menu.getByRole("menuitem")).toHaveCount(2);
  await menu.getByRole("menuitem", { name: /The UK currently spends/ }).click();
  await expect(page.getByTestId("claim-quote")).toContainText(CLAIM);

  await page.keyboard.press("Escape");
  await shared.click();
  await menu.getByRole("menuitem", { name: /^“2\.3 per cent/ }).click();
  await expect(page.getByTestId("claim-quote").locator("mark")).toHaveText("2.3 per cent of gross national product");

  // j/k walk the list in text order, Enter opens; ? lists the shortcuts.
  await page.keyboard.press("Escape");
  await page.keyboard.press("j");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("claim-quote").locator("mark")).toHaveText(CLAIM);
  await page.keyboard.press("?");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
});

test("a viewer can read claims but not change them", async ({ page }) => {
  const desk = await createDesk();
  await signIn(page, desk.reviewer);
  await page.goto(`/articles/${desk.article.id}`);
  await selectInArticle(page, CLAIM);
  await page.keyboard.press("a");
  await expect(page.getByTestId("claim-panel")).toBeVisible();

  const viewerPage = await page.context().browser()!.newPage();
  await signIn(viewerPage, desk.viewer);
  await viewerPage.goto(`/articles/${desk.article.id}`);
  await selectInArticle(viewerPage, "Sir Keir Starmer has called for the US");
  await expect(viewerPage.getByRole("button", { name: "+ Add claim" })).toHaveCount(0);
  await viewerPage.locator(".hl[data-ids]").first().click();
  const panel = viewerPage.getByTestId("claim-panel");
  await expect(panel).toContainText("read-only access");
  await expect(panel.getByRole("button", { name: "Add evidence" })).toHaveCount(0);
  await expect(panel.getByLabel("Comment", { exact: true })).toHaveCount(0);
  await expect(panel.getByRole("radio", { name: /In review/ })).toBeDisabled();
  await viewerPage.close();
});
