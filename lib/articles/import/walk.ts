// Turns a (sanitised) DOM into the canonical body and its structure. Only text and safe link
// targets come out of here: no markup, attribute or URL of another scheme can survive, whatever
// the sanitiser let through, because nothing but text nodes and canonicalHref() is ever read.
import { WHITESPACE_CLASS, isBlank } from "@/lib/anchoring/whitespace";
import { canonicalHref, type ArticleBlocks, type BlockKind } from "@/lib/articles/blocks";

/** Subtrees that never hold article text (and some that are favourite hiding places for payloads). */
const SKIP = new Set([
  "script",
  "style",
  "template",
  "noscript",
  "svg",
  "math",
  "iframe",
  "frame",
  "frameset",
  "object",
  "embed",
  "applet",
  "canvas",
  "audio",
  "video",
  "picture",
  "img",
  "source",
  "track",
  "map",
  "head",
  "title",
  "meta",
  "link",
  "base",
  "input",
  "button",
  "select",
  "option",
  "textarea",
  "noembed",
  "noframes",
  "xmp",
  "plaintext",
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

type Context = { kind: BlockKind; ordered?: boolean; listOrdered: boolean };
type Draft = { kind: BlockKind; ordered?: boolean; text: string; links: { start: number; end: number; href: string }[]; brAt: number };
export type WalkedParagraph = { kind: BlockKind; ordered?: boolean; text: string; links: { start: number; end: number; href: string }[] };

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

function childContext(tag: string, ctx: Context): Context {
  if (tag === "h1" || tag === "h2") return { ...ctx, kind: "h2", ordered: undefined };
  if (/^h[3-6]$/.test(tag)) return { ...ctx, kind: "h3", ordered: undefined };
  if (ctx.kind === "h2" || ctx.kind === "h3") return ctx;
  if (tag === "ul" || tag === "ol") return { ...ctx, listOrdered: tag === "ol" };
  if (tag === "li") return { ...ctx, kind: "li", ordered: ctx.listOrdered };
  if (tag === "blockquote" && ctx.kind !== "li") return { ...ctx, kind: "quote", ordered: undefined };
  return ctx;
}

/**
 * Walks the children of `root` into paragraphs of canonical text (see finishParagraph) with their kind
 * (p, h2 for h1/h2, h3 for h3–h6, li with `ordered`, quote) and links in paragraph offsets (UTF-16 code units;
 * only canonicalHref targets, never nested). Block elements end a paragraph, two <br> in a row do too;
 * scripts, media, forms and nav are skipped with their content. Never throws.
 */
export function walkDom(root: DomNode): WalkedParagraph[] {
  const out: WalkedParagraph[] = [];
  let current: Draft | null = null;
  let inLink = false;

  const open = (ctx: Context): Draft =>
    (current ??= { kind: ctx.kind, ordered: ctx.kind === "li" ? ctx.ordered : undefined, text: "", links: [], brAt: -1 });
  const flush = () => {
    if (current) {
      const paragraph = finishParagraph(current);
      if (paragraph) out.push(paragraph);
    }
    current = null;
  };

  const visit = (node: DomNode, ctx: Context) => {
    if (node.nodeType === TEXT_NODE) {
      open(ctx).text += node.textContent ?? "";
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return; // comments, processing instructions, doctypes
    const tag = node.nodeName.toLowerCase();
    if (SKIP.has(tag)) return;
    if (tag === "br") {
      // One <br> is a line break inside a paragraph; two in a row is how a lot of HTML writes a paragraph break.
      const draft = current as Draft | null;
      if (!draft) return;
      if (draft.brAt >= 0 && isBlank(draft.text.slice(draft.brAt))) return flush();
      draft.text += "\n";
      draft.brAt = draft.text.length;
      return;
    }
    if (BLOCK.has(tag)) {
      flush();
      const inner = childContext(tag, ctx);
      for (const child of Array.from(node.childNodes)) visit(child, inner);
      flush();
      return;
    }
    if (tag === "a" && !inLink) {
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

  for (const child of Array.from(root.childNodes)) visit(child, { kind: "p", listOrdered: false });
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
export function finishParagraph(draft: Pick<Draft, "kind" | "ordered" | "text" | "links">): WalkedParagraph | null {
  const raw = draft.text;
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

  let links = draft.links
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
  return { kind: draft.kind, ...(draft.kind === "li" ? { ordered: draft.ordered ?? false } : {}), text: whole, links };
}

/**
 * Joins walked paragraphs with "\n\n" into a body and its structure (link offsets become body offsets,
 * list items always say `ordered`). Empty input gives an empty body. Pure.
 */
export function assemble(paragraphs: WalkedParagraph[]): { body: string; blocks: ArticleBlocks } {
  let body = "";
  const blocks: ArticleBlocks = { paragraphs: [], links: [] };
  for (const paragraph of paragraphs) {
    if (body !== "") body += "\n\n";
    const offset = body.length;
    body += paragraph.text;
    blocks.paragraphs.push(paragraph.kind === "li" ? { kind: "li", ordered: paragraph.ordered ?? false } : { kind: paragraph.kind });
    for (const link of paragraph.links) blocks.links.push({ start: offset + link.start, end: offset + link.end, href: link.href });
  }
  return { body, blocks };
}
