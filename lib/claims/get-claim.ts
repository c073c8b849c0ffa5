import { activitySelect, toActivityDTO, type ActivityDTO } from "@/lib/audit/list-activity";
import { db } from "@/lib/db";
import { claimScope } from "@/lib/access/scope";
import { commentSelect, toCommentDTO, type CommentDTO } from "@/lib/claims/comments";
import { claimSelect, toClaimDTO, type ClaimDTO } from "@/lib/claims/dto";
import { evidenceSelect, toEvidenceDTO, type EvidenceDTO } from "@/lib/claims/evidence";
import { doubleReviewView, reviewSelect, type DoubleReviewDTO } from "@/lib/claims/review-verdicts";
import type { AssigneeDTO } from "@/lib/claims/assignments";
import { findCheckedBefore, type CheckedBeforeDTO } from "@/lib/claims/checked-before";
import { notFound } from "@/lib/http/errors";
import { dateToCalendarDate } from "@/lib/validation/fields";
import type { NumericClaim } from "@/lib/suggestions";

export type ClaimDetailDTO = ClaimDTO & {
  prefix: string;
  suffix: string;
  comments: CommentDTO[];
  evidence: EvidenceDTO[];
  events: ActivityDTO[];
  assignees: AssigneeDTO[];
  numeric: NumericClaim | null;
  checkedBefore: CheckedBeforeDTO[];
  doubleReview: DoubleReviewDTO;
};

/**
 * A claim with everything its panel shows: the ClaimDTO plus prefix/suffix, comments (deleted ones blanked for
 * others, see toCommentDTO) and evidence oldest first, its audit history as ActivityDTOs, assignees with due dates
 * (ISO 8601), the structured numbers, up to 3 verdicts on look-alike claims of the team (findCheckedBefore) and
 * the double-review state as `userId` may see it.
 * @throws AppError 404 `not_found` when the claim does not exist or the user is not in its team.
 */
export async function getClaim({ claimId, userId }: { claimId: string; userId: string }): Promise<ClaimDetailDTO> {
  const claim = await db.claim.findFirst({
    where: { id: claimId, ...claimScope(userId) },
    select: {
      ...claimSelect,
      comments: { select: commentSelect, orderBy: { createdAt: "asc" } },
      evidence: { select: evidenceSelect, orderBy: { createdAt: "asc" } },
      requiresDoubleReview: true,
      numeric: true,
      article: { select: { teamId: true } },
      reviews: { select: reviewSelect, orderBy: { createdAt: "asc" } },
      assignments: { select: { dueAt: true, reviewer: { select: { id: true, name: true } } }, orderBy: { createdAt: "asc" } },
    },
  });
  if (!claim) throw notFound("That claim");
  const [events, checkedBefore] = await Promise.all([
    db.auditEvent.findMany({ where: { claimId }, orderBy: { id: "asc" }, select: activitySelect }),
    findCheckedBefore({ teamId: claim.article.teamId, text: claim.exact, excludeClaimId: claim.id }),
  ]);
  return {
    ...toClaimDTO(claim),
    prefix: claim.prefix,
    suffix: claim.suffix,
    comments: claim.comments.map((c) => toCommentDTO(c, userId)),
    evidence: claim.evidence.map(toEvidenceDTO),
    events: events.map((row) => toActivityDTO(row, userId)),
    assignees: claim.assignments.map((a) => ({ ...a.reviewer, dueAt: a.dueAt ? dateToCalendarDate(a.dueAt) : null })),
    doubleReview: doubleReviewView(claim.requiresDoubleReview, claim.reviews, userId),
    numeric: (claim.numeric as NumericClaim | null) ?? null,
    checkedBefore,
  };
}
