// Changes the highlighted body in place when claims or suggestions change (issue #21): rebuilding the
// markup of a 100,000-character article with 1,000 claims and having the browser parse it again took
// 220–475 ms. Here only the paragraphs whose parts changed are touched, and in each only the run of
// nodes between the unchanged parts at its start and its end is replaced, so every other highlight keeps
// its element (its focus, tooltip and screen-reader label). The markup still comes only from
// highlight-html.ts, which escapes everything from the article and the claims.
import { joinParts, type HighlightPart } from "@/components/claims/highlight-html";

const sameParts = (a: HighlightPart[], b: HighlightPart[]) => a.length === b.length && a.every((part, i) => part.key === b[i]!.key);

/** Parses our own (escaped) markup into nodes, inertly: a template runs no scripts and loads nothing. */
function parse(html: string): DocumentFragment {
  const template = document.createElement("template");
  template.innerHTML = html;
  return template.content;
}

/**
 * Brings the paragraphs under `root` from `before` to `after` (HighlightModel.parts of the same text: the
 * paragraph at body offset `starts[i]` is the element with that data-start). Output: the elements inserted
 * (for the caller to make keyboard stops of). A paragraph whose nodes do not match `before` one for one is
 * rewritten whole; the paragraph elements themselves are never replaced.
 */
export function patchHighlights(root: HTMLElement, starts: number[], before: HighlightPart[][], after: HighlightPart[][]): Element[] {
  const inserted: Element[] = [];
  let elements: Map<string, HTMLElement> | null = null;
  for (let i = 0; i < after.length; i++) {
    const old = before[i] ?? [];
    const next = after[i]!;
    if (old === next || sameParts(old, next)) continue;
    elements ??= new Map([...root.querySelectorAll<HTMLElement>("[data-start]")].map((el) => [el.dataset.start!, el]));
    const paragraph = elements.get(String(starts[i]));
    if (!paragraph) continue;
    const nodes = paragraph.childNodes;
    if (nodes.length !== old.length) {
      paragraph.replaceChildren(parse(joinParts(next)));
      inserted.push(...paragraph.children);
      continue;
    }
    let head = 0;
    while (head < old.length && head < next.length && old[head]!.key === next[head]!.key) head++;
    let tail = 0;
    while (tail < old.length - head && tail < next.length - head && old[old.length - 1 - tail]!.key === next[next.length - 1 - tail]!.key)
      tail++;
    const fresh = parse(joinParts(next.slice(head, next.length - tail)));
    if (fresh.childNodes.length !== next.length - tail - head) {
      paragraph.replaceChildren(parse(joinParts(next)));
      inserted.push(...paragraph.children);
      continue;
    }
    inserted.push(...fresh.children);
    const anchor = nodes[old.length - tail] ?? null;
    for (const node of Array.from(nodes).slice(head, old.length - tail)) node.remove();
    paragraph.insertBefore(fresh, anchor);
  }
  return inserted;
}

/** Moves the active mark (the open claim's or suggestion's highlight) to `activeId` (null: none). */
export function markActive(root: HTMLElement, activeId: string | null) {
  const wanted = activeId
    ? new Set(root.querySelectorAll(`[data-ids~="${CSS.escape(activeId)}"], [data-suggestion="${CSS.escape(activeId)}"]`))
    : new Set<Element>();
  for (const el of root.querySelectorAll("[data-active]")) if (!wanted.has(el)) el.removeAttribute("data-active");
  for (const el of wanted) if (!el.hasAttribute("data-active")) el.setAttribute("data-active", "");
}
