import { importArticle } from "@/lib/articles/import";
import { MAX_IMPORT_BYTES } from "@/lib/articles/import/limits";
import type { FetchedPage } from "@/lib/fetch/fetch-page";

/** Archived text kept per snapshot, in UTF-16 code units (a long report's text fits; the rest is cut). */
export const MAX_SNAPSHOT_CHARS = 300_000;

/**
 * The readable text of a fetched page, as the article import reads it (lib/articles/import: Readability's main
 * text for HTML, paragraphs separated by blank lines; plain text as it is), at most MAX_SNAPSHOT_CHARS. ""
 * for anything else (PDF, images), for a page over the import's 2 MiB limit, and for a page with no text.
 * Never throws for a page's content.
 */
export function readableText(page: Pick<FetchedPage, "contentType" | "text" | "bytes">): string {
  const format =
    page.contentType === "text/plain" ? "text" : /^(text\/html|application\/xhtml\+xml|)$/.test(page.contentType) ? "html" : null;
  if (!format || page.text === "" || page.bytes.length > MAX_IMPORT_BYTES) return "";
  try {
    const { title, body } = importArticle({ format, content: page.text });
    const text = title ? `${title}\n\n${body}` : body;
    return text.slice(0, MAX_SNAPSHOT_CHARS);
  } catch {
    // The import refuses pages with no text or nested too deep; there is then nothing readable to keep.
    return "";
  }
}
