// Nesting limits checked on the raw text, before any parser sees it. Parsers and the code that walks
// their output recurse once per level: 220 KB of nested HTML blocked an instance for 11 s and a 5 MB
// nested annotation file for 7 s, both ending in a 500. A linear scan of the text refuses such input
// in milliseconds with a 422 that says what to change. The limits sit far above real documents.
import { AppError } from "@/lib/http/errors";

/** Deepest nesting of JSON arrays and objects accepted (W3C annotation exports nest about 6 deep). */
export const MAX_JSON_DEPTH = 64;
/** Deepest nesting of HTML elements accepted (news pages nest 20–40 deep). */
export const MAX_HTML_DEPTH = 256;
/** Deepest nesting of Markdown block quotes and lists accepted. */
export const MAX_MARKDOWN_DEPTH = 32;

const tooDeep = (what: string, depth: number, limit: number, field?: string) => {
  const message = `${what} is nested more than ${limit} levels deep (at least ${depth}). Flatten it and send it again.`;
  return new AppError("unprocessable", message, field ? { [field]: [message] } : undefined);
};

/**
 * The deepest nesting of arrays and objects in JSON text (brackets inside strings do not count), stopping
 * early once it passes `stopAt`. Linear in the text's length; does not check that the text is valid JSON.
 */
export function jsonDepth(text: string, stopAt = Infinity): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > deepest && (deepest = depth) > stopAt) return deepest;
    } else if (c === 93 /* ] */ || c === 125 /* } */) depth--;
  }
  return deepest;
}

/**
 * Refuses JSON text nested deeper than `maxDepth` (default MAX_JSON_DEPTH, 64) before it is parsed.
 * `what` names it in the message ("The request body", "The file"); `field` puts the message on that field.
 * @throws AppError 422 `unprocessable` when it is nested too deep.
 */
export function refuseDeepJson(
  text: string,
  what = "The request body",
  { maxDepth = MAX_JSON_DEPTH, field }: { maxDepth?: number; field?: string } = {},
): void {
  const depth = jsonDepth(text, maxDepth);
  if (depth > maxDepth) throw tooDeep(what, depth, maxDepth, field);
}

// Elements that never contain others, and elements whose end tag may be left out (a new one closes the
// last): neither adds a level as written, so pages that omit </p> or </li> are not counted as deep.
const NO_LEVEL = new Set(
  "area base br col embed hr img input link meta param source track wbr p li dt dd tr td th option optgroup thead tbody tfoot colgroup rb rt rtc rp caption".split(
    " ",
  ),
);
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)[^>]*?(\/?)>|<!--[\s\S]*?-->/g;

/**
 * The deepest element nesting in HTML text as its tags are written (void elements, self-closed tags and
 * elements with optional end tags add no level; a stray end tag is ignored; comments are skipped), stopping
 * once it passes `stopAt`. Linear in the text's length. An estimate made without parsing: real pages come
 * out at or below their parsed depth.
 */
export function htmlDepth(text: string, stopAt = Infinity): number {
  let depth = 0;
  let deepest = 0;
  for (const match of text.matchAll(TAG)) {
    const [, closing, name, selfClosing] = match;
    if (name === undefined || NO_LEVEL.has(name.toLowerCase())) continue;
    if (closing) depth = Math.max(0, depth - 1);
    else if (!selfClosing && ++depth > deepest && (deepest = depth) > stopAt) return deepest;
  }
  return deepest;
}

const QUOTE_PREFIX = /^ {0,3}((?:> ?)+)/;
const LIST_ITEM = /^(\s*)(?:[-*+]|\d{1,9}[.)])(?:\s|$)/;

/**
 * The deepest nesting of Markdown block quotes (`> > >`) and indented lists on any line, counting a tab as
 * four columns and two columns as one list level. Linear in the text's length.
 */
export function markdownDepth(text: string): number {
  let deepest = 0;
  for (const line of text.split("\n")) {
    const quote = QUOTE_PREFIX.exec(line);
    const quotes = quote ? (quote[1]!.match(/>/g) ?? []).length : 0;
    const rest = quote ? line.slice(quote[0].length) : line;
    const item = LIST_ITEM.exec(rest);
    const lists = item ? Math.floor(item[1]!.replace(/\t/g, "    ").length / 2) + 1 : 0;
    deepest = Math.max(deepest, quotes + lists);
  }
  return deepest;
}

/**
 * Refuses an import nested too deep for its format before it is parsed: HTML past MAX_HTML_DEPTH elements;
 * Markdown past MAX_MARKDOWN_DEPTH quote/list levels, or with inline HTML past MAX_HTML_DEPTH. Plain text has
 * no nesting. The message is put on the `content` field.
 * @throws AppError 422 `unprocessable` when it is nested too deep.
 */
export function refuseDeepImport(format: "text" | "html" | "markdown", content: string): void {
  if (format === "text") return;
  const html = htmlDepth(content, MAX_HTML_DEPTH);
  if (html > MAX_HTML_DEPTH)
    throw tooDeep(format === "html" ? "That HTML" : "The HTML inside that Markdown", html, MAX_HTML_DEPTH, "content");
  if (format === "markdown") {
    const depth = markdownDepth(content);
    if (depth > MAX_MARKDOWN_DEPTH) throw tooDeep("That Markdown (quotes and lists)", depth, MAX_MARKDOWN_DEPTH, "content");
  }
}
