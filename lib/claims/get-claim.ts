import { activitySelect, toActivityDTO, type ActivityDTO } from "@/lib/audit/list-activity";
import { db } from "@/lib/db";
import { claimScope } from "@/lib/claims/access";
import { commentSelect, toCommentDTO, type CommentDTO } from "@/lib/claims/comments";
import { claimSelect, toClaimDTO, type ClaimDTO } from "@/lib/claims/dto";
import { evidenceSelect, toEvidenceDTO, type EvidenceDTO } from "@/lib/claims/evidence";
import { notFound } from "@/lib/http/errors";


export type ClaimDetailDTO = ClaimDTO & {
  prefix: string;
  suffix: string;
  comments: CommentDTO[];
  evidence: EvidenceDTO[];
  events: ActivityDTO[];
};

/** A claim with its thread, evidence and history; 404 unless the user is in its team. */
export async function getClaim({ claimId, userId }: { claimId: string; userId: string }): Promise<ClaimDetailDTO> {
  const claim = await db.claim.findFirst({
    where: { id: claimId, ...claimScope(userId) },
    select: {
      ...claimSelect,
      comments: { select: commentSelect, orderBy: { createdAt: "asc" } },
      evidence: { select: evidenceSelect, orderBy: { createdAt: "asc" } },
    },
  });
  if (!claim) throw notFound("That claim");
  const events = await db.auditEvent.findMany({ where: { claimId }, orderBy: { id: "asc" }, select: activitySelect });
  return {
    ...toClaimDTO(claim),
    prefix: claim.prefix,
    suffix: claim.suffix,
    comments: claim.comments.map((c) => toCommentDTO(c, userId)),
    evidence: claim.evidence.map(toEvidenceDTO),
    events: events.map(toActivityDTO),
  };
}
