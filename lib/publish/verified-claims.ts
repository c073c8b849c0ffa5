import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AnchorStatus } from "@/lib/generated/prisma/enums";
import { storedVerdictKey } from "@/lib/claims/verdicts";
import { isNoRating, readRatingScale, type RatingEntry } from "@/lib/teams/rating-scale";
import { parseBlocks, type ArticleBlocks } from "@/lib/articles/blocks";
import { TEXT_ORDER } from "@/lib/claims/dto";
import { loadClaimRecords } from "@/lib/claims/load-records";
import type { ClaimRecord } from "@/lib/claims/record";

// Everything public about an article's fact-check, and nothing else: only claims whose status
// is "verified" are ever read here (the filter is in the query), so neither the ClaimReview
// output nor the public page can show a proposed verdict, a disputed claim or a private
// double-review verdict (those live in ReviewVerdict, which is never selected). Evidence is
// what the editor signed off: pieces added after the sign-off wait until it is verified again.
// A claim taken out of "verified" by a confirmed correction stays, as readers last saw it (its
// publishedSnapshot), marked as being re-checked or withdrawn, until an editor verifies it again.

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
  /** BCP 47 tag of the article's language (detected on import, editable), or null when unknown. */
  language: string | null;
  teamName: string;
  /** The organisation as it signs its fact-checks (team settings); falls back to the team name. */
  publisher: { name: string; url: string | null; logoUrl: string | null };
  /** The team's rating scale now (lib/teams/rating-scale.ts): the colours verdicts show in. */
  ratingScale: RatingEntry[];
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
  /** `noRating`: the team's scale marks the verdict's rating "no rating" (isNoRating), so no numeric rating goes out. */
  verdict: { key: string | null; label: string; ordinal: number; explanation: string; noRating?: boolean };
  /** When and by whom it was signed off (the claim's record, lib/claims/record.ts; a claim verified before the audit trail existed falls back to its verdict's date and no name). */
  verifiedAt: Date;
  verifiedBy: string | null;
  /**
   * Who checked the verdict that was signed off, by name, from the claim's record (its `proposed.checkedBy`, people
   * told apart by user id there): the fact-checker who wrote it, both reviewers of an agreed double review, or the
   * editor who settled a dispute. Empty when nobody at this desk checked it (an imported verdict) or it is unknown
   * (a snapshot from before this was kept).
   */
  checkedBy: string[];
  /** When the claim first went out on a published report (Claim.firstPublishedAt); kept through corrections and
   * re-sign-offs. Null while it has never been public (an unpublished report). */
  firstPublishedAt: Date | null;
  /** Only evidence added at or before `verifiedAt`. */
  evidence: PublicEvidence[];
  /** Who made the claim, and where and when it first appeared (as signed off). */
  claimant: { name: string; kind: "person" | "organization"; description: string | null } | null;
  firstAppearance: { url: string | null; date: string | null } | null;
  /** Set while a confirmed correction has taken the claim out of "verified": what readers see is the snapshot. */
  correction: { state: "under_review" | "withdrawn" } | null;
  /** The claim's entries in the report's corrections log, oldest first. */
  corrections: PublicCorrection[];
};

export type PublicCorrection = {
  id: string;
  claimId: string | null;
  kind: "update" | "correction";
  note: string;
  at: Date;
  before: { verdict?: string; exact?: string } | null;
};

export type VerifiedReport = { article: PublicArticle; claims: VerifiedClaim[]; corrections: PublicCorrection[] };

/** What the public report keeps of a claim while a correction is under way (Claim.publishedSnapshot). */
export type PublishedSnapshot = Omit<VerifiedClaim, "verifiedAt" | "firstPublishedAt" | "correction" | "corrections" | "anchorStatus"> & {
  verifiedAt: string;
};

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
  language: true,
  reportPublishedAt: true,
  reportPublishedById: true,
  team: { select: { name: true, publicName: true, publicUrl: true, logoUrl: true, ratingScale: true } },
  corrections: {
    select: { id: true, claimId: true, kind: true, note: true, createdAt: true, before: true },
    orderBy: { createdAt: "asc" as const },
  },
} as const;

const verifiedSelect = {
  id: true,
  exact: true,
  start: true,
  end: true,
  anchorStatus: true,
  verdictOrdinal: true,
  verdictLabel: true,
  verdictKey: true,
  verdictExplanation: true,
  verdictAt: true,
  updatedAt: true,
  status: true,
  publishedSnapshot: true,
  firstPublishedAt: true,
  claimantName: true,
  claimantKind: true,
  claimantDescription: true,
  firstAppearanceUrl: true,
  firstAppearedAt: true,
  // Removed evidence is not cited; files are the desk's own copies, not public (only links are published).
  evidence: {
    where: { deletedAt: null, url: { not: "" } },
    select: { url: true, title: true, stance: true, sourceType: true, createdAt: true },
    orderBy: { createdAt: "asc" as const },
  },
} as const;

export const VERIFIED_WHERE = { status: "verified", verdictOrdinal: { not: null } } as const satisfies Prisma.ClaimWhereInput;

/** Claims the public report shows: verified ones, and ones under a confirmed correction. */
export const ON_REPORT_WHERE = { OR: [VERIFIED_WHERE, { publishedSnapshot: { not: Prisma.DbNull } }] } satisfies Prisma.ClaimWhereInput;

