// Turns a (sanitised) DOM into the canonical body and its structure. Only text and safe link
// targets come out of here: no markup, attribute or URL of another scheme can survive, whatever
// the sanitiser let through, because nothing but text nodes and canonicalHref() is ever read.
import { WHITESPACE_CLASS } from "@/lib/anchoring/whitespace";
import { canonicalHref, type ArticleBlocks, type BlockKind, type ParagraphBlock } from "@/lib/articles/blocks";
import { LINE_KINDS, MAX_TABLE_INDEX, canonicalBlocks } from "@/lib/articles/block-structure";
import { DROP_WITH_CONTENT } from "@/lib/articles/import/sanitize";

/** Subtrees that never hold article text (and some that are favourite hiding places for payloads). */
const SKIP = new Set([
  ...DROP_WITH_CONTENT,
  "picture",
  "img",
  "source",
  "track",
  "map",
  "head",
  "meta",
  "link",
  "base",
  "input",
  "dialog",
  "nav",
]);
const BLOCK = new Set([
  "address",
  "article",
  "aside",
  "blockquote",
  "body",
  "caption",
  "dd",
  "details",
  "div",
  "dl",
  "dt",
  "fieldset",
  "figcaption",
  "figure",
  "footer",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "header",
  "hgroup",
  "hr",
  "li",
  "main",
  "ol",
  "p",
  "pre",
  "section",
  "summary",
  "table",
  "tbody",
  "td",
  "tfoot",
  "th",
  "thead",
  "tr",
  "ul",
]);

type Link = { start: number; end: number; href: string };
/** One list element being walked: its items' kind, depth and the number it counts from. */
type ListState = { ordered: boolean; level: number; start: number; itemSeen: boolean };
/** One table being walked: the current row and column (-1 before the first), and whether a cell was kept. */
type TableState = { row: number; col: number; cellKept: boolean };
/** One <pre> being walked: whether a line of it was kept (the next one continues it). */
type PreState = { lineKept: boolean };
type Context = {
  kind: BlockKind;
  list: ListState | null;
  item: ListState | null;
  table: TableState | null;
  cell: { row: number; col: number; head: boolean } | null;
  pre: PreState | null;
};
type Draft = {
  block: WalkedBlock;
  text: string;
  links: Link[];
  pre: PreState | null;
};
/** A paragraph's block as walked; `sourceStart` marks the first item of an ordered list element. */
type WalkedBlock = ParagraphBlock & { sourceStart?: number };
export type WalkedParagraph = WalkedBlock & { text: string; links: Link[] };

// Minimal structural view of a DOM node, so the walker works on linkedom's nodes without `any`.
type DomNode = {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  parentNode: DomNode | null;
  getAttribute?: (name: string) => string | null;
};

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
const cap = (n: number) => Math.min(Math.max(n, 0), MAX_TABLE_INDEX);

function listStart(node: DomNode): number {
  const start = Number.parseInt(node.getAttribute?.("start") ?? "", 10);
  return Number.isSafeInteger(start) && start >= 0 && start <= 999_999_999 ? start : 1;
}

function childContext(tag: string, ctx: Context, node: DomNode): Context {
  if (ctx.cell) return ctx; // a cell is one paragraph whatever it holds
  if (tag === "h1" || tag === "h2") return { ...ctx, kind: "h2" };
  if (/^h[3-6]$/.test(tag)) return { ...ctx, kind: "h3" };
  if (ctx.kind === "h2" || ctx.kind === "h3") return ctx;
  if (tag === "table") return { ...ctx, table: { row: -1, col: -1, cellKept: false } };
  if (tag === "tr" && ctx.table) {
    ctx.table.row++;
    ctx.table.col = -1;
    return ctx;
  }
  if ((tag === "td" || tag === "th") && ctx.table) {
    const table = ctx.table;
    table.row = Math.max(table.row, 0);
    table.col++;
    return { ...ctx, kind: "cell", cell: { row: cap(table.row), col: cap(table.col), head: tag === "th" } };
  }
  if (tag === "caption" || tag === "figcaption") return { ...ctx, kind: "caption" };
  if (tag === "pre") return { ...ctx, kind: "pre", pre: { lineKept: false } };
  if (ctx.kind === "pre") return ctx;
  if (tag === "ul" || tag === "ol") {
    const level = ctx.item ? ctx.item.level + 1 : 0;
    return { ...ctx, list: { ordered: tag === "ol", level, start: tag === "ol" ? listStart(node) : 1, itemSeen: false } };
  }
  if (tag === "li") return { ...ctx, kind: "li", item: ctx.list ?? { ordered: false, level: 0, start: 1, itemSeen: false } };
  if (tag === "blockquote" && ctx.kind !== "li") return { ...ctx, kind: "quote" };
  return ctx;
}

