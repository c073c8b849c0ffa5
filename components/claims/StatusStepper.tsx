"use client";

import { forwardRef } from "react";
import { STATUSES, type StatusKey } from "@/lib/claims/verdicts";
import type { ClaimDetailDTO } from "@/lib/claims/get-claim";
import { setStatusAction } from "@/lib/actions/claims";
import { FormError } from "@/components/ui/FormError";
import { sectionTitleClass } from "@/components/ui/styles";
import { useAction } from "@/components/claims/useAction";
import { statusChangeRefusal } from "@/lib/claims/workflow";

// The workflow's main line; Not check-worthy and Disputed sit beside it.
const STEP_NUMBER: Partial<Record<StatusKey, number>> = { unreviewed: 1, in_review: 2, verdict_proposed: 3, verified: 4 };

type Props = {
  claim: ClaimDetailDTO;
  canEdit: boolean;
  canSignOff: boolean;
  meId: string;
  onChanged: (options?: { reloadOnly?: boolean }) => void;
};

export const StatusStepper = forwardRef<HTMLDivElement, Props>(function StatusStepper(
  { claim, canEdit, canSignOff, meId, onChanged },
  ref,
) {
  const { run, pending, error, conflict, clearError } = useAction();

  // The server's own rules (lib/claims/workflow.ts), so a button is disabled exactly when the change would be refused.
  function disabledReason(key: StatusKey): string | null {
    const actor = { userId: meId, canWrite: canEdit, canSignOff };
    const refusal = statusChangeRefusal({
      actor,
      from: claim.status,
      to: key,
      hasVerdict: claim.verdict !== null,
      verdictById: claim.verdict?.by?.id ?? null,
      reviewerIds: claim.doubleReview.visible.map((r) => r.reviewer.id),
    });
    return refusal?.hint ?? null;
  }

  async function choose(key: StatusKey) {
    const done = await run(() => setStatusAction({ claimId: claim.id, status: key, version: claim.version }));
    if (done) onChanged();
  }

  return (
    <div>
      <h3 className={sectionTitleClass}>Status</h3>
      <div ref={ref} role="radiogroup" aria-label="Status" className="flex flex-wrap gap-1" tabIndex={-1}>
        {STATUSES.filter((s) => s.key !== "disputed" || claim.status === "disputed").map((s) => {
          const reason = disabledReason(s.key);
          const current = s.key === claim.status;
          return (
            <button
              key={s.key}
              type="button"
              role="radio"
              aria-checked={current}
              disabled={pending || (reason !== null && !current)}
              title={reason ?? `Set status to ${s.label}`}
              onClick={() => !current && choose(s.key)}
              className={`rounded-full border px-2.5 py-1 text-xs ${current ? "border-accent bg-accent text-white" : "border-rule bg-white text-ink hover:border-accent disabled:opacity-40"}`}
            >
              {STEP_NUMBER[s.key] ? `${STEP_NUMBER[s.key]}. ` : ""}
              {s.label}
            </button>
          );
        })}
      </div>
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
    </div>
  );
});
