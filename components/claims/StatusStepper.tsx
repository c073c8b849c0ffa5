"use client";

import { forwardRef, useEffect, useRef, useState, type KeyboardEvent } from "react";
import type { TConfirmCorrection } from "@/lib/validation/corrections";
import { CorrectionDialog } from "@/components/claims/CorrectionDialog";
import { STATUSES, type StatusKey } from "@/lib/claims/verdicts";
import type { ClaimDetailDTO } from "@/lib/claims/get-claim";
import { setStatusAction } from "@/lib/actions/claims";
import { FormError } from "@/components/ui/FormError";
import { sectionTitleClass } from "@/components/ui/styles";
import { useAction } from "@/components/claims/useAction";
import { statusChangeRefusal, type Refusal, type RefusalRule } from "@/lib/claims/workflow";
import type { OnClaimChanged } from "@/components/claims/ClaimPanel";

// The keys 1–5 (shown on the pills) set these; Disputed is reached through the verdicts, not chosen.
const NUMBERED: StatusKey[] = STATUSES.filter((s) => s.key !== "disputed").map((s) => s.key);
const numberOf = (key: StatusKey) => NUMBERED.indexOf(key) + 1;
const ARROWS: Record<string, 1 | -1> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };
const WAITING_RULES: ReadonlySet<RefusalRule> = new Set(["sign_off_waits_for_reviews", "sign_off_waits_for_settlement"]);

type Props = {
  claim: ClaimDetailDTO;
  canEdit: boolean;
  canSignOff: boolean;
  meId: string;
  onChanged: OnClaimChanged;
};

export const StatusStepper = forwardRef<HTMLDivElement, Props>(function StatusStepper(
  { claim, canEdit, canSignOff, meId, onChanged },
  ref,
) {
  const { run, pending, error, conflict, needsCorrection, clearError } = useAction();
  // A verified claim on the published report: the move waits for the editor's public note.
  const [asking, setAsking] = useState<StatusKey | null>(null);
  const [tried, setTried] = useState<StatusKey | null>(null);
  const dialogFor = asking ?? (needsCorrection ? tried : null);
  const group = useRef<HTMLDivElement | null>(null);
  // Set when the reader chose by keyboard: focus follows the checked pill once the change lands.
  const refocus = useRef(false);
  useEffect(() => {
    if (!refocus.current) return;
    refocus.current = false;
    group.current?.querySelector<HTMLElement>("[aria-checked=true]")?.focus();
  }, [claim.status]);

  // The server's own rules (lib/claims/workflow.ts), so a button is disabled exactly when the change would be refused.
  // The double review comes from the server as a sign-off reads it (DoubleReviewDTO is a SignOffReviews).
  function refusalOf(key: StatusKey): Refusal | null {
    const actor = { userId: meId, canWrite: canEdit, canSignOff };
    return statusChangeRefusal({
      actor,
      from: claim.status,
      to: key,
      hasVerdict: claim.verdict !== null,
      verdictById: claim.verdict?.by?.id ?? null,
      reviewerIds: claim.doubleReview.visible.map((r) => r.reviewer.id),
      doubleReview: claim.doubleReview,
    });
  }
  const disabledReason = (key: StatusKey): string | null => refusalOf(key)?.hint ?? null;
  // Why sign-off waits for the double review, said in full under the steps (the disabled step's title is short).
  const signOffWait = claim.status === "verified" ? null : refusalOf("verified");
  const waitsForReviews = signOffWait !== null && WAITING_RULES.has(signOffWait.rule);

  async function choose(key: StatusKey, confirmCorrection?: TConfirmCorrection) {
    if (!confirmCorrection && claim.status === "verified" && claim.report.published) return setAsking(key);
    setTried(key);
    const done = await run(() => setStatusAction({ claimId: claim.id, status: key, version: claim.version, confirmCorrection }));
    if (done) {
      setAsking(null);
      setTried(null);
      onChanged(done);
    }
  }

  const shown = STATUSES.filter((s) => s.key !== "disputed" || claim.status === "disputed");
  const allowed = (key: StatusKey) => key !== claim.status && disabledReason(key) === null;

  /** The radio group's keys (WAI-ARIA radio pattern): arrows move to the next allowed status and set it; 1–5 set one directly. */
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.altKey || event.ctrlKey || event.metaKey || pending) return;
    let target: StatusKey | undefined;
    if (/^[1-9]$/.test(event.key)) target = NUMBERED[Number(event.key) - 1];
    else if (event.key in ARROWS) {
      const step = ARROWS[event.key]!;
      const from = shown.findIndex((s) => s.key === claim.status);
      for (let i = 1; i < shown.length && !target; i++) {
        const candidate = shown[(from + step * i + shown.length * i) % shown.length]!.key;
        if (allowed(candidate)) target = candidate;
      }
    } else return;
    event.preventDefault();
    if (!target || !allowed(target)) return;
    refocus.current = true;
    void choose(target);
  }

  function cancel() {
    setAsking(null);
    setTried(null);
    clearError();
  }

  return (
    <div>
      <h3 className={sectionTitleClass}>Status</h3>
      <div
        ref={(node) => {
          group.current = node;
          if (typeof ref === "function") ref(node);
          else if (ref) ref.current = node;
        }}
        role="radiogroup"
        aria-label="Status"
        aria-busy={pending || undefined}
        aria-describedby={canEdit ? "status-keys" : undefined}
        className="flex flex-wrap gap-1"
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        {shown.map((s) => {
          const reason = disabledReason(s.key);
          const current = s.key === claim.status;
          // aria-disabled, not disabled: a disabled button loses focus (to <body>) the moment a save starts.
          const unavailable = pending || (reason !== null && !current);
          return (
            <button
              key={s.key}
              type="button"
              role="radio"
              aria-checked={current}
              tabIndex={current ? 0 : -1}
              aria-disabled={unavailable}
              title={reason ?? (pending ? "Saving the status…" : `Set status to ${s.label}`)}
              aria-describedby={s.key === "verified" && waitsForReviews ? "sign-off-wait" : undefined}
              onClick={() => {
                if (current || unavailable) return;
                refocus.current = true;
                void choose(s.key);
              }}
              className={`rounded-full border px-2.5 py-1 text-xs ${current ? "border-accent bg-accent text-white" : "border-rule bg-white text-ink hover:border-accent aria-disabled:cursor-not-allowed aria-disabled:opacity-40 aria-disabled:hover:border-rule"}`}
            >
              {numberOf(s.key) > 0 ? `${numberOf(s.key)}. ` : ""}
              {s.label}
            </button>
          );
        })}
      </div>
      {waitsForReviews && (
        <p id="sign-off-wait" className="mt-1 text-xs text-muted" data-testid="sign-off-wait">
          {signOffWait.message}
        </p>
      )}
      {canEdit && (
        <p id="status-keys" className="sr-only">
          Keys 1 to 5 or the arrow keys set the status.
        </p>
      )}
      {dialogFor ? (
        <CorrectionDialog
          action={`Move it to “${STATUSES.find((s) => s.key === dialogFor)?.label}”`}
          defaultKind="correction"
          pending={pending}
          error={asking !== null && tried === null ? null : error}
          onConfirm={(confirm) => void choose(dialogFor, confirm)}
          onCancel={cancel}
        />
      ) : (
        <FormError
          message={error}
          onReload={
            conflict
              ? () => {
                  clearError();
                  onChanged({ reloadOnly: true });
                }
              : undefined
          }
        />
      )}
    </div>
  );
});
