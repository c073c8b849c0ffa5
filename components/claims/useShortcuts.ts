"use client";

import { useEffect, useLayoutEffect, useRef } from "react";

/** Whether `target` is a field the user types in (input, textarea, select, contenteditable). */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

// Focused controls own Enter and Space (a link follows, a button presses): never a shortcut there.
const OWNS_ENTER =
  "a[href],button,summary,select,input,textarea,[contenteditable],[role=button],[role=link],[role=radio],[role=tab],[role=menuitem],[role=option],[role=checkbox],[role=switch]";

/**
 * Single-key shortcuts that stay quiet while the user types in a field or holds a modifier (Escape alone reaches its
 * handler from a field too). Each handler gets the keydown event; the hook has already called preventDefault.
 */
export function useShortcuts(handlers: Record<string, (event: KeyboardEvent) => void>) {
  const latest = useRef(handlers);
  // Updated after each commit rather than during render (React forbids writing refs while rendering).
  useLayoutEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      // A focused widget already handled the key (a highlight, the status pills, the text caret).
      if (event.defaultPrevented) return;
      if ((event.key === "Enter" || event.key === " ") && event.target instanceof Element && event.target.closest(OWNS_ENTER)) return;
      if (event.key !== "Escape" && (isTyping(event.target) || event.ctrlKey || event.metaKey || event.altKey)) return;
      if (event.target instanceof HTMLElement && event.target.closest("dialog,[role=menu]") && event.key !== "Escape") return;
      const handler = latest.current[event.key];
      if (!handler) return;
      event.preventDefault();
      handler(event);
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);
}
