// The line under the claim's quote says who highlighted it and who changed it last, in words. It used to end in
// "· version 3" (the claim's edit counter), which on an article page with numbered versions read as the article's.
import { expect, test } from "../fixtures/test";
import { createClaim } from "../../lib/claims/create-claim";
import { targetFor } from "../../lib/claims/test-helpers";
import { setClaimVerdict } from "../../lib/claims/update-claim";
import { PHRASES } from "../../lib/publish/test-helpers";
import { signIn } from "../fixtures/auth";
import { createDesk } from "../fixtures/factories";

test("the claim panel's byline names who highlighted the claim and who changed it last, and no edit counter", async ({ page }) => {
  const desk = await createDesk();
  const claim = await createClaim({
    userId: desk.reviewer.id,
    articleId: desk.article.id,
    target: targetFor(desk.article.body, PHRASES.verified),
  });
  await signIn(page, desk.reviewer);
  await page.goto(`/articles/${desk.article.id}?claim=${claim.id}`);
  const byline = page.getByTestId("claim-panel").getByTestId("claim-byline");
  await expect(byline).toContainText(`Highlighted by ${desk.reviewer.name}`);
  await expect(byline).not.toContainText("last changed");

  await setClaimVerdict({
    userId: desk.editor.id,
    claimId: claim.id,
    verdict: "mostly_true",
    explanation: "MoD figures put it at 2.33 per cent.",
  });
  await page.reload();
  await expect(byline).toContainText(`Highlighted by ${desk.reviewer.name}`);
  await expect(byline).toContainText(`last changed by ${desk.editor.name}`);
  await expect(byline).not.toContainText(/version \d/);
});
