// The structure of an article body, kept beside the plain text rather than inside it: the
// body stays the canonical text that claim offsets point into, and this says which of its
// paragraphs are headings, list items (nested, numbered), quotes, preformatted lines, table cells or
// captions, and which spans are links. See block-structure.ts for how blocks relate to each other.
// Stored as Article.blocks / ArticleVersion.blocks (Json); null means "all plain paragraphs".
import { z } from "zod";
import { splitParagraphs } from "@/lib/anchoring/normalize";
import { parseUrl } from "@/lib/validation/urls";
import { MAX_LIST_LEVEL, MAX_TABLE_INDEX, canonicalBlocks, structureError } from "@/lib/articles/block-structure";

export type BlockKind = "p" | "h2" | "h3" | "li" | "quote" | "pre" | "cell" | "caption";

/**
 * What one paragraph of the body is. Fields other than `kind` are present only where they say something:
 * - li: `ordered` always; `level` (nesting depth, 1–8) when nested; `start` (its number) on an ordered item that
 *   begins a list where it does not count from 1, or where it would otherwise continue the list before it.
 * - p, quote, pre: `line` when the paragraph continues the one before it (same kind) on a new line: a <br> in
 *   a paragraph, or the next line of preformatted text.
 * - cell: `row` and `col` in its table (0-based; empty cells have no paragraph), `head` for a header cell,
 *   `newTable` on the first cell of each table. Cells follow each other in reading order (row by row).
 * - caption: a figure or table caption.
 */
export type ParagraphBlock = {
  kind: BlockKind;
  ordered?: boolean;
  level?: number;
  start?: number;
  line?: true;
  row?: number;
  col?: number;
  head?: true;
  newTable?: true;
};

export type ArticleBlocks = {
  /** One entry per paragraph of the body (splitParagraphs order). */
  paragraphs: ParagraphBlock[];
  /** Links as UTF-16 body offsets; href is always http(s) or mailto. */
  links: { start: number; end: number; href: string }[];
};

export const BLOCK_KINDS = ["p", "h2", "h3", "li", "quote", "pre", "cell", "caption"] as const satisfies readonly BlockKind[];
/** Only these schemes are ever stored or rendered as links. */
const SAFE_SCHEME = /^(https?|mailto):$/i;

/**
 * The one canonical form of a link target, or null when it is not a safe absolute link (only http:, https:
 * and mailto:; relative links, javascript:, data: and text with lone surrogates give null).
 * Canonical means: what the WHATWG URL parser prints, with the characters encodeURI would
 * escape escaped, so that a Markdown round trip (which encodes hrefs) gives the same string; only forms that
 * parse back to themselves are returned. Never throws.
 */
export function canonicalHref(raw: string): string | null {
  const url = parseUrl(raw.trim());
  if (!url || !SAFE_SCHEME.test(url.protocol)) return null;
  let href: string;
  try {
    href = encodeURI(url.href).replace(/%25/g, "%");
  } catch {
    return null; // a lone surrogate cannot be encoded
  }
  // Only keep forms that are already fixed points, so storing and re-reading never drifts.
  const again = parseUrl(href);
  return again && again.href === href && SAFE_SCHEME.test(again.protocol) ? href : null;
}

const ZParagraph = z
  .object({
    kind: z.enum(BLOCK_KINDS),
    ordered: z.boolean().optional(),
    level: z.number().int().min(0).max(MAX_LIST_LEVEL).optional(),
    start: z.number().int().min(0).max(999_999_999).optional(),
    line: z.literal(true).optional(),
    row: z.number().int().min(0).max(MAX_TABLE_INDEX).optional(),
    col: z.number().int().min(0).max(MAX_TABLE_INDEX).optional(),
    head: z.literal(true).optional(),
    newTable: z.literal(true).optional(),
  })
  .strict();
const ZLink = z.object({ start: z.number().int().nonnegative(), end: z.number().int().positive(), href: z.string().max(4096) }).strict();
const ZBlocks = z.object({ paragraphs: z.array(ZParagraph), links: z.array(ZLink) }).strict();

/**
 * Validates stored structure (Article.blocks / ArticleVersion.blocks Json) against the body it describes: one
 * entry per paragraph keeping the structure rules (structureError), links as UTF-16 body offsets inside one paragraph each, in order, not overlapping, with
 * canonical safe hrefs (canonicalHref). Returns a clean copy (list items always say `ordered`). Anything else
 * (absent, written for another body, tampered with) gives null, and the body renders as plain paragraphs.
 * Never throws.
 */
export function parseBlocks(json: unknown, body: string): ArticleBlocks | null {
  if (json === null || json === undefined) return null;
  const parsed = ZBlocks.safeParse(json);
  if (!parsed.success) return null;
  const paragraphs = splitParagraphs(body);
  if (parsed.data.paragraphs.length !== paragraphs.length) return null;
  let previousEnd = 0;
  let p = 0;
  for (const link of parsed.data.links) {
    if (link.start < previousEnd || link.end <= link.start) return null;
    while (p < paragraphs.length && paragraphs[p]!.start + paragraphs[p]!.text.length < link.start) p++;
    const paragraph = paragraphs[p];
    if (!paragraph || link.start < paragraph.start || link.end > paragraph.start + paragraph.text.length) return null;
    if (canonicalHref(link.href) !== link.href) return null;
    previousEnd = link.end;
  }
  const stored = parsed.data.paragraphs.map((block) => (block.kind === "li" ? { ...block, ordered: block.ordered ?? false } : block));
  if (structureError(stored)) return null;
  return {
    paragraphs: canonicalBlocks(stored.map(({ start, ...rest }) => (start === undefined ? rest : { ...rest, sourceStart: start }))),
    links: parsed.data.links.map(({ start, end, href }) => ({ start, end, href })),
  };
}

/**
 * Structure for a body of plain paragraphs and no links: one `{ kind: "p" }` per paragraph of the normalised
 * body (none for an empty body).
 */
export function plainBlocks(body: string): ArticleBlocks {
  return { paragraphs: splitParagraphs(body).map(() => ({ kind: "p" as const })), links: [] };
}
