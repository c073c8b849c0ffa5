"use client";

import { useEffect, useRef } from "react";
import { describeRange } from "@/lib/anchoring/selectors";
import type { ClaimSummary } from "@/lib/claims/list-claims";
import { useVerdictFill, VerdictBadge } from "@/components/claims/VerdictBadge";
import { TagChips } from "@/components/tags/TagChips";
import { isTypingOutside } from "@/components/ui/typing";

/** The words around an attached claim in the text the page shows (the stored prefix/suffix come with the claim). */
function contextOf(claim: ClaimSummary, body: string): { prefix: string; suffix: string } {
  if (claim.anchorStatus !== "attached" || claim.end > body.length || body.slice(claim.start, claim.end) !== claim.exact)
    return { prefix: "", suffix: "" };
  const { quote } = describeRange(body, claim.start, claim.end);
  return { prefix: quote.prefix, suffix: quote.suffix };
}

/**
 * The claim the reader just opened, drawn at once from what the page already holds (its entry in the claim
 * list: quote, status, verdict, tags), while its comments, evidence and history load (issue #21: opening a
 * claim no longer waits on the server to show it). The full panel (ClaimPanel) replaces it when they arrive.
 * `saving`: the claim is one the reader is adding (components/claims/pending-claim.ts), not stored yet; it says so.
 * Read-only: nothing here changes the claim.
 */
export function ClaimPreview({
  claim,
  body,
  onClose,
  saving = false,
}: {
  claim: ClaimSummary;
  body: string;
  onClose: () => void;
  saving?: boolean;
}) {
  const fill = useVerdictFill(claim.verdict);
  const heading = useRef<HTMLHeadingElement>(null);
  // As the panel does: the reader's focus follows the claim they opened (not out of a field they type in elsewhere).
  useEffect(() => {
    if (!isTypingOutside(heading.current?.closest("section") ?? null)) heading.current?.focus({ preventScroll: true });
  }, []);
  const { prefix, suffix } = contextOf(claim, body);
  return (
    <section aria-label="Claim" aria-busy="true" className="space-y-5 p-4" data-testid="claim-preview">
      <div className="flex items-start justify-between gap-2">
        <h2 ref={heading} tabIndex={-1} className="text-sm font-semibold">
          Claim
        </h2>
        <button type="button" onClick={onClose} className="text-xs text-muted hover:text-accent" aria-label="Close claim (Esc)">
          Close ✕
        </button>
      </div>
      <blockquote
        className="rounded-md bg-stone-50 p-3 font-serif text-[0.95rem] leading-relaxed text-muted"
        data-testid="claim-quote"
        dir="auto"
      >
        {prefix && <span>…{prefix}</span>}
        <mark className="hl rounded px-0.5 text-ink" data-status={claim.status} data-verdict={claim.verdict?.key ?? undefined} style={fill}>
          {claim.exact}
        </mark>
        {suffix && <span>{suffix}…</span>}
      </blockquote>
      <p className="flex flex-wrap items-center gap-1.5 text-xs text-muted">
        <span className="hl rounded px-1.5" data-status={claim.status} data-verdict={claim.verdict?.key ?? undefined} style={fill}>
          {claim.statusLabel}
        </span>
        {claim.verdict && <VerdictBadge verdict={claim.verdict} />}
      </p>
      <TagChips tags={claim.tags} />
      <p role="status" className="text-sm text-muted">
        {saving ? "Saving the claim…" : "Loading the claim’s evidence, comments and history…"}
      </p>
    </section>
  );
}
