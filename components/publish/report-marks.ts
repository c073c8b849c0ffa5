import type { HighlightClaim } from "@/components/claims/highlight-html";
import { verdictLook, type RatingEntry } from "@/lib/teams/rating-scale";
import type { PublicReport } from "@/lib/publish/report";

type ReportClaim = PublicReport["claims"][number];

/**
 * How one claim of the public report is marked in the text. Only a verdict that stands is drawn as checked
 * (status "verified": the verdict's fill and the ✓ after it). A claim reopened after publishing keeps the fill of the
 * verdict it last had but no ✓ (status "in_review"); a withdrawn verdict keeps neither, only a faint dotted line
 * (status "not_check_worthy", no verdict), so the reader can still reach its card, which says it was withdrawn.
 */
export function reportMark(claim: ReportClaim, scale: readonly RatingEntry[]): HighlightClaim {
  const { id, start, end, verdict, correction } = claim;
  if (correction?.state === "withdrawn") return { id, start, end, status: "not_check_worthy", verdict: null };
  return {
    id,
    start,
    end,
    status: correction ? "in_review" : "verified",
    verdict: { key: verdict.key, fill: verdictLook(scale, verdict).tint },
  };
}

/** What a mark's accessible name says after the quoted words: the verdict, or that it is being re-checked or was withdrawn. */
export function reportMarkDescription(claim: ReportClaim): string {
  if (claim.correction?.state === "withdrawn") return `verdict withdrawn, was: ${claim.verdict.label}`;
  if (claim.correction) return `being re-checked, last verdict: ${claim.verdict.label}`;
  return `checked: ${claim.verdict.label}`;
}

/** The claims whose verdict stands on the report (withdrawn ones are left out of counts and tallies). */
export const standingVerdicts = (claims: ReportClaim[]) => claims.filter((c) => c.correction?.state !== "withdrawn");
