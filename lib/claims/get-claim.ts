import { activitySelect, toActivityDTO, type ActivityDTO } from "@/lib/audit/list-activity";
import { db } from "@/lib/db";
import { claimScope } from "@/lib/access/scope";
import { commentSelect, toCommentDTO, type CommentDTO } from "@/lib/claims/comments";
import { claimSelect, toClaimDTO, withCheckedBy, type CheckedClaimDTO } from "@/lib/claims/dto";
import { evidenceSelect, toEvidenceDTO, type EvidenceDTO } from "@/lib/claims/evidence";
import { doubleReviewView, reviewSelect, type DoubleReviewDTO } from "@/lib/claims/review-verdicts";
import { REVIEWS_NEEDED } from "@/lib/claims/workflow";
import type { AssigneeDTO } from "@/lib/claims/assignments";
import { findCheckedBefore, type CheckedBeforeDTO } from "@/lib/claims/checked-before";
import { notFound } from "@/lib/http/errors";
import { dateToCalendarDate } from "@/lib/validation/fields";
import type { NumericClaim } from "@/lib/suggestions";
import { deriveClaimRecord, type ClaimRecord } from "@/lib/claims/record";
import { claimantSelect, suggestClaimant, toClaimantDTO, type ClaimantDTO, type FirstAppearanceDTO } from "@/lib/claims/claimant";
import { byTagName, tagSelect, toTagDTO, type TagDTO } from "@/lib/tags/tags";
import { correctionSelect, toCorrectionDTO, type CorrectionDTO } from "@/lib/publish/corrections";

export type ClaimDetailDTO = CheckedClaimDTO & {
  prefix: string;
  suffix: string;
  comments: CommentDTO[];
  evidence: EvidenceDTO[];
  events: ActivityDTO[];
  assignees: AssigneeDTO[];
  /** The claim's tags, by name. */
  tags: TagDTO[];
  numeric: NumericClaim | null;
  checkedBefore: CheckedBeforeDTO[];
  doubleReview: DoubleReviewDTO;
  /** Proposed by / verified by / reopened by / settled by, from the audit trail (lib/claims/record.ts). */
  record: ClaimRecord;
  /** Who made the claim and where it first appeared (null until someone says). */
  claimant: ClaimantDTO | null;
  firstAppearance: FirstAppearanceDTO | null;
  /** A name the text attributes the claim to, offered while no claimant is set. */
  claimantSuggestion: string | null;
  /** The claim on the public report: whether readers can see it now, and its corrections log. */
  report: { published: boolean; onReport: boolean; underCorrection: boolean; corrections: CorrectionDTO[] };
};

/**
 * A claim with everything its panel shows: the ClaimDTO (its verdict with who checked it: CheckedClaimDTO) plus prefix/suffix, comments (deleted ones blanked for
 * others, see toCommentDTO) and evidence oldest first, its audit history as ActivityDTOs, assignees with due dates
 * (ISO 8601), the structured numbers, up to 3 verdicts on look-alike claims of the team (findCheckedBefore) and
 * the double-review state as `userId` may see it.
 * @throws AppError 404 `not_found` when the claim does not exist or the user is not in its team.
 */
export async function getClaim({ claimId, userId }: { claimId: string; userId: string }): Promise<ClaimDetailDTO> {
  return (await loadClaimDetail({ claimId, userId, checkedBefore: true })).claim;
}

/**
 * getClaim's work, for the article page's actions too (lib/claims/claim-view.ts): the ClaimDetailDTO and the
 * team's IANA time zone (for whether the claim is overdue). With `checkedBefore: false` the look-alike lookup
 * is skipped and `checkedBefore` is [] (a change to the claim's status, comments or evidence does not change it).
 * The claim and its relations are one statement (Prisma's `join` load strategy: LATERAL subqueries with JSON
 * aggregation), the audit events a second; `relationLoadStrategy: "query"` reads them the older way, one
 * statement per relation level (21), for tests that check both give the same DTO (issue #21).
 * `articleText` (optional): the article's text as the caller just read it (body and Article.version, e.g. from
 * createClaimOnText); the claim's statement then leaves the body out (~100 KB) and the claimant suggestion uses this
 * one while the article's version is still that one (else the body is read after all).
 * @throws AppError 404 `not_found` when the claim does not exist or the user is not in its team.
 */
