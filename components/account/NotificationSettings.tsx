"use client";

import { useState } from "react";
import { setNotificationSettingsAction } from "@/lib/actions/account";
import { KIND_LABELS } from "@/lib/notifications/messages";
import { NOTIFICATION_KINDS, type NotificationKindKey, type TNotificationPreferences } from "@/lib/validation/notifications";
import { useAction } from "@/components/claims/useAction";
import { FormError } from "@/components/ui/FormError";

const toggle = (list: NotificationKindKey[], kind: NotificationKindKey, on: boolean) =>
  on ? list.filter((k) => k !== kind) : [...list.filter((k) => k !== kind), kind];

/**
 * The person's notifications, each switch saved at once: per kind, in the app (the bell) and by email; email
 * as things happen or as one daily digest; the due-soon email. Says so when this Factdesk sends no mail.
 */
export function NotificationSettings({ initial, mailOn }: { initial: TNotificationPreferences; mailOn: boolean }) {
  const { run, pending, error } = useAction();
  const [settings, setSettings] = useState(initial);
  const [saved, setSaved] = useState(false);

  async function change(next: TNotificationPreferences) {
    setSaved(false);
    const before = settings;
    setSettings(next);
    const done = await run(() => setNotificationSettingsAction(next));
    if (done) {
      setSettings(done);
      setSaved(true);
    } else setSettings(before);
  }

  const emailOn = (kind: NotificationKindKey) => (kind === "assignment" ? settings.notifyAssignments : !settings.emailMuted.includes(kind));
  function setEmail(kind: NotificationKindKey, on: boolean) {
    if (kind === "assignment") return change({ ...settings, notifyAssignments: on });
    return change({ ...settings, emailMuted: toggle(settings.emailMuted, kind, on) });
  }

  return (
    <div className="space-y-4 text-sm">
      {!mailOn && (
        <p className="text-muted" data-testid="mail-off">
          This Factdesk does not send email (SMTP_URL and MAIL_FROM are not set), so only the in-app notifications work. Your email choices
          are kept for when it does.
        </p>
      )}
      <div className="overflow-x-auto">
        <table className="w-full text-left">
          <caption className="sr-only">What you are told about, in the app and by email</caption>
          <thead className="text-xs text-muted">
            <tr>
              <th scope="col" className="py-1 pr-3 font-medium">
                Tell me when
              </th>
              <th scope="col" className="px-2 py-1 text-center font-medium">
                In the app
              </th>
              <th scope="col" className="px-2 py-1 text-center font-medium">
                By email
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-rule">
            {NOTIFICATION_KINDS.map((kind) => (
              <tr key={kind}>
                <th scope="row" className="py-1.5 pr-3 font-normal" id={`kind-${kind}`}>
                  {KIND_LABELS[kind]}
                </th>
                <td className="px-2 text-center">
                  <input
                    type="checkbox"
                    aria-label={`${KIND_LABELS[kind]}: in the app`}
                    disabled={pending}
                    checked={!settings.inAppMuted.includes(kind)}
                    onChange={(e) => change({ ...settings, inAppMuted: toggle(settings.inAppMuted, kind, e.target.checked) })}
                  />
                </td>
                <td className="px-2 text-center">
                  <input
                    type="checkbox"
                    aria-label={`${KIND_LABELS[kind]}: by email`}
                    disabled={pending}
                    checked={emailOn(kind)}
                    onChange={(e) => setEmail(kind, e.target.checked)}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <fieldset className="space-y-1">
        <legend className="mb-1 text-xs font-medium text-muted">Email comes</legend>
        <label className="flex items-center gap-2">
          <input
            type="radio"
            name="email-digest"
            disabled={pending}
            checked={!settings.emailDigest}
            onChange={() => change({ ...settings, emailDigest: false })}
          />
          As things happen, one email each
        </label>
        <label className="flex items-center gap-2">
          <input
            type="radio"
            name="email-digest"
            disabled={pending}
            checked={settings.emailDigest}
            onChange={() => change({ ...settings, emailDigest: true })}
          />
          Once a day (06:00 UTC), one digest of what is still unread
        </label>
      </fieldset>
      <label className="flex items-center gap-2">
        <input
          type="checkbox"
          disabled={pending}
          checked={settings.notifyDueSoon}
          onChange={(e) => change({ ...settings, notifyDueSoon: e.target.checked })}
        />
        Email me when claims assigned to me are due today or tomorrow
      </label>
      {saved && <p role="status">Saved.</p>}
      <FormError message={error} />
    </div>
  );
}
