// Builds the article body's markup with claim highlights as one HTML string.
// Why a string: a thousand claims make thousands of spans, and as React elements each one
// would be hydrated; as `dangerouslySetInnerHTML` React hydrates one element and the browser
// parses the rest. Everything from the article or a claim is escaped here, so this is the
// only place that has to be right about it (see highlight-html.test.ts).
import { segmentArticle } from "@/lib/anchoring/segments";
import type { ArticleBlocks, BlockKind, ParagraphBlock } from "@/lib/articles/blocks";
import { listPositions } from "@/lib/articles/block-structure";

export type HighlightClaim = {
  id: string;
  start: number;
  end: number;
  status: string;
  /**
   * `fill`: the highlight colour for the verdict ("#rrggbb", the team scale's tint), else the stylesheet's;
   * `label`: its name (not written into the markup; a change of it still counts as a change of the highlight).
   */
  verdict: { key: string | null; fill?: string; label?: string } | null;
};

/**
 * One node of a paragraph's markup: a highlight, a suggestion, a link or plain text (adjacent plain text is one
 * part, as the browser makes it one text node). `key` differs whenever the node or what the page says about it
 * (tooltips, the screen-reader label of a keyboard stop) would differ, so equal keys mean the node can stay.
 */
export type HighlightPart = { html: string; key: string };

/** The highlighted body before layout: the paragraphs' blocks, body offsets (data-start) and parts. */
export type HighlightModel = { kinds: ParagraphBlock[]; starts: number[]; parts: HighlightPart[][] };

/**
 * A model with what it was made from, so the next model of the same text can keep the parts of every
 * paragraph whose segments and covering claims, suggestions and links are the same objects (highlightModeller).
 */
type RememberedModel = HighlightModel & {
  body: string;
  blocks: ArticleBlocks | null;
  activeId: string | null;
  /** Per paragraph: its segments' offsets and ids, and the objects those ids stood for. */
  made: { segments: string; from: unknown[] }[];
};

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);

const innermost = <T extends HighlightClaim>(claims: T[]): T => claims.reduce((a, b) => (b.end - b.start < a.end - a.start ? b : a));

function attributes(pairs: [string, string | number | undefined | false][]): string {
  return pairs
    .filter((pair): pair is [string, string | number] => pair[1] !== undefined && pair[1] !== false)
    .map(([name, value]) => ` ${name}="${escapeHtml(String(value))}"`)
    .join("");
}

const SUGGESTION = "s:";
const LINK = "l:";

// Each paragraph's element keeps data-start and holds only the paragraph's text, whatever its
// kind, so selection.ts maps DOM offsets to body offsets exactly as for plain paragraphs.
const ELEMENT: Record<BlockKind, { tag: string; className: string }> = {
  p: { tag: "p", className: "article-p" },
  h2: { tag: "h2", className: "article-h2" },
  h3: { tag: "h3", className: "article-h3" },
  li: { tag: "li", className: "article-li" },
  quote: { tag: "blockquote", className: "article-quote" },
  pre: { tag: "pre", className: "article-pre" },
  cell: { tag: "td", className: "article-cell" },
  caption: { tag: "p", className: "article-caption" },
};
// Checked again here, not only when stored: this string goes straight into innerHTML.
const SAFE_HREF = /^(https?:\/\/|mailto:)/i;

