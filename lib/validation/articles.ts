import { z } from "zod";
import { IMPORT_FORMATS } from "@/lib/articles/import/limits";
import { documentText, instant, text } from "@/lib/validation/fields";
import { isHttpUrl } from "@/lib/validation/urls";
import { ZId } from "@/lib/validation/ids";
import { LANGUAGE_TAG } from "@/lib/text/language-names";

// Forms send "" for a field left empty; that means "not given", not "empty".
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), schema.optional());

export const ZImportArticle = z.object({
  format: z.enum(IMPORT_FORMATS, { message: "Choose plain text, HTML or Markdown." }),
  // importArticle enforces the real limit (2 MB, in bytes) with its own message; this stops absurd input early.
  // A document, not a field: the importer drops control characters and broken characters itself.
  content: documentText(4_000_000, {
    required: "Paste or upload the article.",
    tooLong: "That is more than 2 MB. Import the article on its own, without the rest of the page.",
  }),
  title: optional(text({ max: 300, tooLong: "Keep the title under 300 characters." })),
  byline: optional(text({ max: 200, tooLong: "Keep the byline under 200 characters." })),
  sourceUrl: optional(
    text({ max: 2048, tooLong: "That URL is too long." }).refine(
      isHttpUrl,
      "Enter the full web address of the original, starting with https://",
    ),
  ),
  publishedAt: optional(
    instant("Enter the date the article was published (YYYY-MM-DD, or an ISO 8601 date-time).").refine(
      (d) => d.getTime() <= Date.now() + 86_400_000,
      "The publication date cannot be in the future.",
    ),
  ),
});
export type TImportArticle = z.infer<typeof ZImportArticle>;

export const ZImportArticleFromUrl = z.object({
  url: text({ max: 2048, tooLong: "That URL is too long." }).refine(
    isHttpUrl,
    "Enter the full web address of the article, starting with https://",
  ),
  title: ZImportArticle.shape.title,
  byline: ZImportArticle.shape.byline,
  publishedAt: ZImportArticle.shape.publishedAt,
});
export type TImportArticleFromUrl = z.infer<typeof ZImportArticleFromUrl>;

/** The query string of a PDF upload (the body is the file): the same optional details as any import. */
export const ZImportPdfQuery = z.object({
  title: ZImportArticle.shape.title,
  byline: ZImportArticle.shape.byline,
  sourceUrl: ZImportArticle.shape.sourceUrl,
  publishedAt: ZImportArticle.shape.publishedAt,
});
export type TImportPdfQuery = z.infer<typeof ZImportPdfQuery>;

/** An article's details as the editor's form sends them: every field, empty meaning "none". */
export const ZUpdateArticleDetails = z.object({
  id: ZId,
  title: text({
    max: 300,
    min: 1,
    required: "Give the article a title.",
    tooShort: "Give the article a title.",
    tooLong: "Keep the title under 300 characters.",
  }),
  standfirst: optional(text({ max: 1000, tooLong: "Keep the standfirst under 1,000 characters." })),
  byline: ZImportArticle.shape.byline,
  sourceUrl: ZImportArticle.shape.sourceUrl,
  publishedAt: ZImportArticle.shape.publishedAt,
  language: optional(
    text({ max: 35, tooLong: "That is not a language tag." }).refine(
      (tag) => LANGUAGE_TAG.test(tag),
      "Enter a language tag such as en, he, ar or pt-BR.",
    ),
  ),
});
export type TUpdateArticleDetails = z.infer<typeof ZUpdateArticleDetails>;
