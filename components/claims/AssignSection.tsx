"use client";

import { useState, type FormEvent } from "react";
import type { ClaimDetailDTO } from "@/lib/claims/get-claim";
import { assignReviewersAction } from "@/lib/actions/claims";
import { FormError } from "@/components/ui/FormError";
import { buttonClass, inputClass, linkButtonClass, sectionTitleClass } from "@/components/ui/styles";
import { useAction } from "@/components/claims/useAction";

export type TeamMember = { id: string; name: string; role: string };

type Props = { claim: ClaimDetailDTO; canAssign: boolean; members: TeamMember[]; onChanged: () => void };

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : "");

export function AssignSection({ claim, canAssign, members, onChanged }: Props) {
  const [editing, setEditing] = useState(false);
  const [chosen, setChosen] = useState<string[]>(claim.assignees.map((a) => a.id));
  const [due, setDue] = useState(day(claim.assignees[0]?.dueAt ?? null));
  const { run, pending, error } = useAction();
  const candidates = members.filter((m) => m.role !== "viewer");

  function toggle(id: string) {
    setChosen((list) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]));
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const done = await run(() => assignReviewersAction({ claimId: claim.id, reviewerIds: chosen, dueAt: due || null }));
    if (done) {
      setEditing(false);
      onChanged();
    }
  }

  return (
    <div>
      <h3 className={sectionTitleClass}>Assigned to</h3>
      {claim.assignees.length === 0 ? (
        <p className="text-sm text-muted">Nobody yet.</p>
      ) : (
        <p className="text-sm" data-testid="assignees">
          {claim.assignees.map((a) => a.name).join(" and ")}
          {claim.assignees[0]?.dueAt && <span className="text-muted"> · due {day(claim.assignees[0].dueAt)}</span>}
        </p>
      )}
      {canAssign && !editing && (
        <button type="button" className={`${linkButtonClass} mt-1`} onClick={() => setEditing(true)}>
          {claim.assignees.length ? "Change" : "Assign reviewers"}
        </button>
      )}
      {canAssign && editing && (
        <form onSubmit={onSubmit} className="mt-2 space-y-2 rounded-md border border-rule bg-stone-50 p-2.5" aria-label="Assign reviewers">
          <fieldset className="space-y-1 text-sm">
            <legend className="mb-1 text-xs text-muted">One or two people</legend>
            {candidates.map((m) => (
              <label key={m.id} className="flex items-center gap-2">
                <input
                  type="checkbox"
                  checked={chosen.includes(m.id)}
                  onChange={() => toggle(m.id)}
                  disabled={!chosen.includes(m.id) && chosen.length >= 2}
                />
                {m.name} <span className="text-xs text-muted">{m.role}</span>
              </label>
            ))}
          </fieldset>
          <label className="block text-xs text-muted">
            Due date (optional)
            <input type="date" aria-label="Due date" className={inputClass} value={due} onChange={(e) => setDue(e.target.value)} />
          </label>
          <div className="flex gap-2">
            <button type="submit" className={buttonClass} disabled={pending || chosen.length === 0}>
              Save
            </button>
            <button type="button" className={linkButtonClass} onClick={() => setEditing(false)}>
              Cancel
            </button>
          </div>
          <FormError message={error} />
        </form>
      )}
    </div>
  );
}