function blockOf(ctx: Context): WalkedBlock {
  if (ctx.kind === "li" && ctx.item) {
    const item = ctx.item;
    const block: WalkedBlock = { kind: "li", ordered: item.ordered, level: item.level };
    if (!item.itemSeen && item.ordered) block.sourceStart = item.start;
    item.itemSeen = true;
    return block;
  }
  if (ctx.kind === "cell" && ctx.cell && ctx.table) {
    const block: WalkedBlock = { kind: "cell", row: ctx.cell.row, col: ctx.cell.col };
    if (ctx.cell.head) block.head = true;
    if (!ctx.table.cellKept) block.newTable = true;
    return block;
  }
  return { kind: ctx.kind };
}

/**
 * Walks the children of `root` into paragraphs of canonical text (see finishParagraph) with their blocks
 * (p; h2 for h1/h2, h3 for h3–h6; li with `ordered`, its nesting `level` and, on the first item of an
 * ordered list element, `sourceStart`; quote; pre, one paragraph per line; cell with row, column, head and
 * newTable, one paragraph per cell whatever it holds; caption for caption/figcaption) and links in paragraph
 * offsets (UTF-16 code units; only canonicalHref targets, never nested). Block elements end a paragraph; a
 * <br> in a paragraph or quote starts a new paragraph that continues it (`line`), two in a row end it;
 * scripts, media, forms and nav are skipped with their content. Feed the result to assemble(). Never throws.
 */
