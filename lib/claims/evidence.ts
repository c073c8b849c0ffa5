import { recordAudit } from "@/lib/audit/record-audit";
import { db, inTransaction, type DbClient } from "@/lib/db";
import { requireClaimWrite } from "@/lib/access/require";
import type { TAddEvidence } from "@/lib/validation/claims";

export type EvidenceDTO = {
  id: string;
  url: string;
  title: string;
  excerpt: string;
  stance: "supports" | "contradicts" | "context";
  sourceType: "primary" | "secondary";
  retrievedAt: string;
  addedBy: { id: string; name: string };
  createdAt: string;
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
  addedBy: { select: { id: true, name: true } },
} as const;

type EvidenceRow = Omit<EvidenceDTO, "retrievedAt" | "createdAt"> & { retrievedAt: Date; createdAt: Date };

/**
 * An evidence row (selected with evidenceSelect) as the EvidenceDTO sent to clients: the same fields with
 * `retrievedAt` and `createdAt` as ISO 8601 strings. Pure.
 */
export function toEvidenceDTO(row: EvidenceRow): EvidenceDTO {
  return { ...row, retrievedAt: row.retrievedAt.toISOString(), createdAt: row.createdAt.toISOString() };
}

/**
 * Adds a source to a claim (URL, title, excerpt, stance, primary/secondary, date retrieved; already validated by
 * ZAddEvidence) as `userId`, with an "evidence.added" audit row in the same transaction. Returns the new evidence
 * as an EvidenceDTO.
 * @throws AppError 404 when the claim does not exist or the user is not in its team; 403 for a viewer.
 * Runs in `client` when it is a transaction (so a caller can compose it with other writes).
 */
export async function addEvidence(
  { userId, claimId, ...input }: TAddEvidence & { userId: string },
  client: DbClient = db,
): Promise<EvidenceDTO> {
  return inTransaction(client, async (tx) => {
    const claim = await requireClaimWrite(claimId, userId, tx);
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
      after: {
        url: dto.url,
        title: dto.title,
        excerpt: dto.excerpt,
        stance: dto.stance,
        sourceType: dto.sourceType,
        retrievedAt: dto.retrievedAt,
      },
    });
    return dto;
  });
}
