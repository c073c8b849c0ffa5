"use client";

import { useState, type FormEvent } from "react";
import type { ClaimDetailDTO } from "@/lib/claims/get-claim";
import { setClaimantAction } from "@/lib/actions/claims";
import { claimantLock } from "@/lib/claims/workflow";
import { ZSetClaimant } from "@/lib/validation/claimant";
import type { TConfirmCorrection } from "@/lib/validation/corrections";
import { withCheckedInput } from "@/lib/validation/parse";
import { CorrectionDialog } from "@/components/claims/CorrectionDialog";
import { hasDraft, useDraft } from "@/components/claims/drafts";
import { useAction } from "@/components/claims/useAction";
import type { OnClaimChanged } from "@/components/claims/ClaimPanel";
import { FormError } from "@/components/ui/FormError";
import { buttonClass, inputClass, linkButtonClass, sectionTitleClass } from "@/components/ui/styles";
import { useFormFocus } from "@/components/ui/useFormFocus";

type Props = { claim: ClaimDetailDTO; canEdit: boolean; canSignOff: boolean; meId: string; onChanged: OnClaimChanged };
type Form = { name: string; kind: "person" | "organization"; description: string; url: string; date: string };

const formOf = (claim: ClaimDetailDTO): Form => ({
  name: claim.claimant?.name ?? "",
  kind: claim.claimant?.kind ?? "person",
  description: claim.claimant?.description ?? "",
  url: claim.firstAppearance?.url ?? "",
  date: claim.firstAppearance?.date ?? "",
});

/**
 * Who made the claim (person or organisation, role) and where and when it first appeared. On a verified claim it is
 * read-only, with the reason, to everyone but editors and admins: the server's own rule (claimantLock).
 */
export function ClaimantSection({ claim, canEdit, canSignOff, meId, onChanged }: Props) {
  const lock = canEdit ? claimantLock({ actor: { canWrite: canEdit, canSignOff }, status: claim.status }) : null;
  const editable = canEdit && !lock;
  const [form, setForm, clearDraft] = useDraft<Form>(meId, claim.id, "claimant", formOf(claim));
  const [editing, setEditing] = useState(() => editable && hasDraft(meId, claim.id, "claimant"));
  const { run, pending, error, needsCorrection, clearError } = useAction();
  const [asking, setAsking] = useState(false);
  const { opening, closing, fieldRef, buttonRef } = useFormFocus(`claimant:${claim.id}`);
  const set = (field: keyof Form) => (e: { target: { value: string } }) => setForm({ ...form, [field]: e.target.value });

  async function save(confirmCorrection?: TConfirmCorrection) {
    const input = {
      claimId: claim.id,
      version: claim.version,
      claimant: form.name.trim() ? { name: form.name, kind: form.kind, description: form.description } : null,
      firstAppearance: form.url.trim() || form.date ? { url: form.url, date: form.date } : null,
      confirmCorrection,
    };
    const done = await run(() => withCheckedInput(ZSetClaimant, input, setClaimantAction));
    if (done) {
      clearDraft();
      closing();
      setEditing(false);
      setAsking(false);
      onChanged(done);
    }
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void save();
  }

  const { claimant, firstAppearance } = claim;
  return (
    <div data-testid="claimant-section">
      <h3 className={sectionTitleClass}>Who made the claim</h3>
      {!editing && (
        <>
          {claimant ? (
            <p className="text-sm" data-testid="claimant">
              <span className="font-medium">{claimant.name}</span>
              <span className="text-muted">
                {" "}
                · {claimant.kind === "person" ? "person" : "organisation"}
                {claimant.description ? `, ${claimant.description}` : ""}
              </span>
            </p>
          ) : (
            <p className="text-sm text-muted">Not recorded yet.</p>
          )}
          {firstAppearance && (
            <p className="text-xs text-muted">
              First appeared {firstAppearance.date ?? ""}{" "}
              {firstAppearance.url && (
                <a className="underline" href={firstAppearance.url} target="_blank" rel="noopener noreferrer nofollow">
                  {firstAppearance.url}
                </a>
              )}
            </p>
          )}
          {lock && (
            <p className="text-xs text-muted" role="note" data-testid="claimant-lock">
              {lock.hint}
            </p>
          )}
          {editable && claim.claimantSuggestion && !claimant && (
            <button
              type="button"
              className={`${linkButtonClass} mr-3`}
              onClick={() => {
                setForm({ ...form, name: claim.claimantSuggestion!, kind: "person" });
                opening();
                setEditing(true);
              }}
            >
              Suggested from the text: {claim.claimantSuggestion}
            </button>
          )}
          {editable && (
            <button
              type="button"
              ref={buttonRef}
              className={linkButtonClass}
              onClick={() => {
                opening();
                setEditing(true);
              }}
            >
              {claimant || firstAppearance ? "Edit" : "Add"}
            </button>
          )}
        </>
      )}
      {editing && editable && (
        <form onSubmit={onSubmit} className="grid grid-cols-2 gap-2" aria-label="Claimant">
          <label className="col-span-2 text-xs text-muted">
            Name
            <input
              dir="auto"
              aria-label="Claimant name"
              ref={fieldRef}
              className={inputClass}
              value={form.name}
              onChange={set("name")}
              placeholder="Who said or published it"
            />
          </label>
          <label className="text-xs text-muted">
            Kind
            <select aria-label="Claimant kind" className={inputClass} value={form.kind} onChange={set("kind")}>
              <option value="person">Person</option>
              <option value="organization">Organisation</option>
            </select>
          </label>
          <label className="text-xs text-muted">
            Role or description
            <input
              dir="auto"
              aria-label="Claimant role"
              className={inputClass}
              value={form.description}
              onChange={set("description")}
              placeholder="e.g. Prime Minister"
            />
          </label>
          <label className="text-xs text-muted">
            First appeared (URL)
            <input
              dir="auto"
              aria-label="First appearance URL"
              className={inputClass}
              value={form.url}
              onChange={set("url")}
              placeholder="https://…"
            />
          </label>
          <label className="text-xs text-muted">
            On
            <input aria-label="First appearance date" type="date" className={inputClass} value={form.date} onChange={set("date")} />
          </label>
          <div className="col-span-2 flex gap-2">
            <button type="submit" className={buttonClass} disabled={pending}>
              Save claimant
            </button>
            <button
              type="button"
              className={linkButtonClass}
              onClick={() => {
                clearDraft(formOf(claim));
                closing();
                setEditing(false);
              }}
            >
              Cancel
            </button>
          </div>
          {!asking && !needsCorrection && (
            <div className="col-span-2">
              <FormError message={error} />
            </div>
          )}
        </form>
      )}
      {(asking || needsCorrection) && (
        <CorrectionDialog
          action="Change who made the claim"
          defaultKind="update"
          consequence="Readers see the new details on the report and in its ClaimReview, with your note in the corrections log."
          pending={pending}
          error={needsCorrection ? null : error}
          onConfirm={(confirm) => {
            setAsking(true);
            void save(confirm);
          }}
          onCancel={() => {
            setAsking(false);
            clearError();
          }}
        />
      )}
    </div>
  );
}
