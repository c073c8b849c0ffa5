import { json, route } from "@/lib/http/route";
import { addCorrectionNote } from "@/lib/publish/corrections";
import { ZAddCorrection } from "@/lib/validation/corrections";
import { ZIdParams } from "@/lib/validation/ids";

/** Editors: `{ "kind": "update" | "correction", "note": "…" }` on a claim of the published report. */
export const POST = route(
  { auth: "user", params: ZIdParams, body: ZAddCorrection.omit({ claimId: true }), idempotent: true },
  async ({ user, params, body }) => json({ correction: await addCorrectionNote({ ...body, claimId: params.id, userId: user.id }) }, 201),
);
