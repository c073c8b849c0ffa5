// Review 25: a verdict now stores the key of its rating (Claim.verdictKey), and the claim list shows that key; but the
// list's verdict filter still finds the rating again by label, else by value (ratingOf). Once the team renames the
// rating (its key stays), a claim that shows key "half_true" is no longer found by ?verdict=half_true: it is matched
// to the first rating with the same value ("misleading") instead.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDesk, testDb } from "@/e2e/fixtures/factories";
import { createClaim } from "@/lib/claims/create-claim";
import { listClaimSummaryPage } from "@/lib/claims/claim-pages";
import { NO_CLAIM_FILTER } from "@/lib/claims/claim-filter";
import { targetFor } from "@/lib/claims/test-helpers";
import { setClaimVerdict } from "@/lib/claims/update-claim";
import { updateTeamOptions } from "@/lib/teams/manage-teams";
import { defaultRatingScale, type RatingEntry } from "@/lib/teams/rating-scale";

const CLAIM = "The UK currently spends around 2.3 per cent of gross national product on defence";
const HALF_TRUE: RatingEntry = { key: "half_true", label: "Half true", colour: "#ffd500", ordinal: 3, noRating: false };

let desk: Awaited<ReturnType<typeof createDesk>>;
const setScale = (scale: RatingEntry[]) =>
  updateTeamOptions({ teamId: desk.team.id, userId: desk.admin.id, doubleReviewDefault: false, requireSso: false, ratingScale: scale });

beforeAll(async () => {
  desk = await createDesk();
  await setScale([...defaultRatingScale(), HALF_TRUE]);
});
afterAll(async () => {
  await testDb().$disconnect();
});

describe("review 25: the verdict filter and stored verdict keys", () => {
  it("finds a claim by the key it shows after the team renames that rating", async () => {
    const { body } = await testDb().article.findUniqueOrThrow({ where: { id: desk.article.id } });
    const claim = await createClaim({ userId: desk.reviewer.id, articleId: desk.article.id, target: targetFor(body, CLAIM) });
    await setClaimVerdict({ userId: desk.editor.id, claimId: claim.id, verdict: "half_true", explanation: "Right figure, wrong year." });
    await setScale([...defaultRatingScale(), { ...HALF_TRUE, label: "Partly true" }]);

    const all = await listClaimSummaryPage({ articleId: desk.article.id, userId: desk.reviewer.id });
    expect(all.claims.find((c) => c.id === claim.id)?.verdict?.key).toBe("half_true");
    const filtered = await listClaimSummaryPage({
      articleId: desk.article.id,
      userId: desk.reviewer.id,
      filter: { ...NO_CLAIM_FILTER, verdict: "half_true" },
    });
    expect(filtered.claims.map((c) => c.id)).toContain(claim.id);
  });
});