export async function loadClaimDetail({
  claimId,
  userId,
  checkedBefore: withCheckedBefore,
  relationLoadStrategy = "join",
  articleText,
}: {
  claimId: string;
  userId: string;
  checkedBefore: boolean;
  relationLoadStrategy?: "join" | "query";
  articleText?: { body: string; version: number };
}): Promise<{ claim: ClaimDetailDTO; timeZone: string }> {
  const claim = await db.claim.findFirst({
    relationLoadStrategy,
    where: { id: claimId, ...claimScope(userId) },
    select: {
      ...claimSelect,
      comments: { select: commentSelect, orderBy: { createdAt: "asc" } },
      evidence: { select: evidenceSelect, orderBy: { createdAt: "asc" } },
      requiresDoubleReview: true,
      numeric: true,
      article: {
        select: {
          teamId: true,
          reportPublishedAt: true,
          version: true,
          body: articleText === undefined,
          team: { select: { timeZone: true } },
        },
      },
      anchorStatus: true,
      ...claimantSelect,
      publishedSnapshot: true,
      corrections: { select: correctionSelect, orderBy: { createdAt: "asc" } },
      reviews: { select: reviewSelect, orderBy: { createdAt: "asc" } },
      assignments: { select: { dueAt: true, reviewer: { select: { id: true, name: true } } }, orderBy: { createdAt: "asc" } },
      tags: { select: { tag: { select: tagSelect } } },
    },
  });
  if (!claim) throw notFound("That claim");
  const [events, checkedBefore] = await Promise.all([
    db.auditEvent.findMany({ where: { claimId }, orderBy: { id: "asc" }, select: activitySelect }),
    withCheckedBefore ? findCheckedBefore({ teamId: claim.article.teamId, text: claim.exact, excludeClaimId: claim.id }) : [],
  ]);
  const articleBody = async () =>
    claim.article.body ??
    (articleText && articleText.version === claim.article.version
      ? articleText.body
      : (await db.article.findUniqueOrThrow({ where: { id: claim.articleId }, select: { body: true } })).body);
  const record = deriveClaimRecord(events);
  // Once both independent verdicts are in, they are no longer private: the history shows them.
  const revealReviews = claim.reviews.length >= REVIEWS_NEEDED;
  const detail: ClaimDetailDTO = {
    ...withCheckedBy(toClaimDTO(claim), record.proposed),
    prefix: claim.prefix,
    suffix: claim.suffix,
    comments: claim.comments.map((c) => toCommentDTO(c, userId)),
    evidence: claim.evidence.map(toEvidenceDTO),
    events: events.map((row) => toActivityDTO(row, userId, { revealReviews })),
    assignees: claim.assignments.map((a) => ({ ...a.reviewer, dueAt: a.dueAt ? dateToCalendarDate(a.dueAt) : null })),
    tags: claim.tags.map((t) => toTagDTO(t.tag)).sort(byTagName),
    doubleReview: doubleReviewView(claim.requiresDoubleReview, claim.reviews, userId, claim.verdictAt, record.settled),
    record,
    ...toClaimantDTO(claim),
    claimantSuggestion:
      claim.claimantName || claim.anchorStatus !== "attached" ? null : suggestClaimant(await articleBody(), claim.start, claim.end),
    report: {
      published: claim.article.reportPublishedAt !== null,
      onReport: claim.article.reportPublishedAt !== null && (claim.status === "verified" || claim.publishedSnapshot !== null),
      underCorrection: claim.publishedSnapshot !== null,
      corrections: claim.corrections.map(toCorrectionDTO),
    },
    numeric: (claim.numeric as NumericClaim | null) ?? null,
    checkedBefore,
  };
  return { claim: detail, timeZone: claim.article.team.timeZone };
}
