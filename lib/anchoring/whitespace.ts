// One definition of "whitespace" shared by normalisation, trimming and validation, so the
// three can never disagree about what counts as blank.
//
// This is Unicode's White_Space property (PropList.txt). It differs from JavaScript's `\s`
// in two places on purpose: U+0085 (NEXT LINE) is included because legacy feeds use it as a
// line break, and U+FEFF is excluded because it is an invisible zero-width character, not a
// space — turning it into a space would split words ("foo\uFEFFbar" must not become "foo bar").

/** Whitespace that does not break a line. */
const INLINE = "\\t\\v\\f \\u00a0\\u1680\\u2000-\\u200a\\u202f\\u205f\\u3000";
/** Characters that end a line. */
const LINE_BREAKS = "\\n\\r\\u0085\\u2028\\u2029";

/** Body of a regex character class matching any Unicode whitespace character. */
export const WHITESPACE_CLASS = INLINE + LINE_BREAKS;
/** Body of a regex character class matching whitespace other than line breaks. */
export const INLINE_WHITESPACE_CLASS = INLINE;

const SINGLE = new RegExp(`^[${WHITESPACE_CLASS}]$`);
// Blank also counts Unicode's Default_Ignorable_Code_Point characters (U+200B zero width space, U+00AD soft hyphen,
// U+2060 word joiner, U+FEFF …): invisible, so a selection of only these would be a highlight no one can see or click.
const ONLY = new RegExp(`^[${WHITESPACE_CLASS}\\p{Default_Ignorable_Code_Point}]*$`, "u");

/** True for one whitespace character (a single UTF-16 code unit; all whitespace is in the BMP). */
export function isWhitespaceChar(ch: string): boolean {
  return SINGLE.test(ch);
}

/** True when the text is empty or shows nothing: only whitespace and default-ignorable (invisible) characters. */
export function isBlank(text: string): boolean {
  return ONLY.test(text);
}
