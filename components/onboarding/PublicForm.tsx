"use client";

import { useState, type FormEvent, type ReactNode } from "react";
import { callApi } from "@/components/ui/call-api";
import { signInWithCredentials } from "@/components/auth/credentials-sign-in";

export type PublicField = {
  name: string;
  label: string;
  type?: "text" | "email" | "password";
  autoComplete?: string;
  /** Shown and sent as is, not editable (the address an invitation or reset link was made for). */
  fixed?: string;
  hint?: string;
};

type Props = {
  /** The public route the form posts JSON to (listed in lib/http/public-routes.ts). */
  endpoint: string;
  fields: PublicField[];
  /** Sent with the fields (e.g. the link's token). */
  extra?: Record<string, string>;
  submitLabel: string;
  pendingLabel: string;
  /** What replaces the form once the server said yes (and, with `signInTo`, when signing in did not work). */
  done: ReactNode;
  /**
   * Once the server said yes, sign in with the form's `email` and `password` through next-auth and go to
   * this path, so the person is not asked again for the password they just typed.
   */
  signInTo?: string;
};

/** A form of a public page: posts its fields as JSON, shows field errors under each field, then `done`. */
export function PublicForm({ endpoint, fields, extra = {}, submitLabel, pendingLabel, done, signInTo }: Props) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [finished, setFinished] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body: Record<string, string> = { ...extra };
    for (const f of fields) body[f.name] = f.fixed ?? String(form.get(f.name) ?? "");
    setPending(true);
    const result = await callApi(endpoint, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    if (result.ok) {
      if (signInTo && (await signedIn(body.email ?? "", body.password ?? "", signInTo))) {
        window.location.assign(signInTo);
        return;
      }
      setPending(false);
      setFinished(true);
      return;
    }
    setPending(false);
    setError(result.message);
    setFieldErrors(result.fields ?? {});
  }

  if (finished)
    return (
      <div role="status" className="rounded-lg border border-rule bg-white p-6 text-sm shadow-sm">
        {done}
      </div>
    );
  return (
    <form onSubmit={onSubmit} className="space-y-4 rounded-lg border border-rule bg-white p-6 shadow-sm" noValidate>
      {fields.map((f) => (
        <div key={f.name}>
          <label className="block text-sm font-medium">
            {f.label}
            <input
              name={f.name}
              type={f.type ?? "text"}
              autoComplete={f.autoComplete}
              readOnly={f.fixed !== undefined}
              defaultValue={f.fixed}
              aria-invalid={fieldErrors[f.name] ? true : undefined}
              className="mt-1 block w-full rounded-md border border-rule px-3 py-2 text-base read-only:bg-stone-100 focus:border-accent"
            />
          </label>
          {f.hint && <p className="mt-1 text-xs text-muted">{f.hint}</p>}
          {fieldErrors[f.name]?.map((m) => (
            <p key={m} className="mt-1 text-sm text-red-700">
              {m}
            </p>
          ))}
        </div>
      ))}
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
        {pending ? pendingLabel : submitLabel}
      </button>
    </form>
  );
}

// An account with two-factor (joining with its existing password) cannot be signed in by this form: it is
// left to the sign-in page, which `done` links to.
async function signedIn(email: string, password: string, callbackPath: string): Promise<boolean> {
  try {
    return (await signInWithCredentials({ email, password, callbackPath })).ok;
  } catch {
    return false;
  }
}
