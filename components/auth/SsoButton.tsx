"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";

/** "Sign in with single sign-on": starts the OIDC sign-in (next-auth posts, then the browser goes to the provider). */
export function SsoButton({ name, callbackPath }: { name: string; callbackPath: string }) {
  const [pending, setPending] = useState(false);
  return (
    <div className="mt-4">
      <div className="mb-4 flex items-center gap-3 text-xs text-muted" aria-hidden>
        <span className="h-px flex-1 bg-rule" /> or <span className="h-px flex-1 bg-rule" />
      </div>
      <button
        type="button"
        disabled={pending}
        onClick={() => {
          setPending(true);
          void signIn("oidc", { callbackUrl: callbackPath });
        }}
        className="w-full rounded-md border border-rule bg-white px-4 py-2 font-medium text-ink hover:border-accent hover:text-accent disabled:opacity-60"
      >
        {pending ? "Opening single sign-on…" : `Sign in with ${name}`}
      </button>
    </div>
  );
}
