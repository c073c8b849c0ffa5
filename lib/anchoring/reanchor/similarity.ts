// Small text comparisons used to score a candidate's surroundings and figures.

let row = new Int32Array(64);

/**
 * Levenshtein distance between `a` and `b` in UTF-16 code units (insert, delete, substitute each cost 1).
 * O(|a|·|b|) time, so meant for short strings (quote context); reuses one module-level row buffer.
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  if (row.length <= b.length) row = new Int32Array(b.length * 2);
  for (let j = 0; j <= b.length; j++) row[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      const substitute = diagonal + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      row[j] = Math.min(substitute, above + 1, row[j - 1]! + 1);
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/**
 * How well the text now beside a candidate agrees with the context stored with the claim,
 * from 0 to 1. An empty stored context means the claim touched the start (or end) of the
 * old body: still touching it agrees fully; now having text there is neither evidence for
 * nor against, so it scores one half.
 */
export function contextSimilarity(stored: string, actual: string): number {
  if (stored.length === 0) return actual.length === 0 ? 1 : 0.5;
  return 1 - editDistance(stored, actual) / Math.max(stored.length, actual.length);
}

const NUMBER = /\p{Nd}+/gu;

/**
 * The digit runs (any script's decimal digits, \p{Nd}) of a text, in order, joined by spaces:
 * "2.5 per cent, 3 times" → "2 5 3". Two texts state the same figures when these strings are equal.
 */
export function figuresOf(text: string): string {
  return (text.match(NUMBER) ?? []).join(" ");
}

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

/**
 * True when the UTF-16 code unit at `index` is part of a word (a letter, mark or digit); false outside the text.
 * A lone surrogate half is never a word character here.
 */
export function isWordCharAt(text: string, index: number): boolean {
  return index >= 0 && index < text.length && WORD_CHAR.test(text.charAt(index));
}
