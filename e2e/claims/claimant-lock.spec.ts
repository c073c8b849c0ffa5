// A verified claim's claimant is locked with its verdict and sources (claimantLock, lib/claims/workflow.ts): the
// claim panel shows it read-only to a reviewer, with the reason, and still editable to an editor.
import { expect, test } from "../fixtures/test";
import { createClaim } from "../../lib/claims/create-claim";
import { targetFor } from "../../lib/claims/test-helpers";
import { setClaimStatus, setClaimVerdict } from "../../lib/claims/update-claim";
import { signIn } from "../fixtures/auth";
import { createDesk } from "../fixtures/factories";

const PHRASE = "Marco Rubio led a delegation to Saudi Arabia";

test("a reviewer sees a verified claim's claimant read-only with the reason; an editor may still edit it", async ({ browser }) => {
  test.setTimeout(90_000); // two people sign in and open the article
  const desk = await createDesk();
  const claim = await createClaim({ userId: desk.reviewer.id, articleId: desk.article.id, target: targetFor(desk.article.body, PHRASE) });
  await setClaimVerdict({ userId: desk.reviewer.id, claimId: claim.id, verdict: "mostly_true", explanation: "MoD figures." });
  await setClaimStatus({ userId: desk.editor.id, claimId: claim.id, status: "verified" });

  const reviewer = await (await browser.newContext()).newPage();
  await signIn(reviewer, desk.reviewer);
  await reviewer.goto(`/articles/${desk.article.id}?claim=${claim.id}`);
  const section = reviewer.getByTestId("claim-panel").getByTestId("claimant-section");
  await expect(section.getByTestId("claimant-lock")).toHaveText("Only an editor can change who made a verified claim.");
  await expect(section.getByRole("button")).toHaveCount(0);

  const editor = await (await browser.newContext()).newPage();
  await signIn(editor, desk.editor);
  await editor.goto(`/articles/${desk.article.id}?claim=${claim.id}`);
  const editable = editor.getByTestId("claim-panel").getByTestId("claimant-section");
  await expect(editable.getByRole("button", { name: "Add" })).toBeVisible();
  await expect(editable.getByTestId("claimant-lock")).toHaveCount(0);
});
