// The dates of a claim's published record, one rule for the JSON-LD (lib/publish/claim-review.ts) and the
// reader's page (components/publish/VerdictCard.tsx), so the two cannot disagree. No database access.
import type { VerifiedClaim } from "@/lib/publish/verified-claims";

/**
 * The published record's dates of a claim, the same for the JSON-LD and the reader's page. `published`: when the
 * fact-check first went out on a published report (Claim.firstPublishedAt), or its sign-off while it has never been
 * public. `modified`: the latest of its corrections-log entries and its current sign-off, when later than
 * `published`; otherwise undefined. So modified > published always, and neither moves back. Google's ClaimReview
 * guidance and schema.org: datePublished is when the fact-check was first published, dateModified when it last
 * changed. Pure.
 */
export function claimDates(claim: Pick<VerifiedClaim, "firstPublishedAt" | "verifiedAt" | "corrections">): {
  published: Date;
  modified?: Date;
} {
  const published = claim.firstPublishedAt ?? claim.verifiedAt;
  const changes = [claim.verifiedAt, ...claim.corrections.map((c) => c.at)].filter((at) => at > published);
  const latest = changes.reduce<Date | undefined>((max, at) => (!max || at > max ? at : max), undefined);
  return latest ? { published, modified: latest } : { published };
}
