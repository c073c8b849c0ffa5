"use client";

import { useState, type FormEvent } from "react";
import { TWO_FACTOR_INVALID, TWO_FACTOR_REQUIRED } from "@/lib/two-factor/sign-in-errors";
import { signInErrorMessage } from "@/lib/sso/sign-in-errors";
import { signInWithCredentials } from "@/components/auth/credentials-sign-in";

type Props = { callbackPath: string; initialError: string | null };

export function SignInForm({ callbackPath, initialError }: Props) {
  const [error, setError] = useState<string | null>(initialError);
  const [pending, setPending] = useState(false);
  // Set once the password was right for an account with two-factor: the form asks for a code.
  const [needsCode, setNeedsCode] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    const form = new FormData(event.currentTarget);
    try {
      const answer = await signInWithCredentials({
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
        code: needsCode ? String(form.get("code") ?? "") : undefined,
        callbackPath,
      });
      if (answer.ok) {
        window.location.assign(callbackPath);
        return;
      }
      const { refusal } = answer;
      if (answer.status === 429) setError(answer.message ?? "Too many attempts. Try again later.");
      else if (answer.status === 503) setError(answer.message ?? "The service is unavailable. Try again shortly.");
      else if (refusal === TWO_FACTOR_REQUIRED) setNeedsCode(true);
      else if (refusal === TWO_FACTOR_INVALID)
        setError("That code did not work. Enter the code your app shows now, or a recovery code you have not used.");
      else setError(signInErrorMessage(refusal ?? undefined) ?? "That email and password do not match an active account.");
    } catch {
      setError("Could not reach Factdesk. Check your connection and try again.");
    }
    setPending(false);
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4 rounded-lg border border-rule bg-white p-6 shadow-sm" noValidate>
      <label className="block text-sm font-medium">
        Email
        <input
          name="email"
          type="email"
          autoComplete="username"
          required
          autoFocus
          className="mt-1 block w-full rounded-md border border-rule px-3 py-2 text-base focus:border-accent"
        />
      </label>
      <label className="block text-sm font-medium">
        Password
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="mt-1 block w-full rounded-md border border-rule px-3 py-2 text-base focus:border-accent"
        />
      </label>
      {needsCode && (
        <div>
          <label className="block text-sm font-medium">
            Authentication code
            <input
              name="code"
              type="text"
              inputMode="numeric"
              autoComplete="one-time-code"
              required
              autoFocus
              aria-describedby="code-hint"
              className="mt-1 block w-full rounded-md border border-rule px-3 py-2 font-mono text-base tracking-widest focus:border-accent"
            />
          </label>
          <p id="code-hint" className="mt-1 text-xs text-muted">
            The 6-digit code from your authenticator app, or one of your recovery codes.
          </p>
        </div>
      )}
      {error && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      )}
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-accent px-4 py-2 font-medium text-white hover:bg-accent-strong disabled:opacity-60"
      >
        {pending ? "Signing in…" : needsCode ? "Verify and sign in" : "Sign in"}
      </button>
    </form>
  );
}
