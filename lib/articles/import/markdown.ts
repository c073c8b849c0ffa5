import { Marked } from "marked";
import { articleDocument, walkElement } from "./html";
import type { WalkedParagraph } from "./walk";

// CommonMark with GFM's pipe tables, and none of GFM's inline extensions: a bare URL, "www." name or
// e-mail address stays text (the only links are the ones written as links) and tildes are just tildes,
// so articleToMarkdown has fewer characters to escape. (A tokenizer that returns undefined matches
// nothing; `false` would fall back to marked's own.)
// Raw HTML inside the Markdown is not trusted: the output goes through the strict sanitiser.
const marked = new Marked({ gfm: true, breaks: false, pedantic: false, async: false });
marked.use({ tokenizer: { url: () => undefined, del: () => undefined } });

/**
 * Markdown (CommonMark with GFM pipe tables; bare URLs stay text; raw HTML in it goes through the strict sanitiser) to walked paragraphs with
 * kinds and links in paragraph offsets. A leading "# Title" is the article's title (whitespace collapsed, null
 * when empty), not part of its body, unless `leadingTitle` is false (then it stays in the body, as a heading).
 * Never throws for any input string.
 */
export function extractMarkdown(markdown: string, { leadingTitle = true } = {}): { title: string | null; paragraphs: WalkedParagraph[] } {
  const html = marked.parse(markdown, { async: false });
  const document = articleDocument(html);
  const first = document.body.firstElementChild;
  let title: string | null = null;
  if (leadingTitle && first && first.tagName.toLowerCase() === "h1") {
    title = (first.textContent ?? "").replace(/\s+/g, " ").trim() || null;
    first.remove();
  }
  return { title, paragraphs: walkElement(document.body) };
}
