// The W3C Web Annotation model counts TextPositionSelector offsets in Unicode code points
// ("characters"); JavaScript strings, and Factdesk's own API, count UTF-16 code units. An emoji
// outside the Basic Multilingual Plane is one code point and two code units, so the two differ
// after it: in "😀 The budget doubled." the word "budget" is 6–12 in code points, 7–13 in UTF-16.

/**
 * Converts UTF-16 offsets into `text` to code-point offsets, walking the text once for all of
 * them. Input: offsets in 0..text.length (one inside a surrogate pair counts as the pair's
 * start); output: the same offsets, in the same order, in code points. Throws nothing.
 */
export function toCodePoints(text: string, utf16: readonly number[]): number[] {
  return convert(utf16, (sorted) => {
    const out = new Map<number, number>();
    let unit = 0;
    let point = 0;
    for (const target of sorted) {
      while (unit < target && unit < text.length) {
        unit += isHighSurrogate(text.charCodeAt(unit)) && isLowSurrogate(text.charCodeAt(unit + 1)) ? 2 : 1;
        if (unit <= target) point += 1;
      }
      out.set(target, point);
    }
    return out;
  });
}

/**
 * Converts code-point offsets into `text` to UTF-16 offsets. Input: offsets in code points
 * (past the end clamps to text.length); output: UTF-16 offsets in the same order. Throws nothing.
 */
export function toUtf16(text: string, codePoints: readonly number[]): number[] {
  return convert(codePoints, (sorted) => {
    const out = new Map<number, number>();
    let unit = 0;
    let point = 0;
    for (const target of sorted) {
      while (point < target && unit < text.length) {
        unit += isHighSurrogate(text.charCodeAt(unit)) && isLowSurrogate(text.charCodeAt(unit + 1)) ? 2 : 1;
        point += 1;
      }
      out.set(target, unit);
    }
    return out;
  });
}

function convert(values: readonly number[], walk: (sorted: number[]) => Map<number, number>): number[] {
  const table = walk([...new Set(values)].sort((a, b) => a - b));
  return values.map((v) => table.get(v)!);
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;
