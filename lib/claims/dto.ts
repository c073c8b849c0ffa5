import type { AnchorStatus, ClaimStatus } from "@/lib/generated/prisma/enums";
import { statusLabel, storedVerdictKey } from "@/lib/claims/verdicts";
import type { ClaimRecord, VerdictVia } from "@/lib/claims/record";

type Person = { id: string; name: string };

export type ClaimTargetDTO = {
  source: string;
  selector: [
    { type: "TextQuoteSelector"; exact: string; prefix: string; suffix: string },
    { type: "TextPositionSelector"; start: number; end: number },
  ];
};

export type ClaimDTO = {
  id: string;
  articleId: string;
  exact: string;
  start: number;
  end: number;
  target: ClaimTargetDTO;
  status: ClaimStatus;
  statusLabel: string;
  verdict: { key: string | null; label: string; ordinal: number; explanation: string; by: Person | null; at: string | null } | null;
  version: number;
  createdBy: Person;
  updatedBy: Person;
  createdAt: string;
  updatedAt: string;
  counts: { comments: number; evidence: number };
  /** Where the claim stands in the text: attached, or waiting for a person (selectors then hold the old text). */
  anchor: { status: AnchorStatus; version: number; confidence: number | null; method: string | null };
};

/**
 * A ClaimDTO's verdict with who checked it, from the claim's record (lib/claims/record.ts): what every answer that
 * carries a claim sends (GET /api/v1/claims/{id}, GET /api/v1/articles/{id}/claims, and the writes that answer with the
 * claim: lib/claims/change-claim-sql.ts, load-records.ts checkedClaim). `by` stays the verdict's last writer.
 */
export type CheckedVerdictDTO = NonNullable<ClaimDTO["verdict"]> & {
  /**
   * Who checked it at this desk, as the record says: its author, both reviewers of an agreed double review (in the
   * order they gave their verdicts), the editor who settled a dispute; [] for an imported verdict (the importer did not
   * check it) and for one from before the record was kept (`via` null).
   */
  checkedBy: Person[];
  /** How it came to stand: "written", "agreed", "settled" or "imported"; null when no record of it is kept. */
  via: VerdictVia | null;
};

/** A ClaimDTO whose verdict says who checked it (CheckedVerdictDTO). */
export type CheckedClaimDTO = Omit<ClaimDTO, "verdict"> & { verdict: CheckedVerdictDTO | null };

/**
 * What a claim write (lib/claims/update-claim.ts, anchor.ts, create-claim.ts, suggested.ts) answers with, as its caller
 * asks: "claim" (the default), the claim after the write as GET claim sends it (CheckedClaimDTO, read back with its
 * record: what the API answers); "id", only the claim's id, for a caller that reads the claim its own way right after
 * (the article page's writes read its ClaimView, lib/claims/claim-view.ts), so the write reads nothing it would throw away.
 */
export type ClaimAnswer = "claim" | "id";

/** A claim write's answer when asked for `A` (ClaimAnswer). */
export type AnsweredClaim<A extends ClaimAnswer> = A extends "id" ? { id: string } : CheckedClaimDTO;

/**
 * Adds to `claim`'s verdict (none: nothing to add) `checkedBy` and `via` from `proposed`, the claim's record of how its
 * verdict came to stand (null: no record kept). Changes `claim` in place, a DTO just built (a copy per claim of a long
 * list costs CPU: issue #21), and returns it. Pure otherwise; throws nothing.
 */
export function withCheckedBy(claim: ClaimDTO, proposed: ClaimRecord["proposed"]): CheckedClaimDTO {
  if (claim.verdict) Object.assign(claim.verdict, { checkedBy: proposed?.checkedBy ?? [], via: proposed?.via ?? null });
  return claim as CheckedClaimDTO;
}

/** Claims in the order they appear in the text: earlier start first, the outer of two nested ones first. */
export const TEXT_ORDER = [{ start: "asc" as const }, { end: "desc" as const }, { createdAt: "asc" as const }];

/** The claim's target (quote and position) and verdict: what every view of a claim starts from. */
export const claimCoreSelect = {
  id: true,
  exact: true,
  prefix: true,
  suffix: true,
  start: true,
  end: true,
  status: true,
  verdictOrdinal: true,
  verdictLabel: true,
  verdictKey: true,
  verdictExplanation: true,
  verdictAt: true,
} as const;

