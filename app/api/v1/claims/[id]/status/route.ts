import { setClaimStatus } from "@/lib/claims/update-claim";
import { route } from "@/lib/http/route";
import { ZSetStatus } from "@/lib/validation/claims";
import { ZIdParams } from "@/lib/validation/ids";

export const PUT = route({ auth: "user", params: ZIdParams, body: ZSetStatus.omit({ claimId: true }) }, async ({ user, params, body }) => ({
  claim: await setClaimStatus({ ...body, claimId: params.id, userId: user.id }),
}));
