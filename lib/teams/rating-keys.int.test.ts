// A verdict keeps the key of the rating it was given on the team's own scale, everywhere it is read: the API's
// claim and summary, the double-review panel, the W3C export, and an import of that export into the team's desk.
// Before, every reader derived the key from the value (ordinal) on the default scale, so a team's "Half true"
// (value 3, beside "Misleading") read as key "misleading", and its own export could not be imported back (422).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createArticle, createDesk, testDb } from "@/e2e/fixtures/factories";
import { exportAnnotations } from "@/lib/annotations/export-annotations";
import { importAnnotations } from "@/lib/annotations/import-annotations";
import { createClaim } from "@/lib/claims/create-claim";
import { getClaim } from "@/lib/claims/get-claim";
import { listClaimSummaries } from "@/lib/claims/list-claims";
import { submitReviewVerdict } from "@/lib/claims/review-verdicts";
import { targetFor } from "@/lib/claims/test-helpers";
import { setClaimVerdict } from "@/lib/claims/update-claim";
import { updateTeamOptions } from "@/lib/teams/manage-teams";
import { defaultRatingScale, type RatingEntry } from "@/lib/teams/rating-scale";

const CLAIM = "The UK currently spends around 2.3 per cent of gross national product on defence";
const HALF_TRUE: RatingEntry = { key: "half_true", label: "Half true", colour: "#ffd500", ordinal: 3, noRating: false };

let desk: Awaited<ReturnType<typeof createDesk>>;
beforeAll(async () => {
  desk = await createDesk();
  await updateTeamOptions({
    teamId: desk.team.id,
    userId: desk.admin.id,
    doubleReviewDefault: false,
    requireSso: false,
    ratingScale: [...defaultRatingScale(), HALF_TRUE],
  });
});
afterAll(async () => {
  await testDb().$disconnect();
});

const newClaim = async (articleId = desk.article.id) => {
  const { body } = await testDb().article.findUniqueOrThrow({ where: { id: articleId } });
  return createClaim({ userId: desk.reviewer.id, articleId, target: targetFor(body, CLAIM) });
};

describe("a verdict on a team's own rating", () => {
  it("reads as that rating's key in the claim and the claim list", async () => {
    const claim = await newClaim();
    await setClaimVerdict({ userId: desk.editor.id, claimId: claim.id, verdict: "half_true", explanation: "Right figure, wrong year." });
    const read = await getClaim({ claimId: claim.id, userId: desk.reviewer.id });
    expect(read.verdict).toMatchObject({ key: "half_true", label: "Half true", ordinal: 3 });
    const summaries = await listClaimSummaries({ articleId: desk.article.id, userId: desk.reviewer.id });
    expect(summaries.find((s) => s.id === claim.id)?.verdict).toMatchObject({ key: "half_true", label: "Half true" });
  });

  it("reads as that rating's key in the double-review panel", async () => {
    const article = await createArticle(desk.team.id);
    await testDb().article.update({ where: { id: article.id }, data: { requiresDoubleReview: true } });
    const claim = await newClaim(article.id);
    await testDb().claim.update({ where: { id: claim.id }, data: { requiresDoubleReview: true } });
    const view = await submitReviewVerdict({ userId: desk.reviewer.id, claimId: claim.id, verdict: "half_true", explanation: "Old data." });
    expect(view.visible[0]?.verdict).toMatchObject({ key: "half_true", label: "Half true" });
  });

  it("is exported with that key and imported back into the team's desk as the same rating", async () => {
    const source = await createArticle(desk.team.id);
    const claim = await newClaim(source.id);
    await setClaimVerdict({ userId: desk.editor.id, claimId: claim.id, verdict: "half_true", explanation: "Right figure, wrong year." });
    const exported = await exportAnnotations({ articleId: source.id, userId: desk.editor.id, baseUrl: "https://desk.example" });
    const body = exported.first.items[0]!.body.find((b) => b.purpose === "assessing");
    expect(body?.["factdesk:verdict"]).toMatchObject({ key: "half_true", label: "Half true", ordinal: 3 });

    const target = await createArticle(desk.team.id);
    const result = await importAnnotations({ userId: desk.editor.id, articleId: target.id, document: exported });
    const imported = await getClaim({ claimId: result.claimIds[0]!, userId: desk.editor.id });
    expect(imported.verdict).toMatchObject({ key: "half_true", label: "Half true", ordinal: 3 });
  });
});
