"use client";

import { useEffect, useRef } from "react";
import type { ActivityDTO } from "@/lib/audit/list-activity";
import type { ClaimDetailDTO } from "@/lib/claims/get-claim";
import type { ClaimSummary } from "@/lib/claims/list-claims";
import { REPORT_FIGURES_CHANGED } from "@/components/publish/PublishControls";

// Changes that alter the publishing strip's figures without showing in the claim list: who made a claim (the
// claimant warning counts verified claims without one) and the report itself (published or taken down elsewhere).
const FIGURE_ACTIONS = new Set(["claim.claimant", "report.published", "report.unpublished"]);

const announce = () => window.dispatchEvent(new Event(REPORT_FIGURES_CHANGED));

/**
 * Tells the publishing strip (PublishControls, through the window event REPORT_FIGURES_CHANGED) when what it counts
 * may have changed, here or by a colleague, so it reads its figures again: the set of verified claims or one's rating
 * (from `claims`, ux30), whether the open claim (`detail`) names its claimant (its panel's answers and reloads, keys33),
 * and colleagues' changes of a claimant or of the report itself (`activity`, the live stream's events; the events the
 * page came with are not news). Announces nothing on mount.
 */
export function useReportFiguresSignal({
  claims,
  detail,
  activity,
}: {
  claims: ClaimSummary[];
  detail: ClaimDetailDTO | null;
  activity: ActivityDTO[];
}) {
  const verified = claims
    .filter((c) => c.status === "verified")
    .map((c) => `${c.id}.${c.verdict?.ordinal ?? ""}`)
    .join(" ");
  const announcedVerified = useRef(verified);
  useEffect(() => {
    if (verified === announcedVerified.current) return;
    announcedVerified.current = verified;
    announce();
  }, [verified]);

  const openClaimant = useRef<{ id: string; named: boolean } | null>(null);
  useEffect(() => {
    const now = detail ? { id: detail.id, named: Boolean(detail.claimant?.name) } : null;
    const before = openClaimant.current;
    openClaimant.current = now;
    if (now && before?.id === now.id && before.named !== now.named) announce();
  }, [detail]);

  const seen = useRef<Set<string> | null>(null);
  useEffect(() => {
    const arrival = seen.current === null;
    const known = (seen.current ??= new Set());
    let changed = false;
    for (const event of activity) {
      if (known.has(event.id)) continue;
      known.add(event.id);
      if (!arrival && FIGURE_ACTIONS.has(event.action)) changed = true;
    }
    if (changed) announce();
  }, [activity]);
}
