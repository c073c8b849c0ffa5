"use client";

import { useMemo } from "react";

type Target = "field" | "button";

// Which control of which section takes focus next, by the section's key. Kept outside the component: a save can
// re-key a section (ClaimPanel keys some by the claim's version), and the button then comes back in a new instance.
const awaiting = new Map<string, Target>();
// A request nobody takes up (the claim was closed meanwhile) lapses, so it cannot steal focus later.
const LAPSE_MS = 2_000;

function ask(key: string, target: Target) {
  awaiting.set(key, target);
  window.setTimeout(() => awaiting.get(key) === target && awaiting.delete(key), LAPSE_MS);
}

/**
 * Keyboard focus for a section where a button ("Add", "Edit", "Edit numbers") gives way to a form and back again. Each
 * switch removes the control that had focus, and a browser then leaves focus on <body>: a keyboard user's next Tab
 * starts at the top of the page (ux30). `key` names the section (e.g. `claimant:<claim id>`). Call `opening()` /
 * `closing()` beside the state change that shows or hides the form; `fieldRef` goes on the form's first field and
 * `buttonRef` on the button(s) that come back, and the one asked for takes focus as it mounts (within 2 s). Nothing
 * moves focus otherwise (a form restored from a draft as the page loads stays unfocused).
 */
export function useFormFocus(key: string) {
  return useMemo(() => {
    const take = (target: Target) => (element: HTMLElement | null) => {
      if (!element || awaiting.get(key) !== target) return;
      awaiting.delete(key);
      element.focus();
    };
    return {
      opening: () => ask(key, "field"),
      closing: () => ask(key, "button"),
      fieldRef: take("field"),
      buttonRef: take("button"),
    };
  }, [key]);
}
