import { setClaimDoubleReview } from "@/lib/claims/double-review";
import { route } from "@/lib/http/route";
import { ZIdParams } from "@/lib/validation/ids";
import { ZClaimDoubleReview } from "@/lib/validation/team";

export const PUT = route({ auth: "user", params: ZIdParams, body: ZClaimDoubleReview.omit({ id: true }) }, async ({ user, params, body }) =>
  setClaimDoubleReview({ userId: user.id, claimId: params.id, ...body }),
);