function segmentHtml(
  ids: string[],
  segment: { text: string; start: number; end: number },
  byId: Map<string, HighlightClaim>,
  activeId: string | null,
  checked: Map<string, string>,
): HighlightPart & { bare: boolean } {
  const { text } = segment;
  const claimIds = ids.filter((id) => !id.startsWith(SUGGESTION));
  if (claimIds.length === 0) {
    const suggestion = ids[0]?.slice(SUGGESTION.length);
    const html = suggestion
      ? `<span${attributes([
          ["class", "sg"],
          ["data-suggestion", suggestion],
          // Checked before: an earlier verdict of the desk on a claim that reads alike.
          ["data-checked", checked.has(suggestion) ? "" : undefined],
          ["title", checked.has(suggestion) ? `Checked before: ${checked.get(suggestion)}` : undefined],
          ["data-active", activeId === suggestion ? "" : undefined],
        ])}>${escapeHtml(text)}</span>`
      : escapeHtml(text);
    return { html, key: html, bare: !suggestion };
  }
  const covering = claimIds.map((id) => byId.get(id)!);
  // The innermost (shortest) claim decides the look of a shared segment.
  const top = innermost(covering);
  const endsHere = covering.filter((c) => c.end === segment.end);
  // The segment where a claim begins is its keyboard stop (components/claims/useRovingHighlights.ts).
  const startsHere = covering.filter((c) => c.start === segment.start).map((c) => c.id);
  const html = `<span${attributes([
    ["class", "hl"],
    ["data-ids", claimIds.join(" ")],
    ["data-status", top.status],
    ["data-verdict", top.verdict?.key ?? undefined],
    ["style", top.verdict?.fill && /^#[0-9a-f]{6}$/i.test(top.verdict.fill) ? `--fill:${top.verdict.fill}` : undefined],
    ["data-overlap", claimIds.length > 1 ? claimIds.length : undefined],
    ["data-end-status", endsHere.length ? innermost(endsHere).status : undefined],
    ["data-starts", startsHere.length ? startsHere.join(" ") : undefined],
    // Overlap at any depth (app/globals.css): one extra underline per claim beneath the innermost,
    // and a "2 claims" label where two or more claims begin together.
    ["data-depth", claimIds.length > 1 ? Math.min(claimIds.length, 4) : undefined],
    ["data-badge", startsHere.length > 1 ? `${startsHere.length} claims` : undefined],
    ["data-pin", startsHere.length > 1 ? "" : undefined],
    ["data-active", activeId !== null && claimIds.includes(activeId) ? "" : undefined],
  ])}>${escapeHtml(text)}</span>`;
  // What tooltips and labels say comes from every covering claim, not only the innermost one the markup shows.
  const said = covering.map((c) => `${c.id} ${c.status} ${c.verdict?.key ?? ""} ${c.verdict?.label ?? ""}`).join("\u0001");
  return { html, key: `${html}\u0000${said}`, bare: false };
}

/**
 * Suggestions (found automatically, not yet claims) get a quiet mark wherever no claim is.
 * With `blocks`, paragraphs render as headings, list items and quotes, and links as <a>;
 * links are cut at claim boundaries like highlights, so they never break the nesting.
 */
export function renderHighlightedHtml(
  body: string,
  claims: HighlightClaim[],
  activeId: string | null,
  suggestions: { id: string; start: number; end: number; checkedBefore?: { verdict: string } | null }[] = [],
  blocks: ArticleBlocks | null = null,
): string {
  return layoutModel(highlightModel(body, claims, activeId, suggestions, blocks));
}

/** The markup of a model: its paragraphs laid out (layoutBlocks) with their parts. */
export function layoutModel(model: HighlightModel): string {
  return layoutBlocks(model.kinds, model.starts, model.parts.map(joinParts));
}

/** A paragraph's inner markup from its parts. */
export const joinParts = (parts: HighlightPart[]) => parts.map((p) => p.html).join("");

/**
 * renderHighlightedHtml's work up to the layout: per paragraph its parts (one per DOM node the browser makes of
 * them), so a change of claims can replace just the parts that differ (components/claims/patch-highlights.ts).
 */
export function highlightModel(
  body: string,
  claims: HighlightClaim[],
  activeId: string | null,
  suggestions: { id: string; start: number; end: number; checkedBefore?: { verdict: string } | null }[] = [],
  blocks: ArticleBlocks | null = null,
): HighlightModel {
  return rememberedModel(body, claims, activeId, suggestions, blocks, null);
}

/**
 * highlightModel for a page that makes one model after another of the same text (a claim added, a status
 * changed): the returned function keeps its last model and reuses the parts (the very arrays) of every
 * paragraph whose segments are cut at the same offsets with the same ids, each id standing for the same
 * object (claim, suggestion, link) as last time. So only the paragraphs a change touches are made again
 * (at 1,000 claims, remaking every paragraph's markup took most of the time of an update), and
 * patchHighlights sees at once which paragraphs are unchanged. Pass new objects for changed claims
 * (the page's lists do) and the same objects for the others. Output: equal to highlightModel's.
 */
