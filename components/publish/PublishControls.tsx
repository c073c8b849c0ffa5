"use client";

import { useRouter } from "next/navigation";
import { When } from "@/components/ui/When";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { FormError } from "@/components/ui/FormError";
import { quietButtonClass, buttonClass } from "@/components/ui/styles";
import type { ArticlePublishing } from "@/lib/publish/report";
import { callApi } from "@/components/ui/call-api";
import { readApi } from "@/components/ui/read-api";
import { alertDialogKeyDown } from "@/components/ui/alert-dialog-keys";

/** Window event the article workspace sends when its set of verified claims (or one of them) changes. */
export const VERIFIED_CLAIMS_CHANGED = "factdesk:verified-claims-changed";

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
  // A refresh of the page (after a claim is verified, say) brings new counts from the server.
  // Left as it was when the linter came; React suggests adjusting state during render instead:
  // https://react.dev/learn/you-might-not-need-an-effect#adjusting-some-state-when-a-prop-changes
  // eslint-disable-next-line react-hooks/set-state-in-effect
  useEffect(() => setState(initial), [initial]);
  // A claim verified or reopened on this page, here or by a colleague, changes what would be published: the workspace
  // says so (VERIFIED_CLAIMS_CHANGED) and the counts are read again, or "Publish report" would stay disabled after the
  // first sign-off until a reload (ux30).
  useEffect(() => {
    const reread = () =>
      readApi(`/api/v1/articles/${articleId}/report`, (d: { report: ArticlePublishing }) => d.report).then(
        (result) => result.ok && setState(result.data),
        () => {}, // Offline: the next change reads again.
      );
    window.addEventListener(VERIFIED_CLAIMS_CHANGED, reread);
    return () => window.removeEventListener(VERIFIED_CLAIMS_CHANGED, reread);
  }, [articleId]);
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
