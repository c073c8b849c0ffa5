import { setClaimDoubleReview } from "@/lib/claims/double-review";
import { route } from "@/lib/http/route";
import { ZIdParams } from "@/lib/validation/ids";
import { ZDoubleReview } from "@/lib/validation/team";

export const PUT = route({ auth: "user", params: ZIdParams, body: ZDoubleReview.omit({ id: true }) }, async ({ user, params, body }) =>
  setClaimDoubleReview({ userId: user.id, claimId: params.id, required: body.required }),
);
