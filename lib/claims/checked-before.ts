import { db } from "@/lib/db";
import { claimScope } from "@/lib/access/scope";
import { notFound } from "@/lib/http/errors";

export type CheckedBeforeDTO = {
  claimId: string;
  exact: string;
  /** The stored label and ordinal of the earlier verdict. */
  verdict: string;
  verdictOrdinal: number;
  similarity: number;
  article: { id: string; title: string };
};

/** How alike two claims must be (trigram similarity, 0..1) to be offered as "checked before". */
export const CHECKED_BEFORE_MIN_SIMILARITY = 0.45;

type Row = {
  id: string;
  exact: string;
  verdictLabel: string;
  verdictOrdinal: number;
  similarity: number;
  articleId: string;
  title: string;
};

const dtoOf = (r: Row): CheckedBeforeDTO => ({
  claimId: r.id,
  exact: r.exact,
  verdict: r.verdictLabel,
  verdictOrdinal: r.verdictOrdinal,
  similarity: Number(r.similarity.toFixed(3)),
  article: { id: r.articleId, title: r.title },
});

/**
 * Claims of the team that already have a verdict and read like `text`, in any article: at most `limit` (default 3),
 * each at least CHECKED_BEFORE_MIN_SIMILARITY (0.45) alike by trigram similarity (pg_trgm `similarity`, 0..1,
 * rounded to 3 decimals); `excludeClaimId` leaves the claim itself out. Which claims (issue #21; SQL function
 * `factdesk_checked_before`, migration 20261130155916_checked_before_same_words):
 * 1. claims with the same words as `text` — ignoring case, punctuation, digits and spacing (`factdesk_claim_words`):
 *    the same claim checked before, perhaps with other figures — the ones with the latest verdicts first;
 * 2. for the slots left, the most alike other claims (a GIN trigram index asked for claims at least 0.45 alike).
 * Listed most alike first, equally alike ones by id. Both steps read a few index pages however many copies of a
 * claim the team holds (bench/checked-before.ts: 1,000,000 claims). The caller must have checked that the user may
 * see `teamId`.
 */
export async function findCheckedBefore({
  teamId,
  text,
  excludeClaimId,
  limit = 3,
}: {
  teamId: string;
  text: string;
  excludeClaimId?: string;
  limit?: number;
}): Promise<CheckedBeforeDTO[]> {
  const rows = await db.$queryRaw<Row[]>`
    SELECT c."id", c."exact", c."verdictLabel", c."verdictOrdinal", m."similarity"::float8 AS "similarity", a."id" AS "articleId", a."title"
    FROM factdesk_checked_before(${teamId}, ${text}, ${excludeClaimId ?? ""}, ${limit}::int) WITH ORDINALITY AS m("claimId", "similarity", "n")
    JOIN "Claim" c ON c."id" = m."claimId" JOIN "Article" a ON a."id" = c."articleId"
    ORDER BY m."n"`;
  return rows.map(dtoOf);
}

/**
 * For each of `texts` (in order), the team's one claim with a verdict that findCheckedBefore gives with limit 1 (the
 * latest verdict on a claim with the same words, else the most alike claim of at least 0.45), or null. One SQL statement for all texts, so a list of suggestions costs one round trip. The caller
 * must have checked that the user may see `teamId`. [] for no texts.
 */
export async function findCheckedBeforeEach({
  teamId,
  texts,
}: {
  teamId: string;
  texts: readonly string[];
}): Promise<(CheckedBeforeDTO | null)[]> {
  if (texts.length === 0) return [];
  const rows = await db.$queryRaw<(Row & { i: number })[]>`
    SELECT q."i"::int AS "i", c."id", c."exact", c."verdictLabel", c."verdictOrdinal", m."similarity"::float8 AS "similarity",
           a."id" AS "articleId", a."title"
    FROM unnest(${[...texts]}::text[]) WITH ORDINALITY AS q("text", "i")
    CROSS JOIN LATERAL factdesk_checked_before(${teamId}, q."text", '', 1) AS m
    JOIN "Claim" c ON c."id" = m."claimId" JOIN "Article" a ON a."id" = c."articleId"`;
  const result: (CheckedBeforeDTO | null)[] = texts.map(() => null);
  for (const r of rows) result[r.i - 1] = dtoOf(r);
  return result;
}

/**
 * The "checked before" answer of one claim as `userId` may see it: findCheckedBefore on the claim's words in its team,
 * leaving the claim itself out (at most 3). The article page asks for it after adding a claim, so the add's own answer
 * (lib/actions/claims.ts createClaimAction) need not wait for the look-alike lookup (issue #21).
 * @throws AppError 404 `not_found` when the claim does not exist or the user is not in its team.
 */
export async function getClaimCheckedBefore({ claimId, userId }: { claimId: string; userId: string }): Promise<CheckedBeforeDTO[]> {
  const claim = await db.claim.findFirst({
    where: { id: claimId, ...claimScope(userId) },
    select: { id: true, exact: true, article: { select: { teamId: true } } },
  });
  if (!claim) throw notFound("That claim");
  return findCheckedBefore({ teamId: claim.article.teamId, text: claim.exact, excludeClaimId: claim.id });
}
