"use client";

import { useState, type ReactNode } from "react";
import { linkButtonClass } from "@/components/ui/styles";

type Props = {
  /** The button that starts it ("Disable"). */
  label: string;
  /** The question, naming what happens and to whom ("Disable Rosa's account? Their sessions end at once."). */
  question: ReactNode;
  /** The button that does it ("Disable account"). */
  confirmLabel: string;
  onConfirm: () => void | Promise<void>;
  disabled?: boolean;
  className?: string;
};

/** A destructive act that asks first: the button opens an inline question with the act and Cancel. */
export function ConfirmButton({ label, question, confirmLabel, onConfirm, disabled, className = linkButtonClass }: Props) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className={className} disabled={disabled} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <span
      role="group"
      aria-label={`Confirm: ${label}`}
      className="inline-flex flex-wrap items-center gap-2 rounded-md border border-red-200 bg-red-50 px-2 py-1 text-left text-xs whitespace-normal"
    >
      <span>{question}</span>
      <button
        type="button"
        className="rounded bg-red-700 px-2 py-0.5 font-medium text-white hover:bg-red-800 disabled:opacity-50"
        disabled={disabled}
        onClick={async () => {
          setAsking(false);
          await onConfirm();
        }}
      >
        {confirmLabel}
      </button>
      <button type="button" className={linkButtonClass} onClick={() => setAsking(false)}>
        Cancel
      </button>
    </span>
  );
}