export function highlightModeller() {
  let last: RememberedModel | null = null;
  return (
    body: string,
    claims: HighlightClaim[],
    activeId: string | null,
    suggestions: { id: string; start: number; end: number; checkedBefore?: { verdict: string } | null }[] = [],
    blocks: ArticleBlocks | null = null,
  ): HighlightModel => (last = rememberedModel(body, claims, activeId, suggestions, blocks, last));
}

function rememberedModel(
  body: string,
  claims: HighlightClaim[],
  activeId: string | null,
  suggestions: { id: string; start: number; end: number; checkedBefore?: { verdict: string } | null }[],
  blocks: ArticleBlocks | null,
  previous: RememberedModel | null,
): RememberedModel {
  const byId = new Map<string, HighlightClaim>(claims.map((c) => [c.id, c]));
  const checked = new Map(suggestions.flatMap((s) => (s.checkedBefore ? [[s.id, s.checkedBefore.verdict] as const] : [])));
  const links = (blocks?.links ?? []).filter((link) => SAFE_HREF.test(link.href));
  const suggestionById = new Map(suggestions.map((s) => [`${SUGGESTION}${s.id}`, s]));
  const ranges = [
    ...claims,
    ...suggestions.map((s) => ({ id: `${SUGGESTION}${s.id}`, start: s.start, end: s.end })),
    ...links.map((link, i) => ({ id: `${LINK}${i}`, start: link.start, end: link.end })),
  ];
  const paragraphs = segmentArticle(body, ranges);
  const reusable =
    previous !== null &&
    previous.body === body &&
    previous.blocks === blocks &&
    previous.activeId === activeId &&
    previous.parts.length === paragraphs.length;
  // What a paragraph's parts are made from; links are the same objects while `blocks` is.
  const objectOf = (id: string) => (id.startsWith(SUGGESTION) ? suggestionById.get(id) : id.startsWith(LINK) ? id : byId.get(id));
  const kinds: ParagraphBlock[] =
    blocks && blocks.paragraphs.length === paragraphs.length ? blocks.paragraphs : paragraphs.map(() => ({ kind: "p" }));
  const partsOf = (paragraph: (typeof paragraphs)[number]) => {
    const parts: HighlightPart[] = [];
    let bareBefore = false;
    for (const segment of paragraph.segments) {
      const linkId = segment.ids.find((id) => id.startsWith(LINK));
      const ids = linkId ? segment.ids.filter((id) => !id.startsWith(LINK)) : segment.ids;
      const part = segmentHtml(ids, segment, byId, activeId, checked);
      const link = linkId ? links[Number(linkId.slice(LINK.length))] : undefined;
      if (link) {
        const html = `<a${attributes([
          ["href", link.href],
          ["class", "article-a"],
          ["rel", "noopener noreferrer nofollow"],
          ["target", "_blank"],
          ["draggable", "false"],
        ])}>${part.html}</a>`;
        parts.push({ html, key: html + part.key.slice(part.html.length) });
        bareBefore = false;
      } else if (part.bare) {
        if (part.html === "") continue; // no node at all
        // Plain text after plain text is one text node in the browser, so one part here.
        if (bareBefore) {
          const last = parts[parts.length - 1]!;
          parts[parts.length - 1] = { html: last.html + part.html, key: last.key + part.key };
        } else parts.push({ html: part.html, key: part.key });
        bareBefore = true;
      } else {
        parts.push({ html: part.html, key: part.key });
        bareBefore = false;
      }
    }
    return parts;
  };
  const made = paragraphs.map((paragraph) => {
    const from: unknown[] = [];
    let segments = "";
    for (const segment of paragraph.segments) {
      segments += `${segment.start}:${segment.ids.join(" ")};`;
      for (const id of segment.ids) from.push(objectOf(id));
    }
    return { segments, from };
  });
  const parts = paragraphs.map((paragraph, i) => {
    const before = reusable ? previous.made[i]! : null;
    const now = made[i]!;
    const same =
      before !== null &&
      before.segments === now.segments &&
      before.from.length === now.from.length &&
      before.from.every((object, j) => object === now.from[j]);
    return same ? previous!.parts[i]! : partsOf(paragraph);
  });
  return { kinds, starts: paragraphs.map((p) => p.start), parts, body, blocks, activeId, made };
}

