// Who the public report says checked a verdict, read as a reader with no session, against what the
// desk's verdict card says: both reviewers of an agreed double review, people told apart by user id
// (not by name), and nobody for a verdict that came in through an import.
import { expect, test } from "../fixtures/test";
import { exportAnnotations } from "../../lib/annotations/export-annotations";
import { importAnnotations } from "../../lib/annotations/import-annotations";
import { createClaim } from "../../lib/claims/create-claim";
import { setClaimDoubleReview } from "../../lib/claims/double-review";
import { submitReviewVerdict } from "../../lib/claims/review-verdicts";
import { targetFor } from "../../lib/claims/test-helpers";
import { setClaimStatus, setClaimVerdict } from "../../lib/claims/update-claim";
import { publishReport } from "../../lib/publish/publish-report";
import { PHRASES } from "../../lib/publish/test-helpers";
import { signIn } from "../fixtures/auth";
import { createArticle, createDesk, createUser } from "../fixtures/factories";

test("the public report and the desk's verdict card credit both reviewers of an agreed double review, and tell people apart by id", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const desk = await createDesk();
  const body = desk.article.body;
  // Both reviewers agree; the editor signs off.
  const agreed = await createClaim({ userId: desk.editor.id, articleId: desk.article.id, target: targetFor(body, PHRASES.verified) });
  await setClaimDoubleReview({ userId: desk.editor.id, claimId: agreed.id, required: true });
  await submitReviewVerdict({ userId: desk.reviewer.id, claimId: agreed.id, verdict: "mostly_true", explanation: "MoD: 2.33% of GDP." });
  await submitReviewVerdict({
    userId: desk.reviewer2.id,
    claimId: agreed.id,
    verdict: "mostly_true",
    explanation: "NATO's figure agrees.",
  });
  await setClaimStatus({ userId: desk.editor.id, claimId: agreed.id, status: "verified" });
  // A reviewer who happens to share the signing editor's name: still a different person, still named as checker.
  const namesake = await createUser(desk.team.id, "reviewer", "namesake", desk.editor.name);
  const shared = await createClaim({ userId: namesake.id, articleId: desk.article.id, target: targetFor(body, PHRASES.unverifiable) });
  await setClaimVerdict({ userId: namesake.id, claimId: shared.id, verdict: "unverifiable", explanation: "No assessment exists." });
  await setClaimStatus({ userId: desk.editor.id, claimId: shared.id, status: "verified" });
  await publishReport({ userId: desk.editor.id, articleId: desk.article.id });

  // The same verdicts imported into another article by the editor, signed off there by the admin. The file keeps the
  // agreed claim's double review, and a sign-off under double review waits for two reviews at this desk; the editor
  // takes the imported verdicts as they are instead, so switches double review off for the copies first.
  const copy = await createArticle(desk.team.id);
  const file = await exportAnnotations({ articleId: desk.article.id, userId: desk.editor.id, baseUrl: baseURL! });
  const imported = await importAnnotations({ userId: desk.editor.id, articleId: copy.id, document: file });
  for (const claimId of imported.claimIds) {
    await setClaimDoubleReview({ userId: desk.editor.id, claimId, required: false });
    await setClaimStatus({ userId: desk.admin.id, claimId, status: "verified" });
  }
  await publishReport({ userId: desk.admin.id, articleId: copy.id });

  const reader = await (await browser.newContext()).newPage();
  await reader.goto(`/reports/${desk.article.id}`);
  const credit = (claimId: string) => reader.locator(`#claim-${claimId}`).getByTestId("verdict-credit");
  await expect(credit(agreed.id)).toContainText(
    `Checked by ${desk.reviewer.name} and ${desk.reviewer2.name} · Signed off by ${desk.editor.name} on`,
  );
  await expect(credit(shared.id)).toContainText(`Checked by ${desk.editor.name} · Signed off by ${desk.editor.name} on`);
  // The embed is the same card.
  await reader.goto(`/embed/claims/${agreed.id}`);
  await expect(reader.getByTestId("verdict-credit")).toContainText(`Checked by ${desk.reviewer.name} and ${desk.reviewer2.name} ·`);

  await reader.goto(`/reports/${copy.id}`);
  const importedCards = reader.getByTestId("verdict-card");
  await expect(importedCards).toHaveCount(2);
  for (const card of await importedCards.all()) {
    await expect(card.getByTestId("verdict-credit")).toContainText(`Signed off by ${desk.admin.name} on`);
    await expect(card.getByTestId("verdict-credit")).not.toContainText("Checked by");
  }

  // The desk's verdict card says the same.
  const member = await (await browser.newContext()).newPage();
  await signIn(member, desk.viewer);
  await member.goto(`/articles/${desk.article.id}?claim=${agreed.id}`);
  const panel = member.getByTestId("claim-panel");
  await expect(panel.getByTestId("record-proposed")).toContainText(
    `Agreed in double review by ${desk.reviewer.name} and ${desk.reviewer2.name}`,
  );
  await expect(panel.getByTestId("record-verified")).toContainText(`Verified by ${desk.editor.name}`);
  await member.goto(`/articles/${copy.id}?claim=${imported.claimIds[0]}`);
  await expect(panel.getByTestId("record-proposed")).toContainText(`Imported by ${desk.editor.name}`);
  await expect(panel.getByTestId("record-verified")).toContainText(`Verified by ${desk.admin.name}`);
});
