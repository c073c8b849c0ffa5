// Builds the article body's markup with claim highlights as one HTML string.
// Why a string: a thousand claims make thousands of spans, and as React elements each one
// would be hydrated; as `dangerouslySetInnerHTML` React hydrates one element and the browser
// parses the rest. Everything from the article or a claim is escaped here, so this is the
// only place that has to be right about it (see highlight-html.test.ts).
import { segmentArticle } from "@/lib/anchoring/segments";

export type HighlightClaim = {
  id: string;
  start: number;
  end: number;
  status: string;
  verdict: { key: string | null } | null;
};

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);

const innermost = <T extends HighlightClaim>(claims: T[]): T =>
  claims.reduce((a, b) => (b.end - b.start < a.end - a.start ? b : a));

function attributes(pairs: [string, string | number | undefined | false][]): string {
  return pairs
    .filter((pair): pair is [string, string | number] => pair[1] !== undefined && pair[1] !== false)
    .map(([name, value]) => ` ${name}="${escapeHtml(String(value))}"`)
    .join("");
}

const SUGGESTION = "s:";

/** Suggestions (found automatically, not yet claims) get a quiet mark wherever no claim is. */
export function renderHighlightedHtml(
  body: string,
  claims: HighlightClaim[],
  activeId: string | null,
  suggestions: { id: string; start: number; end: number }[] = [],
): string {
  const byId = new Map(claims.map((c) => [c.id, c]));
  const ranges = [...claims, ...suggestions.map((s) => ({ id: `${SUGGESTION}${s.id}`, start: s.start, end: s.end }))];
  let html = "";
  for (const paragraph of segmentArticle(body, ranges)) {
    html += `<p data-start="${paragraph.start}" class="article-p">`;
    for (const segment of paragraph.segments) {
      const claimIds = segment.ids.filter((id) => !id.startsWith(SUGGESTION));
      if (claimIds.length === 0) {
        const suggestion = segment.ids[0]?.slice(SUGGESTION.length);
        html += suggestion
          ? `<span${attributes([["class", "sg"], ["data-suggestion", suggestion], ["data-active", activeId === suggestion ? "" : undefined]])}>${escapeHtml(segment.text)}</span>`
          : escapeHtml(segment.text);
        continue;
      }
      const covering = claimIds.map((id) => byId.get(id)!);
      // The innermost (shortest) claim decides the look of a shared segment.
      const top = innermost(covering);
      const endsHere = covering.filter((c) => c.end === segment.end);
      html += `<span${attributes([
        ["class", "hl"],
        ["data-ids", claimIds.join(" ")],
        ["data-status", top.status],
        ["data-verdict", top.verdict?.key ?? undefined],
        ["data-overlap", claimIds.length > 1 ? claimIds.length : undefined],
        ["data-end-status", endsHere.length ? innermost(endsHere).status : undefined],
        ["data-active", activeId !== null && claimIds.includes(activeId) ? "" : undefined],
      ])}>${escapeHtml(segment.text)}</span>`;
    }
    html += "</p>";
  }
  return html;
}
