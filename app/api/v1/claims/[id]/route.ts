import { getClaim } from "@/lib/claims/get-claim";
import { route } from "@/lib/http/route";
import { ZIdParams } from "@/lib/validation/ids";

export const dynamic = "force-dynamic";

export const GET = route({ auth: "user", params: ZIdParams }, async ({ user, params }) => ({
  claim: await getClaim({ claimId: params.id, userId: user.id }),
}));
