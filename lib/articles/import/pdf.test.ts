// PDF import against real PDFs made by pdf-lib and read by pdf.js: paragraphs rebuilt from lines, a word split by a
// hyphen rejoined, the page numbers of the layout dropped and the page each part of the text is on kept; and a
// readable 422 (never a crash) for scanned, password-protected, damaged and oversized files.
import { describe, expect, it } from "vitest";
import { PDFDocument } from "pdf-lib";
import { normalizeArticleText } from "@/lib/anchoring/normalize";
import { pageAt, parseBlocks } from "@/lib/articles/blocks";
import { AppError } from "@/lib/http/errors";
import { MAX_PDF_PAGES } from "./limits";
import { importPdf } from "./pdf";
import { makeBlankPdf, makePasswordPdf, makeTestPdf } from "./test-pdfs";

const ARTICLE = [
  {
    heading: "Housing in the city",
    paragraphs: [
      ["The council built 1,204 homes in 2023, a rec-", "ord for the city. Rents fell by 10% over", "the year, the mayor said."],
      ["A second paragraph starts on the first page and", "goes on to the next page, where it"],
    ],
  },
  {
    paragraphs: [["continues. Unemployment fell to 4.1 per cent in the", "same period."], ["The last paragraph sits wholly on page two."]],
  },
  { heading: "What the figures show", paragraphs: [["Page three has a heading of its own and", "one paragraph under it."]] },
];

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (err: unknown) => err,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("importPdf", () => {
  it("rebuilds paragraphs in reading order, rejoins a hyphenated word and keeps where each page begins", async () => {
    const imported = await importPdf(await makeTestPdf(ARTICLE, { author: "Jane Smith" }));
    expect(imported.title).toBe("Housing in the city");
    expect(imported.byline).toBe("Jane Smith");
    expect(imported.body).toBe(
      [
        "The council built 1,204 homes in 2023, a record for the city. Rents fell by 10% over the year, the mayor said.",
        "A second paragraph starts on the first page and goes on to the next page, where it continues. Unemployment fell to 4.1 per cent in the same period.",
        "The last paragraph sits wholly on page two.",
        "What the figures show",
        "Page three has a heading of its own and one paragraph under it.",
      ].join("\n\n"),
    );
    // The page numbers printed at each page's foot are layout, not text.
    expect(imported.body).not.toMatch(/\n\n[123]\n\n|\s[123]$/);
    expect(normalizeArticleText(imported.body)).toBe(imported.body);
    expect(imported.blocks.paragraphs.map((p) => p.kind)).toEqual(["p", "p", "p", "h2", "p"]);

    const body = imported.body;
    expect(imported.blocks.pages).toEqual([
      { start: 0, page: 1 },
      { start: body.indexOf("continues."), page: 2 },
      { start: body.indexOf("What the figures"), page: 3 },
    ]);
    expect(pageAt(imported.blocks, body.indexOf("record for the city"))).toBe(1);
    expect(pageAt(imported.blocks, body.indexOf("where it continues") + 1)).toBe(1);
    expect(pageAt(imported.blocks, body.indexOf("Unemployment fell"))).toBe(2);
    expect(pageAt(imported.blocks, body.indexOf("wholly on page two"))).toBe(2);
    expect(pageAt(imported.blocks, body.indexOf("one paragraph under it"))).toBe(3);
    // What is stored reads back the same.
    expect(parseBlocks(JSON.parse(JSON.stringify(imported.blocks)), body)).toEqual(imported.blocks);
  });

  it("takes the document's Title when no heading leads the text, and skips blank pages", async () => {
    const bytes = await makeTestPdf([{ paragraphs: [] }, { paragraphs: [["Only page two has words."]] }], { title: "Annual report 2024" });
    const imported = await importPdf(bytes);
    expect(imported.title).toBe("Annual report 2024");
    expect(imported.body).toBe("Only page two has words.");
    expect(imported.blocks.pages).toEqual([{ start: 0, page: 2 }]);
  });

  // Found in review: the PDF path skipped the cleaning every other import does, so a NUL in the document's Title
  // or Author reached PostgreSQL (which cannot store it) and the import answered 500.
  it("cleans the document's Title and Author like any imported text (no NUL or other control character)", async () => {
    const bytes = await makeTestPdf([{ paragraphs: [["Body text."]] }], { title: "Annual\u0000 report", author: "Ann\u0007 Writer\u0000" });
    const imported = await importPdf(bytes);
    expect(imported.title).toBe("Annual report");
    expect(imported.byline).toBe("Ann Writer");
  });

  it("says a PDF without a text layer looks scanned", async () => {
    const error = await refusal(importPdf(await makeBlankPdf(3)));
    expect(error.status).toBe(422);
    expect(error.message).toMatch(/^This PDF has no text layer \(it looks scanned\)/);
    expect(error.fields?.content?.[0]).toBe(error.message);
  });

  it("refuses damaged files, files that are not PDFs and password-protected PDFs with a 422 that says which", async () => {
    const good = await makeTestPdf(ARTICLE);
    const truncated = good.slice(0, Math.floor(good.length / 3));
    for (const bytes of [truncated, new TextEncoder().encode("%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage")]) {
      const error = await refusal(importPdf(bytes));
      expect([error.status, error.message]).toEqual([422, expect.stringMatching(/could not be read: the file looks damaged/)]);
    }
    expect((await refusal(importPdf(new TextEncoder().encode("<html>not a pdf</html>")))).message).toBe("That file is not a PDF.");
    const locked = await refusal(importPdf(await makePasswordPdf()));
    expect([locked.status, locked.message]).toEqual([422, expect.stringMatching(/protected by a password/)]);
  });

  it("refuses more pages than the limit before reading any text, and reports on the field it is given", async () => {
    const doc = await PDFDocument.create();
    for (let i = 0; i <= MAX_PDF_PAGES; i++) doc.addPage([200, 200]);
    const error = await refusal(importPdf(await doc.save(), "url"));
    expect(error.message).toBe(`That PDF has ${MAX_PDF_PAGES + 1} pages; the limit is ${MAX_PDF_PAGES}. Import the part with the article.`);
    expect(error.fields?.url).toEqual([error.message]);
  });
});
