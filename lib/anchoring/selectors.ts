// Claims point into an article body with a W3C Web Annotation target: a TextPositionSelector
// (fast, exact offsets) plus a TextQuoteSelector (the text itself and its surroundings), so a
// claim can be checked — and later re-anchored — if the body ever changes.
// Offsets are UTF-16 code units, end exclusive, exactly like JavaScript string indices, so the
// browser, the server and the database all agree without conversion.

import { snapToGraphemes } from "@/lib/text/graphemes";
import { characterCount } from "@/lib/validation/fields";
import { excerpt, findQuote } from "./find-quote";
import { isBlank, isWhitespaceChar } from "./whitespace";

/** Longest claim allowed, in characters (Unicode code points, as every text field counts them). */
export const MAX_CLAIM_LENGTH = 2000;
/** Context kept on each side of a quote; the W3C spec leaves the length to us. */
export const CONTEXT_LENGTH = 32;

export type TextQuoteSelector = { exact: string; prefix: string; suffix: string };
export type TextPositionSelector = { start: number; end: number };
export type ClaimTarget = { quote: TextQuoteSelector; position: TextPositionSelector };
/**
 * A target as a client sends it (the claims API, a server action): the quote with whatever context it gives ("" for
 * none, any length), and the UTF-16 position when it gives one.
 */
export type SentTarget = { quote: TextQuoteSelector; position: TextPositionSelector | null };
export type TargetCheck = { ok: true } | { ok: false; reason: string };
export type TextRange = { start: number; end: number };

const numberFormat = new Intl.NumberFormat("en-US");

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * True when `offset` falls between the two halves of a surrogate pair (e.g. inside an emoji).
 * Cutting there leaves lone surrogates, which are not valid Unicode: UTF-8 encoders (and so
 * Postgres and JSON consumers) replace them with U+FFFD and the stored text stops matching.
 */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isHighSurrogate(text.charCodeAt(offset - 1)) && isLowSurrogate(text.charCodeAt(offset));
}

function isValidRange(body: string, start: number, end: number): boolean {
  return Number.isSafeInteger(start) && Number.isSafeInteger(end) && start >= 0 && start <= end && end <= body.length;
}

/**
 * Builds the target for body[start, end): the exact text plus up to CONTEXT_LENGTH code units
 * of prefix and suffix, clipped at the ends of the body. A prefix or suffix is one code unit
 * shorter when the full length would cut an astral character in half (see splitsSurrogatePair).
 * Throws a RangeError for offsets that are not integers inside the body with start <= end,
 * because that is a programming error, not a user mistake.
 */
export function describeRange(body: string, start: number, end: number): ClaimTarget {
  if (!isValidRange(body, start, end)) {
    throw new RangeError(`Invalid range [${start}, ${end}) for a text of length ${body.length}.`);
  }
  let from = Math.max(0, start - CONTEXT_LENGTH);
  if (splitsSurrogatePair(body, from)) from += 1;
  let to = Math.min(body.length, end + CONTEXT_LENGTH);
  if (splitsSurrogatePair(body, to)) to -= 1;
  return {
    quote: { exact: body.slice(start, end), prefix: body.slice(from, start), suffix: body.slice(end, to) },
    position: { start, end },
  };
}

/** Why body[start, end) is too long for a claim, or null. A code point is at most 2 code units. */
function claimTooLong(body: string, start: number, end: number): string | null {
  if (end - start <= MAX_CLAIM_LENGTH) return null;
  const length = end - start > 2 * MAX_CLAIM_LENGTH ? end - start : characterCount(body.slice(start, end));
  if (length <= MAX_CLAIM_LENGTH) return null;
  return `A claim can be at most ${numberFormat.format(MAX_CLAIM_LENGTH)} characters long; this selection is ${numberFormat.format(length)}.`;
}

function fail(reason: string): TargetCheck {
  return { ok: false, reason };
}

/** `[start, end)` as a reader counts it: "120–145". */
const span = (start: number, end: number) => `${start}–${end}`;

/**
 * Checks that a target submitted by a client really describes the body as it is now. The client computes targets
 * itself, so the server must not trust them: the quote must be the text at its position, and a prefix or suffix of
 * any length (as W3C clients such as Hypothesis send them; "" for none) must be the text just before or after it.
 * Reasons are sentences fit to show the reviewer, or the script that sent the target: where the text does not
 * match, they quote what the article has there.
 */
