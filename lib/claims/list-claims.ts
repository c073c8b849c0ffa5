import { db } from "@/lib/db";
import { articleScope } from "@/lib/access/scope";
import { claimSelect, TEXT_ORDER, toClaimDTO, type ClaimDTO } from "@/lib/claims/dto";
import { statusLabel, verdictKeyOf } from "@/lib/claims/verdicts";
import { notFound } from "@/lib/http/errors";
import { dateToCalendarDate } from "@/lib/validation/fields";
import { claimIsOverdue } from "@/lib/claims/claim-summary";
import { byTagName, tagSelect, toTagDTO, type TagDTO } from "@/lib/tags/tags";
import { filterClaims, type ClaimFilter } from "@/lib/claims/claim-filter";
import { readRatingScale } from "@/lib/teams/rating-scale";

/**
 * Every claim of an article as ClaimDTOs in text order (start ascending, the outer of nested claims first,
 * then creation time), including claims waiting for re-anchoring.
 * @throws AppError 404 `not_found` when the article does not exist or the user is not in its team.
 */
export async function listClaims({ articleId, userId }: { articleId: string; userId: string }): Promise<ClaimDTO[]> {
  const article = await db.article.findFirst({
    where: { id: articleId, ...articleScope(userId) },
    select: { claims: { select: claimSelect, orderBy: TEXT_ORDER } },
  });
  if (!article) throw notFound("That article");
  return article.claims.map(toClaimDTO);
}

/** What the article page needs to draw highlights and the claim list; details load on open. */
export type ClaimSummary = Pick<ClaimDTO, "id" | "exact" | "start" | "end" | "status" | "statusLabel" | "counts"> & {
  verdict: { key: NonNullable<ClaimDTO["verdict"]>["key"]; label: string; ordinal: number } | null;
  /** Only attached claims are highlighted; the others are listed in their own groups. */
  anchorStatus: ClaimDTO["anchor"]["status"];
  /** The claim's tags, by name. */
  tags: TagDTO[];
  /** User ids of the claim's assigned reviewers. */
  assigneeIds: string[];
  /** Open (not verified, not check-worthy) and an assignment's due day has ended in the team's time zone. */
  overdue: boolean;
};

/**
 * The compact list for the article page: per claim its id, quote, UTF-16 offsets, status, verdict key and
 * label, anchor status, counts of comments (not deleted) and evidence, tags, assignees and whether it is overdue,
 * in text order. With `filter`, only the claims it keeps (lib/claims/claim-filter.ts, the rules the page applies
 * too; "me" is `userId`). One query: the article scope is a join and the counts are the counters on the Claim row
 * (kept by triggers), so its cost follows the article's claims, not the size of the Comment and Evidence tables.
 * @throws AppError 404 `not_found` when the article does not exist or the user is not in its team.
 */
export async function listClaimSummaries({
  articleId,
  userId,
  filter,
}: {
  articleId: string;
  userId: string;
  filter?: ClaimFilter;
}): Promise<ClaimSummary[]> {
  const article = await db.article.findFirst({
    where: { id: articleId, ...articleScope(userId) },
    select: {
      team: { select: { timeZone: true, ratingScale: true } },
      claims: {
        select: {
          id: true,
          exact: true,
          start: true,
          end: true,
          status: true,
          verdictOrdinal: true,
          verdictLabel: true,
          anchorStatus: true,
          commentCount: true,
          evidenceCount: true,
          tags: { select: { tag: { select: tagSelect } } },
          assignments: { select: { reviewerId: true, dueAt: true } },
        },
        orderBy: TEXT_ORDER,
      },
    },
  });
  if (!article) throw notFound("That article");
  const timeZone = article.team.timeZone;
  const summaries: ClaimSummary[] = article.claims.map((c) => ({
    id: c.id,
    exact: c.exact,
    start: c.start,
    end: c.end,
    status: c.status,
    statusLabel: statusLabel(c.status),
    verdict:
      c.verdictOrdinal === null ? null : { key: verdictKeyOf(c.verdictOrdinal), label: c.verdictLabel ?? "", ordinal: c.verdictOrdinal },
    counts: { comments: c.commentCount, evidence: c.evidenceCount },
    anchorStatus: c.anchorStatus,
    tags: c.tags.map((t) => toTagDTO(t.tag)).sort(byTagName),
    assigneeIds: c.assignments.map((a) => a.reviewerId),
    overdue: claimIsOverdue(
      c.status,
      c.assignments.map((a) => a.dueAt && dateToCalendarDate(a.dueAt)),
      timeZone,
    ),
  }));
  return filter ? filterClaims(summaries, filter, userId, readRatingScale(article.team.ratingScale)) : summaries;
}
