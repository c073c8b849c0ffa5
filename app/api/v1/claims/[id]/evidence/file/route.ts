import { addFileEvidence } from "@/lib/evidence/files";
import { MAX_EVIDENCE_UPLOAD_BYTES, readEvidenceUpload } from "@/lib/evidence/upload";
import { json, route } from "@/lib/http/route";
import { ZIdParams } from "@/lib/validation/ids";

export const POST = route(
  {
    auth: "user",
    params: ZIdParams,
    body: { bytes: { maxBytes: MAX_EVIDENCE_UPLOAD_BYTES, contentTypes: ["multipart/form-data"] } },
    idempotent: true,
  },
  async ({ user, params, request, body }) => {
    const upload = await readEvidenceUpload(body, request.headers.get("content-type") ?? "", params.id);
    return json({ evidence: await addFileEvidence({ ...upload, userId: user.id }) }, 201);
  },
);
