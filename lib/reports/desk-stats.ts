import { db } from "@/lib/db";
import { articleScope } from "@/lib/access/scope";
import type { ClaimStatus } from "@/lib/generated/prisma/enums";
import { emptyStatusCounts, VERDICTS } from "@/lib/claims/verdicts";
import { verdictAgreement } from "@/lib/stats";

type Counts = Record<ClaimStatus, number>;

export type AgreementFigures = ReturnType<typeof verdictAgreement>;

export type DeskStats = {
  progress: Counts;
  verdictMix: { label: string; key: string; count: number }[];
  /** Claims signed off per day, for the last 30 days with activity. */
  verifiedPerDay: { day: string; verified: number; proposed: number }[];
  team: AgreementFigures;
  articles: { id: string; title: string; progress: Counts; agreement: AgreementFigures }[];
};

/**
 * Everything the Stats page shows for one team: claim counts per status, the verdict mix over the scale,
 * verdicts proposed and claims signed off per UTC day (the last 30 days that had any, oldest first, "YYYY-MM-DD"),
 * and reviewer agreement (verdictAgreement) for the team and per article, newest article first. Articles,
 * claims and reviews are only read for members of the team (empty figures otherwise); the per-day counts are
 * read by `teamId` alone, so pass the caller's own active team.
 */
export async function getDeskStats({ teamId, userId }: { teamId: string; userId: string }): Promise<DeskStats> {
  const scope = { teamId, ...articleScope(userId) };
  const [articles, claims, reviews, events] = await Promise.all([
    db.article.findMany({ where: scope, select: { id: true, title: true }, orderBy: { createdAt: "desc" } }),
    db.claim.findMany({ where: { article: scope }, select: { articleId: true, status: true, verdictOrdinal: true } }),
    db.reviewVerdict.findMany({
      where: { claim: { article: scope } },
      select: { claimId: true, reviewerId: true, ordinal: true, claim: { select: { articleId: true } } },
    }),
    db.auditEvent.findMany({
      where: { teamId, action: { in: ["claim.verified", "claim.verdict", "claim.adjudicated"] } },
      select: { action: true, createdAt: true },
      orderBy: { id: "asc" },
    }),
  ]);
  const progress = emptyStatusCounts();
  const byArticle = new Map(articles.map((a) => [a.id, emptyStatusCounts()]));
  const mix = new Map<number, number>();
  for (const claim of claims) {
    progress[claim.status] += 1;
    byArticle.get(claim.articleId)![claim.status] += 1;
    if (claim.verdictOrdinal !== null) mix.set(claim.verdictOrdinal, (mix.get(claim.verdictOrdinal) ?? 0) + 1);
  }
  // Review verdicts grouped per claim: the items behind the agreement figures.
  const items = new Map<string, { claimId: string; articleId: string; verdicts: { reviewerId: string; ordinal: number }[] }>();
  for (const r of reviews) {
    const item = items.get(r.claimId) ?? { claimId: r.claimId, articleId: r.claim.articleId, verdicts: [] };
    item.verdicts.push({ reviewerId: r.reviewerId, ordinal: r.ordinal });
    items.set(r.claimId, item);
  }
  const all = [...items.values()];
  const days = new Map<string, { verified: number; proposed: number }>();
  for (const e of events) {
    const day = e.createdAt.toISOString().slice(0, 10);
    const entry = days.get(day) ?? { verified: 0, proposed: 0 };
    if (e.action === "claim.verified") entry.verified += 1;
    else entry.proposed += 1;
    days.set(day, entry);
  }
  return {
    progress,
    verdictMix: VERDICTS.map((v) => ({ key: v.key, label: v.label, count: mix.get(v.ordinal) ?? 0 })),
    verifiedPerDay: [...days.entries()].slice(-30).map(([day, counts]) => ({ day, ...counts })),
    team: verdictAgreement(all),
    articles: articles.map((a) => ({
      id: a.id,
      title: a.title,
      progress: byArticle.get(a.id)!,
      agreement: verdictAgreement(all.filter((i) => i.articleId === a.id)),
    })),
  };
}
