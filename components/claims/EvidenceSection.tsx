"use client";

import { withCheckedInput } from "@/lib/validation/parse";
import { When } from "@/components/ui/When";
import { ZAddEvidence } from "@/lib/validation/claims";
import { forwardRef, useState, type FormEvent } from "react";
import type { ClaimDetailDTO } from "@/lib/claims/get-claim";
import { addEvidenceAction } from "@/lib/actions/claims";
import { FormError } from "@/components/ui/FormError";
import { buttonClass, inputClass, quietButtonClass, sectionTitleClass } from "@/components/ui/styles";
import { useAction } from "@/components/claims/useAction";
import { hasDraft, useDraft } from "@/components/claims/drafts";
import { useSubmissionKey } from "@/components/ui/useSubmissionKey";

const STANCE_STYLE: Record<string, string> = {
  supports: "bg-emerald-100 text-emerald-900",
  contradicts: "bg-red-100 text-red-900",
  context: "bg-stone-200 text-stone-800",
};

type Props = { claim: ClaimDetailDTO; canEdit: boolean; meId: string; onChanged: () => void };

const today = () => new Date().toISOString().slice(0, 10);

export const EvidenceSection = forwardRef<HTMLInputElement, Props>(function EvidenceSection({ claim, canEdit, meId, onChanged }, ref) {
  const [open, setOpen] = useState(() => hasDraft(meId, claim.id, "evidence"));
  const empty = { url: "", title: "", excerpt: "", stance: "supports", sourceType: "primary", retrievedAt: today() };
  const [form, setForm, clearDraft] = useDraft(meId, claim.id, "evidence", empty);
  const { run, pending, error } = useAction();
  const submission = useSubmissionKey();
  const set = (field: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [field]: e.target.value });

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
      setOpen(false);
      onChanged();
    }
  }

  return (
    <div>
      <h3 className={sectionTitleClass}>Evidence ({claim.evidence.length})</h3>
      {claim.evidence.length === 0 && <p className="mb-2 text-sm text-muted">No sources yet.</p>}
      <ul className="space-y-2" data-testid="evidence-list">
        {claim.evidence.map((item) => (
          <li key={item.id} className="rounded-md border border-rule bg-white p-2.5 text-sm">
            <div className="flex flex-wrap items-center gap-1.5 text-xs">
              <span className={`rounded px-1.5 py-0.5 font-medium ${STANCE_STYLE[item.stance]}`}>{item.stance}</span>
              <span className="rounded border border-rule px-1.5 py-0.5 text-muted">{item.sourceType} source</span>
              <span className="text-muted">retrieved {item.retrievedAt.slice(0, 10)}</span>
            </div>
            <a
              href={item.url}
              target="_blank"
              rel="noopener noreferrer nofollow"
              className="mt-1 block font-medium text-accent underline-offset-2 hover:underline"
            >
              {item.title}
            </a>
            {item.excerpt && (
              <blockquote className="mt-1 border-l-2 border-rule pl-2 font-serif text-muted" dir="auto">
                {item.excerpt}
              </blockquote>
            )}
            <p className="mt-1 text-xs text-muted">
              Added by {item.addedBy.name}, <When iso={item.createdAt} />
            </p>
          </li>
        ))}
      </ul>
      {canEdit && !open && (
        <button type="button" data-action="add-evidence" className={`${quietButtonClass} mt-2`} onClick={() => setOpen(true)}>
          Add evidence
        </button>
      )}
      {canEdit && open && (
        <form onSubmit={onSubmit} className="mt-2 space-y-2 rounded-md border border-rule bg-stone-50 p-2.5" aria-label="Add evidence">
          <input
            dir="auto"
            ref={ref}
            aria-label="Source URL"
            className={inputClass}
            placeholder="https://…"
            value={form.url}
            onChange={set("url")}
            autoFocus
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
          <div className="grid grid-cols-3 gap-2">
            <select aria-label="Stance" className={inputClass} value={form.stance} onChange={set("stance")}>
              <option value="supports">Supports</option>
              <option value="contradicts">Contradicts</option>
              <option value="context">Context</option>
            </select>
            <select aria-label="Source type" className={inputClass} value={form.sourceType} onChange={set("sourceType")}>
              <option value="primary">Primary</option>
              <option value="secondary">Secondary</option>
            </select>
            <input aria-label="Date retrieved" type="date" className={inputClass} value={form.retrievedAt} onChange={set("retrievedAt")} />
          </div>
          <div className="flex gap-2">
            <button type="submit" className={buttonClass} disabled={pending}>
              {pending ? "Saving…" : "Save evidence"}
            </button>
            <button
              type="button"
              className={quietButtonClass}
              onClick={() => {
                clearDraft(empty);
                setOpen(false);
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
