"use client";

import { withCheckedInput } from "@/lib/validation/parse";
import { ZSetNumeric } from "@/lib/validation/claims";
import { useState, type FormEvent } from "react";
import type { ClaimDetailDTO } from "@/lib/claims/get-claim";
import { setNumericAction } from "@/lib/actions/claims";
import { FormError } from "@/components/ui/FormError";
import { buttonClass, inputClass, linkButtonClass, sectionTitleClass } from "@/components/ui/styles";
import { useAction } from "@/components/claims/useAction";
import type { OnClaimChanged } from "@/components/claims/ClaimPanel";
import { hasDraft, useDraft } from "@/components/claims/drafts";
import { useFormFocus } from "@/components/ui/useFormFocus";

const FIELDS = [
  ["value", "Value"],
  ["unit", "Unit"],
  ["shareOf", "Share of"],
  ["subject", "Subject"],
  ["place", "Place"],
  ["period", "Period"],
] as const;

type Field = (typeof FIELDS)[number][0];

/** The claim's numbers as data (value, unit, what it is a share of …), correctable by hand. */
export function NumericSection({
  claim,
  canEdit,
  meId,
  onChanged,
}: {
  claim: ClaimDetailDTO;
  canEdit: boolean;
  meId: string;
  onChanged: OnClaimChanged;
}) {
  const numeric = claim.numeric;
  const initial = Object.fromEntries(FIELDS.map(([key]) => [key, numeric?.[key] === undefined ? "" : String(numeric[key])])) as Record<
    Field,
    string
  >;
  // A draft survives this section being remounted when a colleague changes the claim (it is keyed on the version).
  const [editing, setEditing] = useState(() => hasDraft(meId, claim.id, "numbers"));
  const { opening, closing, fieldRef, buttonRef } = useFormFocus(`numbers:${claim.id}`);
  const open = () => {
    opening();
    setEditing(true);
  };
  const [form, setForm, clearDraft] = useDraft(meId, claim.id, "numbers", initial);
  const { run, pending, error } = useAction();

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const cleaned = Object.fromEntries(Object.entries(form).filter(([, v]) => v.trim() !== ""));
    const done = await run(() =>
      withCheckedInput(
        ZSetNumeric,
        { claimId: claim.id, version: claim.version, numeric: { ...cleaned, approximate: numeric?.approximate ?? false } },
        setNumericAction,
      ),
    );
    if (done) {
      clearDraft();
      closing();
      setEditing(false);
      onChanged(done);
    }
  }

  if (!numeric && !editing) {
    return canEdit ? (
      <button type="button" ref={buttonRef} className={linkButtonClass} onClick={open}>
        Add the claim&apos;s numbers
      </button>
    ) : null;
  }
  return (
    <div data-testid="numeric">
      <h3 className={sectionTitleClass}>Numbers</h3>
      {!editing ? (
        <>
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-sm">
            {FIELDS.filter(([key]) => numeric?.[key] !== undefined).map(([key, label]) => (
              <div key={key} className="contents">
                <dt className="text-muted">{label}</dt>
                <dd>
                  {key === "value" && numeric?.approximate ? "about " : ""}
                  {String(numeric?.[key])}
                </dd>
              </div>
            ))}
          </dl>
          {canEdit && (
            // "Edit numbers", not "Correct": beside a claim, "Correct" reads as a verdict on it.
            <button type="button" ref={buttonRef} className={`${linkButtonClass} mt-1`} onClick={open}>
              Edit numbers
            </button>
          )}
        </>
      ) : (
        <form onSubmit={onSubmit} className="grid grid-cols-2 gap-2" aria-label="Claim numbers">
          {FIELDS.map(([key, label], index) => (
            <label key={key} className="text-xs text-muted">
              {label}
              <input
                ref={index === 0 ? fieldRef : undefined}
                dir="auto"
                className={inputClass}
                aria-label={label}
                value={form[key]}
                onChange={(e) => setForm({ ...form, [key]: e.target.value })}
              />
            </label>
          ))}
          <div className="col-span-2 flex gap-2">
            <button type="submit" className={buttonClass} disabled={pending}>
              Save numbers
            </button>
            <button
              type="button"
              className={linkButtonClass}
              onClick={() => {
                clearDraft(initial);
                closing();
                setEditing(false);
              }}
            >
              Cancel
            </button>
          </div>
          <div className="col-span-2">
            <FormError message={error} />
          </div>
        </form>
      )}
    </div>
  );
}
