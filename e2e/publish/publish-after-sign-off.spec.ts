import { expect, test } from "../fixtures/test";
import { signIn } from "../fixtures/auth";
import { createDesk } from "../fixtures/factories";
import { createClaim } from "../../lib/claims/create-claim";
import { targetFor } from "../../lib/claims/test-helpers";
import { setClaimVerdict } from "../../lib/claims/update-claim";

// ux30: an editor who signs off the article's first verdict in the claim panel then has to publish. The publishing
// strip was rendered with the page and still said "0 verified claims would be shown", its "Publish report" button
// disabled (and so out of the Tab order) until a reload. By keyboard alone: no click, fill or focus().
test.describe.configure({ timeout: 120_000 });

const SENTENCE = "The UK currently spends around 2.3 per cent of gross national product on defence";

test("an editor signs off a verdict and publishes the report without reloading, by keyboard alone", async ({ page }) => {
  const desk = await createDesk();
  const claim = await createClaim({ userId: desk.reviewer.id, articleId: desk.article.id, target: targetFor(desk.article.body, SENTENCE) });
  await setClaimVerdict({ userId: desk.reviewer.id, claimId: claim.id, verdict: "misleading", explanation: "GDP, not GNP." });
  await signIn(page, desk.editor);
  await page.goto(`/articles/${desk.article.id}?claim=${claim.id}`);
  const panel = page.getByTestId("claim-panel");
  await expect(panel.getByTestId("verdict-card")).toContainText("Misleading");
  await expect(page.getByTestId("publish-state")).toContainText("0 verified claims");

  await page.keyboard.press("s");
  await page.keyboard.press("4");
  await expect(panel.getByRole("radio", { name: /Verified/ })).toHaveAttribute("aria-checked", "true");
  await expect(page.getByTestId("publish-state")).toContainText("1 verified claim would be shown");
  const publish = page.getByRole("button", { name: "Publish report" });
  await expect(publish).toBeEnabled();

  // Reach it with Tab and publish (the claimant warning first: none is recorded).
  await page.keyboard.press("Escape");
  let reached = false;
  for (let i = 0; i < 150 && !reached; i++) {
    await page.keyboard.press("Tab");
    reached = await publish.evaluate((el) => el === document.activeElement);
  }
  expect(reached, "Publish report reached by Tab").toBe(true);
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("claimant-warning")).toBeVisible();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Publish anyway" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("publish-state")).toContainText("Published");
});
