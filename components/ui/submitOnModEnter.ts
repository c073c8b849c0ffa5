import type { KeyboardEvent } from "react";

/** Whether the key event is Ctrl+Enter, or Cmd+Enter on macOS (no Shift or Alt). */
export function isModEnter(event: Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "shiftKey" | "altKey">): boolean {
  return event.key === "Enter" && (event.ctrlKey || event.metaKey) && !event.shiftKey && !event.altKey;
}

/**
 * Ctrl+Enter (Cmd+Enter on macOS) in a multi-line field sends its form, as the form's own submit button would (keys30):
 * a keydown handler for a container of forms (the claim panel), so every comment, reply and evidence form there
 * answers it. Does nothing when a widget in the field already handled the key (the "@" mention list), when the field
 * is not a textarea inside a form (a one-line field sends on Enter already), or when the form's submit button is
 * disabled (nothing to send yet, or sending).
 */
export function submitOnModEnter(event: KeyboardEvent<HTMLElement>) {
  if (!isModEnter(event) || event.isDefaultPrevented()) return;
  const field = event.target;
  if (!(field instanceof HTMLTextAreaElement) || !field.form) return;
  const submit = field.form.querySelector<HTMLButtonElement>("button[type=submit]");
  if (!submit || submit.disabled) return;
  event.preventDefault();
  field.form.requestSubmit(submit);
}
