"use client";

import { useEffect, useRef } from "react";

export const SHORTCUTS = [
  ["Tab, ← →", "Reach the highlights in the text, then the suggestions (a Tab stop of their own); arrow keys go from one to the next"],
  ["j / k", "Next / previous claim in the list, top to bottom (opens it when a claim is open)"],
  ["Enter", "Open the selected claim"],
  ["a", "Add a claim from the text you selected, or accept the open suggestion"],
  ["x", "Dismiss the open suggestion"],
  ["m", "Text caret: arrow keys move, Shift+arrows select (Ctrl: by word), . selects the sentence"],
  ["s", "Status (then 1–5 or arrow keys set it)"],
  ["v", "Verdict"],
  ["e", "Add evidence"],
  ["c", "Comment"],
  ["Ctrl+Enter, ⌘+Enter", "Send the comment, reply, evidence or verdict you are writing"],
  ["Esc", "One per press: close a list, menu or this dialog; leave the field (your text stays); close the claim"],
  ["?", "Show these shortcuts"],
] as const;

export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      onClose={onClose}
      aria-labelledby="shortcuts-title"
      className="m-auto rounded-lg border border-rule p-6 shadow-xl backdrop:bg-black/30"
    >
      <h2 id="shortcuts-title" className="mb-4 text-lg font-semibold">
        Keyboard shortcuts
      </h2>
      <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm">
        {SHORTCUTS.map(([keys, what]) => (
          <div key={keys} className="contents">
            <dt>
              <kbd className="rounded border border-rule bg-stone-50 px-1.5 py-0.5 font-mono text-xs">{keys}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-4 text-xs text-muted">
        Shortcuts never fire while you are typing in a field. Keys pressed while a claim opens wait for it: s, v, e or c and the text typed
        after it land where they would have.
      </p>
      <button type="button" onClick={onClose} className="mt-4 rounded-md border border-rule px-3 py-1.5 text-sm">
        Close
      </button>
    </dialog>
  );
}
