/** Elements never made inert: dialogs opened over the kept element, live regions (what they announce still reaches
 * screen readers), and elements that are not content. */
const LEFT_ALONE = "dialog, [aria-live], [role=status], [role=alert], script, style, template, link, meta";

/**
 * Makes everything in the document outside `keep` inert (HTML `inert`: no focus, no clicks, out of the accessibility
 * tree), as a modal dialog does to the page behind it: every sibling of `keep` and of each of its ancestors up to
 * `<body>`. Left alone: `<dialog>` elements (the shortcuts dialog must still open over a drawer), live regions,
 * elements already inert, script/style. Elements added to the page later are not covered.
 *
 * Returns the undo, which removes `inert` from exactly the elements this call set it on.
 */
export function inertOutside(keep: HTMLElement): () => void {
  const made: HTMLElement[] = [];
  for (let el: HTMLElement | null = keep; el && el !== document.body; el = el.parentElement) {
    for (const sibling of el.parentElement?.children ?? []) {
      if (sibling === el || !(sibling instanceof HTMLElement) || sibling.inert || sibling.matches(LEFT_ALONE)) continue;
      sibling.inert = true;
      made.push(sibling);
    }
  }
  return () => {
    for (const el of made) el.inert = false;
  };
}
