import { z } from "zod";
import { IMPORT_FORMATS } from "@/lib/articles/import/limits";
import { isHttpUrl } from "@/lib/validation/urls";

// Forms send "" for a field left empty; that means "not given", not "empty".
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), schema.optional());

export const ZImportArticle = z.object({
  format: z.enum(IMPORT_FORMATS, { message: "Choose plain text, HTML or Markdown." }),
  // importArticle enforces the real limit (2 MB, in bytes) with its own message; this stops absurd input early.
  content: z.string({ message: "Paste or upload the article." }).max(4_000_000, "That is more than 2 MB. Import the article on its own, without the rest of the page."),
  title: optional(z.string().trim().max(300, "Keep the title under 300 characters.")),
  byline: optional(z.string().trim().max(200, "Keep the byline under 200 characters.")),
  sourceUrl: optional(
    z.string().trim().max(2048, "That URL is too long.").refine(isHttpUrl, "Enter the full web address of the original, starting with https://"),
  ),
  publishedAt: optional(
    z.coerce
      .date({ message: "Enter the date the article was published." })
      .refine((d) => d.getFullYear() >= 1800, "Enter the date the article was published.")
      .refine((d) => d.getTime() <= Date.now() + 86_400_000, "The publication date cannot be in the future."),
  ),
});
export type TImportArticle = z.infer<typeof ZImportArticle>;
