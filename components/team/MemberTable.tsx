"use client";

import { withCheckedInput } from "@/lib/validation/parse";
import { ZUpdateMember } from "@/lib/validation/team";
import { useRouter } from "next/navigation";
import { useCallback, useState } from "react";
import type { ActionResult } from "@/lib/http/action";
import type { MemberDTO } from "@/lib/teams/members";
import { resetPasswordAction, updateMemberAction } from "@/lib/actions/team";
import { useAction } from "@/components/claims/useAction";
import { FormError } from "@/components/ui/FormError";
import { linkButtonClass } from "@/components/ui/styles";
import { alertDialogKeyDown } from "@/components/ui/alert-dialog-keys";
import type { Role } from "@/lib/generated/prisma/enums";
import { ROLES } from "@/lib/access/roles";
import { RoleSelect } from "@/components/team/RoleSelect";

type Props = { members: MemberDTO[]; isAdmin: boolean; meId: string };

/** Members and, for admins, changing roles, disabling and password resets (people join by invitation: Invitations). */
export function MemberTable({ members, isAdmin, meId }: Props) {
  const router = useRouter();
  const { run, pending, error } = useAction();
  const [secret, setSecret] = useState<{ email: string; password: string } | null>(null);
  // Disabling someone and resetting a password take effect at once for that person: asked first.
  const [confirming, setConfirming] = useState<{ memberId: string; kind: "disable" | "reset" } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [demotion, setDemotion] = useState<{ member: MemberDTO; role: Role } | null>(null);
  // The role-change warning is an alert dialog (WAI-ARIA APG, as the publishing strip's): focus moves into it on Cancel
  // as it opens; Escape or Cancel closes it and focus goes back to the role select it came from (keys30).
  const focusCancel = useCallback((el: HTMLButtonElement | null) => el?.focus(), []);
  function cancelDemotion() {
    const label = demotion ? `Role of ${demotion.member.name}` : null;
    setDemotion(null);
    if (label) document.querySelector<HTMLSelectElement>(`select[aria-label="${CSS.escape(label)}"]`)?.focus();
  }

  async function act<T>(action: () => Promise<ActionResult<T>>): Promise<T | null> {
    const data = await run(action);
    if (data) router.refresh();
    return data;
  }

  async function onReset(memberId: string) {
    setConfirming(null);
    const reset = await act(() => resetPasswordAction({ memberId }));
    if (reset) setSecret(reset);
  }

  async function onDisable(member: MemberDTO) {
    setConfirming(null);
    const done = await act(() => updateMemberAction({ memberId: member.id, disabled: !member.disabled }));
    if (done) setNotice(`${member.name} is ${member.disabled ? "enabled" : "disabled"}.`);
  }

  async function onRole(member: MemberDTO, role: string) {
    const done = await act(() => withCheckedInput(ZUpdateMember, { memberId: member.id, role }, updateMemberAction));
    if (done) setNotice(`Saved: ${member.name} is now ${role}.`);
  }

  return (
    <div className="space-y-6">
      {secret && (
        <div role="status" className="rounded-md border border-amber-300 bg-amber-50 p-4 text-sm" data-testid="one-time-password">
          New password for <strong>{secret.email}</strong>:{" "}
          <code className="rounded bg-white px-1.5 py-0.5 font-mono">{secret.password}</code>
          <p className="mt-1 text-xs text-muted">Shown only now. Pass it on securely; it is not stored anywhere readable.</p>
          <button type="button" className={`${linkButtonClass} mt-2`} onClick={() => setSecret(null)}>
            Done
          </button>
        </div>
      )}
      {demotion && (
        <div
          role="alertdialog"
          aria-modal="true"
          aria-label="Confirm role change"
          onKeyDown={(event) => alertDialogKeyDown(event, cancelDemotion)}
          className="rounded-md border border-red-200 bg-red-50 p-3 text-sm"
        >
          Change {demotion.member.name} from {demotion.member.role} to {demotion.role}? They lose rights and are signed out everywhere.
          <div className="mt-2 space-x-3">
            <button
              type="button"
              className="rounded bg-red-700 px-2 py-0.5 text-xs font-medium text-white hover:bg-red-800"
              onClick={() => {
                const { member, role } = demotion;
                setDemotion(null);
                void onRole(member, role);
              }}
            >
              Change role
            </button>
            <button type="button" ref={focusCancel} className={linkButtonClass} onClick={cancelDemotion}>
              Cancel
            </button>
          </div>
        </div>
      )}
      <FormError message={error} />
      <p role="status" className={notice ? "text-sm text-emerald-800" : "sr-only"} data-testid="member-notice">
        {notice ? `✓ ${notice}` : ""}
      </p>
      <div className="relative overflow-x-auto rounded-lg border border-rule bg-white">
        {/* Below 640 px each member is a stacked block (name, email, role, account, actions) instead of a row of five
            squeezed columns, which broke each email address into a few letters a line. */}
        <table className="w-full text-left text-sm max-sm:block">
          <thead className="border-b border-rule bg-stone-50 text-xs uppercase tracking-wide text-muted max-sm:hidden">
            <tr>
              <th className="px-4 py-3">Name</th>
              <th className="px-4 py-3">Email</th>
              <th className="px-4 py-3">Role</th>
              <th className="px-4 py-3">Account</th>
              {isAdmin && (
                <th className="px-4 py-3">
                  <span className="sr-only">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody className="max-sm:block">
            {members.map((m) => (
              <tr key={m.id} className="border-b border-rule last:border-0 max-sm:block max-sm:py-2" data-testid={`member-${m.email}`}>
                <td className="max-w-[16rem] px-4 py-3 font-medium break-words max-sm:block max-sm:max-w-none max-sm:py-0.5">{m.name}</td>
                <td
                  className="max-w-[18rem] px-4 py-3 break-all text-muted max-sm:block max-sm:max-w-none max-sm:py-0.5"
                  data-testid="member-email"
                >
                  {m.email}
                </td>
                <td className="px-4 py-3 max-sm:block max-sm:py-0.5">
                  <span className="text-muted sm:hidden">Role: </span>
                  {isAdmin && m.userId !== meId ? (
                    <RoleSelect
                      label={`Role of ${m.name}`}
                      className="min-w-[8rem]"
                      value={m.role}
                      disabled={pending}
                      onChange={(role) => {
                        // Fewer rights end the person's sessions: that asks first.
                        if (ROLES.indexOf(role) > ROLES.indexOf(m.role)) setDemotion({ member: m, role });
                        else void onRole(m, role);
                      }}
                    />
                  ) : (
                    m.role
                  )}
                </td>
                <td className="px-4 py-3 max-sm:block max-sm:py-0.5">
                  <span className="text-muted sm:hidden">Account: </span>
                  {m.disabled ? <span className="text-red-700">disabled</span> : "active"}
                </td>
                {isAdmin && (
                  <td className="space-x-3 px-4 py-3 text-right whitespace-nowrap max-sm:block max-sm:py-0.5 max-sm:text-left max-sm:whitespace-normal">
                    {m.userId !== meId && confirming?.memberId === m.id ? (
                      <span role="group" aria-label="Confirm" className="space-x-3">
                        <span className="text-muted">
                          {confirming.kind === "reset" ? `Reset ${m.name}'s password?` : `Disable ${m.name}? They are signed out.`}
                        </span>
                        <button
                          type="button"
                          autoFocus
                          className={linkButtonClass}
                          disabled={pending}
                          onClick={() => void (confirming.kind === "reset" ? onReset(m.id) : onDisable(m))}
                        >
                          {confirming.kind === "reset" ? "Yes, reset" : "Yes, disable"}
                        </button>
                        <button type="button" className={linkButtonClass} onClick={() => setConfirming(null)}>
                          Cancel
                        </button>
                      </span>
                    ) : (
                      m.userId !== meId && (
                        <>
                          <button
                            type="button"
                            className={linkButtonClass}
                            disabled={pending}
                            onClick={() => (m.disabled ? void onDisable(m) : setConfirming({ memberId: m.id, kind: "disable" }))}
                          >
                            {m.disabled ? "Enable" : "Disable"}
                          </button>
                          <button
                            type="button"
                            className={linkButtonClass}
                            disabled={pending}
                            onClick={() => setConfirming({ memberId: m.id, kind: "reset" })}
                          >
                            Reset password
                          </button>
                        </>
                      )
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
