import { activitySelect, toActivityDTO, type ActivityDTO } from "@/lib/audit/list-activity";
import { db } from "@/lib/db";
import { claimScope } from "@/lib/claims/access";
import { commentSelect, toCommentDTO, type CommentDTO } from "@/lib/claims/comments";
import { claimSelect, toClaimDTO, type ClaimDTO } from "@/lib/claims/dto";
import { evidenceSelect, toEvidenceDTO, type EvidenceDTO } from "@/lib/claims/evidence";
import { doubleReviewView, reviewSelect, type DoubleReviewDTO } from "@/lib/claims/review-verdicts";
import type { AssigneeDTO } from "@/lib/claims/assignments";
import { notFound } from "@/lib/http/errors";


export type ClaimDetailDTO = ClaimDTO & {
  prefix: string;
  suffix: string;
  comments: CommentDTO[];
  evidence: EvidenceDTO[];
  events: ActivityDTO[];
  assignees: AssigneeDTO[];
  doubleReview: DoubleReviewDTO;
};

/** A claim with its thread, evidence and history; 404 unless the user is in its team. */
export async function getClaim({ claimId, userId }: { claimId: string; userId: string }): Promise<ClaimDetailDTO> {
  const claim = await db.claim.findFirst({
    where: { id: claimId, ...claimScope(userId) },
    select: {
      ...claimSelect,
      comments: { select: commentSelect, orderBy: { createdAt: "asc" } },
      evidence: { select: evidenceSelect, orderBy: { createdAt: "asc" } },
      requiresDoubleReview: true,
      reviews: { select: reviewSelect, orderBy: { createdAt: "asc" } },
      assignments: { select: { dueAt: true, reviewer: { select: { id: true, name: true } } }, orderBy: { createdAt: "asc" } },
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
    events: events.map((row) => toActivityDTO(row, userId)),
    assignees: claim.assignments.map((a) => ({ ...a.reviewer, dueAt: a.dueAt?.toISOString() ?? null })),
    doubleReview: doubleReviewView(claim.requiresDoubleReview, claim.reviews, userId),
  };
}
