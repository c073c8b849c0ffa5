// The layout rules on hand-made text runs (as pdf.js gives them): where a paragraph ends when the PDF has no
// extra gap, which lines are headings, list items or page furniture, and when a word split at a line's end is
// rejoined.
import { describe, expect, it } from "vitest";
import { rebuildPdfParagraphs, type PdfRun } from "./pdf-layout";

/** Lines set at `x`, 14 units apart from y = 700 (or at the given y), 11 units high, about 5 units per character. */
function runs(lines: (string | { text: string; x?: number; y?: number; size?: number })[]): PdfRun[] {
  let y = 714;
  return lines.map((line) => {
    const { text, x = 72, size = 11, y: at } = typeof line === "string" ? { text: line } : line;
    y = at ?? y - 14;
    return { str: text, x, y, size, width: text.length * 5, hasEOL: true };
  });
}

const texts = (pages: PdfRun[][]) =>
  rebuildPdfParagraphs(pages.map((r, i) => ({ page: i + 1, runs: r }))).map((p) => `${p.kind}: ${p.text}`);

const FULL = "x".repeat(80);

describe("rebuildPdfParagraphs", () => {
  it("starts a paragraph at a first-line indent, and after a short line that ends a sentence", () => {
    expect(
      texts([
        runs([
          `${FULL} one`,
          "short end.",
          `${FULL} two`,
          { text: `Indented ${FULL}`, x: 90 },
          `${FULL} three.`,
          { text: `Indented again ${FULL}`, x: 90 },
        ]),
      ]),
    ).toEqual([`p: ${FULL} one short end.`, `p: ${FULL} two`, `p: Indented ${FULL} ${FULL} three.`, `p: Indented again ${FULL}`]);
  });

  it("rejoins a word split by a hyphen (or a soft hyphen) only when the next line goes on in lower case", () => {
    expect(
      texts([runs([`${FULL} inter-`, "national trade and", `${FULL} soft\u00AD`, "ware then", `${FULL} Covid-`, "19 cases"])]),
    ).toEqual([`p: ${FULL} international trade and ${FULL} software then ${FULL} Covid- 19 cases`]);
  });

  it("reads larger lines as headings (two lines of one heading kept together) and bulleted lines as list items", () => {
    expect(
      texts([
        runs([
          { text: "A long headline set", size: 20 },
          { text: "over two lines", size: 20, y: 676 },
          { text: "A smaller heading", size: 14, y: 650 },
          { text: `Body ${FULL}`, y: 630 },
          "• first point",
          "– second point that runs",
          { text: "on to a second line", x: 84 },
        ]),
      ]),
    ).toEqual([
      "h2: A long headline set over two lines",
      "h3: A smaller heading",
      `p: Body ${FULL}`,
      "li: first point",
      "li: second point that runs on to a second line",
    ]);
  });

  it("drops page numbers at a page's head or foot, and joins a paragraph across pages only mid-sentence", () => {
    expect(
      texts([
        runs([`${FULL} ends mid`, { text: "1", y: 40, size: 9 }]),
        runs([{ text: "Page 2 of 3", size: 9 }, "sentence here.", { text: "2", y: 40, size: 9 }]),
        runs(["A new page, a new paragraph.", { text: "- 3 -", y: 40, size: 9 }]),
      ]),
    ).toEqual([`p: ${FULL} ends mid sentence here.`, "p: A new page, a new paragraph."]);
    const [paragraph] = rebuildPdfParagraphs([
      { page: 4, runs: runs([`${FULL} ends mid`]) },
      { page: 5, runs: runs(["sentence here."]) },
    ]);
    expect(paragraph!.pages).toEqual([
      { at: 0, page: 4 },
      { at: FULL.length + " ends mid ".length, page: 5 },
    ]);
  });

  it("puts runs of one line together, with a space where they stand apart, and collapses whitespace", () => {
    const line: PdfRun[] = [
      { str: "Rents", x: 72, y: 700, size: 11, width: 25, hasEOL: false },
      { str: "fell", x: 100, y: 700, size: 11, width: 18, hasEOL: false },
      { str: "ing", x: 118, y: 700, size: 11, width: 0, hasEOL: false },
      { str: "by 10%\u00A0\u00A0 in", x: 122, y: 700, size: 11, width: 60, hasEOL: false },
      { str: "²", x: 178, y: 704, size: 7, width: 4, hasEOL: true },
    ];
    expect(texts([line])).toEqual(["p: Rents felling by 10% in²"]);
    expect(texts([[], []])).toEqual([]);
  });
});
