// The Markdown form of a stored article, for editing it as text. Reading it back with
// importArticle({ format: "markdown" }) gives exactly the same body and blocks (see the
// property test), so everything Markdown could read as syntax is escaped.
import { splitParagraphs } from "@/lib/anchoring/normalize";
import type { ArticleBlocks } from "@/lib/articles/blocks";

/**
 * Escapes inline syntax: backslash, emphasis, code, links and images, raw HTML and autolinks,
 * entity references and "#" (headings' closing sequences). Escaping a character CommonMark
 * would read literally is harmless: "\x" for ASCII punctuation x always means x.
 */
function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<#]|&(?=#?[A-Za-z0-9]+;)/g, (ch) => `\\${ch}`);
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

/**
 * The Markdown form of a stored article body for editing it as text: headings (## / ###), list items (- or
 * 1.), quotes (>) and links from `blocks`, with every character Markdown could read as syntax escaped, so that
 * importArticle({ format: "markdown", leadingHeading: "body" }) gives back exactly the same body and blocks.
 * Blocks that do not match the body's paragraph count are ignored (plain paragraphs). Pure.
 */
export function articleToMarkdown(body: string, blocks: ArticleBlocks | null): string {
  const paragraphs = splitParagraphs(body);
  const kinds = blocks && blocks.paragraphs.length === paragraphs.length ? blocks.paragraphs : null;
  const links = kinds ? blocks!.links : [];
  let linkIndex = 0;
  let out = "";
  let previous: { kind: string; ordered?: boolean } | null = null;
  let number = 0;
  paragraphs.forEach((paragraph, i) => {
    const block = kinds?.[i] ?? { kind: "p" as const };
    const end = paragraph.start + paragraph.text.length;
    const own: ArticleBlocks["links"] = [];
    while (linkIndex < links.length && links[linkIndex]!.start < end) own.push(links[linkIndex++]!);
    const text = inlineMarkdown(paragraph.text, paragraph.start, own);
    const continuesList = block.kind === "li" && previous?.kind === "li" && previous.ordered === block.ordered;
    if (out !== "") out += continuesList ? "\n" : "\n\n";
    if (block.kind === "li") {
      number = continuesList ? number + 1 : 1;
      out += block.ordered ? `${number}. ${text}` : `- ${text}`;
    } else if (block.kind === "h2") out += `## ${text}`;
    else if (block.kind === "h3") out += `### ${text}`;
    else if (block.kind === "quote") out += `> ${text}`;
    else out += text;
    previous = block;
  });
  return out;
}
