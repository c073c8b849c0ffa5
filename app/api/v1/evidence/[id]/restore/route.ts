import { restoreEvidence } from "@/lib/evidence/edit-evidence";
import { route } from "@/lib/http/route";
import { ZIdParams } from "@/lib/validation/ids";

export const POST = route({ auth: "user", params: ZIdParams }, async ({ user, params }) => ({
  evidence: await restoreEvidence({ evidenceId: params.id, userId: user.id }),
}));
