// Rebuilding an article's paragraphs from a PDF's positioned text runs (what pdf.js's getTextContent gives).
// A PDF has no paragraphs, only runs of glyphs placed on a page: this groups runs into lines, drops page-number
// lines, and joins lines into paragraphs where the layout says they belong together (no extra vertical gap, no
// first-line indent, the line before was not a short last line, the page before did not end a sentence),
// removing the hyphen of a word split at a line's end. Headings are lines set clearly larger than the body.
// Pure: no pdf.js here, so the rules can be tested on hand-made runs.
import { WHITESPACE_CLASS } from "@/lib/anchoring/whitespace";

/** One text run of a page, in PDF units (1/72 in), y growing upwards (pdf.js's transform[4], [5]). */
export type PdfRun = { str: string; x: number; y: number; size: number; width: number; hasEOL: boolean };
export type PdfPageRuns = { page: number; runs: PdfRun[] };

/** A rebuilt paragraph; `pages` says where in `text` (UTF-16 offsets) each page's part begins, the first at 0. */
export type PdfParagraph = { kind: "p" | "h2" | "h3" | "li"; text: string; pages: { at: number; page: number }[] };

type Line = { text: string; x: number; xEnd: number; y: number; size: number; page: number };

const WHITESPACE_RUN = new RegExp(`[${WHITESPACE_CLASS}]+`, "g");
const PAGE_NUMBER = /^(page\s+)?[-–]?\s*\d{1,4}\s*[-–]?(\s*(of|\/)\s*\d{1,4})?$/i;
const BULLET = /^[•◦▪‣●○■□–—*-]\s+/;
const ENDS_SENTENCE = /[.!?:;"”’')\]]$/;
const SPLIT_WORD = /\p{L}[-\u00AD]$/u;
const LOWER_START = /^\p{Ll}/u;
/** A heading is set at least this much larger than the body text; h2 from the larger factor on. */
const HEADING_FACTOR = 1.15;
const H2_FACTOR = 1.4;
const MAX_HEADING_CHARS = 200;

const clean = (text: string) => text.replace(WHITESPACE_RUN, " ").trim().normalize("NFC");

function linesOf({ page, runs }: PdfPageRuns): Line[] {
  const lines: Line[] = [];
  let line: Line | null = null;
  const flush = () => {
    if (line && clean(line.text) !== "") lines.push({ ...line, text: clean(line.text) });
    line = null;
  };
  for (const run of runs) {
    if (line !== null) {
      const current: Line = line;
      // Another baseline (more than half a glyph away), or back to the left of where this line ended: a new line.
      const newLine = Math.abs(run.y - current.y) > Math.max(current.size, run.size) / 2 || run.x < current.x - current.size;
      if (newLine && run.str.trim() !== "") flush();
    }
    if (run.str.trim() !== "") {
      if (line === null) {
        line = { text: run.str, x: run.x, xEnd: run.x + run.width, y: run.y, size: run.size, page };
      } else {
        const current: Line = line;
        // Runs placed apart with no space character between them are separate words.
        const gap = run.x - current.xEnd;
        if (gap > current.size * 0.15 && !/\s$/.test(current.text) && !/^\s/.test(run.str)) current.text += " ";
        current.text += run.str;
        current.xEnd = Math.max(current.xEnd, run.x + run.width);
        current.size = Math.max(current.size, run.size);
      }
    } else if (line !== null && run.str !== "") {
      (line as Line).text += " ";
    }
    if (run.hasEOL) flush();
  }
  flush();
  // A bare number (or "Page 3", "3 of 12") as the first or last line of a page is its page number, not text.
  if (lines.length > 0 && PAGE_NUMBER.test(lines.at(-1)!.text)) lines.pop();
  if (lines.length > 0 && PAGE_NUMBER.test(lines[0]!.text)) lines.shift();
  return lines;
}

/** The size most of the text is set in (by characters), rounded to half a unit. */
function bodySize(lines: Line[]): number {
  const weight = new Map<number, number>();
  for (const line of lines) {
    const size = Math.round(line.size * 2) / 2;
    weight.set(size, (weight.get(size) ?? 0) + line.text.length);
  }
  let best = 0;
  let bestWeight = -1;
  for (const [size, w] of weight) if (w > bestWeight) [best, bestWeight] = [size, w];
  return best || 1;
}

/** The usual distance between baselines of consecutive body lines (lower quartile), or 1.2 × the body size. */
function lineSpacing(lines: Line[], body: number): number {
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const [a, b] = [lines[i - 1]!, lines[i]!];
    const gap = a.y - b.y;
    if (a.page === b.page && Math.abs(a.size - body) < 0.5 && Math.abs(b.size - body) < 0.5 && gap > 0 && gap < body * 3) gaps.push(gap);
  }
  if (gaps.length === 0) return body * 1.2;
  // The lower quartile, not the median: in a short text the wider gaps between paragraphs can be half of all gaps.
  gaps.sort((x, y) => x - y);
  return gaps[Math.floor(gaps.length / 4)]!;
}

