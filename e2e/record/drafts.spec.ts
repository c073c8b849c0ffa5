import { expect, test } from "../fixtures/test";
import { createClaim } from "../../lib/claims/create-claim";
import { targetFor } from "../../lib/claims/test-helpers";
import { setClaimStatus } from "../../lib/claims/update-claim";
import { signIn } from "../fixtures/auth";
import { createDesk } from "../fixtures/factories";

const FIRST = "The UK currently spends around 2.3 per cent of gross national product on defence";
const SECOND = "Sir Keir Starmer has called for the US to provide a “backstop”";

test("unsent text in a claim's forms survives Esc, opening another claim and a reload, is marked as a draft, and goes when saved", async ({
  page,
}) => {
  test.setTimeout(60_000);
  const desk = await createDesk();
  const first = await createClaim({ userId: desk.editor.id, articleId: desk.article.id, target: targetFor(desk.article.body, FIRST) });
  const second = await createClaim({ userId: desk.editor.id, articleId: desk.article.id, target: targetFor(desk.article.body, SECOND) });
  await signIn(page, desk.reviewer);
  await page.goto(`/articles/${desk.article.id}?claim=${first.id}`);
  const panel = page.getByTestId("claim-panel");
  const EXPLANATION = "MoD figures put it at 2.33 per cent of GDP, so the";
  const COMMENT = "Half-written question about the GNP wording";

  await panel.getByLabel("Verdict", { exact: true }).selectOption("mostly_true");
  await panel.getByLabel("Explanation").fill(EXPLANATION);
  await panel.getByLabel("Comment", { exact: true }).fill(COMMENT);
  await panel.getByRole("button", { name: "Add evidence" }).click();
  await panel.getByLabel("Source URL").fill("https://www.gov.uk/defence");
  // The first Esc leaves the field (keys30), the second closes the claim.
  await panel.getByLabel("Comment", { exact: true }).press("Escape");
  await expect(panel.getByLabel("Comment", { exact: true })).not.toBeFocused();
  await page.keyboard.press("Escape");
  await expect(panel).toHaveCount(0);
  const row = page.locator(`[data-claim-id="${first.id}"]`);
  await expect(row.getByTestId("draft-mark")).toHaveText("draft");
  await expect(page.locator(`[data-claim-id="${second.id}"]`).getByTestId("draft-mark")).toHaveCount(0);

  const expectRestored = async () => {
    await expect(panel.getByLabel("Explanation")).toHaveValue(EXPLANATION);
    await expect(panel.getByLabel("Verdict", { exact: true })).toHaveValue("mostly_true");
    await expect(panel.getByLabel("Comment", { exact: true })).toHaveValue(COMMENT);
    await expect(panel.getByLabel("Source URL")).toHaveValue("https://www.gov.uk/defence");
  };
  await row.click();
  await expectRestored();

  // Another claim, then back: still there. Then a reload.
  await page.getByTestId("article-body").locator(".hl[data-ids]", { hasText: "backstop" }).first().click();
  await expect(panel.getByTestId("claim-quote")).toContainText("backstop");
  await expect(panel.getByLabel("Explanation")).toHaveValue("");
  await page.getByTestId("article-body").locator(".hl[data-ids]", { hasText: "2.3 per cent" }).first().click();
  await expect(panel.getByTestId("claim-quote")).toContainText("2.3 per cent");
  await expectRestored();
  // The address still names the claim (?claim=…), so the reloaded page opens it by itself.
  await page.reload();
  await expect(panel.getByTestId("claim-quote")).toContainText("2.3 per cent");
  await expectRestored();

  // Saving clears the draft.
  await panel.getByRole("button", { name: "Comment", exact: true }).click();
  await expect(panel.getByTestId("comment-thread")).toContainText(COMMENT);
  await expect(panel.getByLabel("Comment", { exact: true })).toHaveValue("");
  await panel.getByLabel("Explanation").fill(`${EXPLANATION} GNP wording is loose.`);
  await panel.getByRole("button", { name: "Propose verdict" }).click();
  await expect(panel.getByTestId("verdict-card")).toContainText("Mostly true");
  await panel.getByRole("button", { name: "Cancel" }).click();
  await panel.getByRole("button", { name: "Close claim (Esc)" }).click();
  await expect(page.locator(`[data-claim-id="${first.id}"]`).getByTestId("draft-mark")).toHaveCount(0);
});

test("the claim's numbers being corrected survive a colleague's change to the claim", async ({ page }) => {
  const desk = await createDesk();
  const claim = await createClaim({ userId: desk.editor.id, articleId: desk.article.id, target: targetFor(desk.article.body, FIRST) });
  await signIn(page, desk.reviewer);
  await page.goto(`/articles/${desk.article.id}?claim=${claim.id}`);
  const panel = page.getByTestId("claim-panel");
  await expect(page.getByTestId("live-status")).toContainText("Live");
  await panel.getByTestId("numeric").getByRole("button", { name: "Edit numbers" }).click();
  await panel.getByLabel("Period", { exact: true }).fill("2024-25 financial year");
  await setClaimStatus({ userId: desk.editor.id, claimId: claim.id, status: "in_review" });
  await expect(panel.getByRole("radio", { name: /In review/ })).toHaveAttribute("aria-checked", "true");
  await expect(panel.getByLabel("Period", { exact: true })).toHaveValue("2024-25 financial year");
});
