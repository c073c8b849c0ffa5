"use client";

import { useState } from "react";
import { curlExample } from "@/components/account/token-format";
import { linkButtonClass, quietButtonClass } from "@/components/ui/styles";

type Props = { name: string; secret: string; canWrite: boolean; onDone: () => void };

/** The one time a token's secret is visible: copy it now, it is never shown again. */
export function NewTokenSecret({ name, secret, canWrite, onDone }: Props) {
  const [copied, setCopied] = useState<"secret" | "curl" | null>(null);
  // Only ever rendered in the browser, after a token was created, so the address is at hand.
  const example = curlExample(window.location.origin, secret, canWrite);

  async function copy(what: "secret" | "curl", text: string) {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(what);
    } catch {
      setCopied(null); // clipboard refused (e.g. not https): the text stays selectable
    }
  }

  return (
    <section
      role="status"
      aria-label="New token"
      className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm"
      data-testid="new-token"
    >
      <p className="font-medium">Your new token “{name}”</p>
      <p className="mb-2 text-xs text-muted">
        Copy it now: it is shown only this once and cannot be recovered. If you lose it, revoke it and create another.
      </p>
      <div className="flex items-center gap-2">
        <code
          className="min-w-0 flex-1 overflow-x-auto rounded border border-amber-200 bg-white px-2 py-1.5 font-mono text-[13px] select-all"
          data-testid="new-token-secret"
        >
          {secret}
        </code>
        <button type="button" className={quietButtonClass} onClick={() => copy("secret", secret)}>
          {copied === "secret" ? "Copied" : "Copy token"}
        </button>
      </div>
      <p className="mt-3 mb-1 text-xs font-medium text-muted">Try it</p>
      <pre
        className="overflow-x-auto rounded border border-amber-200 bg-white p-2 font-mono text-xs leading-relaxed"
        data-testid="new-token-curl"
      >
        {example}
      </pre>
      <div className="mt-2 flex items-center gap-4">
        <button type="button" className={linkButtonClass} onClick={() => copy("curl", example)}>
          {copied === "curl" ? "Copied" : "Copy example"}
        </button>
        <button type="button" className={linkButtonClass} onClick={onDone}>
          I have saved it
        </button>
      </div>
    </section>
  );
}