/**
 * Lays out paragraphs (their blocks, body offsets and inner HTML) as elements: lists nested by level, tables
 * as tables, lines of one paragraph or <pre> together. The element holding a paragraph's text carries
 * data-start and holds nothing else, so selection.ts maps DOM positions to body offsets; every element with
 * text says dir="auto", so right-to-left text lays out right to left.
 */
export function layoutBlocks(kinds: ParagraphBlock[], starts: number[], inners: string[]): string {
  const lists = listPositions(kinds);
  let html = "";
  // Open list elements, outermost first; each with whether its last <li> is still open.
  const open: { tag: "ul" | "ol"; itemOpen: boolean }[] = [];
  const closeLists = (depth: number) => {
    while (open.length > depth) {
      const list = open.pop()!;
      html += `${list.itemOpen ? "</li>" : ""}</${list.tag}>`;
    }
  };
  const text = (i: number, tag = "span", className?: string) =>
    `<${tag} data-start="${starts[i]}"${className ? ` class="${className}"` : ""} dir="auto">${inners[i]}</${tag}>`;

  for (let i = 0; i < kinds.length; i++) {
    const block = kinds[i]!;
    if (block.kind === "li") {
      const level = block.level ?? 0;
      const position = lists[i]!;
      closeLists(level + 1);
      if (open.length === level + 1 && position.begins) closeLists(level);
      if (open.length === level) {
        const tag = block.ordered ? "ol" : "ul";
        html += `<${tag} class="article-list"${block.ordered && position.number !== 1 ? ` start="${position.number}"` : ""}>`;
        open.push({ tag, itemOpen: false });
      }
      const list = open[open.length - 1]!;
      if (list.itemOpen) html += "</li>";
      const nested = kinds[i + 1]?.kind === "li" && (kinds[i + 1]!.level ?? 0) > level;
      html += nested ? `<li class="article-li">${text(i)}` : `<li data-start="${starts[i]}" class="article-li" dir="auto">${inners[i]}`;
      list.itemOpen = true;
      continue;
    }
    closeLists(0);
    if (block.kind === "cell") {
      let end = i + 1;
      while (end < kinds.length && kinds[end]!.kind === "cell" && !kinds[end]!.newTable) end++;
      html += tableHtml(kinds, i, end, (j, tag) => text(j, tag, "article-cell"));
      i = end - 1;
      continue;
    }
    const { tag, className } = ELEMENT[block.kind] ?? ELEMENT.p;
    if (kinds[i + 1]?.line) {
      // A paragraph or <pre> with lines: one element, each line its own data-start span.
      const parts = [text(i)];
      while (kinds[i + 1]?.line) parts.push(text(++i));
      html += `<${tag} class="${className}" dir="auto">${parts.join(tag === "pre" ? "\n" : "<br>")}</${tag}>`;
      continue;
    }
    html += `<${tag} data-start="${starts[i]}" class="${className}" dir="auto">${inners[i]}</${tag}>`;
  }
  closeLists(0);
  return html;
}

/** The cells kinds[from..to) as one table: rows and columns by position, empty cells where none was kept. */
function tableHtml(kinds: ParagraphBlock[], from: number, to: number, cell: (index: number, tag: "td" | "th") => string): string {
  const rows = new Map<number, Map<number, number>>();
  let columns = 0;
  for (let j = from; j < to; j++) {
    const { row = 0, col = 0 } = kinds[j]!;
    if (!rows.has(row)) rows.set(row, new Map());
    rows.get(row)!.set(col, j);
    columns = Math.max(columns, col + 1);
  }
  let html = `<div class="article-table-wrap"><table class="article-table"><tbody>`;
  for (const row of [...rows.keys()].sort((a, b) => a - b)) {
    html += "<tr>";
    const cells = rows.get(row)!;
    for (let col = 0; col < columns; col++) {
      const j = cells.get(col);
      html += j === undefined ? "<td></td>" : cell(j, kinds[j]!.head ? "th" : "td");
    }
    html += "</tr>";
  }
  return `${html}</tbody></table></div>`;
}
