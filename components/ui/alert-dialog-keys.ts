import type { KeyboardEvent } from "react";

/**
 * The keyboard of an alert dialog shown in the page (WAI-ARIA APG "alertdialog" pattern), as a keydown handler for
 * its container: Tab and Shift+Tab go round its enabled buttons without leaving it, and Escape calls `onCancel`
 * (which closes it and puts focus back on what opened it). The caller moves focus into it as it opens, on its
 * least destructive button. Escape is marked handled, so page shortcuts (useShortcuts) leave it alone.
 * Call it from the handler: `onKeyDown={(event) => alertDialogKeyDown(event, cancel)}`.
 */
export function alertDialogKeyDown(event: KeyboardEvent<HTMLElement>, onCancel: () => void) {
  if (event.key === "Escape") {
    event.preventDefault();
    event.stopPropagation();
    return onCancel();
  }
  if (event.key !== "Tab") return;
  const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>("button:not(:disabled)")];
  const first = buttons[0];
  const last = buttons[buttons.length - 1];
  if (!first || !last) return event.preventDefault();
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}
