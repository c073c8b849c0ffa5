"use client";

import { useRef, useState, type FormEvent } from "react";
import type { ClaimDetailDTO } from "@/lib/claims/get-claim";
import { assignReviewersAction } from "@/lib/actions/claims";
import { FormError } from "@/components/ui/FormError";
import { buttonClass, inputClass, linkButtonClass, sectionTitleClass } from "@/components/ui/styles";
import { useAction } from "@/components/claims/useAction";
import type { OnClaimChanged } from "@/components/claims/ClaimPanel";
import { MemberPicker } from "@/components/members/MemberPicker";
import { useFormFocus } from "@/components/ui/useFormFocus";

type Props = { claim: ClaimDetailDTO; canAssign: boolean; onChanged: OnClaimChanged };

type Chosen = { id: string; name: string; openAssignments?: number };

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : "");

/** Who reviews the claim; an editor changes it with the member picker (one or two people, a due date). */
export function AssignSection({ claim, canAssign, onChanged }: Props) {
  const [editing, setEditing] = useState(false);
  const { closing, buttonRef } = useFormFocus(`assignees:${claim.id}`);
  const [chosen, setChosen] = useState<Chosen[]>(claim.assignees.map((a) => ({ id: a.id, name: a.name })));
  const [due, setDue] = useState(day(claim.assignees[0]?.dueAt ?? null));
  const { run, pending, error } = useAction();
  const dueRef = useRef<HTMLInputElement>(null);

  function add(member: Chosen) {
    const next = chosen.length < 2 ? [...chosen, member] : chosen;
    setChosen(next);
    // The picker goes away with the second person: keep the keyboard in the form.
    if (next.length === 2) window.setTimeout(() => dueRef.current?.focus(), 0);
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const done = await run(() => assignReviewersAction({ claimId: claim.id, reviewerIds: chosen.map((c) => c.id), dueAt: due || null }));
    if (done) {
      closing();
      setEditing(false);
      onChanged(done);
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
        <button type="button" ref={buttonRef} className={`${linkButtonClass} mt-1`} onClick={() => setEditing(true)}>
          {claim.assignees.length ? "Change" : "Assign reviewers"}
        </button>
      )}
      {canAssign && editing && (
        <form onSubmit={onSubmit} className="mt-2 space-y-2 rounded-md border border-rule bg-stone-50 p-2.5" aria-label="Assign reviewers">
          <p className="text-xs text-muted">One or two people.</p>
          {chosen.length > 0 && (
            <ul className="flex flex-wrap gap-1.5" aria-label="Chosen reviewers" data-testid="chosen-reviewers">
              {chosen.map((c) => (
                <li key={c.id} className="flex items-center gap-1 rounded-full border border-rule bg-white py-0.5 pr-1 pl-2.5 text-sm">
                  {c.name}
                  {c.openAssignments !== undefined && <span className="text-xs text-muted">· {c.openAssignments} open</span>}
                  <button
                    type="button"
                    aria-label={`Remove ${c.name}`}
                    className="grid h-5 w-5 place-items-center rounded-full text-muted hover:bg-stone-100 hover:text-accent"
                    onClick={() => setChosen((list) => list.filter((x) => x.id !== c.id))}
                  >
                    <span aria-hidden>×</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          {chosen.length < 2 && (
            <MemberPicker
              label={chosen.length === 0 ? "Find a reviewer" : "Add a second reviewer (optional)"}
              writersOnly
              exclude={chosen.map((c) => c.id)}
              autoFocus
              onPick={(m) => add({ id: m.id, name: m.name, openAssignments: m.openAssignments })}
            />
          )}
          <label className="block text-xs text-muted">
            Due date (optional)
            <input
              ref={dueRef}
              type="date"
              aria-label="Due date"
              className={inputClass}
              value={due}
              onChange={(e) => setDue(e.target.value)}
            />
          </label>
          <div className="flex gap-2">
            <button type="submit" className={buttonClass} disabled={pending || chosen.length === 0}>
              Save
            </button>
            <button
              type="button"
              className={linkButtonClass}
              onClick={() => {
                closing();
                setEditing(false);
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
}
