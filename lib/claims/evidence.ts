import { db } from "@/lib/db";
import { requireClaimWrite } from "@/lib/claims/access";
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

export async function addEvidence({ userId, claimId, ...input }: TAddEvidence & { userId: string }): Promise<EvidenceDTO> {
  await requireClaimWrite(claimId, userId);
  return db.$transaction(async (tx) => {
    const evidence = await tx.evidence.create({ data: { claimId, addedById: userId, ...input }, select: evidenceSelect });
    await tx.claimEvent.create({ data: { claimId, actorId: userId, action: "evidence.added", detail: { evidenceId: evidence.id, title: input.title } } });
    return toEvidenceDTO(evidence);
  });
}
