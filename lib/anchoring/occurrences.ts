// Finding every place a quote occurs in a text, in time linear in the text plus the quote.
// A loop of `text.indexOf(quote, at + 1)` looks linear but is not: after each match it compares
// the quote again from its first character, so a text and quote made of one repeated character
// ("aaaa…") cost text × quote comparisons — seconds of a blocked event loop for one request.
// Knuth–Morris–Pratt never looks at a character of the text twice after a mismatch or a match:
// the failure table says how much of the quote is still matched.

/** The KMP failure table: `fail[i]` is the length of the longest proper border of pattern[0..i]. */
function failureTable(pattern: string): Int32Array {
  const fail = new Int32Array(pattern.length);
  let k = 0;
  for (let i = 1; i < pattern.length; i++) {
    const c = pattern.charCodeAt(i);
    while (k > 0 && pattern.charCodeAt(k) !== c) k = fail[k - 1]!;
    if (pattern.charCodeAt(k) === c) k++;
    fail[i] = k;
  }
  return fail;
}

// While nothing of the pattern is matched, the search jumps ahead to the next place where its first few
// characters stand, with the engine's own indexOf. Not with the whole pattern: V8's indexOf is not linear for a
// long pattern (a 1,000-character "aaa…" in 2,000,000 characters of "aaa…ab" repeated takes it over a second);
// for a probe this short it compares at most the probe's length at each position.
const PROBE_LENGTH = 4;

/**
 * Calls `visit(at)` for each occurrence of `pattern` in `text` (UTF-16 code units; overlapping ones
 * included, in increasing order of `at`) until `visit` returns false. An empty pattern has no occurrences.
 * Returns how many positions of the text it examined plus the comparisons the failure table took: at most
 * 3 × text.length + 2 × pattern.length whatever the texts (tests use it to check that the search stays
 * linear; a probe jump counts once per position it skips). From each place the probe stands it reads on
 * character by character with the Knuth–Morris–Pratt failure table, never going back in the text.
 */
export function scanOccurrences(text: string, pattern: string, visit: (at: number) => boolean | void): number {
  const m = pattern.length;
  const n = text.length;
  if (m === 0 || m > n) return 0;
  const fail = failureTable(pattern);
  const probe = pattern.slice(0, PROBE_LENGTH);
  let examined = 2 * m; // building the failure table: at most 2m comparisons
  let k = 0; // how much of the pattern is matched just before text[i]
  let i = 0;
  while (i < n) {
    if (k === 0) {
      const next = text.indexOf(probe, i);
      if (next === -1 || next > n - m) return examined + (n - i);
      examined += next - i;
      i = next;
    }
    const c = text.charCodeAt(i++);
    examined++;
    while (k > 0 && pattern.charCodeAt(k) !== c) {
      k = fail[k - 1]!;
      examined++;
    }
    if (pattern.charCodeAt(k) === c) k++;
    if (k === m) {
      if (visit(i - m) === false) break;
      k = fail[m - 1]!;
    }
  }
  return examined;
}

/**
 * The start offsets (UTF-16 code units, increasing) of the first `limit` occurrences of `pattern` in
 * `text`, overlapping ones included; [] for an empty pattern. Linear time (scanOccurrences).
 */
export function findOccurrences(text: string, pattern: string, limit = Number.POSITIVE_INFINITY): number[] {
  const found: number[] = [];
  if (limit <= 0) return found;
  scanOccurrences(text, pattern, (at) => {
    found.push(at);
    return found.length < limit;
  });
  return found;
}

/**
 * How many times `pattern` occurs in `text` (overlapping ones included), counting no further than
 * `max` (so "more than one" costs no more than finding two); 0 for an empty pattern. Linear time.
 */
export function countOccurrences(text: string, pattern: string, max = Number.POSITIVE_INFINITY): number {
  let count = 0;
  scanOccurrences(text, pattern, () => {
    count++;
    return count < max;
  });
  return count;
}

/**
 * The start of the occurrence of `pattern` in `text` nearest to `hint` (a UTF-16 offset; the earlier one
 * on a tie), or -1 when there is none or the pattern is empty. Linear time: it stops at the first
 * occurrence that lies further past `hint` than the best one found before it.
 */
export function nearestOccurrence(text: string, pattern: string, hint: number): number {
  let best = -1;
  scanOccurrences(text, pattern, (at) => {
    if (best !== -1 && Math.abs(at - hint) >= Math.abs(best - hint)) return false;
    best = at;
  });
  return best;
}
