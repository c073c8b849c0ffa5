// PDF import cost: importPdf (pdf.js reading every page's text, then the layout rules) on generated PDFs of
// 10, 60 and 300 pages, 40 lines of body text a page in paragraphs of six lines (and 60 pages as one
// paragraph, the worst case for joining lines) (300 pages pass the 300,000-character limit: the import stops
// reading there, which is what bounds its work); prints wall time per file and per
// page, the body size, and the same PDFs' bare pdf.js text extraction as the baseline. Run: npx tsx bench/pdf-import.ts
import { PDFDocument, StandardFonts } from "pdf-lib";
import { importPdf } from "../lib/articles/import/pdf";

const LINE = "The council said spending on housing rose by 4.2 per cent in the year to March, against a plan of";

/** `paragraphs`: every sixth line is a short one ending a sentence, then a wider gap; otherwise one run-on text. */
async function makePdf(pages: number, paragraphs: boolean): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let p = 0; p < pages; p++) {
    const page = doc.addPage([595, 842]);
    for (let i = 0; i < 40; i++) {
      const last = paragraphs && i % 6 === 5;
      const y = 780 - i * 14 - (paragraphs ? Math.floor(i / 6) * 10 : 0);
      page.drawText(last ? "and so it ended." : `${LINE} ${p}.${i}`, { x: 60, y, size: 10, font });
    }
    page.drawText(String(p + 1), { x: 295, y: 30, size: 9, font });
  }
  return doc.save();
}

async function bareExtraction(bytes: Uint8Array): Promise<number> {
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0 }).promise;
  let chars = 0;
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    for (const item of content.items) if ("str" in item) chars += item.str.length;
  }
  await pdf.destroy();
  return chars;
}

async function main() {
  for (const [pages, paragraphs] of [
    [10, true],
    [60, true],
    [60, false],
    [300, true],
  ] as const) {
    const bytes = await makePdf(pages, paragraphs);
    await importPdf(bytes).catch(() => null); // warm-up (module load, JIT)
    let start = performance.now();
    const imported = await importPdf(bytes).catch((err: Error) => err);
    const importMs = performance.now() - start;
    start = performance.now();
    await bareExtraction(bytes);
    const bareMs = performance.now() - start;
    const outcome =
      imported instanceof Error
        ? `refused: "${imported.message}"`
        : `${imported.body.length.toLocaleString("en-GB")} chars, ${imported.blocks.paragraphs.length} paragraphs`;
    console.log(
      `${pages} pages${paragraphs ? "" : " of one run-on paragraph"}, ${(bytes.byteLength / 1024).toFixed(0)} KB: importPdf ${importMs.toFixed(0)} ms (${(importMs / pages).toFixed(1)} ms/page; ${outcome}) · ` +
        `bare pdf.js text of every page ${bareMs.toFixed(0)} ms`,
    );
  }
}

void main();
