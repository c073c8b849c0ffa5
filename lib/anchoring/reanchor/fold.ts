// Matching compares texts in a "folded" form where typographic variants an editor may swap
// without changing meaning are made equal: curly and straight quotes, the dash family (and
// the spaces around a dash, since "a – b" and "a—b" are the same punctuation), every kind of
// whitespace run, the ellipsis character, invisible soft hyphens and zero-width spaces.
// Results must still be reported in the real text, so folding keeps an offset map both ways.
// Work is per UTF-16 code unit: surrogate pairs pass through unchanged, as two units.

import { isWhitespaceChar } from "../whitespace";

export type FoldedText = {
  /** The folded text. */
  text: string;
  /** For each folded code unit, the real offset where the text it came from starts… */
  starts: Int32Array;
  /** …and ends (exclusive); a whitespace run folds to one unit covering the whole run. */
  ends: Int32Array;
  /** For each real offset 0..real.length, the folded offset of the first unit at or after it. */
  fromReal: Int32Array;
};

const SPACE = 0x20;
const HYPHEN = 0x2d;

const SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2032\u2035\u02bc\u2039\u203a\uff07";
const DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u2033\u2036\u00ab\u00bb\uff02";
const DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d";
// Invisible in every rendering, so an editor cannot even see that they were added or removed.
const INVISIBLE = "\u00ad\u200b\u2060\ufeff";
const LINE_BREAKS = "\n\r\u0085\u2028\u2029";

// One table lookup per code unit tells what folding does with it. Whitespace is taken from
// the one definition in ../whitespace (all of it lies at or below U+3000).
const WHITESPACE = 1;
const LINE_BREAK = 2;
const INVISIBLE_CHAR = 4;
const DASH = 8;
const REPLACED = 16;
const ELLIPSIS = 32;
const KIND = new Uint8Array(0x10000);
const REPLACEMENT: string[] = [];
for (let code = 0; code <= 0x3000; code++) {
  if (isWhitespaceChar(String.fromCharCode(code))) KIND[code] = WHITESPACE;
}
for (const ch of LINE_BREAKS) KIND[ch.charCodeAt(0)] = WHITESPACE | LINE_BREAK;
for (const ch of INVISIBLE) KIND[ch.charCodeAt(0)] = INVISIBLE_CHAR;
const replaceWith = (chars: string, by: string, kind: number) => {
  for (const ch of chars) {
    KIND[ch.charCodeAt(0)] = kind;
    REPLACEMENT[ch.charCodeAt(0)] = by;
  }
};
replaceWith(SINGLE_QUOTES, "'", REPLACED);
replaceWith(DOUBLE_QUOTES, '"', REPLACED);
replaceWith(DASHES, "-", REPLACED | DASH);
replaceWith("\u2026", "...", REPLACED | ELLIPSIS);
KIND[HYPHEN] = DASH; // already folded: copied as it is

/**
 * Folds `real` (see the file comment). Whitespace runs become one "\n" when they hold a line
 * break (so paragraphs stay visible to the diff) and one " " otherwise; spaces next to a dash
 * disappear. Linear time; unchanged stretches are copied as slices.
 */
export function foldText(real: string): FoldedText {
  const n = real.length;
  let capacity = n;
  for (let i = real.indexOf("\u2026"); i !== -1; i = real.indexOf("\u2026", i + 1)) capacity += 2;
  const starts = new Int32Array(capacity);
  const ends = new Int32Array(capacity);
  const fromReal = new Int32Array(n + 1);
  const parts: string[] = [];
  let copyFrom = 0; // real offset where the current unchanged stretch began
  let k = 0;
  let lastIsDash = false;

  let i = 0;
  while (i < n) {
    const kind = KIND[real.charCodeAt(i)]!;
    if (kind & WHITESPACE) {
      let j = i;
      let breaks = false;
      // Invisible characters inside a run are dropped with it, so that they cannot split it.
      while (j < n && KIND[real.charCodeAt(j)]! & (WHITESPACE | INVISIBLE_CHAR)) {
        if (KIND[real.charCodeAt(j)]! & LINE_BREAK) breaks = true;
        fromReal[j] = k;
        j++;
      }
      const besideDash = lastIsDash || (j < n && (KIND[real.charCodeAt(j)]! & DASH) !== 0);
      const drop = !breaks && besideDash;
      if (!drop && j === i + 1 && real.charCodeAt(i) === SPACE) {
        starts[k] = i;
        ends[k] = j;
        k++;
      } else {
        if (i > copyFrom) parts.push(real.slice(copyFrom, i));
        if (!drop) {
          parts.push(breaks ? "\n" : " ");
          starts[k] = i;
          ends[k] = j;
          k++;
        }
        copyFrom = j;
      }
      lastIsDash = false;
      i = j;
      continue;
    }
    fromReal[i] = k;
    if (kind & (INVISIBLE_CHAR | REPLACED)) {
      if (i > copyFrom) parts.push(real.slice(copyFrom, i));
      copyFrom = i + 1;
      const by = kind & INVISIBLE_CHAR ? "" : REPLACEMENT[real.charCodeAt(i)]!;
      parts.push(by);
      for (let u = 0; u < by.length; u++) {
        starts[k] = i;
        ends[k] = i + 1;
        k++;
      }
      if (kind & INVISIBLE_CHAR) {
        i++;
        continue;
      }
    } else {
      starts[k] = i;
      ends[k] = i + 1;
      k++;
    }
    lastIsDash = (kind & DASH) !== 0;
    i++;
  }
  if (n > copyFrom) parts.push(real.slice(copyFrom, n));
  fromReal[n] = k;
  return { text: parts.join(""), starts: starts.subarray(0, k), ends: ends.subarray(0, k), fromReal };
}

/**
 * The real range [start, end) of the original text behind folded [from, to), in UTF-16 code units. Requires
 * 0 <= from < to <= folded.text.length; outside that the result is undefined (no check, it runs per candidate).
 */
export function toRealRange(folded: FoldedText, from: number, to: number): { start: number; end: number } {
  return { start: folded.starts[from]!, end: folded.ends[to - 1]! };
}

export type FoldedQuote = { prefix: string; exact: string; suffix: string };

/** True when folding would change `text`: anything but single spaces between other characters. */
function needsFolding(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (KIND[code] === 0) continue;
    const next = i + 1 < text.length ? KIND[text.charCodeAt(i + 1)]! : 0;
    if (code !== SPACE || (next & (WHITESPACE | INVISIBLE_CHAR | DASH)) !== 0) return true;
  }
  return false;
}

/**
 * Folds a stored quote. The three parts are folded together, as they stood in the text, so
 * that the seams fold exactly as the body does (a space in the prefix before a dash in the
 * exact text disappears in both).
 */
export function foldQuote(quote: { prefix: string; exact: string; suffix: string }): FoldedQuote {
  const joined = quote.prefix + quote.exact + quote.suffix;
  // Most quotes are plain text with single spaces: nothing to fold, nothing to allocate.
  if (!needsFolding(joined)) return { prefix: quote.prefix, exact: quote.exact.trim(), suffix: quote.suffix };
  const folded = foldText(joined);
  const from = folded.fromReal[quote.prefix.length]!;
  const to = folded.fromReal[quote.prefix.length + quote.exact.length]!;
  return {
    prefix: folded.text.slice(0, from),
    exact: folded.text.slice(from, to).trim(),
    suffix: folded.text.slice(to),
  };
}
