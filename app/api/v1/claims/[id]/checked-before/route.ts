import { getClaimCheckedBefore } from "@/lib/claims/checked-before";
import { route } from "@/lib/http/route";
import { ZIdParams } from "@/lib/validation/ids";

export const dynamic = "force-dynamic";

/** The claim's "checked before" list alone: what the article page reads after adding a claim (issue #21). */
export const GET = route({ auth: "user", params: ZIdParams }, async ({ user, params }) => ({
  checkedBefore: await getClaimCheckedBefore({ claimId: params.id, userId: user.id }),
}));
