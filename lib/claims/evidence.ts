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

export function toEvidenceDTO(row: EvidenceRow): EvidenceDTO {
  return { ...row, retrievedAt: row.retrievedAt.toISOString(), createdAt: row.createdAt.toISOString() };
}

/**
 * Adds a source to a claim; runs in `client` when it is a transaction. Output: EvidenceDTO.
 * Throws 404 when the claim is not in the user's teams, 403 for a viewer.
 */
export async function addEvidence({ userId, claimId, ...input }: TAddEvidence & { userId: string }, client: DbClient = db): Promise<EvidenceDTO> {
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
      after: { url: dto.url, title: dto.title, excerpt: dto.excerpt, stance: dto.stance, sourceType: dto.sourceType, retrievedAt: dto.retrievedAt },
    });
    return dto;
  });
}
