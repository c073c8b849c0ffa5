import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { teamMemberScope } from "@/lib/access/scope";
import type { ClaimStatus } from "@/lib/generated/prisma/enums";
import { emptyStatusCounts, VERDICTS } from "@/lib/claims/verdicts";
import { isNoRating, readRatingScale, type RatingEntry } from "@/lib/teams/rating-scale";
import { verdictAgreement, type ClaimVerdicts } from "@/lib/stats";

type Counts = Record<ClaimStatus, number>;

export type AgreementFigures = ReturnType<typeof verdictAgreement>;

export type DeskStats = {
  progress: Counts;
  /**
   * Claims per rating of the team's scale, in its order, then one bar per ordinal that stored verdicts have and no
   * rating of the scale has any more (a removed rating). Counts come per ordinal (ArticleClaimTally), so ratings
   * that share an ordinal share one bar, labelled with all their labels. `noRating`: not a rating (left out of
   * `verdictTotals.rated`).
   */
  verdictMix: { label: string; key: string; colour: string; noRating: boolean; count: number }[];
  /** Claims with a verdict: on the truth scale (`rated`), and "no rating" ones (ordinal 0 or marked so). */
  verdictTotals: { rated: number; noRating: number };
  /** Claims signed off per day, for the last 30 days with activity. */
  verifiedPerDay: { day: string; verified: number; proposed: number }[];
  team: AgreementFigures;
  articles: { id: string; title: string; progress: Counts; agreement: AgreementFigures }[];
};

const SIGN_OFFS = ["claim.verified", "claim.verdict", "claim.adjudicated"];
const DAYS_SHOWN = 30;
// ArticleClaimTally.verdictOrdinal of claims without a verdict.
const NO_VERDICT = -1;

/**
 * Everything the Stats page shows for one team: claim counts per status, the verdict mix over the scale,
 * verdicts proposed and claims signed off per UTC day (the last 30 days that had any, oldest first, "YYYY-MM-DD"),
 * and reviewer agreement (verdictAgreement) for the team and per article, newest article first. Articles,
 * claims and reviews are only read for members of the team (empty figures otherwise); the per-day counts are
 * read by `teamId` alone, so pass the caller's own active team.
 * Nothing grows with the number of claims or reviews (issue #21): claim counts come from ArticleClaimTally and the
 * agreement inputs from ReviewAgreementTally (a few rows per article each, kept by triggers), and only the audit
 * events of the last 30 active days are read (bench/stats.ts).
 */
export async function getDeskStats({ teamId, userId }: { teamId: string; userId: string }): Promise<DeskStats> {
  const [articles, mixRows, reviewSets, days, team] = await Promise.all([
    // The team's articles with their claims per status (summed from ArticleClaimTally), newest first, as one JSON
    // value: one row to decode instead of one per article.
    db.$queryRaw<{ articles: string }[]>`
      SELECT coalesce(json_agg(json_build_array(x."id", x."title", x."progress") ORDER BY x."createdAt" DESC), '[]')::text AS "articles"
      FROM (
        SELECT a."id", a."title", a."createdAt",
               (SELECT jsonb_object_agg(s."status", s."claims") FROM (
                  SELECT c."status", sum(c."claims")::int AS "claims" FROM "ArticleClaimTally" c
                  WHERE c."articleId" = a."id" AND c."claims" <> 0 GROUP BY c."status") s) AS "progress"
        FROM "Team" t JOIN "Article" a ON a."teamId" = t."id"
        WHERE ${memberOfTeam({ teamId, userId })}
      ) x`.then(([row]) => JSON.parse(row?.articles ?? "[]") as [id: string, title: string, progress: Partial<Counts> | null][]),
    // Claims per verdict ordinal over the team.
    db.$queryRaw<{ verdictOrdinal: number; claims: number }[]>`
      SELECT c."verdictOrdinal", sum(c."claims")::int AS "claims"
      FROM "Team" t JOIN "Article" a ON a."teamId" = t."id" JOIN "ArticleClaimTally" c ON c."articleId" = a."id"
      WHERE ${memberOfTeam({ teamId, userId })} AND c."verdictOrdinal" <> ${NO_VERDICT}
      GROUP BY c."verdictOrdinal"`,
    db.$queryRaw<AgreementTally[]>(agreementTalliesQuery({ teamId, userId })),
    signOffsPerDay(teamId),
    db.team.findFirst({ where: { id: teamId, ...teamMemberScope(userId) }, select: { ratingScale: true } }),
  ]);
  const scale = readRatingScale(team?.ratingScale ?? null);
  const progress = emptyStatusCounts();
  const byArticle = new Map<string, Counts>();
  for (const [id, , counted] of articles) {
    const counts = { ...emptyStatusCounts(), ...counted };
    for (const status of Object.keys(progress) as ClaimStatus[]) progress[status] += counts[status];
    byArticle.set(id, counts);
  }
  const mix = new Map(mixRows.map((row) => [row.verdictOrdinal, row.claims]));
  // The items behind the agreement figures: each set of verdicts once, with how many claims of the article have it.
  const all: (ClaimVerdicts & { articleId: string })[] = reviewSets.map((set, i) => ({
    claimId: `${set.articleId}#${i}`,
    articleId: set.articleId,
    count: set.claims,
    verdicts: (JSON.parse(set.verdicts) as [string, number, string][]).map(([reviewerId, ordinal, label]) => ({
      reviewerId,
      ordinal,
      // The rating the review names decides whether it is a rating at all (the team's "no rating" marks).
      noRating: isNoRating(scale, { ordinal, label }),
      category: label.toLowerCase(),
    })),
  }));
  const perArticleItems = new Map<string, typeof all>();
  for (const item of all) {
    const list = perArticleItems.get(item.articleId) ?? [];
    list.push(item);
    perArticleItems.set(item.articleId, list);
  }
  return {
    progress,
    ...verdictMixOf(scale, mix),
    verifiedPerDay: days,
    team: verdictAgreement(all),
    articles: articles.map(([id, title]) => ({
      id,
      title,
      progress: byArticle.get(id)!,
      agreement: verdictAgreement(perArticleItems.get(id) ?? []),
    })),
  };
}

