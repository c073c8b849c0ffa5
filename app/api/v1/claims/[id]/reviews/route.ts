import { submitReviewVerdict } from "@/lib/claims/review-verdicts";
import { json, route } from "@/lib/http/route";
import { ZIdParams } from "@/lib/validation/ids";
import { ZSubmitReview } from "@/lib/validation/team";

export const POST = route(
  { auth: "user", params: ZIdParams, body: ZSubmitReview.omit({ claimId: true }), idempotent: true },
  async ({ user, params, body }) =>
    json({ doubleReview: await submitReviewVerdict({ ...body, claimId: params.id, userId: user.id }) }, 201),
);