export const claimSelect = {
  ...claimCoreSelect,
  articleId: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  anchorStatus: true,
  anchorVersion: true,
  anchorConfidence: true,
  anchorMethod: true,
  verdictBy: { select: { id: true, name: true } },
  createdBy: { select: { id: true, name: true } },
  updatedBy: { select: { id: true, name: true } },
  // Counters kept by triggers on Comment and Evidence: a Prisma `_count` here compiled to a GROUP BY over the
  // whole Comment and Evidence tables (issue #21).
  commentCount: true,
  evidenceCount: true,
} as const;

export type ClaimRow = {
  id: string;
  articleId: string;
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  status: ClaimStatus;
  verdictOrdinal: number | null;
  verdictLabel: string | null;
  /** Null for a verdict stored before keys were (storedVerdictKey falls back to the value's default key). */
  verdictKey: string | null;
  verdictExplanation: string | null;
  verdictAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  anchorStatus: AnchorStatus;
  anchorVersion: number;
  anchorConfidence: number | null;
  anchorMethod: string | null;
  verdictBy: Person | null;
  createdBy: Person;
  updatedBy: Person;
  commentCount: number;
  evidenceCount: number;
};

/** A ClaimRow whose dates were read as the ISO 8601 text toISOString gives (lib/claims/claim-pages.ts: issue #21). */
export type ClaimTextRow = Omit<ClaimRow, "verdictAt" | "createdAt" | "updatedAt"> & {
  verdictAt: string | null;
  createdAt: string;
  updatedAt: string;
};

const iso = (at: Date | string): string => (typeof at === "string" ? at : at.toISOString());

/**
 * A claim row (selected with claimSelect, or a ClaimTextRow) as the ClaimDTO the UI and API send: its W3C target with
 * `source` "/api/v1/articles/<articleId>", offsets in UTF-16 code units, the verdict (null without one; key
 * null for an ordinal off the scale), dates as ISO 8601 strings, counts of evidence and of comments not deleted,
 * and where it is anchored. Pure; never throws for rows of that shape.
 */
export function toClaimDTO(row: ClaimRow | ClaimTextRow): ClaimDTO {
  return claimDTOWithPeople(row, row);
}

/** The people a ClaimDTO names, as `{ id, name }` (verdictBy null without a verdict's author). */
export type ClaimPeople = Pick<ClaimRow, "verdictBy" | "createdBy" | "updatedBy">;

/**
 * toClaimDTO for a row that holds its people elsewhere (lib/claims/claim-pages.ts reads them as id and name columns):
 * the same ClaimDTO, key for key, from `row`'s columns and `people`. Copying the row only to add the people cost more
 * CPU than it saved (issue #21). Pure; never throws for rows of that shape.
 */
export function claimDTOWithPeople(row: Omit<ClaimRow | ClaimTextRow, keyof ClaimPeople>, people: ClaimPeople): ClaimDTO {
  return {
    id: row.id,
    articleId: row.articleId,
    exact: row.exact,
    start: row.start,
    end: row.end,
    target: {
      source: `/api/v1/articles/${row.articleId}`,
      selector: [
        { type: "TextQuoteSelector", exact: row.exact, prefix: row.prefix, suffix: row.suffix },
        { type: "TextPositionSelector", start: row.start, end: row.end },
      ],
    },
    status: row.status,
    statusLabel: statusLabel(row.status),
    verdict:
      row.verdictOrdinal === null
        ? null
        : {
            key: storedVerdictKey(row.verdictKey, row.verdictOrdinal),
            label: row.verdictLabel ?? "",
            ordinal: row.verdictOrdinal,
            explanation: row.verdictExplanation ?? "",
            by: people.verdictBy,
            at: row.verdictAt ? iso(row.verdictAt) : null,
          },
    version: row.version,
    createdBy: people.createdBy,
    updatedBy: people.updatedBy,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    counts: { comments: row.commentCount, evidence: row.evidenceCount },
    anchor: { status: row.anchorStatus, version: row.anchorVersion, confidence: row.anchorConfidence, method: row.anchorMethod },
  };
}
