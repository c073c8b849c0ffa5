import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AnchorStatus } from "@/lib/generated/prisma/enums";
import { verdictKeyOf, type VerdictKey } from "@/lib/claims/verdicts";
import { parseBlocks, type ArticleBlocks } from "@/lib/articles/blocks";
import { TEXT_ORDER } from "@/lib/claims/dto";

// Everything public about an article's fact-check, and nothing else: only claims whose status
// is "verified" are ever read here (the filter is in the query), so neither the ClaimReview
// output nor the public page can show a proposed verdict, a disputed claim or a private
// double-review verdict (those live in ReviewVerdict, which is never selected). Evidence is
// what the editor signed off: pieces added after the sign-off wait until it is verified again.

export type PublicArticle = {
  id: string;
  title: string;
  standfirst: string | null;
  byline: string | null;
  source: string | null;
  sourceUrl: string | null;
  publishedAt: Date | null;
  createdAt: Date;
  body: string;
  /** Headings, lists, quotes and links of the body, as the desk shows them. */
  blocks: ArticleBlocks | null;
  teamName: string;
  reportPublishedAt: Date | null;
  reportPublishedById: string | null;
};

export type PublicEvidence = {
  url: string;
  title: string;
  stance: "supports" | "contradicts" | "context";
  sourceType: "primary" | "secondary";
};

export type VerifiedClaim = {
  id: string;
  exact: string;
  start: number;
  end: number;
  anchorStatus: AnchorStatus;
  verdict: { key: VerdictKey | null; label: string; ordinal: number; explanation: string };
  /** When and by whom it was signed off (the latest "claim.verified" audit row; else the verdict's own). */
  verifiedAt: Date;
  verifiedBy: string | null;
  /** Only evidence added at or before `verifiedAt`. */
  evidence: PublicEvidence[];
};

export type VerifiedReport = { article: PublicArticle; claims: VerifiedClaim[] };

const articleSelect = {
  id: true,
  title: true,
  standfirst: true,
  byline: true,
  source: true,
  sourceUrl: true,
  publishedAt: true,
  createdAt: true,
  body: true,
  blocks: true,
  reportPublishedAt: true,
  reportPublishedById: true,
  team: { select: { name: true } },
} as const;

const verifiedSelect = {
  id: true,
  exact: true,
  start: true,
  end: true,
  anchorStatus: true,
  verdictOrdinal: true,
  verdictLabel: true,
  verdictExplanation: true,
  verdictAt: true,
  updatedAt: true,
  verdictBy: { select: { name: true } },
  evidence: { select: { url: true, title: true, stance: true, sourceType: true, createdAt: true }, orderBy: { createdAt: "asc" as const } },
} as const;

export const VERIFIED_WHERE = { status: "verified", verdictOrdinal: { not: null } } as const satisfies Prisma.ClaimWhereInput;

/**
 * The first article matching `where` (the caller scopes it: team membership, or "report published") with its
 * verified claims in text order; `claimId` narrows to one claim. Each claim carries its verdict, when and by whom
 * it was signed off (the latest "claim.verified" audit row, else the verdict's own date and author) and only the
 * evidence added at or before that moment. Blocks are validated (parseBlocks). Null when no article matches.
 */
export async function loadVerifiedReport(where: Prisma.ArticleWhereInput, claimId?: string): Promise<VerifiedReport | null> {
  const article = await db.article.findFirst({
    where,
    select: {
      ...articleSelect,
      claims: { where: { ...VERIFIED_WHERE, ...(claimId ? { id: claimId } : {}) }, select: verifiedSelect, orderBy: TEXT_ORDER },
    },
  });
  if (!article) return null;
  const ids = article.claims.map((c) => c.id);
  const signOffs = ids.length
    ? await db.auditEvent.findMany({
        where: { claimId: { in: ids }, action: "claim.verified" },
        orderBy: { id: "desc" },
        select: { claimId: true, createdAt: true, actor: { select: { name: true } } },
      })
    : [];
  const latest = new Map<string, { at: Date; by: string }>();
  for (const row of signOffs)
    if (row.claimId && !latest.has(row.claimId)) latest.set(row.claimId, { at: row.createdAt, by: row.actor.name });

  const { team, claims, blocks, ...rest } = article;
  return {
    article: { ...rest, blocks: parseBlocks(blocks, rest.body), teamName: team.name },
    claims: claims.map((c) => {
      const signOff = latest.get(c.id);
      const verifiedAt = signOff?.at ?? c.verdictAt ?? c.updatedAt;
      return {
        id: c.id,
        exact: c.exact,
        start: c.start,
        end: c.end,
        anchorStatus: c.anchorStatus,
        verdict: {
          key: verdictKeyOf(c.verdictOrdinal),
          label: c.verdictLabel ?? "",
          ordinal: c.verdictOrdinal!,
          explanation: c.verdictExplanation ?? "",
        },
        verifiedAt,
        verifiedBy: signOff?.by ?? c.verdictBy?.name ?? null,
        evidence: c.evidence.filter((e) => e.createdAt <= verifiedAt).map(({ createdAt: _added, ...e }) => e),
      };
    }),
  };
}
