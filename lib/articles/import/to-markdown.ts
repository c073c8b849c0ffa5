// The Markdown form of a stored article, for editing it as text. Reading it back with
// importArticle({ format: "markdown" }) gives exactly the same body and blocks (see the
// property test), so everything Markdown could read as syntax is escaped.
import { splitParagraphs } from "@/lib/anchoring/normalize";
import type { ArticleBlocks, ParagraphBlock } from "@/lib/articles/blocks";
import { listPositions } from "@/lib/articles/block-structure";

/**
 * Escapes inline syntax: backslash, emphasis, code, links and images, raw HTML and autolinks,
 * entity references, "#" (headings' closing sequences), "|" (table cells). Escaping a character CommonMark
 * would read literally is harmless: "\x" for ASCII punctuation x always means x.
 */
function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<#|]|&(?=#?[A-Za-z0-9]+;)/g, (ch) => `\\${ch}`);
}

/** Escapes what only means something at the start of a block: lists, quotes, rules, setext. */
function escapeLineStart(text: string): string {
  return text.replace(/^([-+>=~|])/, "\\$1").replace(/^(\d{1,9})([.)])/, "$1\\$2");
}

function inlineMarkdown(text: string, offset: number, links: ArticleBlocks["links"]): string {
  let out = "";
  let pos = 0;
  for (const link of links) {
    const start = link.start - offset;
    const end = link.end - offset;
    // "!" right before "[" would make the link an image.
    out += escapeInline(text.slice(pos, start)).replace(/!$/, "\\!");
    // The destination in <…>: no spaces or parentheses to balance; canonical hrefs hold no < > \ or spaces.
    // Parentheses in the link text are escaped too: marked otherwise ends the link at "](" inside it.
    // An "&" that looks like an entity reference is written as one, so it survives being read back.
    out += `[${escapeInline(text.slice(start, end)).replace(/[()]/g, "\\$&")}](<${link.href.replace(/&(?=#?[A-Za-z0-9]+;)/g, "&amp;")}>)`;
    pos = end;
  }
  return escapeLineStart(out + escapeInline(text.slice(pos)));
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };
const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (ch) => ESCAPES[ch]!);

/** A caption as one line of raw HTML (Markdown has no caption): escaped text, links as <a href>. */
function captionHtml(text: string, offset: number, links: ArticleBlocks["links"]): string {
  let out = "";
  let pos = 0;
  for (const link of links) {
    out += escapeHtml(text.slice(pos, link.start - offset));
    out += `<a href="${escapeHtml(link.href)}">${escapeHtml(text.slice(link.start - offset, link.end - offset))}</a>`;
    pos = link.end - offset;
  }
  return `<figure><figcaption>${out}${escapeHtml(text.slice(pos))}</figcaption></figure>`;
}

/** Cells kinds[from..to) as a GFM pipe table: row 0 is the header row, empty cells and rows kept as blanks. */
function tableMarkdown(blocks: ParagraphBlock[], texts: string[], from: number, to: number): string {
  const rows = new Map<number, Map<number, string>>();
  let columns = 0;
  let lastRow = 0;
  for (let j = from; j < to; j++) {
    const { row = 0, col = 0 } = blocks[j]!;
    if (!rows.has(row)) rows.set(row, new Map());
    rows.get(row)!.set(col, texts[j]!);
    columns = Math.max(columns, col + 1);
    lastRow = Math.max(lastRow, row);
  }
  const line = (row: number) => `| ${Array.from({ length: columns }, (_, col) => rows.get(row)?.get(col) ?? "").join(" | ")} |`;
  const lines = [line(0), `|${" --- |".repeat(columns)}`];
  for (let row = 1; row <= lastRow; row++) lines.push(line(row));
  return lines.join("\n");
}

