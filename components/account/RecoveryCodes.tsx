"use client";

import { useState } from "react";
import { linkButtonClass, quietButtonClass } from "@/components/ui/styles";

/** The one time recovery codes are visible: save them now, they are never shown again. */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  const text = codes.join("\n");

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch {
      setCopied(false); // clipboard refused (e.g. not https): the codes stay selectable
    }
  }

  return (
    <section role="status" aria-label="Your recovery codes" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm">
      <p className="font-medium">Save your recovery codes</p>
      <p className="mb-3 text-xs text-muted">
        If you lose your phone, each code signs you in once instead of a code from the app. They are shown only now: keep them in your
        password manager or print them.
      </p>
      <ol
        className="grid grid-cols-1 gap-x-6 gap-y-1 rounded border border-amber-200 bg-white p-3 font-mono text-[13px] select-all min-[420px]:grid-cols-2"
        data-testid="recovery-codes"
      >
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ol>
      <div className="mt-3 flex items-center gap-4">
        <button type="button" className={quietButtonClass} onClick={copy}>
          {copied ? "Copied" : "Copy codes"}
        </button>
        <button type="button" className={linkButtonClass} onClick={onDone}>
          I have saved them
        </button>
      </div>
    </section>
  );
}
