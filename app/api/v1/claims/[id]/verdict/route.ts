import { setClaimVerdict } from "@/lib/claims/update-claim";
import { route } from "@/lib/http/route";
import { ZSetVerdict } from "@/lib/validation/claims";
import { ZIdParams } from "@/lib/validation/ids";

export const PUT = route(
  { auth: "user", params: ZIdParams, body: ZSetVerdict.omit({ claimId: true }) },
  async ({ user, params, body }) => ({
    claim: await setClaimVerdict({ ...body, claimId: params.id, userId: user.id }),
  }),
);
