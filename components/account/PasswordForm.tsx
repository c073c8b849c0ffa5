"use client";

import { useState, type FormEvent } from "react";
import { changePasswordAction } from "@/lib/actions/account";
import { MIN_PASSWORD_LENGTH, ZChangePassword } from "@/lib/validation/account";
import { withCheckedInput } from "@/lib/validation/parse";
import { useAction } from "@/components/claims/useAction";
import { FormError } from "@/components/ui/FormError";
import { buttonClass, inputClass } from "@/components/ui/styles";

const EMPTY = { currentPassword: "", newPassword: "", repeat: "" };

/** Change my own password: the current one, the new one twice. Other sessions end; this one stays. */
export function PasswordForm() {
  const act = useAction();
  const [form, setForm] = useState(EMPTY);
  const [mismatch, setMismatch] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    if (form.newPassword !== form.repeat) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    const input = { currentPassword: form.currentPassword, newPassword: form.newPassword };
    const changed = await act.run(() => withCheckedInput(ZChangePassword, input, changePasswordAction));
    if (!changed) return;
    setForm(EMPTY);
    const others = changed.endedSessions;
    setDone(`Password changed.${others ? ` ${others} other session${others === 1 ? " was" : "s were"} signed out.` : ""}`);
  }

  const field = (name: keyof typeof EMPTY, label: string, autoComplete: string, hint?: string) => (
    <div className="text-sm">
      <label className="block">
        <span className="mb-1 block text-xs text-muted">{label}</span>
        <input
          type="password"
          name={name}
          className={inputClass}
          value={form[name]}
          autoComplete={autoComplete}
          onChange={(e) => setForm({ ...form, [name]: e.target.value })}
          aria-describedby={hint ? `${name}-hint` : undefined}
        />
      </label>
      {hint && (
        <p id={`${name}-hint`} className="mt-1 text-xs text-muted">
          {hint}
        </p>
      )}
    </div>
  );

  return (
    <form onSubmit={onSubmit} aria-label="Change password" className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-3">
        {field("currentPassword", "Current password", "current-password")}
        {field(
          "newPassword",
          "New password",
          "new-password",
          `At least ${MIN_PASSWORD_LENGTH} characters; a few words together make a good one.`,
        )}
        {field("repeat", "New password again", "new-password")}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className={buttonClass} disabled={act.pending}>
          {act.pending ? "Changing…" : "Change password"}
        </button>
        <span className="text-xs text-muted">Your other sessions are signed out; this one stays.</span>
      </div>
      <FormError message={mismatch ? "The two new passwords are not the same." : act.error} />
      {done && (
        <p role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-2.5 py-1.5 text-sm text-emerald-800">
          {done}
        </p>
      )}
    </form>
  );
}
