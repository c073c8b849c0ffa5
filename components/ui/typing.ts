// Which element takes the keys the reader types, shared by the article page's shortcuts, the keys held for the claim
// panel and the parts of the page that take focus as they appear.

// Inputs that take no typed text (they are pressed, toggled or picked).
const NOT_TEXT = new Set(["checkbox", "radio", "button", "submit", "reset", "file", "image", "range", "color"]);

/** Whether `target` is a field that takes typed text: a text-like input (text, search, email, date…), a textarea or contenteditable. */
export function isTextField(target: EventTarget | null): target is HTMLElement {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement) return !NOT_TEXT.has(target.type);
  return target instanceof HTMLTextAreaElement || target.isContentEditable;
}

/** Whether keys pressed in `target` are its own: a text field (isTextField) or a select (a letter picks an option). */
export function isTyping(target: EventTarget | null): target is HTMLElement {
  return isTextField(target) || target instanceof HTMLSelectElement;
}

/**
 * Whether the reader is typing in a field outside `container` (the top search box while a claim's panel arrives):
 * something that appears then must not take focus, or the rest of the word goes to it, or runs as shortcuts (keys33).
 */
export function isTypingOutside(container: Element | null): boolean {
  const active = document.activeElement;
  return isTyping(active) && !container?.contains(active);
}

/**
 * Whether a key event belongs to an IME composition in progress (a Japanese or Chinese input method, a dead key): the
 * input method owns the key, Escape included (it cancels the composition), so no handler of ours may act on it.
 * Chromium and Firefox say so with `isComposing`; Safari sends the key that ends a composition with keyCode 229.
 */
export function isComposing(event: { isComposing: boolean; keyCode: number }): boolean {
  return event.isComposing || event.keyCode === 229;
}
