"use client";

import { useState } from "react";
import { setNotificationSettingsAction } from "@/lib/actions/account";
import type { TNotificationSettings } from "@/lib/validation/mail";
import { useAction } from "@/components/claims/useAction";
import { FormError } from "@/components/ui/FormError";

/** The person's email notices, each a switch saved at once; says so when this Factdesk sends no mail. */
export function EmailNotices({ initial, mailOn }: { initial: TNotificationSettings; mailOn: boolean }) {
  const { run, pending, error } = useAction();
  const [settings, setSettings] = useState(initial);
  const [saved, setSaved] = useState(false);

  async function change(next: TNotificationSettings) {
    setSaved(false);
    setSettings(next);
    const done = await run(() => setNotificationSettingsAction(next));
    if (done) {
      setSettings(done);
      setSaved(true);
    } else setSettings(settings);
  }

  return (
    <div className="space-y-2 text-sm">
      {!mailOn && (
        <p className="text-muted" data-testid="mail-off">
          This Factdesk does not send email (SMTP_URL and MAIL_FROM are not set), so no notices go out. Your choices are kept for when it
          does.
        </p>
      )}
      <label className="flex items-center gap-2">
        <input
          type="checkbox"
          disabled={pending}
          checked={settings.notifyAssignments}
          onChange={(e) => change({ ...settings, notifyAssignments: e.target.checked })}
        />
        Email me when a claim is assigned to me
      </label>
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
