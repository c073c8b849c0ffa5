// Under double review a sign-off waits for the two independent reviews: a claim can carry a verdict before they are in
// (written before an editor switched double review on, or imported by an editor), and signing that off published
// a verdict nobody at this desk reviewed twice, under a record that named its one writer as the checker. Through the
// data layer (which the server action and every route call) and the PUT status route with a real API token.
// Failed before the fix: setClaimStatus took each of the refused sign-offs below.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDesk, testDb } from "@/e2e/fixtures/factories";
import { answerFor, outcomeOf } from "@/e2e/fixtures/errors";
import { withChangeBeforeWriting } from "@/lib/access/test-helpers";
import { createApiToken } from "@/lib/api-tokens/create-token";
import { createClaim } from "@/lib/claims/create-claim";
import { getClaim } from "@/lib/claims/get-claim";
import { agreeInDoubleReview, proposeThenRequireDoubleReview } from "@/lib/claims/record-fixture";
import { submitReviewVerdict } from "@/lib/claims/review-verdicts";
import { targetFor } from "@/lib/claims/test-helpers";
import { setClaimStatus, setClaimVerdict } from "@/lib/claims/update-claim";
import { API_METHOD_HEADER } from "@/lib/http/api-request";
import { PHRASES } from "@/lib/publish/test-helpers";
const { PUT: statusRoute } = await import("@/app/api/v1/claims/[id]/status/route");

type Desk = Awaited<ReturnType<typeof createDesk>>;
let desk: Desk;
let adminSecret = "";

beforeAll(async () => {
  desk = await createDesk();
  adminSecret = (
    await createApiToken({ userId: desk.admin.id, teamId: desk.team.id, input: { name: "sign-off", scope: "read_write", expiresIn: "7d" } })
  ).secret;
});
afterAll(async () => {
  await testDb().$disconnect();
});

const proposedThenDoubleReview = (phrase: string) => proposeThenRequireDoubleReview(desk, phrase);
const signOff = (claimId: string, userId = desk.admin.id) => setClaimStatus({ userId, claimId, status: "verified" });
const statusOf = async (claimId: string) => (await testDb().claim.findUniqueOrThrow({ where: { id: claimId } })).status;

/** PUT /api/v1/claims/{id}/status as desk.admin: the HTTP status and the error body. */
async function putVerified(claimId: string): Promise<{ status: number; body: { error?: { code: string; message: string } } }> {
  const request = new Request(`http://localhost/api/v1/claims/${claimId}/status`, {
    method: "PUT",
    headers: { authorization: `Bearer ${adminSecret}`, "content-type": "application/json", [API_METHOD_HEADER]: "PUT" },
    body: JSON.stringify({ status: "verified" }),
  });
  const response = await statusRoute(request, { params: Promise.resolve({ id: claimId }) });
  return { status: response.status, body: (await response.json()) as { error?: { code: string; message: string } } };
}

describe("signing off a claim under double review", () => {
  it("waits for both independent reviews: refused with none and with one in, by the data layer and PUT status", async () => {
    const claimId = await proposedThenDoubleReview(PHRASES.verified);
    expect(await answerFor(signOff(claimId))).toEqual({
      status: 409,
      code: "conflict",
      message: "Sign-off waits for 2 independent reviews; none is in yet.",
    });
    expect(await putVerified(claimId)).toMatchObject({ status: 409, body: { error: { code: "conflict" } } });

    await submitReviewVerdict({ userId: desk.reviewer2.id, claimId, verdict: "mostly_true", explanation: "NATO agrees." });
    expect(await answerFor(signOff(claimId))).toMatchObject({
      status: 409,
      message: "Sign-off waits for 2 independent reviews; 1 is in.",
    });
    expect(await putVerified(claimId)).toMatchObject({
      status: 409,
      body: { error: { message: "Sign-off waits for 2 independent reviews; 1 is in." } },
    });
    expect(await statusOf(claimId)).toBe("verdict_proposed");

    // The second review agrees: its verdict is the claim's, and the sign-off goes through.
    await submitReviewVerdict({ userId: desk.editor.id, claimId, verdict: "mostly_true", explanation: "Same source." });
    expect(await putVerified(claimId)).toMatchObject({ status: 200 });
    expect(await statusOf(claimId)).toBe("verified");
  });

  it("waits for an editor's settlement when the reviews differ, even once the claim has left Disputed", async () => {
    const claimId = await proposedThenDoubleReview(PHRASES.unverifiable);
    await submitReviewVerdict({ userId: desk.reviewer2.id, claimId, verdict: "false", explanation: "Never said." });
    await submitReviewVerdict({ userId: desk.editor.id, claimId, verdict: "unverifiable", explanation: "Cannot know." });
    expect(await statusOf(claimId)).toBe("disputed");
    // Out of Disputed and back to the verdict written before the reviews: still not what two reviewers agreed on.
    await setClaimStatus({ userId: desk.admin.id, claimId, status: "not_check_worthy" });
    await setClaimStatus({ userId: desk.admin.id, claimId, status: "verdict_proposed" });
    expect(await answerFor(signOff(claimId))).toMatchObject({ status: 409, message: expect.stringMatching(/reviews differ/) });
    const seen = await getClaim({ claimId, userId: desk.admin.id });
    expect(seen.doubleReview).toMatchObject({ submitted: 2, agreed: false, verdictAfterReviews: false });

    // An editor settles it by setting the verdict; then another editor signs off.
    await setClaimVerdict({ userId: desk.editor.id, claimId, verdict: "unverifiable", explanation: "No assessment exists." });
    expect((await getClaim({ claimId, userId: desk.admin.id })).doubleReview).toMatchObject({ verdictAfterReviews: true });
    expect(await outcomeOf(signOff(claimId))).toBe("ok");
  });

  it("is judged again under the claim's lock, on the reviews as they are when it writes", async () => {
    const claimId = await agreeInDoubleReview(desk, [desk.reviewer, desk.reviewer2], PHRASES.proposed);
    // A review gone between the first look and the write (no version bump: reviews do not change the claim row).
    const dropOne = () => testDb().reviewVerdict.deleteMany({ where: { claimId, reviewerId: desk.reviewer.id } });
    expect(await answerFor(withChangeBeforeWriting(dropOne, () => signOff(claimId)))).toMatchObject({
      status: 409,
      message: "Sign-off waits for 2 independent reviews; 1 is in.",
    });
    expect(await statusOf(claimId)).toBe("verdict_proposed");
  });

  it("leaves a claim without double review as it was: its verdict is signed off by another editor", async () => {
    const claim = await createClaim({
      userId: desk.reviewer.id,
      articleId: desk.article.id,
      target: targetFor(desk.article.body, PHRASES.plain),
    });
    await setClaimVerdict({ userId: desk.reviewer.id, claimId: claim.id, verdict: "true", explanation: "Announced." });
    expect(await outcomeOf(signOff(claim.id, desk.editor.id))).toBe("ok");
  });
});
