// Import limits and formats, in a module of their own so the browser can check a file's size
// before sending it without pulling the HTML pipeline into the client bundle.

export type ImportFormat = "text" | "html" | "markdown";
export const IMPORT_FORMATS = ["text", "html", "markdown"] as const satisfies readonly ImportFormat[];

/** Largest input accepted, in bytes of UTF-8 (a long feature with its page markup fits easily). */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;
/** Longest body accepted, in characters: about 50,000 words, far beyond any single article. */
export const MAX_BODY_CHARS = 300_000;

/** Largest PDF accepted, in bytes (uploaded or fetched): reports with images run to a few megabytes. */
export const MAX_PDF_BYTES = 20 * 1024 * 1024;
/** Most pages read from one PDF: bounds the work of one import (a long report, not a book). */
export const MAX_PDF_PAGES = 300;