type AgreementTally = { articleId: string; verdicts: string; claims: number };

/**
 * SQL condition on "Team" t: it is team `teamId`, not archived, and `userId` is a member (as articleScope), so a
 * query joining the team's articles to it reads nothing for anyone else.
 */
function memberOfTeam({ teamId, userId }: { teamId: string; userId: string }): Prisma.Sql {
  return Prisma.sql`t."id" = ${teamId} AND t."archivedAt" IS NULL
    AND EXISTS (SELECT 1 FROM "Membership" m WHERE m."teamId" = t."id" AND m."userId" = ${userId})`;
}

/**
 * The SQL that reads the agreement inputs of team `teamId` for user `userId`: per article, each set of review
 * verdicts some claims have (`verdicts`, JSON text of [reviewerId, ordinal, label] per review) and how many claims
 * have it (`claims` > 0), from ReviewAgreementTally (kept by triggers on ReviewVerdict, migration
 * 20261130130858_review_verdict_article). No rows unless the user is a member of the team and the team is not
 * archived (as articleScope). Its size follows the distinct sets per article, not the team's reviews: the former
 * read joined every review to Claim, a sequential scan of Claim at 1,000,000 claims (issue #21; bench/stats.ts
 * prints both). Exported for the bench's EXPLAIN; getDeskStats runs it.
 */
export function agreementTalliesQuery({ teamId, userId }: { teamId: string; userId: string }): Prisma.Sql {
  return Prisma.sql`
    SELECT r."articleId", r."verdicts", r."claims"
    FROM "Team" t JOIN "Article" a ON a."teamId" = t."id" JOIN "ReviewAgreementTally" r ON r."articleId" = a."id"
    WHERE ${memberOfTeam({ teamId, userId })} AND r."claims" > 0`;
}

/**
 * The verdict mix and totals (DeskStats) from claim counts per ordinal `mix` and the team's `scale`: a bar per rating
 * in the scale's order, ratings sharing an ordinal merged into the first one's bar; then ordinals no rating has.
 */
function verdictMixOf(scale: readonly RatingEntry[], mix: Map<number, number>): Pick<DeskStats, "verdictMix" | "verdictTotals"> {
  const bars: DeskStats["verdictMix"] = [];
  const byOrdinal = new Map<number, DeskStats["verdictMix"][number]>();
  for (const r of scale) {
    const bar = byOrdinal.get(r.ordinal);
    if (bar) {
      bar.label = `${bar.label} / ${r.label}`;
      continue;
    }
    const next = { key: r.key, label: r.label, colour: r.colour, noRating: r.noRating, count: mix.get(r.ordinal) ?? 0 };
    byOrdinal.set(r.ordinal, next);
    bars.push(next);
  }
  for (const [ordinal, count] of [...mix].sort(([a], [b]) => b - a)) {
    if (byOrdinal.has(ordinal) || count === 0) continue;
    const base = VERDICTS.find((v) => v.ordinal === ordinal);
    const noRating = ordinal === 0;
    bars.push({ key: `ordinal-${ordinal}`, label: `Removed rating (${base?.label ?? ordinal})`, colour: "#78716c", noRating, count });
  }
  const noRating = bars.filter((b) => b.noRating).reduce((sum, b) => sum + b.count, 0);
  const all = [...mix.values()].reduce((sum, n) => sum + n, 0);
  return { verdictMix: bars, verdictTotals: { rated: all - noRating, noRating } };
}

/**
 * Verdicts proposed and claims signed off per UTC day for team `teamId`, the last DAYS_SHOWN days that had any,
 * oldest first. The recursive part walks back one active day at a time on the partial index
 * "AuditEvent_sign_offs_idx" (teamId, createdAt, including action), so only the events of those days are counted,
 * from the index alone, not the team's whole history.
 */
async function signOffsPerDay(teamId: string): Promise<DeskStats["verifiedPerDay"]> {
  const rows = await db.$queryRaw<{ day: string; verified: number; proposed: number }[]>`
    WITH RECURSIVE active(day, n) AS (
      SELECT date_trunc('day', max("createdAt")), 1 FROM "AuditEvent"
      WHERE "teamId" = ${teamId} AND "action" IN (${Prisma.join(SIGN_OFFS)})
      UNION ALL
      SELECT (SELECT date_trunc('day', max(e."createdAt")) FROM "AuditEvent" e
              WHERE e."teamId" = ${teamId} AND e."action" IN (${Prisma.join(SIGN_OFFS)}) AND e."createdAt" < active.day),
             active.n + 1
      FROM active WHERE active.day IS NOT NULL AND active.n < ${DAYS_SHOWN}
    )
    SELECT to_char(date_trunc('day', "createdAt"), 'YYYY-MM-DD') AS "day",
           (count(*) FILTER (WHERE "action" = 'claim.verified'))::int AS "verified",
           (count(*) FILTER (WHERE "action" <> 'claim.verified'))::int AS "proposed"
    FROM "AuditEvent"
    WHERE "teamId" = ${teamId} AND "action" IN (${Prisma.join(SIGN_OFFS)})
      AND "createdAt" >= (SELECT min(day) FROM active)
    GROUP BY 1 ORDER BY 1`;
  return rows;
}
