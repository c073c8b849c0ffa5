"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { ActionResult } from "@/lib/http/result";

// Actions of this page still waiting for their answer, across every useAction (see whenActionsSettle).
let inFlight = 0;
let settled: (() => void)[] = [];

/**
 * Resolves once no action run through useAction is waiting for its answer, and the code that awaited the
 * answers has run (a task later): the live updates use it to tell the page's own changes, which the answers
 * already applied, from colleagues' (components/claims/useLiveArticle.ts).
 */
export function whenActionsSettle(): Promise<void> {
  return inFlight === 0 ? Promise.resolve() : new Promise((resolve) => settled.push(resolve));
}

function finished() {
  inFlight--;
  if (inFlight > 0) return;
  const waiting = settled;
  settled = [];
  // A task later: the caller's `await run(…)` continuation (which applies the answer) runs first.
  window.setTimeout(() => waiting.forEach((resolve) => resolve()));
}

/** The first field or button of `form` that can take focus, or null. */
function firstEnabledControl(form: HTMLFormElement | null): HTMLElement | null {
  return (
    form?.querySelector<HTMLElement>(
      "input:not([disabled]):not([type=hidden]),textarea:not([disabled]),select:not([disabled]),button:not([disabled])",
    ) ?? null
  );
}

/**
 * Runs a server action (or a readApi GET), tracking pending state and a readable error; resolves to the data or null.
 * Keeps a keyboard user's focus: the submit button that started the action is disabled while it runs, and a browser
 * drops focus from a disabled element to <body>, so the next Tab would start again from the top of the page (ux30).
 * Once the answer is in, focus that fell to <body> goes back to that element, or, while it stays disabled (an emptied
 * comment box), to the first enabled control of its form. A form the answer removes places focus itself
 * (components/ui/useFormFocus.ts).
 */
export function useAction() {
  const startedFrom = useRef<HTMLElement | null>(null);
  const [pending, setPending] = useState(false);
  useEffect(() => {
    if (pending) return;
    const from = startedFrom.current;
    startedFrom.current = null;
    if (!from?.isConnected || (document.activeElement && document.activeElement !== document.body)) return;
    const disabled = from instanceof HTMLButtonElement && from.disabled;
    (disabled ? firstEnabledControl(from.closest("form")) : from)?.focus();
  }, [pending]);
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  // The server asks for a public note first: the change touches the published report.
  const [needsCorrection, setNeedsCorrection] = useState(false);

  // Stable across renders (it only sets state), so callbacks built on it can be too (memoised list rows).
  const run = useCallback(async function run<T>(action: () => Promise<ActionResult<T>>): Promise<T | null> {
    // Only a keyboard user's place is kept (a control focused by keyboard matches :focus-visible; one clicked with
    // the mouse does not): someone who clicked elsewhere while the action ran keeps their own focus.
    const focused = document.activeElement;
    startedFrom.current = focused instanceof HTMLElement && focused !== document.body && focused.matches(":focus-visible") ? focused : null;
    setPending(true);
    setError(null);
    setConflict(false);
    setNeedsCorrection(false);
    inFlight++;
    try {
      const result = await action();
      if (result.ok) return result.data;
      setError(result.error.message);
      const correction = result.error.fields?.confirmCorrection !== undefined;
      setNeedsCorrection(correction);
      setConflict(result.error.code === "conflict" && !correction);
      return null;
    } catch {
      setError("Could not reach Factdesk. What you typed is still here; try again.");
      return null;
    } finally {
      setPending(false);
      finished();
    }
  }, []);

  return { run, pending, error, conflict, needsCorrection, clearError: () => setError(null) };
}
