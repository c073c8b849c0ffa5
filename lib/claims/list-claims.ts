import { db } from "@/lib/db";
import { articleScope } from "@/lib/access/scope";
import { claimSelect, TEXT_ORDER, toClaimDTO, type ClaimDTO } from "@/lib/claims/dto";
import { statusLabel, verdictKeyOf } from "@/lib/claims/verdicts";
import { notFound } from "@/lib/http/errors";

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
};

/**
 * The compact list for the article page: per claim its id, quote, UTF-16 offsets, status, verdict key and
 * label, anchor status and counts of comments (not deleted) and evidence, in text order. One query: the article
 * scope is a join and the counts are the counters on the Claim row (kept by triggers), so its cost follows the
 * article's claims, not the size of the Comment and Evidence tables.
 * @throws AppError 404 `not_found` when the article does not exist or the user is not in its team.
 */
export async function listClaimSummaries({ articleId, userId }: { articleId: string; userId: string }): Promise<ClaimSummary[]> {
  const article = await db.article.findFirst({
    where: { id: articleId, ...articleScope(userId) },
    select: {
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
        },
        orderBy: TEXT_ORDER,
      },
    },
  });
  if (!article) throw notFound("That article");
  return article.claims.map((c) => ({
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
  }));
}
