"use client";

import { useState } from "react";
import { When } from "@/components/ui/When";
import type { ClaimDetailDTO } from "@/lib/claims/get-claim";
import { addCorrectionAction } from "@/lib/actions/claims";
import { CorrectionDialog } from "@/components/claims/CorrectionDialog";
import { useAction } from "@/components/claims/useAction";
import type { OnClaimChanged } from "@/components/claims/ClaimPanel";
import { useSubmissionKey } from "@/components/ui/useSubmissionKey";
import { linkButtonClass, sectionTitleClass } from "@/components/ui/styles";

const KIND = { update: "Update", correction: "Correction" } as const;

/** The claim on the public report: what readers see of it, its corrections log, and a note by hand (editors). */
export function CorrectionsSection({
  claim,
  isEditor,
  onChanged,
}: {
  claim: ClaimDetailDTO;
  isEditor: boolean;
  onChanged: OnClaimChanged;
}) {
  const { run, pending, error, clearError } = useAction();
  const submission = useSubmissionKey();
  const [open, setOpen] = useState(false);
  const { report } = claim;
  if (!report.onReport && report.corrections.length === 0) return null;
  return (
    <div data-testid="report-corrections">
      <h3 className={sectionTitleClass}>On the public report</h3>
      <p className="text-xs text-muted">
        {report.underCorrection
          ? "Readers see the claim as it was last verified, marked as being re-checked, until an editor verifies it again."
          : report.onReport
            ? "Readers see this verdict. Changes to it ask for a public note first."
            : "No longer on the report."}
      </p>
      {report.corrections.length > 0 && (
        <ol className="mt-2 space-y-1.5 text-xs">
          {report.corrections.map((c) => (
            <li key={c.id} className="rounded-md border border-rule bg-stone-50 p-2">
              <span className="font-semibold text-ink">{KIND[c.kind]}</span> · <When iso={c.at} /> · {c.by.name}
              <p className="mt-0.5 text-ink">{c.note}</p>
            </li>
          ))}
        </ol>
      )}
      {isEditor && report.onReport && (
        <button type="button" className={`${linkButtonClass} mt-2`} onClick={() => setOpen(true)}>
          Add a correction note
        </button>
      )}
      {open && (
        <CorrectionDialog
          action="Add a note to this claim on the report"
          consequence="The note appears, dated, on the claim's card and in the report's corrections log."
          defaultKind="update"
          pending={pending}
          error={error}
          onConfirm={async ({ note, kind }) => {
            const input = { claimId: claim.id, note, kind };
            // A retry of the same note carries the same key: the log gets it once.
            const done = await run(() => addCorrectionAction(input, { idempotencyKey: submission.keyFor(input) }));
            if (done) {
              submission.done();
              setOpen(false);
              onChanged(done);
            }
          }}
          onCancel={() => {
            setOpen(false);
            clearError();
          }}
        />
      )}
    </div>
  );
}
