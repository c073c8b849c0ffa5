// Importing a PDF: pdf.js (pdfjs-dist's Node build) reads each page's positioned text, pdf-layout.ts rebuilds
// the paragraphs, and the result is the same canonical body and structure every other import gives, plus where
// each page begins (blocks.pages), so a claim can say which page it is on. Runs in a worker thread
// (lib/workers/heavy-tasks.ts), never in the request's thread: a PDF can be large and its parsing slow.
// Kept out of ./index.ts so that nothing bundled for the server or the browser pulls pdf.js in.
import { splitParagraphs } from "@/lib/anchoring/normalize";
import { AppError } from "@/lib/http/errors";
import { assemble } from "./walk";
import { cleanImportedText } from "./clean-text";
import { MAX_BODY_CHARS, MAX_PDF_BYTES, MAX_PDF_PAGES } from "./limits";
import { rebuildPdfParagraphs, type PdfPageRuns, type PdfParagraph } from "./pdf-layout";
import type { ImportedArticle } from "./index";

/** The form field a message belongs to: the uploaded file (`content`) or the address it came from (`url`). */
export type PdfField = "content" | "url";

type PdfTextItem = { str: string; transform: number[]; width: number; hasEOL: boolean };

/** Whether `bytes` start like a PDF ("%PDF-" within the first 1,024 bytes, as readers accept). */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).toString("latin1");
  return head.includes("%PDF-");
}

// Document titles that say nothing (what office programs write when the author gave none).
const EMPTY_TITLE = /^(untitled|document\d*|microsoft word\b.*|.*\.(docx?|pdf|indd|odt))$/i;

function titleAndBody(paragraphs: PdfParagraph[], metadataTitle: string | null): { title: string | null; body: PdfParagraph[] } {
  const [first, ...rest] = paragraphs;
  // A heading before any text is the document's title, as an HTML page's h1 is.
  if (first && (first.kind === "h2" || first.kind === "h3") && rest.length > 0) return { title: first.text, body: rest };
  return { title: metadataTitle, body: paragraphs };
}

/**
 * Imports the PDF in `bytes` (at most MAX_PDF_BYTES = 20 MiB, MAX_PDF_PAGES = 300 pages) into the canonical body
 * and its structure: paragraphs rebuilt from the page layout (rebuildPdfParagraphs: lines joined, words split by
 * a hyphen at a line's end rejoined, headings by size, page numbers dropped), a leading heading or the
 * document's Title as the title and its Author as the byline, and `blocks.pages` saying where each page begins.
 * `field` names the form field that errors are reported on. Pages are read one at a time and reading stops as
 * soon as the text passes MAX_BODY_CHARS, so the work is bounded by the limits whatever the file holds.
 * @throws AppError 422 `unprocessable` (on `field`) when the file is over 20 MiB, is not a PDF or is damaged,
 * is protected by a password, has more than 300 pages, has no text layer (a scanned PDF), or yields more than
 * MAX_BODY_CHARS (300,000 UTF-16 code units) of text. Never throws anything else for a bad file.
 */
export async function importPdf(bytes: Uint8Array, field: PdfField = "content"): Promise<ImportedArticle> {
  const refuse = (message: string) => new AppError("unprocessable", message, { [field]: [message] });
  if (bytes.byteLength > MAX_PDF_BYTES) throw refuse("That PDF is larger than 20 MB. Import a smaller file, or paste the article text.");
  if (!looksLikePdf(bytes)) throw refuse("That file is not a PDF.");
  const damaged = () =>
    refuse("That PDF could not be read: the file looks damaged. Open it and save it (or print it) as a new PDF, then import that.");

  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  // pdf.js may take the buffer over: give it a copy. No fonts are loaded and no script is evaluated: only text is read.
  const task = getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    enableXfa: false,
    verbosity: 0,
  });
  let pdf: Awaited<typeof task.promise>;
  try {
    pdf = await task.promise;
  } catch (err) {
    await task.destroy().catch(() => {});
    if (err instanceof Error && err.name === "PasswordException") {
      throw refuse("This PDF is protected by a password. Save a copy without the password (or print it to a new PDF) and import that.");
    }
    throw damaged();
  }

  try {
    if (pdf.numPages > MAX_PDF_PAGES) {
      throw refuse(`That PDF has ${pdf.numPages} pages; the limit is ${MAX_PDF_PAGES}. Import the part with the article.`);
    }
    const pages: PdfPageRuns[] = [];
    let characters = 0;
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      const runs = (content.items as PdfTextItem[])
        .filter((item) => "str" in item)
        .map(({ str, transform, width, hasEOL }) => ({
          // A PDF may hold any code unit in its strings (NUL, half an emoji): the same cleaning as every import.
          str: cleanImportedText(str),
          x: transform[4]!,
          y: transform[5]!,
          size: Math.hypot(transform[2]!, transform[3]!) || 1,
          width,
          hasEOL,
        }));
      page.cleanup();
      characters += runs.reduce((sum, run) => sum + run.str.length, 0);
      if (characters > MAX_BODY_CHARS * 1.5)
        throw refuse("That PDF holds more than 300,000 characters of text; import the part with the article.");
      pages.push({ page: number, runs });
    }
    const info = (await pdf.getMetadata().catch(() => null))?.info as { Title?: unknown; Author?: unknown } | undefined;
    const infoTitle = typeof info?.Title === "string" ? cleanImportedText(info.Title).trim() : "";
    const metaTitle = infoTitle && !EMPTY_TITLE.test(infoTitle) ? infoTitle : null;
    const author = typeof info?.Author === "string" ? cleanImportedText(info.Author).trim() || null : null;

    const paragraphs = rebuildPdfParagraphs(pages);
    if (paragraphs.length === 0) {
      throw refuse(
        "This PDF has no text layer (it looks scanned): Factdesk can only read PDFs whose words can be selected. Run it through text recognition (OCR) first, or paste the article text.",
      );
    }
    const { title, body: kept } = titleAndBody(paragraphs, metaTitle);
    const { body, blocks } = assemble(
      kept.map(({ kind, text }) => (kind === "li" ? { kind, ordered: false, text, links: [] } : { kind, text, links: [] })),
    );
    if (body.length > MAX_BODY_CHARS) {
      throw refuse(`The article text is ${body.length.toLocaleString("en-GB")} characters; the limit is 300,000.`);
    }
    const starts = splitParagraphs(body);
    const pageStarts: { start: number; page: number }[] = [];
    kept.forEach((paragraph, i) => {
      for (const { at, page } of paragraph.pages) {
        if (pageStarts.length === 0 || page > pageStarts.at(-1)!.page)
          pageStarts.push({ start: pageStarts.length === 0 ? 0 : starts[i]!.start + at, page });
      }
    });
    return { title, byline: author, publishedAt: null, standfirst: null, body, blocks: { ...blocks, pages: pageStarts } };
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw damaged();
  } finally {
    await pdf.destroy().catch(() => {});
  }
}