/**
 * The Markdown form of a stored article body for editing it as text: headings (## / ###), lists (- or 1.,
 * nested by indentation, counting from their start), quotes (>), lines of a paragraph (a hard break "\"),
 * preformatted lines (a fenced block), tables (GFM pipe tables), captions (one line of <figure> HTML) and links
 * from `blocks`, with every character Markdown could read as syntax escaped, so that
 * importArticle({ format: "markdown", leadingHeading: "body" }) gives back exactly the same body and blocks.
 * Not kept: which cells are header cells (row 0 is the header row in Markdown). Blocks that do not match the
 * body's paragraph count are ignored (plain paragraphs). Pure.
 */
export function articleToMarkdown(body: string, blocks: ArticleBlocks | null): string {
  const paragraphs = splitParagraphs(body);
  const kinds: ParagraphBlock[] =
    blocks && blocks.paragraphs.length === paragraphs.length ? blocks.paragraphs : paragraphs.map(() => ({ kind: "p" }));
  const links = blocks && kinds === blocks.paragraphs ? blocks.links : [];
  const positions = listPositions(kinds);
  let linkIndex = 0;
  const own = paragraphs.map((paragraph) => {
    const end = paragraph.start + paragraph.text.length;
    const mine: ArticleBlocks["links"] = [];
    while (linkIndex < links.length && links[linkIndex]!.start < end) mine.push(links[linkIndex++]!);
    return mine;
  });
  const texts = paragraphs.map((paragraph, i) => inlineMarkdown(paragraph.text, paragraph.start, own[i]!));

  const chunks: string[] = [];
  // Per list level: the width of the item's marker (its content's indentation) and the delimiter in use.
  const widths: number[] = [];
  const delimiters: string[] = [];
  for (let i = 0; i < kinds.length; i++) {
    const block = kinds[i]!;
    if (block.kind === "li") {
      const level = block.level ?? 0;
      const position = positions[i]!;
      const previous = kinds[i - 1];
      if (position.begins) {
        // An ordered list that must not run on into the list before it at its level changes delimiter.
        const runsOn =
          previous?.kind === "li" &&
          (previous.level ?? 0) >= level &&
          listPositions([...kinds.slice(0, i), { ...block, start: undefined }])[i]!.begins === false;
        delimiters[level] = runsOn ? (delimiters[level] === "." ? ")" : ".") : ".";
      }
      const marker = block.ordered ? `${position.number}${delimiters[level] ?? "."}` : "-";
      const indent = " ".repeat(widths.slice(0, level).reduce((a, b) => a + b, 0));
      widths[level] = marker.length + 1;
      const item = `${indent}${marker} ${texts[i]}`;
      // A list not counting from 1 cannot interrupt text (it would read as more of the item before): blank line first.
      if (previous?.kind !== "li" || (position.begins && (level === 0 || (block.ordered && position.number !== 1)))) chunks.push(item);
      else chunks[chunks.length - 1] += `\n${item}`;
      continue;
    }
    if (block.kind === "cell") {
      let end = i + 1;
      while (end < kinds.length && kinds[end]!.kind === "cell" && !kinds[end]!.newTable) end++;
      chunks.push(tableMarkdown(kinds, texts, i, end));
      i = end - 1;
      continue;
    }
    if (block.kind === "pre") {
      const lines = [paragraphs[i]!.text];
      while (kinds[i + 1]?.line) lines.push(paragraphs[++i]!.text);
      const longest = Math.max(0, ...lines.flatMap((line) => (line.match(/`+/g) ?? []).map((run) => run.length)));
      const fence = "`".repeat(Math.max(3, longest + 1));
      chunks.push([fence, ...lines, fence].join("\n"));
      continue;
    }
    if (block.kind === "caption") {
      chunks.push(captionHtml(paragraphs[i]!.text, paragraphs[i]!.start, own[i]!));
      continue;
    }
    const prefix = block.kind === "h2" ? "## " : block.kind === "h3" ? "### " : block.kind === "quote" ? "> " : "";
    const lines = [texts[i]!];
    while (kinds[i + 1]?.line) lines.push(texts[++i]!);
    chunks.push(lines.map((line) => prefix + line).join("\\\n"));
  }
  return chunks.join("\n\n");
}
