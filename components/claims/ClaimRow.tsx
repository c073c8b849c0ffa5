"use client";

import { memo } from "react";
import { useVerdictFill, VerdictBadge } from "@/components/claims/VerdictBadge";
import type { ClaimSummary } from "@/lib/claims/list-claims";
import { truncateText } from "@/lib/text/graphemes";
import { TagChips } from "@/components/tags/TagChips";
import { PageMark } from "@/components/claims/PageMark";

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * One claim in the list. A detached claim (its words are not in the current text) shows its
 * old quote in grey and a plain status chip, since it has no highlight colour to echo.
 */
// .claim-row: the browser may skip laying the row out while it is off screen, once its list has settled (app/globals.css,
// components/claims/settled-rows.ts).
// Memoised: moving the cursor (j/k) or changing one claim re-renders its rows, not a long list's all.
export const ClaimRow = memo(function ClaimRow({
  claim,
  current,
  onOpen,
  detached = false,
  draft = false,
  page = null,
  posInSet,
  setSize,
}: {
  claim: ClaimSummary;
  current: boolean;
  onOpen: (id: string) => void;
  detached?: boolean;
  draft?: boolean;
  /** The PDF page the claim is on, when the article came from a PDF. */
  page?: number | null;
  /**
   * The row's place in the whole list (1-based) and the list's length, when only part of the list is rendered. Two
   * numbers, not an object: a new object on each render of the list re-rendered every row on each j/k.
   */
  posInSet?: number;
  setSize?: number;
}) {
  const fill = useVerdictFill(claim.verdict);
  return (
    <li aria-posinset={posInSet} aria-setsize={setSize} className="claim-row">
      <button
        type="button"
        onClick={() => onOpen(claim.id)}
        aria-current={current ? "true" : undefined}
        className="block w-full px-3 py-2.5 text-left hover:bg-stone-50 aria-[current=true]:bg-sky-50"
        data-claim-id={claim.id}
      >
        <span className={`block font-serif text-[0.95rem] leading-snug ${detached ? "text-muted" : "text-ink"}`} dir="auto">
          {detached && <span className="sr-only">Old text: </span>}“{truncateText(claim.exact, 140)}”
        </span>
        <span className="mt-1 flex flex-wrap items-center gap-1.5 text-xs text-muted">
          {detached ? (
            <span className="rounded bg-stone-200 px-1.5 text-ink">{claim.statusLabel}</span>
          ) : (
            <span className="hl rounded px-1.5" data-status={claim.status} data-verdict={claim.verdict?.key ?? undefined} style={fill}>
              {claim.statusLabel}
            </span>
          )}
          {claim.verdict && <VerdictBadge verdict={claim.verdict} />}
          {claim.overdue && <span className="rounded bg-red-50 px-1.5 font-medium text-red-800">overdue</span>}
          {page !== null && <PageMark page={page} />}
          {draft && (
            <span className="rounded bg-sky-100 px-1.5 text-sky-900" data-testid="draft-mark">
              draft
            </span>
          )}
          <span aria-label={plural(claim.counts.evidence, "source", "sources")}>
            · {plural(claim.counts.evidence, "source", "sources")}
          </span>
          <span aria-label={plural(claim.counts.comments, "comment", "comments")}>
            · {plural(claim.counts.comments, "comment", "comments")}
          </span>
        </span>
        <TagChips tags={claim.tags} className="mt-1.5" />
      </button>
    </li>
  );
});
