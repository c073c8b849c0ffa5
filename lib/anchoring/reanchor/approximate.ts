// Approximate search: where a pattern occurs in a text with at most k edits (insert, delete,
// substitute). Myers' bit-vector algorithm (G. Myers, "A fast bit-vector algorithm for
// approximate string matching based on dynamic programming", J. ACM 46(3), 1999: the block
// version of Fig. 9, with Ukkonen's cut-off of the rows that cannot be under k) computes the
// edit distance of the pattern against every end position in O(n·⌈m/32⌉).
//
// We used the approx-string-match package before; it reports every best match, and then finds
// where each starts by searching again backwards, at a cost of m²/32 per match. On a text that
// is one character repeated, every position is a best match: a request could block the server
// for seconds. Here the number of matches is capped before any start is looked for.

const W = 32;

/** The pattern compiled for one search: per character, which pattern positions hold it, 32 to a block. */
type Compiled = { blocks: number; lastRowBit: Int32Array; peq: Map<number, Int32Array>; none: Int32Array; length: number };

function compile(pattern: string): Compiled {
  const blocks = Math.ceil(pattern.length / W);
  const lastRowBit = new Int32Array(blocks).fill(1 << 31);
  lastRowBit[blocks - 1] = 1 << ((pattern.length - 1) % W);
  const peq = new Map<number, Int32Array>();
  for (let i = 0; i < pattern.length; i++) {
    const code = pattern.charCodeAt(i);
    let bits = peq.get(code);
    if (!bits) peq.set(code, (bits = new Int32Array(blocks)));
    bits[(i / W) | 0]! |= 1 << (i % W);
  }
  return { blocks, lastRowBit, peq, none: new Int32Array(blocks), length: pattern.length };
}

/**
 * Calls `report(end, errors)` for every end offset (exclusive, UTF-16 code units) at which some substring of `text`
 * ending there is within `errors` ≤ the current limit of `pattern`; the limit starts at `maxErrors` (clamped to the
 * pattern's length) and is whatever `report` returns after each call (return a negative number to stop). Pure.
 */
export function scanMatchEnds(text: string, pattern: string, maxErrors: number, report: (end: number, errors: number) => number): void {
  if (pattern.length === 0 || maxErrors < 0) return;
  const { blocks, lastRowBit, peq, none, length } = compile(pattern);
  let k = Math.min(maxErrors, length);
  const last = blocks - 1;
  const P = new Int32Array(blocks); // vertical +1 deltas of the current column, per block
  const M = new Int32Array(blocks); // vertical −1 deltas
  const score = new Int32Array(blocks); // the edit distance at the bottom row of each active block
  const height = (b: number) => (b === last ? length - last * W : W);

  // Advances block b by one text character whose pattern mask is `eq`; `hIn` is the horizontal delta
  // entering its top row (0, +1 or −1). Returns the delta leaving its bottom row.
  const advance = (b: number, eqMask: Int32Array, hIn: number): number => {
    let pv = P[b]!;
    const mv = M[b]!;
    const eq = eqMask[b]! | (hIn < 0 ? 1 : 0);
    const xv = eq | mv;
    const xh = (((eq & pv) + pv) ^ pv) | eq;
    let ph = mv | ~(xh | pv);
    let mh = pv & xh;
    const hOut = ph & lastRowBit[b]! ? 1 : mh & lastRowBit[b]! ? -1 : 0;
    ph <<= 1;
    mh <<= 1;
    if (hIn < 0) mh |= 1;
    else if (hIn > 0) ph |= 1;
    pv = mh | ~(xv | ph);
    P[b] = pv;
    M[b] = ph & xv;
    return hOut;
  };

  // Before the text, row i holds i: the blocks holding a row ≤ k are active.
  let y = Math.max(0, Math.ceil(k / W) - 1);
  for (let b = 0; b <= y; b++) {
    P[b] = ~0;
    M[b] = 0;
    score[b] = b * W + height(b);
  }
  for (let j = 0; j < text.length; j++) {
    const eq = peq.get(text.charCodeAt(j)) ?? none;
    let carry = 0;
    for (let b = 0; b <= y; b++) {
      carry = advance(b, eq, carry);
      score[b]! += carry;
    }
    // The row under the last active block can only drop to k through a match on its first row or a
    // falling bottom row of the block above (Myers 1999, Fig. 9); blocks wholly above k are dropped.
    if (y < last && score[y]! - carry <= k && (eq[y + 1]! & 1 || carry < 0)) {
      y++;
      P[y] = ~0;
      M[y] = 0;
      score[y] = score[y - 1]! - carry + height(y) + advance(y, eq, carry);
    } else {
      while (y > 0 && score[y]! >= k + W) y--;
    }
    if (y === last && score[y]! <= k) {
      k = report(j + 1, score[y]!);
      if (k < 0) return;
    }
  }
}

function reversed(text: string): string {
  let out = "";
  for (let i = text.length - 1; i >= 0; i--) out += text.charAt(i);
  return out;
}

export type ApproximateMatch = { start: number; end: number; errors: number };

/**
 * The best approximate matches of `pattern` in `text`: those with the fewest edits, at most `maxErrors`, as
 * [start, end) UTF-16 ranges with their edit count, in text order; at most `limit` of them (the first ones). Each
 * start is the earliest that keeps the match at its edit count (searching backwards from its end), as the
 * approx-string-match package reports them. O(n·⌈m/32⌉) for the search plus O(limit·(m + k)·⌈m/32⌉) for the
 * starts, whatever the text. [] for an empty pattern. Pure.
 */
export function approximateSearch(text: string, pattern: string, maxErrors: number, limit: number): ApproximateMatch[] {
  const ends: { end: number; errors: number }[] = [];
  if (limit <= 0) return [];
  scanMatchEnds(text, pattern, maxErrors, (end, errors) => {
    if (ends.length > 0 && errors < ends[0]!.errors) ends.length = 0;
    ends.push({ end, errors });
    // Full: from now on only a match with fewer edits can change the answer.
    return ends.length >= limit ? errors - 1 : errors;
  });
  const backwards = reversed(pattern);
  return ends.map(({ end, errors }) => {
    const from = Math.max(0, end - pattern.length - errors);
    // The limit follows each report down, so the last report has the fewest edits and reaches furthest back.
    let longest = 0;
    scanMatchEnds(reversed(text.slice(from, end)), backwards, errors, (reach, e) => {
      longest = reach;
      return e;
    });
    return { start: end - longest, end, errors };
  });
}
