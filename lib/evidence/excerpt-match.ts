// Whether a quoted excerpt is in an archived page: compared on a normal form, so a quote copied with curly
// quotes, a different dash, a non-breaking space or a line break still matches the page's text.

/**
 * `text` in the form excerpts are compared in: Unicode NFKC, curly and angle quotes made straight, dashes and
 * minus made "-", the ellipsis character made "...", every run of whitespace one space, trimmed, lower case.
 * Pure.
 */
export function matchForm(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/[\u2018\u2019\u201A\u201B\u2032\u2035]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033\u2036\u00AB\u00BB]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/\u2026/g, "...")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

/**
 * Whether `excerpt` occurs in `text`, both in matchForm. Null when there is nothing to look for (an empty
 * excerpt) or nowhere to look (no text archived: a failed fetch, a PDF or an image). Pure.
 */
export function excerptFoundIn(excerpt: string, text: string): boolean | null {
  const wanted = matchForm(excerpt);
  if (wanted === "" || text === "") return null;
  return matchForm(text).includes(wanted);
}
