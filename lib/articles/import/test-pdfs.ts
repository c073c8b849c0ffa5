// PDFs made for tests with pdf-lib (a dev dependency): laid out as a word processor would (lines set one by
// one, paragraphs separated by a wider gap, a word split with a hyphen at a line's end, a page number at the
// foot of each page), so that tests exercise the same layout rules a real article's PDF needs.
import { PDFDocument, PDFString, StandardFonts } from "pdf-lib";

/** One page: a heading (set large) and paragraphs, each given as its lines. */
export type TestPdfPage = { heading?: string; paragraphs: string[][] };

/**
 * A PDF with `pages` (A4, Helvetica 11 pt body on 14 pt lines, 18 pt gap between paragraphs, headings in 20 pt
 * bold, the page number centred at the foot), and `title`/`author` in its document information when given.
 * Returns the file's bytes.
 */
export async function makeTestPdf(pages: TestPdfPage[], info: { title?: string; author?: string } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  if (info.title) doc.setTitle(info.title);
  if (info.author) doc.setAuthor(info.author);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  pages.forEach((content, index) => {
    const page = doc.addPage([595, 842]);
    let y = 770;
    if (content.heading) {
      page.drawText(content.heading, { x: 72, y, size: 20, font: bold });
      y -= 36;
    }
    for (const lines of content.paragraphs) {
      for (const line of lines) {
        page.drawText(line, { x: 72, y, size: 11, font });
        y -= 14;
      }
      y -= 8;
    }
    page.drawText(String(index + 1), { x: 295, y: 40, size: 9, font });
  });
  return doc.save();
}

/** A PDF of `pageCount` blank pages: what a scan without text recognition looks like to a text reader. Returns its bytes. */
export async function makeBlankPdf(pageCount = 2): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pageCount; i++) {
    const page = doc.addPage([595, 842]);
    // A grey box where a scanned image would be: drawn, but no text.
    page.drawRectangle({ x: 72, y: 72, width: 451, height: 698, borderWidth: 1 });
  }
  return doc.save();
}

/**
 * A PDF whose trailer names a standard security handler (/Encrypt) that the empty user password does not open,
 * so readers ask for a password. Returns its bytes.
 */
export async function makePasswordPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([595, 842]).drawText("Secret text", { x: 72, y: 770, size: 11, font });
  const filler = (seed: number) => PDFString.of(String.fromCharCode(...Array.from({ length: 32 }, (_, i) => 65 + ((i * 7 + seed) % 26))));
  const encrypt = doc.context.obj({ Filter: "Standard", V: 1, R: 2, Length: 40, P: -44, O: filler(1), U: filler(2) });
  doc.context.trailerInfo.Encrypt = doc.context.register(encrypt);
  doc.context.trailerInfo.ID = doc.context.obj([PDFString.of("0123456789ABCDEF"), PDFString.of("0123456789ABCDEF")]);
  return doc.save({ useObjectStreams: false });
}