function kindOf(line: Line, body: number): PdfParagraph["kind"] {
  if (line.size >= body * HEADING_FACTOR && line.text.length <= MAX_HEADING_CHARS) return line.size >= body * H2_FACTOR ? "h2" : "h3";
  return BULLET.test(line.text) ? "li" : "p";
}

/** Each page's left and right text edges (body lines), to tell indented first lines and short last lines. */
function pageEdges(lines: Line[], body: number): Map<number, { left: number; right: number }> {
  const edges = new Map<number, { left: number; right: number }>();
  for (const line of lines) {
    if (Math.abs(line.size - body) >= 0.5) continue;
    const edge = edges.get(line.page) ?? { left: line.x, right: line.xEnd };
    edges.set(line.page, { left: Math.min(edge.left, line.x), right: Math.max(edge.right, line.xEnd) });
  }
  return edges;
}

/**
 * Rebuilds paragraphs from `pages`' text runs, in content order (pdf.js gives runs in the order the page draws
 * them, which is reading order for single-column text). Returns the paragraphs (headings as h2/h3, bulleted
 * lines as list items without their bullet) with where each page begins in each; text is whitespace-collapsed,
 * trimmed and NFC, as the canonical body needs. Pages with no text add nothing. Pure; never throws.
 */
export function rebuildPdfParagraphs(pages: PdfPageRuns[]): PdfParagraph[] {
  const lines = pages.flatMap(linesOf);
  if (lines.length === 0) return [];
  const body = bodySize(lines);
  const spacing = lineSpacing(lines, body);
  const edges = pageEdges(lines, body);
  const out: PdfParagraph[] = [];
  let current: PdfParagraph | null = null;
  let previous: Line | null = null;

  for (const line of lines) {
    const kind = kindOf(line, body);
    let text = line.text;
    if (kind === "li") text = text.replace(BULLET, "");
    const edge = edges.get(line.page) ?? { left: line.x, right: line.xEnd };
    let joins = false;
    if (current && previous) {
      const sameSize = Math.abs(previous.size - line.size) < 0.5;
      if (previous.page !== line.page) {
        // A paragraph runs on to the next page when the page ended mid-sentence.
        joins = sameSize && kind === "p" && current.kind !== "h2" && current.kind !== "h3" && !ENDS_SENTENCE.test(previous.text);
      } else if (kind === "li") {
        joins = false;
      } else if (current.kind === "h2" || current.kind === "h3") {
        // A heading set over two lines.
        joins = kind === current.kind && sameSize && previous.y - line.y < line.size * 1.8;
      } else {
        const gap = previous.y - line.y;
        const indented = current.kind !== "li" && line.x > edge.left + body * 0.9 && previous.x <= edge.left + body * 0.5;
        const shortLast = previous.xEnd < edge.right - body * 6 && ENDS_SENTENCE.test(previous.text);
        joins = kind === "p" && sameSize && gap > 0 && gap < spacing * 1.45 && !indented && !shortLast;
      }
    }
    if (joins && current) {
      let at: number;
      // Only the paragraph's last characters are tested: a regex anchored at the end still scans a long string.
      const tail = current.text.slice(-2);
      if (SPLIT_WORD.test(tail) && LOWER_START.test(text)) {
        current.text = current.text.slice(0, -1);
        at = current.text.length;
        current.text += text;
      } else {
        current.text = (tail.endsWith("\u00AD") ? current.text.slice(0, -1) : current.text) + " ";
        at = current.text.length;
        current.text += text;
      }
      if (line.page !== current.pages.at(-1)!.page) current.pages.push({ at, page: line.page });
    } else {
      current = { kind, text, pages: [{ at: 0, page: line.page }] };
      out.push(current);
    }
    previous = line;
  }
  // Joining lines can bring a combining mark next to its letter: keep the text canonical, page starts at 0.
  return out
    .map((p) => (p.text.normalize("NFC") === p.text ? p : { ...p, text: p.text.normalize("NFC"), pages: p.pages.slice(0, 1) }))
    .filter((p) => p.text !== "");
}