export function checkTarget(body: string, target: ClaimTarget): TargetCheck {
  const { start, end } = target.position;
  const { exact, prefix, suffix } = target.quote;
  // Targets may come from JSON or the database, where the static types are only a promise.
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end)) {
    return fail("The selection's start and end must be whole numbers.");
  }
  if (typeof exact !== "string" || typeof prefix !== "string" || typeof suffix !== "string") {
    return fail("The selection's quote must be text.");
  }
  if (start === end) return fail("The selection is empty.");
  if (end < start) return fail("The selection ends before it starts.");
  if (start < 0 || end > body.length) return fail("The selection lies outside the article text.");
  const tooLong = claimTooLong(body, start, end);
  if (tooLong) return fail(tooLong);
  if (splitsSurrogatePair(body, start) || splitsSurrogatePair(body, end)) {
    return fail("The selection starts or ends in the middle of a character.");
  }
  const actual = body.slice(start, end);
  if (exact !== actual) {
    return fail(
      `The selected text does not match the article at that position: at ${span(start, end)} the article has ${excerpt(actual)}.`,
    );
  }
  if (isBlank(exact)) return fail(BLANK_SELECTION);
  const from = Math.max(0, start - prefix.length);
  if (prefix !== body.slice(from, start)) {
    // Quoted from a whole character on: the prefix's length may reach into the middle of one.
    const before = body.slice(splitsSurrogatePair(body, from) ? from + 1 : from, start);
    return fail(`The text just before the selection does not match the article: the article has ${excerpt(before, "end")} before it.`);
  }
  const to = Math.min(body.length, end + suffix.length);
  if (suffix !== body.slice(end, to)) {
    const after = body.slice(end, splitsSurrogatePair(body, to) ? to - 1 : to);
    return fail(`The text just after the selection does not match the article: the article has ${excerpt(after)} after it.`);
  }
  return { ok: true };
}

/**
 * Shrinks a selection so it neither starts nor ends with whitespace: readers drag a little
 * past a word or a paragraph end, and the stored claim should not carry that. Whitespace
 * inside the selection is kept, so a claim may still span paragraph breaks.
 * Returns null when nothing is left to claim (an empty or whitespace-only selection) or when
 * the offsets are not integers inside the body with start <= end, so UI callers can simply
 * ignore the gesture.
 */
export function trimRange(body: string, start: number, end: number): TextRange | null {
  if (!isValidRange(body, start, end)) return null;
  let from = start;
  let to = end;
  while (from < to && isWhitespaceChar(body.charAt(from))) from += 1;
  while (to > from && isWhitespaceChar(body.charAt(to - 1))) to -= 1;
  return from === to ? null : { start: from, end: to };
}

/** Why a selection of nothing visible is refused (editor and server alike). */
export const BLANK_SELECTION = "The selection contains only spaces, line breaks or invisible characters.";

export type SelectionResult = { ok: true; range: TextRange } | { ok: false; reason: string };

/**
 * The selection rules, one definition for the editor (before it sends a selection) and the
 * server (for every claim it is sent: API, server action, W3C import, a chosen span):
 * 1. whitespace is trimmed off both ends (trimRange), as a reader drags a little too far;
 * 2. an end inside a grapheme (a letter and its combining accent, a flag, a family emoji) is
 *    widened to the whole grapheme, so the stored quote names the characters on screen.
 * Returns the range to store, or why there is none: nothing visible (isBlank), or longer than
 * MAX_CLAIM_LENGTH characters once widened. Offsets are UTF-16 code units; `start`/`end` that
 * are not integers inside the body with start <= end are refused too.
 */
export function selectionRange(body: string, start: number, end: number): SelectionResult {
  if (!isValidRange(body, start, end) || start === end) return { ok: false, reason: "The selection is empty." };
  const trimmed = trimRange(body, start, end);
  // Whitespace is trimmed; invisible characters (zero width space, soft hyphen …) are kept inside a claim but
  // cannot make one on their own: a highlight of nothing visible could not be seen or clicked.
  if (!trimmed || isBlank(body.slice(trimmed.start, trimmed.end))) return { ok: false, reason: BLANK_SELECTION };
  const range = snapToGraphemes(body, trimmed.start, trimmed.end);
  const tooLong = claimTooLong(body, range.start, range.end);
  if (tooLong) return { ok: false, reason: tooLong };
  return { ok: true, range };
}

/**
 * A target a client sent, placed and checked against the body, then put through the selection rules
 * (selectionRange). With a position, the quote and any prefix/suffix must be the text there and around it
 * (checkTarget); without one, the quote (narrowed by its prefix/suffix) must occur exactly once (findQuote).
 * Returns the target to store: always the canonical one (describeRange: CONTEXT_LENGTH of context, UTF-16
 * position), whatever context was sent, on the words the selection rules give (trimmed whitespace, whole
 * graphemes). Or why there is none, as a sentence for the reviewer or the script that sent it.
 */
export function targetToStore(body: string, sent: SentTarget): { ok: true; target: ClaimTarget } | { ok: false; reason: string } {
  let position = sent.position;
  if (position === null) {
    const found = findQuote(body, sent.quote);
    if (!found.ok) return found;
    position = { start: found.start, end: found.end };
  }
  const check = checkTarget(body, { quote: sent.quote, position });
  if (!check.ok) return check;
  const selected = selectionRange(body, position.start, position.end);
  if (!selected.ok) return selected;
  return { ok: true, target: describeRange(body, selected.range.start, selected.range.end) };
}
