import { recordAudit } from "@/lib/audit/record-audit";
import { db, inTransaction, type DbClient } from "@/lib/db";
import { requireClaimWrite } from "@/lib/access/require";
import { queueEvidenceArchive } from "@/lib/evidence/archive";
import type { TAddEvidence } from "@/lib/validation/claims";

export type EvidenceDTO = {
  id: string;
  /** "" for a file attached as evidence. */
  url: string;
  title: string;
  excerpt: string;
  stance: "supports" | "contradicts" | "context";
  sourceType: "primary" | "secondary";
  retrievedAt: string;
  addedBy: { id: string; name: string };
  createdAt: string;
  /** Optimistic lock for edits. */
  version: number;
  editedAt: string | null;
  /** Removed (restorable); null while it counts. */
  deletedAt: string | null;
  /** The attached file (served by GET /api/v1/evidence/{id}/file), or null for a link. */
  file: { name: string; mediaType: string; size: number } | null;
  /**
   * The archive of the URL: when it was taken (null while waiting or failing), the last failed attempt's
   * message, and whether the excerpt is in the archived text (null: no excerpt or no text).
   */
  archive: { at: string | null; error: string | null; excerptFound: boolean | null };
  /** The drift watch: the last check (or the archive) and what it found; flag null when the source is as archived. */
  source: { checkedAt: string | null; flag: "changed" | "gone" | null };
};

export const evidenceSelect = {
  id: true,
  url: true,
  title: true,
  excerpt: true,
  stance: true,
  sourceType: true,
  retrievedAt: true,
  createdAt: true,
  version: true,
  editedAt: true,
  deletedAt: true,
  archivedAt: true,
  archiveError: true,
  excerptFound: true,
  sourceCheckedAt: true,
  sourceFlag: true,
  addedBy: { select: { id: true, name: true } },
  file: { select: { name: true, mediaType: true, size: true } },
} as const;

type EvidenceRow = Pick<EvidenceDTO, "id" | "url" | "title" | "excerpt" | "stance" | "sourceType" | "addedBy" | "version" | "file"> & {
  retrievedAt: Date;
  createdAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
  archivedAt: Date | null;
  archiveError: string | null;
  excerptFound: boolean | null;
  sourceCheckedAt: Date | null;
  sourceFlag: "changed" | "gone" | null;
};

const iso = (date: Date | null) => date?.toISOString() ?? null;

/**
 * An evidence row (selected with evidenceSelect) as the EvidenceDTO sent to clients: dates as ISO 8601
 * strings, the archive and drift-watch columns grouped as `archive` and `source`. Pure.
 */
export function toEvidenceDTO(row: EvidenceRow): EvidenceDTO {
  const { archivedAt, archiveError, excerptFound, sourceCheckedAt, sourceFlag, ...rest } = row;
  return {
    ...rest,
    retrievedAt: row.retrievedAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    editedAt: iso(row.editedAt),
    deletedAt: iso(row.deletedAt),
    archive: { at: iso(archivedAt), error: archivedAt ? null : archiveError, excerptFound },
    source: { checkedAt: iso(sourceCheckedAt), flag: sourceFlag },
  };
}

/**
 * Adds a source to a claim (URL, title, excerpt, stance, primary/secondary, date retrieved; already validated by
 * ZAddEvidence) as `userId`, with an "evidence.added" audit row and the archive job for its URL
 * (lib/evidence/archive.ts) in the same transaction. Returns the new evidence as an EvidenceDTO.
 * @throws AppError 404 when the claim does not exist or the user is not in its team; 403 for a viewer.
 * Runs in `client` when it is a transaction (so a caller can compose it with other writes).
 */
export async function addEvidence(
  { userId, claimId, ...input }: TAddEvidence & { userId: string },
  client: DbClient = db,
): Promise<EvidenceDTO> {
  return inTransaction(client, async (tx) => {
    // Under the claim's row lock, which a sign-off's write takes too: a source added while a sign-off is open is added
    // after it (dated after it, so the report does not list it as signed off), never slipped in under it.
    const claim = await requireClaimWrite(claimId, userId, tx, { lock: true });
    const evidence = await tx.evidence.create({ data: { claimId, addedById: userId, ...input }, select: evidenceSelect });
    const dto = toEvidenceDTO(evidence);
    await recordAudit(tx, {
      actorId: userId,
      teamId: claim.teamId,
      articleId: claim.articleId,
      claimId,
      entity: "evidence",
      entityId: evidence.id,
      action: "evidence.added",
      after: auditedFields(dto),
    });
    await queueEvidenceArchive(tx, dto);
    return dto;
  });
}

/** The fields of evidence the audit trail keeps before and after a change. Pure. */
export function auditedFields(dto: Pick<EvidenceDTO, "url" | "title" | "excerpt" | "stance" | "sourceType" | "retrievedAt">) {
  return {
    url: dto.url,
    title: dto.title,
    excerpt: dto.excerpt,
    stance: dto.stance,
    sourceType: dto.sourceType,
    retrievedAt: dto.retrievedAt,
  };
}
