import { AppError } from "@/lib/http/errors";
import { parseInput } from "@/lib/validation/parse";
import { ZAddFileEvidence, type TAddFileEvidence } from "@/lib/validation/claims";
import { MAX_EVIDENCE_FILE_BYTES } from "./files";

/** Room for the form's other fields and multipart boundaries beside the file, in bytes. */
const FORM_OVERHEAD_BYTES = 64 * 1024;
/** The largest upload body read (the route's cap): the file limit plus the form around it. */
export const MAX_EVIDENCE_UPLOAD_BYTES = MAX_EVIDENCE_FILE_BYTES + FORM_OVERHEAD_BYTES;

/**
 * Reads a `multipart/form-data` upload of file evidence for claim `claimId` (`body`: the bytes the route read
 * with a cap of MAX_EVIDENCE_UPLOAD_BYTES, so an oversized upload is cut off with 413 rather than held in
 * memory; `contentType`: the request's header, with its boundary): the part `file` and the fields title,
 * excerpt, stance, sourceType and retrievedAt (checked by ZAddFileEvidence).
 * Output: the checked fields and the file's name and bytes (its type is checked by addFileEvidence).
 * @throws AppError 400 for a form that cannot be read; 422 when a field is invalid or `file` is missing.
 */
export async function readEvidenceUpload(
  body: Buffer,
  contentType: string,
  claimId: string,
): Promise<TAddFileEvidence & { file: { name: string; bytes: Uint8Array } }> {
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(body), { headers: { "content-type": contentType } }).formData();
  } catch {
    throw new AppError("bad_request", "The upload could not be read as a form.");
  }
  const field = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : undefined;
  };
  const input = parseInput(ZAddFileEvidence, {
    claimId,
    title: field("title"),
    excerpt: field("excerpt"),
    stance: field("stance"),
    sourceType: field("sourceType"),
    retrievedAt: field("retrievedAt"),
  });
  const file = form.get("file");
  if (!file || typeof file === "string") {
    throw new AppError("unprocessable", "Choose a file to attach.", { file: ["Choose a file to attach."] });
  }
  return { ...input, file: { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } };
}
