"use client";

import { EvidenceMetaFields } from "@/components/claims/EvidenceMetaFields";
import { withCheckedInput } from "@/lib/validation/parse";
import { EvidenceCard } from "@/components/claims/EvidenceCard";
import { AttachEvidenceForm } from "@/components/claims/AttachEvidenceForm";
import { ZAddEvidence } from "@/lib/validation/claims";
import { forwardRef, useCallback, useState, type FormEvent } from "react";
import { useFormFocus } from "@/components/ui/useFormFocus";
import type { ClaimDetailDTO } from "@/lib/claims/get-claim";
import { addEvidenceAction } from "@/lib/actions/claims";
import { FormError } from "@/components/ui/FormError";
import { buttonClass, inputClass, quietButtonClass, sectionTitleClass } from "@/components/ui/styles";
import { useAction } from "@/components/claims/useAction";
import type { OnClaimChanged } from "@/components/claims/ClaimPanel";
import { hasDraft, useDraft } from "@/components/claims/drafts";
import { useSubmissionKey } from "@/components/ui/useSubmissionKey";
import { evidenceLock } from "@/lib/claims/workflow";

type Props = { claim: ClaimDetailDTO; canEdit: boolean; canSignOff: boolean; meId: string; onChanged: OnClaimChanged };

const today = () => new Date().toISOString().slice(0, 10);

export const EvidenceSection = forwardRef<HTMLInputElement, Props>(function EvidenceSection(
  { claim, canEdit, canSignOff, meId, onChanged },
  ref,
) {
  const live = claim.evidence.filter((item) => !item.deletedAt);
  const flagged = live.filter((item) => item.source.flag).length;
  // A verified claim's sources are what the editor signed off (the server refuses changes with the same rule).
  const lock = evidenceLock(claim.status);
  const [attaching, setAttaching] = useState(false);
  const [open, setOpen] = useState(() => hasDraft(meId, claim.id, "evidence"));
  const empty = { url: "", title: "", excerpt: "", stance: "supports", sourceType: "primary", retrievedAt: today() };
  const [form, setForm, clearDraft] = useDraft(meId, claim.id, "evidence", empty);
  const { run, pending, error } = useAction();
  const submission = useSubmissionKey();
  const set = (field: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [field]: e.target.value });
  // Closing the form removes the control that had focus: "Add evidence" takes it, ready for the next source. Opening
  // it puts focus in its first field; a form restored from a draft as the panel opens takes none (keys33: it took
  // focus from the top search box while the reader typed there).
  const { opening, closing, fieldRef, buttonRef } = useFormFocus(`evidence:${claim.id}`);
  const urlRef = useCallback(
    (el: HTMLInputElement | null) => {
      fieldRef(el);
      if (typeof ref === "function") ref(el);
      else if (ref) ref.current = el;
    },
    [fieldRef, ref],
  );
  const close = () => {
    closing();
    setOpen(false);
  };

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    // A retry of the same evidence carries the same key: the server adds it once.
    const done = await run(() =>
      withCheckedInput(ZAddEvidence, { claimId: claim.id, ...form }, (input) =>
        addEvidenceAction(input, { idempotencyKey: submission.keyFor(input) }),
      ),
    );
    if (done) {
      submission.done();
      clearDraft(empty);
      close();
      onChanged(done);
    }
  }

  return (
    <div>
      <h3 className={sectionTitleClass}>Evidence ({live.length})</h3>
      {claim.evidence.length === 0 && <p className="mb-2 text-sm text-muted">No sources yet.</p>}
      {flagged > 0 && (
        <p className="mb-2 rounded-md bg-amber-50 px-2 py-1 text-xs text-amber-900" role="note">
          {flagged === 1 ? "One source has" : `${flagged} sources have`} changed or gone since archived.
        </p>
      )}
      {canEdit && lock && claim.evidence.length > 0 && (
        <p className="mb-2 text-xs text-muted" role="note" data-testid="evidence-lock">
          {lock.hint}
        </p>
      )}
      <ul className="space-y-2" data-testid="evidence-list">
        {claim.evidence.map((item) => (
          <EvidenceCard
            key={`${item.id}-${item.version}`}
            item={item}
            canChange={canEdit && !lock && (canSignOff || item.addedBy.id === meId)}
            onChanged={onChanged}
          />
        ))}
      </ul>
      {canEdit && !open && !attaching && (
        <div className="mt-2 flex flex-wrap gap-2">
          <button
            type="button"
            ref={buttonRef}
            data-action="add-evidence"
            className={quietButtonClass}
            onClick={() => (opening(), setOpen(true))}
          >
            Add evidence
          </button>
          <button type="button" className={quietButtonClass} onClick={() => setAttaching(true)}>
            Attach a file
          </button>
        </div>
      )}
      {canEdit && attaching && (
        <AttachEvidenceForm
          claimId={claim.id}
          onDone={(added) => {
            closing();
            setAttaching(false);
            if (added) onChanged();
          }}
        />
      )}
      {canEdit && open && (
        <form onSubmit={onSubmit} className="mt-2 space-y-2 rounded-md border border-rule bg-stone-50 p-2.5" aria-label="Add evidence">
          <input
            dir="auto"
            ref={urlRef}
            aria-label="Source URL"
            className={inputClass}
            placeholder="https://…"
            value={form.url}
            onChange={set("url")}
          />
          <input
            dir="auto"
            aria-label="Source title"
            className={inputClass}
            placeholder="Title of the source"
            value={form.title}
            onChange={set("title")}
          />
          <textarea
            dir="auto"
            aria-label="Quoted excerpt"
            className={inputClass}
            rows={2}
            placeholder="The passage that matters (optional)"
            value={form.excerpt}
            onChange={set("excerpt")}
          />
          <EvidenceMetaFields form={form} set={set} />
          <div className="flex gap-2">
            <button type="submit" className={buttonClass} disabled={pending}>
              {pending ? "Saving…" : "Save evidence"}
            </button>
            <button
              type="button"
              className={quietButtonClass}
              onClick={() => {
                clearDraft(empty);
                close();
              }}
            >
              Cancel
            </button>
          </div>
          <FormError message={error} />
        </form>
      )}
    </div>
  );
});
