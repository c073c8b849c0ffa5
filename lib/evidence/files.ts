// Files attached as evidence: a PDF or an image (PNG, JPEG, WebP), kept in PostgreSQL (bytea) so every app
// instance serves it. The type is read from the file's first bytes, never from its name or the browser's
// Content-Type, so an HTML page named "photo.png" is refused rather than stored and served back.
import { firstCharacters } from "@/lib/validation/fields";
import { createHash } from "node:crypto";
import { recordAudit } from "@/lib/audit/record-audit";
import { db, inTransaction, type DbClient } from "@/lib/db";
import { requireClaimWrite } from "@/lib/access/require";
import { claimScope } from "@/lib/access/scope";
import { AppError, notFound } from "@/lib/http/errors";
import { auditedFields, evidenceSelect, toEvidenceDTO, type EvidenceDTO } from "@/lib/claims/evidence";
import type { TAddFileEvidence } from "@/lib/validation/claims";
import { EVIDENCE_FILE_CSP } from "./file-policy";

/** Largest file accepted as evidence, in bytes (10 MiB). */
export const MAX_EVIDENCE_FILE_BYTES = 10 * 1024 * 1024;

export const EVIDENCE_FILE_TYPES = ["application/pdf", "image/png", "image/jpeg", "image/webp"] as const;
export type EvidenceFileType = (typeof EVIDENCE_FILE_TYPES)[number];

const startsWith = (bytes: Uint8Array, signature: number[], at = 0) => signature.every((byte, i) => bytes[at + i] === byte);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/**
 * The media type of a file from its magic bytes: "%PDF-" (PDF), the 8-byte PNG signature, FF D8 FF (JPEG),
 * "RIFF" + size + "WEBP" (WebP); null for anything else (HTML, SVG, scripts, other formats). Signatures
 * from the formats' specifications (ISO 32000, PNG §5.2, JPEG SOI marker, RIFF/WebP container). Pure.
 */
export function sniffEvidenceFileType(bytes: Uint8Array): EvidenceFileType | null {
  if (startsWith(bytes, ascii("%PDF-"))) return "application/pdf";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) return "image/webp";
  return null;
}

/**
 * A file name safe to store and show: the last path segment, control characters and path separators dropped,
 * at most 200 characters; "evidence" when nothing is left. Pure.
 */
export function cleanFileName(name: string): string {
  const last = name.split(/[\\/]/).pop() ?? "";

  const clean = firstCharacters(last.replace(/[\u0000-\u001f\u007f"]/g, "").trim(), 200);
  return clean === "" ? "evidence" : clean;
}

/**
 * Adds a file as evidence on claim `claimId` (fields checked by ZAddFileEvidence): at most
 * MAX_EVIDENCE_FILE_BYTES, of a type sniffEvidenceFileType recognises (the stored media type is the sniffed
 * one). The evidence has no URL; its title, excerpt and stance are as for a link. Audited as "evidence.added"
 * with the file's name, type, size and SHA-256. Returns the EvidenceDTO.
 * @throws AppError 404 when the claim is not in the user's teams; 403 for a viewer; 413 `payload_too_large`
 * over the size limit; 422 `unprocessable` (on `file`) for an empty file or a type that is not PDF, PNG,
 * JPEG or WebP. Runs in `client` when it is a transaction.
 */
export async function addFileEvidence(
  { userId, claimId, file, ...input }: TAddFileEvidence & { userId: string; file: { name: string; bytes: Uint8Array } },
  client: DbClient = db,
): Promise<EvidenceDTO> {
  if (file.bytes.byteLength > MAX_EVIDENCE_FILE_BYTES) {
    throw new AppError("payload_too_large", "That file is larger than 10 MB. Attach a smaller copy or link to it.");
  }
  const refuse = (message: string) => new AppError("unprocessable", message, { file: [message] });
  if (file.bytes.byteLength === 0) throw refuse("That file is empty.");
  const mediaType = sniffEvidenceFileType(file.bytes);
  if (!mediaType) throw refuse("Attach a PDF, PNG, JPEG or WebP file. That file is none of these, whatever its name says.");
  const bytes = Buffer.from(file.bytes);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const name = cleanFileName(file.name);
  return inTransaction(client, async (tx) => {
    // Under the claim's row lock, which a sign-off's write takes too: a source added while a sign-off is open is added
    // after it (dated after it, so the report does not list it as signed off), never slipped in under it.
    const claim = await requireClaimWrite(claimId, userId, tx, { lock: true });
    const evidence = await tx.evidence.create({
      data: {
        claimId,
        addedById: userId,
        url: "",
        ...input,
        file: { create: { name, mediaType, size: bytes.byteLength, sha256, bytes } },
      },
      select: evidenceSelect,
    });
    const dto = toEvidenceDTO(evidence);
    await recordAudit(tx, {
      actorId: userId,
      teamId: claim.teamId,
      articleId: claim.articleId,
      claimId,
      entity: "evidence",
      entityId: evidence.id,
      action: "evidence.added",
      after: { ...auditedFields(dto), file: { name, mediaType, size: bytes.byteLength, sha256 } },
    });
    return dto;
  });
}

/**
 * The file of evidence `evidenceId` for `userId`, when the evidence is in one of their teams (any role) and not
 * removed: name, sniffed media type and bytes.
 * @throws AppError 404 otherwise (no such evidence, another team's, removed, or a link without a file).
 */
export async function getEvidenceFile({ userId, evidenceId }: { userId: string; evidenceId: string }) {
  const file = await db.evidenceFile.findFirst({
    where: { evidenceId, evidence: { deletedAt: null, claim: claimScope(userId) } },
    select: { name: true, mediaType: true, size: true, bytes: true },
  });
  if (!file) throw notFound("That file");
  return file;
}

/**
 * Response headers for serving an evidence file: its sniffed media type (never text/html, which no stored file
 * can have), `X-Content-Type-Options: nosniff`, a CSP that sandboxes the response and allows no scripts or
 * loads, private no-store caching, and Content-Disposition: `inline` for images (they open in the tab) and
 * `attachment` for PDFs (a download, not the browser's PDF viewer on our origin), with the name in ASCII
 * and in RFC 5987 UTF-8. Pure.
 */
export function evidenceFileHeaders(file: { name: string; mediaType: string; size: number }): Record<string, string> {
  const disposition = file.mediaType.startsWith("image/") ? "inline" : "attachment";
  const asciiName = file.name.replace(/[^\x20-\x7e]|["\\%;]/g, "_");
  return {
    "Content-Type": file.mediaType,
    "Content-Length": String(file.size),
    "Content-Disposition": `${disposition}; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": EVIDENCE_FILE_CSP,
    "Cache-Control": "private, no-store",
  };
}
