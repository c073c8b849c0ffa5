import { setClaimClaimant } from "@/lib/claims/update-claim";
import { route } from "@/lib/http/route";
import { ZSetClaimant } from "@/lib/validation/claimant";
import { ZIdParams } from "@/lib/validation/ids";

/** `{ "claimant": { "name", "kind": "person" | "organization", "description"? } | null, "firstAppearance": { "url"?, "date"? } | null, "version"? }` */
export const PUT = route(
  { auth: "user", params: ZIdParams, body: ZSetClaimant.omit({ claimId: true }) },
  async ({ user, params, body }) => ({
    claim: await setClaimClaimant({ ...body, claimId: params.id, userId: user.id }),
  }),
);
