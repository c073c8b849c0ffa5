// Placing a TextQuoteSelector that comes without a TextPositionSelector, as W3C clients such as
// Hypothesis may send it, and the short excerpts of the article that refusals quote so a client
// can fix what it sent. Pure: no React, no Prisma.

import { firstCharacters } from "@/lib/validation/fields";
import { countOccurrences, findOccurrences } from "./occurrences";

/** Longest excerpt of the article a message quotes, in characters (code points). */
export const EXCERPT_LENGTH = 60;

const numberFormat = new Intl.NumberFormat("en-US");

/**
 * `text` in curly quotes for a message, cut to EXCERPT_LENGTH characters (never half an emoji) with "…"
 * where it was cut: at its end, or with `keep: "end"` at its start (for the text just before a quote).
 */
export function excerpt(text: string, keep: "start" | "end" = "start"): string {
  const characters = Array.from(text);
  if (characters.length <= EXCERPT_LENGTH) return `“${text}”`;
  return keep === "start"
    ? `“${firstCharacters(text, EXCERPT_LENGTH)}…”`
    : `“…${characters.slice(characters.length - EXCERPT_LENGTH).join("")}”`;
}

export type FoundQuote = { ok: true; start: number; end: number } | { ok: false; reason: string };

/**
 * Where `exact` stands in `body` when the client gave no position: the one place where `prefix`, `exact` and
 * `suffix` stand one after the other (a prefix or suffix of any length, "" for none, narrows the places down).
 * Returns its UTF-16 range [start, end) of the quote itself, or why there is none: the quote does not occur, or
 * not with that prefix/suffix, or occurs in several places (the message says how many, and what would tell them
 * apart). Linear in the body's length, however often the quote occurs (lib/anchoring/occurrences.ts).
 */
export function findQuote(body: string, quote: { exact: string; prefix: string; suffix: string }): FoundQuote {
  const { exact, prefix, suffix } = quote;
  const pattern = prefix + exact + suffix;
  const found = findOccurrences(body, pattern, 2);
  if (found.length === 1) {
    const start = found[0]! + prefix.length;
    return { ok: true, start, end: start + exact.length };
  }
  const narrowed = prefix !== "" || suffix !== "";
  if (found.length === 0) {
    if (narrowed && exact !== "" && countOccurrences(body, exact, 1) > 0) {
      return {
        ok: false,
        reason:
          "The quote is in the article, but not with that prefix and suffix: send the text just before and after it as the article has it, or a TextPositionSelector.",
      };
    }
    return { ok: false, reason: `The quote ${excerpt(exact)} does not occur in the article.` };
  }
  const places = numberFormat.format(countOccurrences(body, pattern));
  return {
    ok: false,
    reason: narrowed
      ? `The quote with that prefix and suffix matches ${places} places in the article: send a longer prefix or suffix (the text just before or after it), or a TextPositionSelector, to say which one.`
      : `The quote matches ${places} places in the article: send a prefix or suffix (the text just before or after it), or a TextPositionSelector, to say which one.`,
  };
}
