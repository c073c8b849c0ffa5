"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { inviteMemberAction, resendInvitationAction, revokeInvitationAction } from "@/lib/actions/team";
import type { Role } from "@/lib/generated/prisma/enums";
import type { ActionResult } from "@/lib/http/result";
import type { InvitationDTO } from "@/lib/onboarding/invitations";
import { withCheckedInput } from "@/lib/validation/parse";
import { ZInvite } from "@/lib/validation/onboarding";
import { useAction } from "@/components/claims/useAction";
import { ConfirmButton } from "@/components/ui/ConfirmButton";
import { FormError } from "@/components/ui/FormError";
import { RoleSelect } from "@/components/team/RoleSelect";
import { buttonClass, inputClass, linkButtonClass, sectionTitleClass } from "@/components/ui/styles";

type Props = { invitations: InvitationDTO[]; mailOn: boolean };
type Sent = { email: string; url: string; mailed: boolean };

/** Admins invite people by email with a role; pending invitations can be resent (new link) or revoked. */
export function Invitations({ invitations, mailOn }: Props) {
  const router = useRouter();
  const { run, pending, error } = useAction();
  const [form, setForm] = useState<{ email: string; role: Role }>({ email: "", role: "reviewer" });
  // Every link made in this visit, newest first: each is shown once (not stored), so inviting several people
  // in a row must not hide the earlier links. Gone when the page is left.
  const [sent, setSent] = useState<Sent[]>([]);

  async function act(action: () => Promise<ActionResult<{ invitation: InvitationDTO; url: string; mailed: boolean }>>) {
    const done = await run(action);
    if (!done) return;
    const link = { email: done.invitation.email, url: done.url, mailed: done.mailed };
    setSent((earlier) => [link, ...earlier]);
    router.refresh();
  }

  async function onInvite(event: FormEvent) {
    event.preventDefault();
    await act(() => withCheckedInput(ZInvite, form, inviteMemberAction));
    setForm({ email: "", role: form.role });
  }

  return (
    <section aria-labelledby="invitations-title" className="space-y-3">
      <h2 id="invitations-title" className={sectionTitleClass}>
        Invitations
      </h2>
      <p className="text-sm text-muted" data-testid="invite-hint">
        <strong className="font-medium text-ink">Invite</strong> is how people join: the person gets a link and chooses their own password
        (an existing account joins with its own, only once it accepts). For someone without email here, or beside you, copy the link and
        hand it over.
      </p>
      {!mailOn && (
        <p className="text-sm text-muted" data-testid="mail-off">
          Email is not set up on this Factdesk (SMTP_URL and MAIL_FROM), so invitations are not mailed: copy the link and send it yourself.
        </p>
      )}
      {sent.length > 0 && (
        <div role="status" className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm" data-testid="invitation-links">
          <ul className="space-y-2">
            {sent.map((link) => (
              <li key={link.url} data-testid="invitation-link">
                {link.mailed ? `Invitation emailed to ${link.email}. ` : `Send this link to ${link.email}: `}
                {link.mailed ? "The link, if you want to pass it on yourself: " : ""}
                <input
                  readOnly
                  aria-label={`Invitation link for ${link.email}`}
                  className={`${inputClass} mt-1 font-mono text-xs`}
                  value={link.url}
                  onFocus={(e) => e.currentTarget.select()}
                />
              </li>
            ))}
          </ul>
          <p className="text-xs text-muted">
            Each link works once, for 7 days, and only for its address. Shown only while you stay on this page; a resend makes a new link
            and the old one stops working.
          </p>
        </div>
      )}
      <FormError message={error} />
      <form
        onSubmit={onInvite}
        aria-label="Invite someone"
        className="grid gap-2 rounded-lg border border-rule bg-white p-4 sm:grid-cols-[1fr_auto_auto]"
      >
        <input
          aria-label="Email to invite"
          className={inputClass}
          placeholder="email@newsroom.org"
          value={form.email}
          onChange={(e) => setForm({ ...form, email: e.target.value })}
        />
        <RoleSelect label="Role of the invitee" value={form.role} onChange={(role) => setForm({ ...form, role })} />
        <button type="submit" className={buttonClass} disabled={pending}>
          Invite
        </button>
      </form>
      {invitations.length > 0 && (
        <ul className="divide-y divide-rule rounded-lg border border-rule bg-white text-sm">
          {invitations.map((i) => (
            <li key={i.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-2" data-testid={`invitation-${i.email}`}>
              <span>
                <strong className="font-medium">{i.email}</strong> · {i.role} · invited by {i.invitedBy}
                {i.expired ? <span className="ml-1 text-red-700">· expired</span> : null}
              </span>
              <span className="space-x-3">
                <button
                  type="button"
                  className={linkButtonClass}
                  disabled={pending}
                  onClick={() => act(() => resendInvitationAction({ invitationId: i.id }))}
                >
                  Resend
                </button>
                <ConfirmButton
                  label="Revoke"
                  question={`Revoke the invitation of ${i.email}? The link stops working.`}
                  confirmLabel="Revoke"
                  disabled={pending}
                  onConfirm={async () => {
                    if (await run(() => revokeInvitationAction({ invitationId: i.id }))) router.refresh();
                  }}
                />
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
