import { db } from "@/lib/db";

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

/**
 * Claims of the team that already have a verdict and read like `text`, in any article, most alike first:
 * at most `limit` (default 3), each with trigram similarity (pg_trgm, 0..1, rounded to 3 decimals) of at least
 * CHECKED_BEFORE_MIN_SIMILARITY, 0.45; `excludeClaimId` leaves the claim itself out.
 * Ordering by trigram distance (`<->`) lets PostgreSQL walk the GiST index nearest-first
 * and stop after a few rows, instead of scoring every claim that shares some trigrams;
 * that is what keeps the lookup fast with 100,000 claims (bench/checked-before.ts). The similarity cut-off is
 * applied to the nearest 4 × `limit`. The caller must have checked that the user may see `teamId`.
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
  const rows = await db.$queryRaw<
    { id: string; exact: string; verdictLabel: string; verdictOrdinal: number; similarity: number; articleId: string; title: string }[]
  >`
    SELECT * FROM (
      SELECT c."id", c."exact", c."verdictLabel", c."verdictOrdinal", similarity(c."exact", ${text})::float8 AS "similarity", a."id" AS "articleId", a."title"
      FROM "Claim" c JOIN "Article" a ON a."id" = c."articleId"
      WHERE a."teamId" = ${teamId} AND c."verdictOrdinal" IS NOT NULL AND c."id" <> ${excludeClaimId ?? ""}
      ORDER BY c."exact" <-> ${text}
      LIMIT ${limit * 4}
    ) nearest
    WHERE "similarity" >= ${CHECKED_BEFORE_MIN_SIMILARITY}
    ORDER BY "similarity" DESC
    LIMIT ${limit}`;
  return rows.map((r) => ({
    claimId: r.id,
    exact: r.exact,
    verdict: r.verdictLabel,
    verdictOrdinal: r.verdictOrdinal,
    similarity: Number(r.similarity.toFixed(3)),
    article: { id: r.articleId, title: r.title },
  }));
}

/**
 * For each of `texts` (in order), the team's single most alike claim with a verdict (as findCheckedBefore with
 * limit 1: trigram similarity of at least CHECKED_BEFORE_MIN_SIMILARITY among the nearest 4), or null. One SQL
 * statement for all texts (a lateral nearest-first walk of the GiST index per text), so a list of suggestions
 * costs one round trip. The caller must have checked that the user may see `teamId`. [] for no texts.
 */
export async function findCheckedBeforeEach({
  teamId,
  texts,
}: {
  teamId: string;
  texts: readonly string[];
}): Promise<(CheckedBeforeDTO | null)[]> {
  if (texts.length === 0) return [];
  const rows = await db.$queryRaw<
    {
      i: number;
      id: string;
      exact: string;
      verdictLabel: string;
      verdictOrdinal: number;
      similarity: number;
      articleId: string;
      title: string;
    }[]
  >`
    SELECT q."i"::int AS "i", best.* FROM unnest(${[...texts]}::text[]) WITH ORDINALITY AS q("text", "i")
    CROSS JOIN LATERAL (
      SELECT * FROM (
        SELECT c."id", c."exact", c."verdictLabel", c."verdictOrdinal", similarity(c."exact", q."text")::float8 AS "similarity", a."id" AS "articleId", a."title"
        FROM "Claim" c JOIN "Article" a ON a."id" = c."articleId"
        WHERE a."teamId" = ${teamId} AND c."verdictOrdinal" IS NOT NULL
        ORDER BY c."exact" <-> q."text"
        LIMIT 4
      ) nearest
      WHERE "similarity" >= ${CHECKED_BEFORE_MIN_SIMILARITY}
      ORDER BY "similarity" DESC
      LIMIT 1
    ) best`;
  const result: (CheckedBeforeDTO | null)[] = texts.map(() => null);
  for (const r of rows) {
    result[r.i - 1] = {
      claimId: r.id,
      exact: r.exact,
      verdict: r.verdictLabel,
      verdictOrdinal: r.verdictOrdinal,
      similarity: Number(r.similarity.toFixed(3)),
      article: { id: r.articleId, title: r.title },
    };
  }
  return result;
}
