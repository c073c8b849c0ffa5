// Shared fast-check generators for this folder's tests. Not exported from index.ts.
// Alphabets are small and deliberately nasty so that random strings hit the interesting
// cases (whitespace runs, blank lines, combining marks, astral characters) often.

import fc from "fast-check";

const WORD_CHARS = ["a", "b", "Z", "é", "ß", "中", "😀", "\u0301", "-", ".", "0"];
const SPACE_CHARS = [" ", "\t", "\u00a0", "\u2009", "\u202f", "\u3000", "\v", "\f"];
const BREAK_CHARS = ["\n", "\r", "\r\n", "\u2028", "\u2029", "\u0085", "\n\n", "\n \n"];

/** Raw, unnormalised text of the kind pasted into the article editor. */
export const rawText = fc.string({
  unit: fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...WORD_CHARS) },
    { weight: 3, arbitrary: fc.constantFrom(...SPACE_CHARS) },
    { weight: 2, arbitrary: fc.constantFrom(...BREAK_CHARS) },
    { weight: 1, arbitrary: fc.constantFrom("\uFEFF", "e\uFEFF\u0301") },
  ),
  maxLength: 80,
});

/** Any string at all, including lone surrogates. */
export const anyText = fc.string({ unit: "binary", maxLength: 60 });

/** A body already in normalised form: words separated by single spaces and "\n\n". */
export const normalizedBody = fc
  .array(
    fc.array(fc.string({ unit: fc.constantFrom("a", "b", "é", "中", "😀", "."), minLength: 1, maxLength: 6 }), {
      minLength: 1,
      maxLength: 8,
    }),
    { minLength: 1, maxLength: 5 },
  )
  .map((paragraphs) => paragraphs.map((words) => words.join(" ")).join("\n\n"));

/** True when the string has no lone surrogates (String#isWellFormed is ES2024, newer than our lib). */
export function isWellFormed(text: string): boolean {
  return !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text);
}
