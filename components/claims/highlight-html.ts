// Builds the article body's markup with claim highlights as one HTML string.
// Why a string: a thousand claims make thousands of spans, and as React elements each one
// would be hydrated; as `dangerouslySetInnerHTML` React hydrates one element and the browser
// parses the rest. Everything from the article or a claim is escaped here, so this is the
// only place that has to be right about it (see highlight-html.test.ts).
import { segmentArticle } from "@/lib/anchoring/segments";
import type { ArticleBlocks, BlockKind } from "@/lib/articles/blocks";

export type HighlightClaim = {
  id: string;
  start: number;
  end: number;
  status: string;
  verdict: { key: string | null } | null;
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
};
// Checked again here, not only when stored: this string goes straight into innerHTML.
const SAFE_HREF = /^(https?:\/\/|mailto:)/i;

function segmentHtml(
  ids: string[],
  segment: { text: string; start: number; end: number },
  byId: Map<string, HighlightClaim>,
  activeId: string | null,
): string {
  const { text } = segment;
  const claimIds = ids.filter((id) => !id.startsWith(SUGGESTION));
  if (claimIds.length === 0) {
    const suggestion = ids[0]?.slice(SUGGESTION.length);
    return suggestion
      ? `<span${attributes([
          ["class", "sg"],
          ["data-suggestion", suggestion],
          ["data-active", activeId === suggestion ? "" : undefined],
        ])}>${escapeHtml(text)}</span>`
      : escapeHtml(text);
  }
  const covering = claimIds.map((id) => byId.get(id)!);
  // The innermost (shortest) claim decides the look of a shared segment.
  const top = innermost(covering);
  const endsHere = covering.filter((c) => c.end === segment.end);
  // The segment where a claim begins is its keyboard stop (components/claims/useRovingHighlights.ts).
  const startsHere = covering.filter((c) => c.start === segment.start).map((c) => c.id);
  return `<span${attributes([
    ["class", "hl"],
    ["data-ids", claimIds.join(" ")],
    ["data-status", top.status],
    ["data-verdict", top.verdict?.key ?? undefined],
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
  suggestions: { id: string; start: number; end: number }[] = [],
  blocks: ArticleBlocks | null = null,
): string {
  const byId = new Map<string, HighlightClaim>(claims.map((c) => [c.id, c]));
  const links = (blocks?.links ?? []).filter((link) => SAFE_HREF.test(link.href));
  const ranges = [
    ...claims,
    ...suggestions.map((s) => ({ id: `${SUGGESTION}${s.id}`, start: s.start, end: s.end })),
    ...links.map((link, i) => ({ id: `${LINK}${i}`, start: link.start, end: link.end })),
  ];
  const paragraphs = segmentArticle(body, ranges);
  const kinds = blocks && blocks.paragraphs.length === paragraphs.length ? blocks.paragraphs : null;
  let html = "";
  let openList: "ul" | "ol" | null = null;
  paragraphs.forEach((paragraph, index) => {
    const block = kinds?.[index] ?? { kind: "p" as const };
    const list = block.kind === "li" ? (block.ordered ? "ol" : "ul") : null;
    if (list !== openList) {
      if (openList) html += `</${openList}>`;
      if (list) html += `<${list} class="article-list">`;
      openList = list;
    }
    const { tag, className } = ELEMENT[block.kind] ?? ELEMENT.p;
    html += `<${tag} data-start="${paragraph.start}" class="${className}">`;
    for (const segment of paragraph.segments) {
      const linkId = segment.ids.find((id) => id.startsWith(LINK));
      const ids = linkId ? segment.ids.filter((id) => !id.startsWith(LINK)) : segment.ids;
      const inner = segmentHtml(ids, segment, byId, activeId);
      const link = linkId ? links[Number(linkId.slice(LINK.length))] : undefined;
      html += link
        ? `<a${attributes([
            ["href", link.href],
            ["class", "article-a"],
            ["rel", "noopener noreferrer nofollow"],
            ["target", "_blank"],
            ["draggable", "false"],
          ])}>${inner}</a>`
        : inner;
    }
    html += `</${tag}>`;
  });
  if (openList) html += `</${openList}>`;
  return html;
}
