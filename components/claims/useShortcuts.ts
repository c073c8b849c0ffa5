"use client";

import { useEffect, useLayoutEffect, useRef } from "react";
import { isComposing, isTyping } from "@/components/ui/typing";
import { wholeOnScreen } from "@/components/claims/scroll-parent";

// Focused controls own Enter and Space (a link follows, a button presses): never a shortcut there.
const OWNS_ENTER =
  "a[href],button,summary,select,input,textarea,[contenteditable],[role=button],[role=link],[role=radio],[role=tab],[role=menuitem],[role=option],[role=checkbox],[role=switch]";

// Layers over the page that own every key pressed inside them, Escape included (it closes them, and only them: keys33).
const LAYERS = "dialog,[role=dialog],[role=alertdialog],[role=menu]";

/**
 * Single-key shortcuts that stay quiet while the user types in a field (isTyping) or holds a modifier; Escape alone
 * reaches its handler from a field too, so the page can take the reader out of the field. Nothing runs for a key
 * pressed inside a dialog or menu (that layer closes itself on Escape), for a key an inner widget already handled
 * (defaultPrevented: a combobox closing its list, the text caret), or for a key that is part of an IME composition.
 * Each handler gets the keydown event; the hook has already called preventDefault.
 */
export function useShortcuts(handlers: Record<string, (event: KeyboardEvent) => void>) {
  const latest = useRef(handlers);
  // Updated after each commit rather than during render (React forbids writing refs while rendering).
  useLayoutEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      // A focused widget already handled the key (a highlight, the status pills, the text caret, a list closing).
      if (event.defaultPrevented || isComposing(event)) return;
      if ((event.key === "Enter" || event.key === " ") && event.target instanceof Element && event.target.closest(OWNS_ENTER)) return;
      if (event.key !== "Escape" && (isTyping(event.target) || event.ctrlKey || event.metaKey || event.altKey)) return;
      if (event.target instanceof Element && event.target.closest(LAYERS)) return;
      const handler = latest.current[event.key];
      if (!handler) return;
      event.preventDefault();
      handler(event);
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);
}

/**
 * Escape in a field (isTyping) is a layer of its own: focus leaves the field and what was typed stays; only the next
 * Escape reaches what is behind (the claim panel). In the claim panel focus stays in the panel where the reader can
 * see it (keys30): on its heading when the heading shows, else on the field's form (or group), made focusable for
 * this, so the reader's place stays in view and the next Tab goes on from there (focus on a heading scrolled out of
 * the panel was invisible). Anywhere else (the top search box, the article's tags) the field lets go of focus.
 * Returns whether `target` was such a field.
 */
export function leaveField(target: EventTarget | null): boolean {
  if (!isTyping(target)) return false;
  const heading = target.closest("[data-testid=claim-panel]")?.querySelector<HTMLElement>("h2[tabindex]");
  if (!heading) {
    target.blur();
    return true;
  }
  const around = target.parentElement?.closest<HTMLElement>("form, fieldset, [role=group]");
  const place = wholeOnScreen(heading) || !around ? heading : around;
  if (place === around && !around.hasAttribute("tabindex")) around.tabIndex = -1;
  place.focus({ preventScroll: true });
  return true;
}