export function walkDom(root: DomNode): WalkedParagraph[] {
  const out: WalkedParagraph[] = [];
  let current: Draft | null = null;
  let inLink = false;
  // After a <br> ended a paragraph: the kind the next paragraph continues on a new line.
  let lineOf: BlockKind | null = null;

  const open = (ctx: Context): Draft => {
    if (current) return current;
    const block = blockOf(ctx);
    if (lineOf !== null && lineOf === block.kind) block.line = true;
    lineOf = null;
    current = { block, text: "", links: [], pre: ctx.kind === "pre" ? ctx.pre : null };
    return current;
  };
  const flush = (): boolean => {
    const draft = current as Draft | null;
    current = null;
    if (!draft) return false;
    const paragraph = finishParagraph({ ...draft.block, text: draft.text, links: draft.links });
    if (!paragraph) return false;
    if (draft.pre) {
      if (draft.pre.lineKept) paragraph.line = true;
      draft.pre.lineKept = true;
    }
    out.push(paragraph);
    return true;
  };
  const endBlock = (ctx: Context) => {
    if (ctx.cell) {
      if (current) (current as Draft).text += " ";
      return;
    }
    flush();
    lineOf = null;
  };

  const visit = (node: DomNode, ctx: Context) => {
    if (node.nodeType === TEXT_NODE) {
      const text = node.textContent ?? "";
      if (ctx.kind !== "pre" || !text.includes("\n")) {
        open(ctx).text += text;
        return;
      }
      // Each line of preformatted text is a paragraph of its own; blank lines leave no paragraph.
      text.split("\n").forEach((line, i) => {
        if (i > 0) flush();
        if (line !== "") open(ctx).text += line;
      });
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return; // comments, processing instructions, doctypes
    const tag = node.nodeName.toLowerCase();
    if (SKIP.has(tag)) return;
    if (tag === "br") {
      if (ctx.kind === "pre") return void flush();
      if (!LINE_KINDS.has(ctx.kind)) {
        if (current) (current as Draft).text += " ";
        return;
      }
      // One <br> is a line break inside a paragraph; two in a row is how a lot of HTML writes a paragraph break.
      const kept = current !== null && flush();
      lineOf = kept ? ctx.kind : null;
      return;
    }
    if (BLOCK.has(tag)) {
      endBlock(ctx);
      const inner = childContext(tag, ctx, node);
      for (const child of Array.from(node.childNodes)) visit(child, inner);
      endBlock(inner);
      if (inner.cell && !ctx.cell) {
        if (flush() && ctx.table) ctx.table.cellKept = true;
        lineOf = null;
      }
      return;
    }
    // Links inside preformatted text are not kept: its lines are text, and Markdown could not write them.
    if (tag === "a" && !inLink && ctx.kind !== "pre") {
      const href = canonicalHref(node.getAttribute?.("href") ?? "");
      if (href) {
        const draft = open(ctx);
        const start = draft.text.length;
        inLink = true;
        for (const child of Array.from(node.childNodes)) visit(child, ctx);
        inLink = false;
        // A block inside the link ended its paragraph: the link no longer describes one span.
        if (current === draft && draft.text.length > start) draft.links.push({ start, end: draft.text.length, href });
        return;
      }
    }
    for (const child of Array.from(node.childNodes)) visit(child, ctx);
  };

  for (const child of Array.from(root.childNodes)) visit(child, { kind: "p", list: null, item: null, table: null, cell: null, pre: null });
  flush();
  return out;
}

const WHITESPACE = new RegExp(`[${WHITESPACE_CLASS}]`);

/**
 * The same canonical form as normalizeArticleText (whitespace runs to one space, trimmed,
 * U+FEFF dropped, NFC), applied to one paragraph while carrying link offsets along (UTF-16 code units).
 * Links that end up empty are dropped; if NFC composition would cross a link boundary, the text stays right and
 * the paragraph's links are dropped. Returns null for a paragraph with no visible text. Pure.
 */
export function finishParagraph(draft: WalkedParagraph): WalkedParagraph | null {
  const { text: raw, links: rawLinks, ...block } = draft;
  const at = new Array<number>(raw.length + 1);
  let text = "";
  let pendingSpace = false;
  for (let i = 0; i < raw.length; i++) {
    at[i] = text.length + (pendingSpace && text !== "" ? 1 : 0);
    const ch = raw[i]!;
    if (ch === "\uFEFF") continue;
    if (WHITESPACE.test(ch)) {
      pendingSpace = true;
      continue;
    }
    if (pendingSpace && text !== "") text += " ";
    pendingSpace = false;
    text += ch;
  }
  at[raw.length] = text.length;
  if (text === "") return null;

  let links = rawLinks
    .map((link) => {
      let start = Math.min(at[link.start]!, text.length);
      let end = Math.min(at[link.end]!, text.length);
      while (start < end && text[start] === " ") start++;
      while (end > start && text[end - 1] === " ") end--;
      return { start, end, href: link.href };
    })
    .filter((link) => link.end > link.start);

  // NFC piece by piece between link boundaries, so offsets stay exact; in the rare case where
  // composition crosses a boundary, keep the text right and drop the paragraph's links.
  const cuts = [...new Set([0, text.length, ...links.flatMap((l) => [l.start, l.end])])].sort((a, b) => a - b);
  const moved = new Map<number, number>();
  let composed = "";
  for (let i = 0; i < cuts.length; i++) {
    moved.set(cuts[i]!, composed.length);
    if (i + 1 < cuts.length) composed += text.slice(cuts[i], cuts[i + 1]).normalize("NFC");
  }
  const whole = text.normalize("NFC");
  if (composed === whole) links = links.map((l) => ({ ...l, start: moved.get(l.start)!, end: moved.get(l.end)! }));
  else links = [];
  return { ...block, text: whole, links };
}

/**
 * Joins walked paragraphs with "\n\n" into a body and its structure in canonical form (canonicalBlocks: list
 * levels, starts, lines and cells as parseBlocks expects them; link offsets become body offsets). Empty input
 * gives an empty body. Pure.
 */
export function assemble(paragraphs: WalkedParagraph[]): { body: string; blocks: ArticleBlocks } {
  let body = "";
  const links: ArticleBlocks["links"] = [];
  for (const paragraph of paragraphs) {
    if (body !== "") body += "\n\n";
    const offset = body.length;
    body += paragraph.text;
    for (const link of paragraph.links) links.push({ start: offset + link.start, end: offset + link.end, href: link.href });
  }
  const blocks = canonicalBlocks(paragraphs.map(({ text: _text, links: _links, ...block }) => block));
  return { body, blocks: { paragraphs: blocks, links } };
}
