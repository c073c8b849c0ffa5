"use client";

import { useRouter } from "next/navigation";
import { When } from "@/components/ui/When";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { FormError } from "@/components/ui/FormError";
import { quietButtonClass, buttonClass } from "@/components/ui/styles";
import type { ArticlePublishing } from "@/lib/publish/report";
import { callApi } from "@/components/ui/call-api";
import { useLatestRead } from "@/components/ui/useLatestRead";
import { alertDialogKeyDown } from "@/components/ui/alert-dialog-keys";

/**
 * Window event the article workspace sends when what the strip counts may have changed: the verified claims or their
 * ratings, who made one of them, the report itself (components/claims/useReportFiguresSignal.ts).
 */
export const REPORT_FIGURES_CHANGED = "factdesk:report-figures-changed";

const pickReport = (d: { report: ArticlePublishing }) => d.report;

/** Publish state for everyone; the buttons for editors. */
export function PublishControls({
  articleId,
  canPublish,
  initial,
}: {
  articleId: string;
  canPublish: boolean;
  initial: ArticlePublishing;
}) {
  const router = useRouter();
  const [state, setState] = useState(initial);
  // The figures are read from the server whenever they may have changed, and reads can overlap (a sign-off, then
  // another; a colleague's change during a refresh): the answer to the latest request wins, in whatever order the
  // answers arrive (keys33). Before, each answer was shown as it came, so a slow earlier one put older figures back.
  const reads = useLatestRead(`/api/v1/articles/${encodeURIComponent(articleId)}/report`, pickReport, setState);
  // A claim verified or reopened, or its claimant named, here or by a colleague: the workspace says so and the figures
  // are read again, or "Publish report" would stay disabled after the first sign-off until a reload (ux30).
  useEffect(() => {
    window.addEventListener(REPORT_FIGURES_CHANGED, reads.read);
    return () => window.removeEventListener(REPORT_FIGURES_CHANGED, reads.read);
  }, [reads]);
  // A refresh of the page (router.refresh: after publishing, a details change, a new version) renders `initial` anew,
  // at a moment that cannot be placed against the reads under way or answered since: copying it could put back
  // figures older than those shown (keys33). It asks for a read instead, which then wins over every earlier one.
  const rendered = useRef(initial);
  useEffect(() => {
    if (rendered.current === initial) return;
    rendered.current = initial;
    reads.read();
  }, [initial, reads]);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Publishing with claims that name no claimant is allowed, after a warning the editor answers.
  const [warning, setWarning] = useState(false);
  const href = `/reports/${articleId}`;
  // Publishing, unpublishing or cancelling the warning removes the button that had focus: focus goes to what
  // replaced it (the public page's link, or "Publish report") instead of falling to <body> (ux30).
  const focusNext = useRef<"published" | "publish" | null>(null);
  const focusWhen = (which: "published" | "publish") => (el: HTMLElement | null) => {
    if (!el || focusNext.current !== which) return;
    focusNext.current = null;
    el.focus();
  };
  const warningText = useId();
  // The warning is an alert dialog (WAI-ARIA APG): focus moves into it, on its least destructive answer, as it opens
  // (stable, so a re-render while it is open never pulls focus back there).
  const focusCancel = useCallback((el: HTMLButtonElement | null) => el?.focus(), []);
  function cancelWarning() {
    focusNext.current = "publish";
    setWarning(false);
  }

  async function change(method: "PUT" | "DELETE") {
    if (method === "DELETE" && !window.confirm("Take the public report down? Its address will answer “not found” until you publish again."))
      return;
    setWarning(false);
    setPending(true);
    setError(null);
    const result = await callApi<{ report: Omit<ArticlePublishing, "verifiedClaims" | "withoutClaimant"> }>(
      `/api/v1/articles/${articleId}/report`,
      { method },
    );
    setPending(false);
    if (!result.ok) return setError(result.message);
    focusNext.current = method === "PUT" ? "published" : "publish";
    // This answer is newer than any read under way (those may not have seen the change): they are dropped.
    reads.supersede();
    setState((s) => ({ ...s, ...result.data.report }));
    router.refresh();
  }

  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1" data-testid="publish-controls">
      <span className="text-xs font-semibold uppercase tracking-wide text-muted">Public report</span>
      {state.published ? (
        <span data-testid="publish-state" className="text-ink">
          <span className="mr-1 inline-block h-2 w-2 rounded-full bg-emerald-600 align-middle" aria-hidden />
          Published {state.publishedAt ? <When iso={state.publishedAt} /> : ""}
          {state.publishedBy ? ` by ${state.publishedBy.name}` : ""} ·{" "}
          <a ref={focusWhen("published")} href={href} target="_blank" rel="noopener" className="text-accent underline underline-offset-2">
            View public page
          </a>
        </span>
      ) : (
        <span data-testid="publish-state" className="text-muted">
          Not published · {state.verifiedClaims} verified {state.verifiedClaims === 1 ? "claim" : "claims"} would be shown
        </span>
      )}
      {canPublish &&
        (state.published ? (
          <button type="button" className={quietButtonClass} disabled={pending} onClick={() => change("DELETE")}>
            Unpublish
          </button>
        ) : (
          <button
            type="button"
            ref={focusWhen("publish")}
            className={buttonClass}
            disabled={pending || state.verifiedClaims === 0}
            onClick={() => (state.withoutClaimant > 0 ? setWarning(true) : change("PUT"))}
            title={state.verifiedClaims === 0 ? "Verify at least one claim first" : undefined}
          >
            Publish report
          </button>
        ))}
      {warning && !state.published && (
        <div
          role="alertdialog"
          aria-modal="true"
          aria-label="Claims without a claimant"
          aria-describedby={warningText}
          // Tab and Shift+Tab go round its buttons without leaving it; Escape cancels it (focus back on "Publish report").
          onKeyDown={(event) => alertDialogKeyDown(event, cancelWarning)}
          className="basis-full rounded-md border border-amber-300 bg-amber-50 p-3 text-sm"
          data-testid="claimant-warning"
        >
          <p id={warningText}>
            {withoutClaimantSentence(state.withoutClaimant, state.verifiedClaims)}: the public report will not say who made{" "}
            {state.withoutClaimant === 1 ? "it" : "them"}. Add the claimant in each claim&apos;s panel, or publish anyway.
          </p>
          <div className="mt-2 flex flex-wrap gap-2">
            <button type="button" className={buttonClass} disabled={pending} onClick={() => change("PUT")}>
              Publish anyway
            </button>
            <button type="button" ref={focusCancel} className={quietButtonClass} onClick={cancelWarning}>
              Cancel
            </button>
          </div>
        </div>
      )}
      <FormError message={error} />
    </div>
  );
}

// "The verified claim has no claimant recorded", "None of the 3 verified claims has a claimant recorded",
// "1 of the 3 verified claims has no claimant recorded".
function withoutClaimantSentence(without: number, verified: number): string {
  if (without === verified)
    return verified === 1
      ? "The verified claim has no claimant recorded"
      : `None of the ${verified} verified claims has a claimant recorded`;
  return `${without} of the ${verified} verified claims ${without === 1 ? "has" : "have"} no claimant recorded`;
}
