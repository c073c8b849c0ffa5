"use client";

import { useEffect, useRef, useState, type FormEvent } from "react";
import type { TConfirmCorrection } from "@/lib/validation/corrections";
import { FormError } from "@/components/ui/FormError";
import { buttonClass, inputClass, quietButtonClass } from "@/components/ui/styles";

type Props = {
  /** What is about to happen, in a sentence ("Reopen this claim", "Attach it to the new words"). */
  action: string;
  defaultKind: "update" | "correction";
  pending: boolean;
  error: string | null;
  onConfirm: (confirm: Required<TConfirmCorrection>) => void;
  onCancel: () => void;
  /** What readers will see; by default, the claim kept as they saw it while it is re-checked. */
  consequence?: string;
};

const RECHECK =
  "Readers see the change. The report keeps the claim as they saw it, marked as being re-checked, with your note in its corrections log, until an editor verifies it again.";

/**
 * Asks before a change readers of the published report will see, and for the public note the
 * report's corrections log shows. The server refuses such a change without the note too.
 */
export function CorrectionDialog({ action, defaultKind, pending, error, onConfirm, onCancel, consequence = RECHECK }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [note, setNote] = useState("");
  const [kind, setKind] = useState(defaultKind);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  function submit(event: FormEvent) {
    event.preventDefault();
    onConfirm({ note, kind });
  }

  return (
    <dialog
      ref={dialog}
      aria-labelledby="correction-title"
      className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg border border-rule bg-white p-5 shadow-xl backdrop:bg-stone-900/40"
      data-testid="correction-dialog"
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
      // Esc belongs to the dialog here, not to the workspace (which would close the claim).
      onKeyDown={(e) => e.key === "Escape" && e.stopPropagation()}
    >
      <form onSubmit={submit} className="space-y-3">
        <h2 id="correction-title" className="text-base font-semibold text-ink">
          This claim is on the published report
        </h2>
        <p className="text-sm text-ink">
          {action}? {consequence}
        </p>
        <fieldset className="flex gap-4 text-sm">
          <legend className="sr-only">Kind of change</legend>
          <label className="flex items-center gap-1.5">
            <input type="radio" name="kind" value="update" checked={kind === "update"} onChange={() => setKind("update")} /> Update
          </label>
          <label className="flex items-center gap-1.5">
            <input type="radio" name="kind" value="correction" checked={kind === "correction"} onChange={() => setKind("correction")} />{" "}
            Correction
          </label>
        </fieldset>
        <label className="block text-xs text-muted">
          Public note (shown on the report)
          <textarea
            dir="auto"
            aria-label="Public note"
            className={inputClass}
            rows={3}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            placeholder="What changed and why, for readers"
            autoFocus
          />
        </label>
        <FormError message={error} />
        <div className="flex justify-end gap-2">
          <button type="button" className={quietButtonClass} onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className={buttonClass} disabled={pending || note.trim().length === 0}>
            Confirm and publish the note
          </button>
        </div>
      </form>
    </dialog>
  );
}
