import { editEvidence, removeEvidence } from "@/lib/evidence/edit-evidence";
import { route } from "@/lib/http/route";
import { ZEditEvidence } from "@/lib/validation/claims";
import { ZIdParams } from "@/lib/validation/ids";

export const PATCH = route(
  { auth: "user", params: ZIdParams, body: ZEditEvidence.omit({ evidenceId: true }) },
  async ({ user, params, body }) => ({ evidence: await editEvidence({ ...body, evidenceId: params.id, userId: user.id }) }),
);

export const DELETE = route({ auth: "user", params: ZIdParams }, async ({ user, params }) => ({
  evidence: await removeEvidence({ evidenceId: params.id, userId: user.id }),
}));
