import { setClaimNumeric } from "@/lib/claims/update-claim";
import { route } from "@/lib/http/route";
import { ZSetNumeric } from "@/lib/validation/claims";
import { ZIdParams } from "@/lib/validation/ids";

export const PUT = route(
  { auth: "user", params: ZIdParams, body: ZSetNumeric.omit({ claimId: true }) },
  async ({ user, params, body }) => ({
    claim: await setClaimNumeric({ ...body, claimId: params.id, userId: user.id }),
  }),
);
