"use client";

import { useEffect, useState, type RefObject } from "react";
import type { ClaimDetailDTO } from "@/lib/claims/get-claim";
import type { AnchorAction, AnchorReviewDTO } from "@/lib/claims/anchor";
import type { TextRange } from "@/lib/anchoring/selectors";
import { resolveAnchorAction } from "@/lib/actions/claims";
import { readApi } from "@/components/ui/read-api";
import { clearPreview, PREVIEW_HIGHLIGHT, showPreview } from "@/components/claims/anchor-preview";
import { useAction } from "@/components/claims/useAction";
import type { OnClaimChanged } from "@/components/claims/ClaimPanel";
import { CorrectionDialog } from "@/components/claims/CorrectionDialog";
import type { TConfirmCorrection } from "@/lib/validation/corrections";
import { FormError } from "@/components/ui/FormError";
import { buttonClass, quietButtonClass, sectionTitleClass } from "@/components/ui/styles";

type Props = {
  claim: ClaimDetailDTO;
  canEdit: boolean;
  body: string;
  /** The reader's selection in the article as a span of the body, read when they press the button. */
  readSelection: () => TextRange | null;
  bodyRef: RefObject<HTMLDivElement | null>;
  onChanged: OnClaimChanged;
};

const percent = (score: number) => `${Math.round(score * 100)}%`;

/** For a claim whose words could not be placed in the new text: where it might belong, and the choices. */
export function ReanchorSection({ claim, canEdit, body, readSelection, bodyRef, onChanged }: Props) {
  const [review, setReview] = useState<AnchorReviewDTO | null>(null);
  const [hint, setHint] = useState<string | null>(null);
  const { run, pending, error, needsCorrection, clearError } = useAction();
  // The server asks for a public note when the claim is verified on the published report.
  const [tried, setTried] = useState<AnchorAction | null>(null);
  const [asking, setAsking] = useState<AnchorAction | null>(null);
  // Open from the server's answer until confirmed or cancelled (a 422 about the note keeps it open).
  const dialogFor = asking ?? (needsCorrection ? tried : null);
  const orphaned = claim.anchor.status === "orphaned";

  useEffect(() => {
    let current = true;
    void readApi(`/api/v1/claims/${encodeURIComponent(claim.id)}/anchor`, (d: { review: AnchorReviewDTO }) => d.review).then(
      (result) => current && result.ok && setReview(result.data),
      () => {},
    );
    return () => {
      current = false;
      clearPreview();
    };
  }, [claim.id, claim.version]);

  async function resolve(action: AnchorAction, confirmCorrection?: TConfirmCorrection) {
    clearPreview();
    setTried(action);
    const done = await run(() => resolveAnchorAction({ claimId: claim.id, version: claim.version, action, confirmCorrection }));
    if (done) {
      setTried(null);
      setAsking(null);
      onChanged(done);
    }
  }

  function attachToSelection() {
    const span = readSelection();
    if (!span) {
      setHint("Select the words this claim is about in the article, then press “Use my selection”.");
      return;
    }
    setHint(null);
    void resolve({ kind: "span", start: span.start, end: span.end, exact: body.slice(span.start, span.end) });
  }

  const preview = (start: number, end: number) => bodyRef.current && showPreview(bodyRef.current, start, end);

  return (
    <div
      className={`rounded-md border p-3 ${orphaned ? "border-stone-300 bg-stone-50" : "border-amber-300 bg-amber-50"}`}
      data-testid="reanchor-section"
      aria-label={orphaned ? "Orphaned claim" : "Needs re-anchoring"}
      role="region"
    >
      <style>{`::highlight(${PREVIEW_HIGHLIGHT}) { background-color: #fcd34d; color: #1c1917; }`}</style>
      <h3 className={sectionTitleClass}>{orphaned ? "Orphaned" : "Needs re-anchoring"}</h3>
      <p className="text-sm text-ink">
        {orphaned
          ? "Someone marked this claim as no longer in the text. It keeps its verdict, evidence and comments."
          : `The text changed${review ? ` in version ${review.currentVersion}` : ""} and this claim’s words were not found with enough confidence, or they changed under its verdict (a person confirms the new words before a verdict moves).`}{" "}
        The quote above is its old text{review ? `, from version ${review.fromVersion}` : ""}.
      </p>

      {!orphaned && (
        <div className="mt-3">
          <h4 className="text-xs font-semibold text-muted">Best places in the current text</h4>
          {review === null ? (
            <p className="mt-1 text-sm text-muted">Looking…</p>
          ) : review.candidates.length === 0 ? (
            <p className="mt-1 text-sm text-muted">
              Nothing in the new text resembles it. Select the right words yourself, or mark it orphaned.
            </p>
          ) : (
            <ol className="mt-1 space-y-2" data-testid="anchor-candidates">
              {review.candidates.map((c) => (
                <li
                  key={c.index}
                  className="rounded-md border border-amber-200 bg-white p-2"
                  onMouseEnter={() => preview(c.start, c.end)}
                  onMouseLeave={clearPreview}
                  onFocus={() => preview(c.start, c.end)}
                  onBlur={clearPreview}
                >
                  <p className="font-serif text-sm leading-snug text-muted">
                    …{c.before}
                    <mark className="rounded bg-amber-200 px-0.5 text-ink">{c.text}</mark>
                    {c.after}…
                  </p>
                  <div className="mt-1.5 flex items-center justify-between gap-2">
                    <span className="text-xs text-muted">{percent(c.score)} match</span>
                    {canEdit && (
                      <button
                        type="button"
                        className={quietButtonClass}
                        disabled={pending}
                        onClick={() => resolve({ kind: "candidate", index: c.index })}
                      >
                        Attach here
                      </button>
                    )}
                  </div>
                </li>
              ))}
            </ol>
          )}
        </div>
      )}

      {canEdit && (
        <div className="mt-3 flex flex-wrap gap-2">
          <button
            type="button"
            className={buttonClass}
            disabled={pending}
            onMouseDown={(e) => e.preventDefault()}
            onClick={attachToSelection}
          >
            Use my selection
          </button>
          {orphaned ? (
            <button type="button" className={quietButtonClass} disabled={pending} onClick={() => resolve({ kind: "restore" })}>
              Restore
            </button>
          ) : (
            <button type="button" className={quietButtonClass} disabled={pending} onClick={() => resolve({ kind: "orphan" })}>
              Mark orphaned
            </button>
          )}
        </div>
      )}
      {hint && (
        <p className="mt-2 text-xs text-muted" role="status">
          {hint}
        </p>
      )}
      {dialogFor ? (
        <CorrectionDialog
          action="Attach it to words that differ from the ones checked"
          defaultKind="update"
          pending={pending}
          error={needsCorrection ? null : error}
          onConfirm={(confirm) => {
            setAsking(dialogFor);
            void resolve(dialogFor, confirm);
          }}
          onCancel={() => {
            setAsking(null);
            setTried(null);
            clearError();
          }}
        />
      ) : (
        <FormError message={error} />
      )}
    </div>
  );
}
