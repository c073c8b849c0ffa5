// Article bodies are stored in one canonical plain-text form so that character offsets in
// claims mean the same thing on the server, in the browser and after a re-import. Every
// rule here changes offsets, so changing a rule invalidates stored claims: treat this file
// as a storage format, not a formatting helper.

import { INLINE_WHITESPACE_CLASS, WHITESPACE_CLASS } from "./whitespace";

/** The separator between paragraphs in a normalised body. */
export const PARAGRAPH_SEPARATOR = "\n\n";

export type Paragraph = { text: string; start: number };

// CRLF first so it becomes one break, not two; a lone CR is old Mac style. NEXT LINE and
// LINE SEPARATOR are single line breaks; PARAGRAPH SEPARATOR is handled separately.
const LINE_BREAK = /\r\n?|[\u0085\u2028]/g;
const PARAGRAPH_MARK = /\u2029/g;
// A blank line is one holding nothing but whitespace: authors' editors often leave spaces
// or NBSPs on "empty" lines, and readers still see a paragraph break there.
const BLANK_LINE = new RegExp(`\\n[${INLINE_WHITESPACE_CLASS}]*\\n`);
const WHITESPACE_RUN = new RegExp(`[${WHITESPACE_CLASS}]+`, "g");
const ZERO_WIDTH_NO_BREAK = /\uFEFF/g;

/**
 * Brings raw article text into the canonical body form: Unicode NFC, paragraphs separated by
 * exactly "\n\n", inside a paragraph every whitespace run (tabs, NBSP, thin spaces, single
 * line breaks…) collapsed to one space and trimmed, empty paragraphs dropped.
 * Idempotent: normalising a normalised body returns it unchanged.
 */
export function normalizeArticleText(raw: string): string {
  const text = raw
    // A byte-order mark or stray U+FEFF is invisible; drop it rather than let it split a word.
    .replace(ZERO_WIDTH_NO_BREAK, "")
    .replace(LINE_BREAK, "\n")
    .replace(PARAGRAPH_MARK, "\n\n");
  const paragraphs: string[] = [];
  for (const block of text.split(BLANK_LINE)) {
    const paragraph = block.replace(WHITESPACE_RUN, " ").trim();
    if (paragraph !== "") paragraphs.push(paragraph);
  }
  // NFC last: removing U+FEFF can bring a base letter and a combining mark together, and
  // whitespace never composes with anything, so composing at the end is both safe and final.
  return paragraphs.join(PARAGRAPH_SEPARATOR).normalize("NFC");
}

/**
 * Splits a normalised body into its paragraphs, each with its UTF-16 offset in the body, so
 * that a renderer can map positions inside a paragraph back to body offsets.
 * An empty body has no paragraphs.
 */
export function splitParagraphs(body: string): Paragraph[] {
  if (body === "") return [];
  const result: Paragraph[] = [];
  let start = 0;
  for (const text of body.split(PARAGRAPH_SEPARATOR)) {
    result.push({ text, start });
    start += text.length + PARAGRAPH_SEPARATOR.length;
  }
  return result;
}
