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
  /**
   * For an article imported from a PDF: where each page's text begins, as UTF-16 body offsets (ascending, the
   * first at 0) with the 1-based page number of the PDF (ascending). A page may begin inside a paragraph that
   * runs on from the page before. Absent for every other article (and after the text is edited).
   */
  pages?: { start: number; page: number }[];
};

/** Highest page number stored (a PDF import reads at most MAX_PDF_PAGES pages). */
const MAX_PAGE = 100_000;

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
const ZPage = z.object({ start: z.number().int().nonnegative(), page: z.number().int().min(1).max(MAX_PAGE) }).strict();
const ZBlocks = z.object({ paragraphs: z.array(ZParagraph), links: z.array(ZLink), pages: z.array(ZPage).optional() }).strict();

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
  const pages = parsed.data.pages;
  if (pages && pagesError(pages, body.length)) return null;
  const stored = parsed.data.paragraphs.map((block) => (block.kind === "li" ? { ...block, ordered: block.ordered ?? false } : block));
  if (structureError(stored)) return null;
  return {
    paragraphs: canonicalBlocks(stored.map(({ start, ...rest }) => (start === undefined ? rest : { ...rest, sourceStart: start }))),
    links: parsed.data.links.map(({ start, end, href }) => ({ start, end, href })),
    ...(pages ? { pages: pages.map(({ start, page }) => ({ start, page })) } : {}),
  };
}

/** Whether page starts break their rules: non-empty, first at 0, starts and pages strictly ascending, inside the body. */
function pagesError(pages: { start: number; page: number }[], bodyLength: number): boolean {
  if (pages.length === 0 || pages[0]!.start !== 0) return true;
  return pages.some(
    (entry, i) =>
      entry.start >= Math.max(bodyLength, 1) || (i > 0 && (entry.start <= pages[i - 1]!.start || entry.page <= pages[i - 1]!.page)),
  );
}

/**
 * The PDF page that body offset `offset` (UTF-16 code units) is on, from `blocks.pages`; null when the article
 * did not come from a PDF (no pages) or there are no blocks. Offsets before 0 count as the first page. Pure.
 */
export function pageAt(blocks: Pick<ArticleBlocks, "pages"> | null | undefined, offset: number): number | null {
  const pages = blocks?.pages;
  if (!pages || pages.length === 0) return null;
  let low = 0;
  let high = pages.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (pages[mid]!.start <= offset) low = mid;
    else high = mid - 1;
  }
  return pages[low]!.page;
}

/**
 * Structure for a body of plain paragraphs and no links: one `{ kind: "p" }` per paragraph of the normalised
 * body (none for an empty body).
 */
export function plainBlocks(body: string): ArticleBlocks {
  return { paragraphs: splitParagraphs(body).map(() => ({ kind: "p" as const })), links: [] };
}

/** How many characters after a page start are looked for in the new text to find where that page now begins. */
const PAGE_PROBE = 32;
/** How many characters after a page start must be unchanged for it to stay where the unchanged text around it puts it. */
const PAGE_CHECK = 16;

/**
 * Carries PDF page starts (`pages`, as in ArticleBlocks, for `oldBody`) over to `newBody`, a saved edit of it:
 * a start inside the unchanged beginning stays, one inside the unchanged end moves by the change in length (either
 * only while the 16 characters after it are still there), and any other is found again by the 32 characters that
 * followed it (the first place after the previous page's start). A page start whose words were edited away is dropped (its text then counts to the page before).
 * Returns starts that parseBlocks accepts for `newBody` (none for an empty body). Pure; UTF-16 offsets.
 */
export function carryPages(
  oldBody: string,
  newBody: string,
  pages: NonNullable<ArticleBlocks["pages"]>,
): NonNullable<ArticleBlocks["pages"]> {
  if (newBody === "" || pages.length === 0) return [];
  if (oldBody === newBody) return pages.map(({ start, page }) => ({ start, page }));
  let prefix = 0;
  while (prefix < oldBody.length && prefix < newBody.length && oldBody[prefix] === newBody[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < oldBody.length - prefix &&
    suffix < newBody.length - prefix &&
    oldBody[oldBody.length - 1 - suffix] === newBody[newBody.length - 1 - suffix]
  )
    suffix++;
  const out = [{ start: 0, page: pages[0]!.page }];
  for (const { start, page } of pages.slice(1)) {
    const previous = out.at(-1)!.start;
    // Where the unchanged beginning or end puts it, if the words that began the page are still there…
    let moved = start <= prefix ? start : start >= oldBody.length - suffix ? start + newBody.length - oldBody.length : -1;
    if (moved >= 0 && !newBody.startsWith(oldBody.slice(start, start + PAGE_CHECK), moved)) moved = -1;
    // …or else the first place after the previous page where they are.
    if (moved < 0) moved = newBody.indexOf(oldBody.slice(start, start + PAGE_PROBE), previous + 1);
    if (moved > previous && moved < newBody.length) out.push({ start: moved, page });
  }
  return out;
}
