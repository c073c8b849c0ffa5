import { expect, test } from "@playwright/test";
import { signIn } from "../fixtures/auth";
import { createDesk } from "../fixtures/factories";
import { selectInArticle } from "../fixtures/selection";

// Refreshes the README's pictures: `SCREENSHOTS=1 npm test -- --only=e2e --skip-build e2e/docs`.
test.skip(!process.env.SCREENSHOTS, "only when refreshing the README screenshots");

const CLAIMS: [string, string | null, string | null][] = [
  ["Sir Keir Starmer has called for the US to provide a “backstop”", null, null],
  ["a plan to increase defence spending to a 2.5 per cent share of the economy", "true", "in_review"],
  ["calls from Mr Trump to hike spending to 5 per cent", "mostly_true", null],
  ["The UK currently spends around 2.3 per cent of gross national product on defence", "misleading", null],
  ["2.3 per cent", null, null],
  ["realistically it needs to go up to at least 3.5 per cent by the 2030s", null, "not_check_worthy"],
];

test("README screenshots", async ({ page }) => {
  const desk = await createDesk();
  await signIn(page, desk.reviewer);
  await page.goto(`/articles/${desk.article.id}`);
  for (const [text, verdict, status] of CLAIMS) {
    await selectInArticle(page, text);
    await page.keyboard.press("a");
    const panel = page.getByTestId("claim-panel");
    await expect(panel.getByTestId("claim-quote")).toContainText(text);
    if (verdict) {
      await panel.getByLabel("Verdict", { exact: true }).selectOption(verdict);
      await panel.getByLabel("Explanation").fill("Checked against the Ministry of Defence's departmental resources and NATO's figures.");
      await panel.getByRole("button", { name: "Propose verdict" }).click();
      await expect(panel.getByTestId("verdict-card")).toBeVisible();
    }
    if (status === "not_check_worthy") {
      await panel.getByRole("radio", { name: /Not check-worthy/ }).click();
      await expect(panel.getByRole("radio", { name: /Not check-worthy/ })).toHaveAttribute("aria-checked", "true");
    }
    await page.keyboard.press("Escape");
  }
  await page.locator(".hl[data-ids]", { hasText: "The UK currently spends around" }).first().click();
  const panel = page.getByTestId("claim-panel");
  await panel.getByLabel("Comment", { exact: true }).fill("The MoD reports this on a GDP basis (NATO definition); GNP is a different measure.");
  await panel.getByRole("button", { name: "Comment", exact: true }).click();
  await expect(panel.getByTestId("comment-thread")).toContainText("GDP basis");
  await page.locator(".hl[data-ids]", { hasText: "The UK currently spends around" }).first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: "docs/screenshots/article.png" });
  await page.goto("/articles");
  await page.screenshot({ path: "docs/screenshots/articles.png" });
});