type Row = Prisma.ClaimGetPayload<{ select: typeof verifiedSelect }>;

function liveView(
  c: Row,
  record: Pick<ClaimRecord, "proposed" | "verified"> | undefined,
): Omit<VerifiedClaim, "anchorStatus" | "correction" | "corrections" | "firstPublishedAt"> {
  const signOff = record?.verified;
  const verifiedAt = signOff ? new Date(signOff.at) : (c.verdictAt ?? c.updatedAt);
  return {
    id: c.id,
    exact: c.exact,
    start: c.start,
    end: c.end,
    verdict: {
      key: storedVerdictKey(c.verdictKey, c.verdictOrdinal),
      label: c.verdictLabel ?? "",
      ordinal: c.verdictOrdinal!,
      explanation: c.verdictExplanation ?? "",
    },
    verifiedAt,
    verifiedBy: signOff?.by.name ?? null,
    checkedBy: record?.proposed?.checkedBy.map((person) => person.name) ?? [],
    evidence: c.evidence.filter((e) => e.createdAt <= verifiedAt).map(({ createdAt: _added, ...e }) => e),
    claimant: c.claimantName && c.claimantKind ? { name: c.claimantName, kind: c.claimantKind, description: c.claimantDescription } : null,
    firstAppearance:
      c.firstAppearanceUrl || c.firstAppearedAt
        ? { url: c.firstAppearanceUrl, date: c.firstAppearedAt?.toISOString().slice(0, 10) ?? null }
        : null,
  };
}

/** A snapshot's checkedBy: a list of names; one name (or null) in snapshots stored before it was a list. */
function snapshotCheckers(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((name): name is string => typeof name === "string");
  return typeof value === "string" ? [value] : [];
}

/** The snapshot stored by a correction, as the report shows it (validated loosely: we wrote it). */
function snapshotView(c: Row): Omit<VerifiedClaim, "anchorStatus" | "correction" | "corrections" | "firstPublishedAt"> | null {
  const snap = c.publishedSnapshot as PublishedSnapshot | null;
  if (!snap || typeof snap !== "object" || !snap.verdict) return null;
  return { ...snap, checkedBy: snapshotCheckers(snap.checkedBy), verifiedAt: new Date(snap.verifiedAt) };
}

/** Serialises a claim's public view for Claim.publishedSnapshot. */
export function toSnapshot(claim: VerifiedClaim): Prisma.InputJsonValue {
  const { anchorStatus: _a, correction: _c, corrections: _l, firstPublishedAt: _f, verifiedAt, ...rest } = claim;
  return { ...rest, verifiedAt: verifiedAt.toISOString() } satisfies PublishedSnapshot as unknown as Prisma.InputJsonValue;
}

/**
 * The first article matching `where` (the caller scopes it: team membership, or "report published") with the
 * claims its report shows, in text order (verified ones, with when and by whom they were signed off from the
 * claim's record, and only the evidence added at or before that moment; and ones under a correction, as their
 * snapshot), and its corrections log; `claimId` narrows to one claim. Blocks are validated (parseBlocks).
 * Null when no article matches. `client` lets a transaction read its own writes.
 */
export async function loadVerifiedReport(
  where: Prisma.ArticleWhereInput,
  claimId?: string,
  client: Prisma.TransactionClient = db,
): Promise<VerifiedReport | null> {
  const article = await client.article.findFirst({
    where,
    select: {
      ...articleSelect,
      claims: { where: { ...ON_REPORT_WHERE, ...(claimId ? { id: claimId } : {}) }, select: verifiedSelect, orderBy: TEXT_ORDER },
    },
  });
  if (!article) return null;
  // The same record the desk's panel shows (lib/claims/record.ts): who signed off, and when.
  const records = await loadClaimRecords(
    article.claims.map((c) => c.id),
    client,
  );
  const { team, claims, blocks, corrections: log, ...rest } = article;
  const ratingScale = readRatingScale(team.ratingScale);
  const corrections: PublicCorrection[] = log.map((c) => ({
    id: c.id,
    claimId: c.claimId,
    kind: c.kind,
    note: c.note,
    at: c.createdAt,
    before: (c.before as PublicCorrection["before"]) ?? null,
  }));
  const shown = claims.flatMap((c): VerifiedClaim[] => {
    const live = c.status === "verified" && c.verdictOrdinal !== null;
    const view = live ? liveView(c, records.get(c.id)) : snapshotView(c);
    if (!view) return [];
    const correction = live ? null : { state: c.status === "not_check_worthy" ? ("withdrawn" as const) : ("under_review" as const) };
    const verdict = { ...view.verdict, noRating: isNoRating(ratingScale, view.verdict) };
    return [
      {
        ...view,
        verdict,
        firstPublishedAt: c.firstPublishedAt,
        anchorStatus: c.anchorStatus,
        correction,
        corrections: corrections.filter((k) => k.claimId === c.id),
      },
    ];
  });
  return {
    article: {
      ...rest,
      blocks: parseBlocks(blocks, rest.body),
      teamName: team.name,
      publisher: { name: team.publicName?.trim() || team.name, url: team.publicUrl, logoUrl: team.logoUrl },
      ratingScale,
    },
    claims: shown,
    corrections: claimId ? corrections.filter((k) => k.claimId === claimId) : corrections,
  };
}
