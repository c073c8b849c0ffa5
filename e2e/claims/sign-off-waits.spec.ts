// Under double review a sign-off waits for the two independent reviews: an editor's Needs me does not offer the claim
// as ready for sign-off, and the status stepper shows Verified disabled and says why (the same rule the server
// refuses with, lib/claims/workflow.ts). Once both reviewers agree, another editor signs it off from the stepper.
import { expect, test } from "../fixtures/test";
import { proposeThenRequireDoubleReview } from "../../lib/claims/record-fixture";
import { submitReviewVerdict } from "../../lib/claims/review-verdicts";
import { signIn } from "../fixtures/auth";
import { createDesk } from "../fixtures/factories";

const CLAIM = "The UK currently spends around 2.3 per cent of gross national product on defence";

test("a verdict written before double review waits for both reviews before an editor can sign it off", async ({ page }) => {
  const desk = await createDesk();
  const claimId = await proposeThenRequireDoubleReview(desk, CLAIM);
  await submitReviewVerdict({ userId: desk.reviewer2.id, claimId, verdict: "mostly_true", explanation: "NATO's estimate." });

  await signIn(page, desk.admin);
  await page.goto("/queue");
  await expect(page.getByTestId("needs-sign_off")).toContainText("No verdicts wait for you.");
  await expect(page.getByTestId("needs-me-count")).toHaveText("0");

  await page.goto(`/articles/${desk.article.id}?claim=${claimId}`);
  const panel = page.getByTestId("claim-panel");
  const verified = panel.getByRole("radio", { name: /Verified/ });
  await expect(verified).toBeDisabled();
  await expect(verified).toHaveAttribute("title", "Sign-off waits for 2 independent reviews (1 in)");
  await expect(panel.getByTestId("sign-off-wait")).toHaveText("Sign-off waits for 2 independent reviews; 1 is in.");

  await submitReviewVerdict({ userId: desk.editor.id, claimId, verdict: "mostly_true", explanation: "Same source." });
  await page.goto("/queue");
  await expect(page.getByTestId("needs-sign_off")).toContainText(
    `Agreed in double review by ${desk.reviewer2.name} and ${desk.editor.name}`,
  );
  await page.goto(`/articles/${desk.article.id}?claim=${claimId}`);
  await expect(panel.getByTestId("sign-off-wait")).toHaveCount(0);
  await verified.click();
  await expect(verified).toHaveAttribute("aria-checked", "true");
});
