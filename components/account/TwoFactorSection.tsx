"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { Enrolment, TwoFactorStatus } from "@/lib/two-factor/enrolment";
import { beginTwoFactorAction, confirmTwoFactorAction, disableTwoFactorAction, newRecoveryCodesAction } from "@/lib/actions/account";
import { ZTotpCode } from "@/lib/validation/account";
import { withCheckedInput } from "@/lib/validation/parse";
import { formatDate } from "@/components/articles/format";
import { QrCode } from "@/components/account/QrCode";
import { RecoveryCodes } from "@/components/account/RecoveryCodes";
import { useAction } from "@/components/claims/useAction";
import { FormError } from "@/components/ui/FormError";
import { buttonClass, inputClass, linkButtonClass, quietButtonClass } from "@/components/ui/styles";

type PasswordStep = "disable" | "new-codes" | null;

/** Two-factor on the Account page: set up with an authenticator app, recovery codes, turn off. */
export function TwoFactorSection({ status }: { status: TwoFactorStatus }) {
  const router = useRouter();
  const act = useAction();
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [code, setCode] = useState("");
  const [askPassword, setAskPassword] = useState<PasswordStep>(null);
  const [password, setPassword] = useState("");

  async function begin() {
    const started = await act.run(() => beginTwoFactorAction({}));
    if (started) {
      setEnrolment(started);
      setCode("");
    }
  }

  async function confirm(event: FormEvent) {
    event.preventDefault();
    const done = await act.run(() => withCheckedInput(ZTotpCode, { code }, confirmTwoFactorAction));
    if (!done) return;
    setEnrolment(null);
    setCodes(done.recoveryCodes);
    router.refresh();
  }

  async function withPassword(event: FormEvent) {
    event.preventDefault();
    if (askPassword === "disable") {
      if (!(await act.run(() => disableTwoFactorAction({ password })))) return;
    } else {
      const fresh = await act.run(() => newRecoveryCodesAction({ password }));
      if (!fresh) return;
      setCodes(fresh.recoveryCodes);
    }
    setAskPassword(null);
    setPassword("");
    router.refresh();
  }

  if (codes) return <RecoveryCodes codes={codes} onDone={() => setCodes(null)} />;

  if (enrolment) {
    return (
      <form onSubmit={confirm} aria-label="Set up two-factor" className="space-y-4">
        <ol className="grid gap-6 sm:grid-cols-[auto_1fr]">
          <li className="flex flex-col items-start gap-2">
            <span className="text-sm font-medium">1. Scan this with your authenticator app</span>
            <QrCode qr={enrolment.qr} label="QR code for your authenticator app" />
          </li>
          <li className="min-w-0 space-y-3 text-sm">
            <p className="text-muted">
              Any app that shows six-digit codes works (1Password, Google Authenticator, Microsoft Authenticator, Authy…). Cannot scan? Add
              an account by hand with this key, time-based:
            </p>
            <code
              className="block overflow-x-auto rounded border border-rule bg-stone-50 px-2 py-1.5 font-mono text-[13px] tracking-wider select-all"
              data-testid="totp-secret"
            >
              {enrolment.secret.match(/.{1,4}/g)!.join(" ")}
            </code>
            <label className="block">
              <span className="mb-1 block font-medium">2. Enter the code the app shows</span>
              <input
                dir="auto"
                className={`${inputClass} max-w-[12rem] font-mono tracking-widest`}
                value={code}
                onChange={(e) => setCode(e.target.value)}
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={7}
                placeholder="123456"
                aria-label="Code from the app"
                autoFocus
              />
            </label>
            <div className="flex items-center gap-3">
              <button type="submit" className={buttonClass} disabled={act.pending}>
                {act.pending ? "Checking…" : "Turn on two-factor"}
              </button>
              <button type="button" className={quietButtonClass} onClick={() => setEnrolment(null)}>
                Cancel
              </button>
            </div>
            <FormError message={act.error} />
          </li>
        </ol>
      </form>
    );
  }

  if (!status.enabled) {
    return (
      <div className="space-y-3 text-sm">
        <p>
          <span className="rounded-full border border-stone-200 bg-stone-100 px-2 py-0.5 text-xs text-stone-700">Off</span> Signing in asks
          only for your password.
        </p>
        <p className="text-muted">
          With two-factor on, signing in also asks for a six-digit code from an app on your phone, so a stolen password alone is not enough.
        </p>
        <button type="button" className={buttonClass} onClick={begin} disabled={act.pending}>
          {act.pending ? "Starting…" : "Set up two-factor"}
        </button>
        <FormError message={act.error} />
      </div>
    );
  }

  return (
    <div className="space-y-3 text-sm">
      <p data-testid="two-factor-status">
        <span className="rounded-full border border-emerald-200 bg-emerald-50 px-2 py-0.5 text-xs text-emerald-800">On</span> since{" "}
        {formatDate(status.enabledAt)} · {status.recoveryCodesLeft} of 10 recovery codes left
        {status.requiredByTeam && <span className="text-muted"> · required by your team</span>}
      </p>
      {status.recoveryCodesLeft <= 3 && <p className="text-amber-800">You are running out of recovery codes: make new ones.</p>}
      {askPassword ? (
        <form
          onSubmit={withPassword}
          aria-label={askPassword === "disable" ? "Turn off two-factor" : "New recovery codes"}
          className="flex flex-wrap items-end gap-3"
        >
          <label className="block">
            <span className="mb-1 block text-xs text-muted">Your password, to confirm</span>
            <input
              type="password"
              className={`${inputClass} w-64`}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              autoComplete="current-password"
              autoFocus
            />
          </label>
          <button type="submit" className={buttonClass} disabled={act.pending}>
            {askPassword === "disable" ? "Turn off two-factor" : "Make new codes"}
          </button>
          <button type="button" className={quietButtonClass} onClick={() => setAskPassword(null)}>
            Cancel
          </button>
        </form>
      ) : (
        <div className="flex items-center gap-4">
          <button type="button" className={quietButtonClass} onClick={() => setAskPassword("new-codes")}>
            New recovery codes
          </button>
          {!status.requiredByTeam && (
            <button type="button" className={linkButtonClass} onClick={() => setAskPassword("disable")}>
              Turn off
            </button>
          )}
        </div>
      )}
      <FormError message={act.error} />
    </div>
  );
}
