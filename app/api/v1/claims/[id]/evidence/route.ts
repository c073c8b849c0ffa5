import { addEvidence } from "@/lib/claims/evidence";
import { json, route } from "@/lib/http/route";
import { ZAddEvidence } from "@/lib/validation/claims";
import { ZIdParams } from "@/lib/validation/ids";

export const POST = route(
  { auth: "user", params: ZIdParams, body: ZAddEvidence.omit({ claimId: true }), idempotent: true },
  async ({ user, params, body }) => json({ evidence: await addEvidence({ ...body, claimId: params.id, userId: user.id }) }, 201),
);
