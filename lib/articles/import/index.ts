// Importing an article: plain text, Markdown or HTML in; the canonical body (the same form
// normalizeArticleText gives, so claim offsets work as for every other body) and its structure out.
import { cleanImportedText } from "./clean-text";
import { normalizeArticleText } from "@/lib/anchoring/normalize";
import { plainBlocks, type ArticleBlocks } from "@/lib/articles/blocks";
import { AppError } from "@/lib/http/errors";
import { refuseDeepImport } from "@/lib/http/nesting";
import { extractHtml } from "./html";
import { extractMarkdown } from "./markdown";
import { MAX_BODY_CHARS, MAX_IMPORT_BYTES, type ImportFormat } from "./limits";
import { assemble } from "./walk";

export { articleToMarkdown } from "./to-markdown";

export { IMPORT_FORMATS, MAX_BODY_CHARS, MAX_IMPORT_BYTES, type ImportFormat } from "./limits";
export type ImportedArticle = {
  title: string | null;
  byline: string | null;
  publishedAt: Date | null;
  standfirst: string | null;
  body: string;
  blocks: ArticleBlocks;
};

const unprocessable = (message: string) => new AppError("unprocessable", message, { content: [message] });

/**
 * Imports plain text, Markdown or HTML (`input.content`, at most MAX_IMPORT_BYTES = 2 MiB of UTF-8) into the
 * canonical body (normalizeArticleText's form, so claim offsets work as for every other body) and its
 * structure; HTML also yields title, byline, publication date and standfirst when the page has them, Markdown a
 * title from a leading "# Heading". Control characters are dropped and lone surrogates become U+FFFD first.
 * `leadingHeading`: whether Markdown's leading "# Heading" is the article's title (an import,
 * the default) or part of its body, kept as a heading (saving a version: the title has its own field).
 * @throws AppError 422 `unprocessable` (on `content`) when the input is over 2 MiB, empty, yields no text, or
 * is nested deeper than lib/http/nesting.ts allows (HTML elements, Markdown quotes and lists), or
 * yields a body over MAX_BODY_CHARS (300,000 UTF-16 code units); a plain Error if the body is ever not canonical
 * (a bug: storing it would shift claim offsets).
 */
export function importArticle(input: { format: ImportFormat; content: string; leadingHeading?: "title" | "body" }): ImportedArticle {
  const { format } = input;
  if (input.content.length > MAX_IMPORT_BYTES || new TextEncoder().encode(input.content).length > MAX_IMPORT_BYTES) {
    throw unprocessable("That is more than 2 MB. Import the article on its own, without the rest of the page.");
  }
  // Before any parser: deep nesting made the parsers and the walk over their output run for seconds.
  refuseDeepImport(format, input.content);
  const content = cleanImportedText(input.content);
  if (normalizeArticleText(content) === "") throw unprocessable("There is nothing to import: paste or upload the article first.");

  let result: ImportedArticle;
  if (format === "text") {
    const body = normalizeArticleText(content);
    result = { title: null, byline: null, publishedAt: null, standfirst: null, body, blocks: plainBlocks(body) };
  } else if (format === "markdown") {
    const { title, paragraphs } = extractMarkdown(content, { leadingTitle: input.leadingHeading !== "body" });
    result = { title, byline: null, publishedAt: null, standfirst: null, ...assemble(paragraphs) };
  } else {
    const { paragraphs, ...meta } = extractHtml(content);
    result = { ...meta, ...assemble(paragraphs) };
  }

  if (result.body === "") {
    throw unprocessable(
      format === "html"
        ? "No article text was found in that HTML. Check that it is the article page, or paste the text instead."
        : "No article text was found: everything in it was markup or formatting.",
    );
  }
  if (result.body.length > MAX_BODY_CHARS) {
    throw unprocessable(`The article text is ${result.body.length.toLocaleString("en-GB")} characters; the limit is 300,000.`);
  }
  // The walker produces canonical text by construction; if that ever breaks, claim offsets would
  // silently drift, so fail loudly instead of storing it.
  if (normalizeArticleText(result.body) !== result.body) throw new Error("Imported body is not in canonical form");
  return result;
}
