// Claims point into an article body with a W3C Web Annotation target: a TextPositionSelector
// (fast, exact offsets) plus a TextQuoteSelector (the text itself and its surroundings), so a
// claim can be checked — and later re-anchored — if the body ever changes.
// Offsets are UTF-16 code units, end exclusive, exactly like JavaScript string indices, so the
// browser, the server and the database all agree without conversion.

import { isBlank, isWhitespaceChar } from "./whitespace";

/** Longest claim allowed, in UTF-16 code units (what `end - start` measures). */
export const MAX_CLAIM_LENGTH = 2000;
/** Context kept on each side of a quote; the W3C spec leaves the length to us. */
export const CONTEXT_LENGTH = 32;

export type TextQuoteSelector = { exact: string; prefix: string; suffix: string };
export type TextPositionSelector = { start: number; end: number };
export type ClaimTarget = { quote: TextQuoteSelector; position: TextPositionSelector };
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
  return (
    offset > 0 &&
    offset < text.length &&
    isHighSurrogate(text.charCodeAt(offset - 1)) &&
    isLowSurrogate(text.charCodeAt(offset))
  );
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

function fail(reason: string): TargetCheck {
  return { ok: false, reason };
}

/**
 * Checks that a target submitted by a client really describes the body as it is now. The
 * client computes targets itself, so the server must not trust them: every field is compared
 * with what describeRange would produce. Reasons are sentences fit to show the reviewer.
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
  if (end - start > MAX_CLAIM_LENGTH) {
    return fail(
      `A claim can be at most ${numberFormat.format(MAX_CLAIM_LENGTH)} characters long; ` +
        `this selection is ${numberFormat.format(end - start)}.`,
    );
  }
  if (splitsSurrogatePair(body, start) || splitsSurrogatePair(body, end)) {
    return fail("The selection starts or ends in the middle of a character.");
  }
  const expected = describeRange(body, start, end).quote;
  if (exact !== expected.exact) return fail("The selected text does not match the article at that position.");
  if (isBlank(exact)) return fail("The selection contains only spaces or line breaks.");
  if (prefix !== expected.prefix) return fail("The text just before the selection does not match the article.");
  if (suffix !== expected.suffix) return fail("The text just after the selection does not match the article.");
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
