"use client";

import { useCallback, useEffect, useRef } from "react";
import { isTextField, isTypingOutside } from "@/components/ui/typing";

// How long keys held for the claim panel wait for a field to take focus once it shows (as useFormFocus's requests).
const LAPSE_MS = 2_000;

// `over`: the claim whose panel showed when the key was pressed (null: none), which the keys were not for.
type Held = { action: () => void; keys: string[]; ran: boolean; over: string | null };

// The claim panel (ClaimPanel), where held keys are meant to land.
const PANEL = "[data-testid=claim-panel]";

/** Whether focus is in a field that is not the claim panel's (the top search box): the reader moved on. */
const typingElsewhere = () => isTypingOutside(document.querySelector(PANEL));

/** The text the held keys make: characters in order, a Backspace taking back the one before it. */
function typedText(keys: string[]): string {
  const chars: string[] = [];
  for (const key of keys) {
    if (key === "Backspace") chars.pop();
    else chars.push(key);
  }
  return chars.join("");
}

/** Puts `text` into the focused text field at its caret, as typing would (an input event React sees, one undo step). */
function insertText(field: HTMLElement, text: string) {
  if (text === "" || document.activeElement !== field) return;
  if (document.execCommand("insertText", false, text)) return;
  // A browser without insertText for fields: append through the value setter React watches.
  if (field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) {
    const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(field), "value")?.set;
    setter?.call(field, field.value + text);
    field.dispatchEvent(new Event("input", { bubbles: true }));
  }
}

/**
 * Shortcuts for the claim panel (`s`, `v`, `c`, `e`) pressed while it loads, and what is typed after them (keys30).
 * The preview (ClaimPreview) has no fields, so such a key did nothing and the text typed next for the field ran as
 * shortcuts (`e` opened the evidence form). `whenPanel(action)` runs `action` at once when the panel is `ready`;
 * while it is `loading` it holds the action, and every character key (and Backspace) pressed after it, without
 * letting them reach the shortcuts. Once the panel shows, the action runs; the held text goes into the text field
 * that has focus then, or the next one to take focus within 2 s (an action that opens a form); a key for a control
 * that is not a text field (`s` then `3`) is sent to the focused control as a keydown. Nothing is held once the
 * panel is neither loading nor shown (closed with Esc, or not readable), nor once the reader types in (or moves focus
 * to) a field outside the panel, such as the top search box: those keys are that field's, never swallowed (keys33).
 * `panelId`: the claim whose panel shows (null: none). Keys held over one claim's panel never land on that same
 * panel when the loading ends without a new one (a claim being added refused, a claim being opened unreadable):
 * they were for the other claim, and are let go.
 */
export function usePanelKeys({ loading, ready, panelId }: { loading: boolean; ready: boolean; panelId: string | null }) {
  const held = useRef<Held | null>(null);

  useEffect(() => {
    // Capture phase: before the shortcuts (useShortcuts listens on document in the bubble phase) and the page's widgets.
    function onKeyDown(event: KeyboardEvent) {
      if (!held.current || event.ctrlKey || event.metaKey || event.altKey) return;
      // Typed in a field of the page's (the top search box): the keys are that field's, and the held ones are let go.
      if (typingElsewhere()) return void (held.current = null);
      if (event.key.length !== 1 && event.key !== "Backspace") return;
      event.preventDefault();
      event.stopPropagation();
      held.current.keys.push(event.key);
    }
    document.addEventListener("keydown", onKeyDown, true);
    return () => document.removeEventListener("keydown", onKeyDown, true);
  }, []);

  useEffect(() => {
    const waiting = held.current;
    if (!waiting) return;
    if (!loading && !ready) return void (held.current = null);
    if (!ready || waiting.ran) return;
    // The panel shown before the loading began shows again: the claim the keys were for never came.
    if (waiting.over !== null && waiting.over === panelId) return void (held.current = null);
    // The reader went to type in another field meanwhile: the panel's keys are let go, and focus stays there.
    if (typingElsewhere()) return void (held.current = null);
    waiting.ran = true;
    const before = document.activeElement;
    waiting.action();
    const deliver = (target: Element | null) => {
      if (held.current !== waiting) return;
      held.current = null;
      if (isTextField(target)) return insertText(target, typedText(waiting.keys));
      // A control that is not a text field (the status pills): it gets the keys as if pressed there.
      if (target instanceof HTMLElement && target !== before)
        for (const key of waiting.keys) target.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true, cancelable: true }));
    };
    const now = document.activeElement;
    if (isTextField(now) || (now !== before && now !== document.body)) return deliver(now);
    // The action opens a form whose field takes focus as it mounts: the text goes there.
    const onFocus = (event: FocusEvent) => {
      // A field elsewhere took focus (the reader tabbed to the top search box): the held keys were not for it.
      if (typingElsewhere()) {
        stop();
        if (held.current === waiting) held.current = null;
        return;
      }
      if (!isTextField(event.target)) return;
      stop();
      deliver(event.target);
    };
    // Nothing took the text within the time: dropped rather than run as shortcuts.
    const timer = window.setTimeout(() => {
      stop();
      if (held.current === waiting) held.current = null;
    }, LAPSE_MS);
    function stop() {
      window.clearTimeout(timer);
      document.removeEventListener("focusin", onFocus);
    }
    document.addEventListener("focusin", onFocus);
    // Another claim opened or this one closed meanwhile: the keys were for this panel, and are let go.
    return () => {
      stop();
      if (held.current === waiting) held.current = null;
    };
    // panelId is read only with `ready`, which changes with it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loading, ready]);

  /** Runs `action` now when the panel is ready; while it loads, holds it (and the keys after it) until it is. */
  return useCallback(
    (action: () => void) => {
      if (ready || !loading) return action();
      held.current = { action, keys: [], ran: false, over: panelId };
    },
    [ready, loading, panelId],
  );
}
