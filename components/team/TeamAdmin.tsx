"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { archiveTeamAction, createTeamAction, renameTeamAction, unarchiveTeamAction } from "@/lib/actions/team";
import type { ArchivedTeamDTO } from "@/lib/teams/manage-teams";
import { When } from "@/components/ui/When";
import { withCheckedInput } from "@/lib/validation/parse";
import { ZTeamName } from "@/lib/validation/onboarding";
import { useAction } from "@/components/claims/useAction";
import { FormError } from "@/components/ui/FormError";
import { buttonClass, inputClass, linkButtonClass, quietButtonClass, sectionTitleClass } from "@/components/ui/styles";

/**
 * Admins rename or archive this team (archiving asks for the name, typed), create new teams, and bring back teams
 * they administered that are archived (no confirmation: nothing is lost either way).
 */
export function TeamAdmin({ teamName, archived }: { teamName: string; archived: ArchivedTeamDTO[] }) {
  const router = useRouter();
  const { run, pending, error } = useAction();
  const [name, setName] = useState(teamName);
  const [newTeam, setNewTeam] = useState("");
  const [created, setCreated] = useState<string | null>(null);
  const [archiving, setArchiving] = useState(false);
  const [confirmName, setConfirmName] = useState("");
  const [restored, setRestored] = useState<string | null>(null);

  async function onRename(event: FormEvent) {
    event.preventDefault();
    if (await run(() => withCheckedInput(ZTeamName, { name }, renameTeamAction))) router.refresh();
  }
  async function onCreate(event: FormEvent) {
    event.preventDefault();
    const team = await run(() => withCheckedInput(ZTeamName, { name: newTeam }, createTeamAction));
    if (team) {
      setCreated(team.name);
      setNewTeam("");
      router.refresh();
    }
  }
  async function onArchive(event: FormEvent) {
    event.preventDefault();
    if (await run(() => archiveTeamAction({ confirmName }))) {
      setArchiving(false);
      router.push("/articles");
      router.refresh();
    }
  }

  async function onUnarchive(teamId: string) {
    const team = await run(() => unarchiveTeamAction({ teamId }));
    if (team) {
      setRestored(team.name);
      router.refresh();
    }
  }

  return (
    <section aria-labelledby="team-admin-title" className="space-y-3">
      <h2 id="team-admin-title" className={sectionTitleClass}>
        Teams
      </h2>
      <FormError message={error} />
      <div className="grid gap-3 sm:grid-cols-2">
        <form onSubmit={onRename} aria-label="Rename team" className="flex items-end gap-2 rounded-lg border border-rule bg-white p-4">
          <label className="block flex-1 text-sm">
            <span className="text-xs text-muted">Team name</span>
            <input className={inputClass} value={name} onChange={(e) => setName(e.target.value)} />
          </label>
          <button type="submit" className={quietButtonClass} disabled={pending || name === teamName}>
            Rename
          </button>
        </form>
        <form onSubmit={onCreate} aria-label="Create team" className="flex items-end gap-2 rounded-lg border border-rule bg-white p-4">
          <label className="block flex-1 text-sm">
            <span className="text-xs text-muted">New team (you become its admin)</span>
            <input className={inputClass} placeholder="Politics desk" value={newTeam} onChange={(e) => setNewTeam(e.target.value)} />
          </label>
          <button type="submit" className={buttonClass} disabled={pending}>
            Create team
          </button>
        </form>
      </div>
      {created && (
        <p role="status" className="text-sm">
          {created} is created. Switch to it from the team menu in the top bar.
        </p>
      )}
      {restored && (
        <p role="status" className="text-sm">
          {restored} is back. Its members see it again; switch to it from the team menu in the top bar.
        </p>
      )}
      {archived.length > 0 && (
        <div className="rounded-lg border border-rule bg-white p-4 text-sm" data-testid="archived-teams">
          <h3 className="font-medium">Archived teams</h3>
          <p className="mb-2 text-xs text-muted">
            Hidden from their members. Bringing one back restores it as it was, members and work included.
          </p>
          <ul className="divide-y divide-rule">
            {archived.map((t) => (
              <li key={t.id} className="flex flex-wrap items-center justify-between gap-2 py-1.5">
                <span>
                  <span className="font-medium">{t.name}</span>{" "}
                  <span className="text-xs text-muted">
                    archived <When iso={t.archivedAt} />
                  </span>
                </span>
                <button
                  type="button"
                  className={quietButtonClass}
                  disabled={pending}
                  onClick={() => onUnarchive(t.id)}
                  aria-label={`Unarchive ${t.name}`}
                >
                  Unarchive
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {archiving ? (
        <form onSubmit={onArchive} aria-label="Archive team" className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm">
          <p>
            Archiving hides <strong>{teamName}</strong> from every member at once; nothing is deleted. Type the team&apos;s name to confirm.
          </p>
          <div className="mt-2 flex flex-wrap items-end gap-2">
            <input
              aria-label="Team name to confirm"
              className={`${inputClass} max-w-xs`}
              value={confirmName}
              onChange={(e) => setConfirmName(e.target.value)}
            />
            <button
              type="submit"
              className="rounded-md bg-red-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-800 disabled:opacity-50"
              disabled={pending || confirmName !== teamName}
            >
              Archive team
            </button>
            <button type="button" className={linkButtonClass} onClick={() => setArchiving(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <button type="button" className={linkButtonClass} onClick={() => setArchiving(true)}>
          Archive this team…
        </button>
      )}
    </section>
  );
}
