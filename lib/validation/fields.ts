// The field rules every schema is built from, so text, ids, dates and instants are checked the
// same way at every door (API routes, server actions, forms, the W3C import):
//
// - text: never NUL (PostgreSQL text cannot hold U+0000) and never half of a surrogate pair
//   (not a character; UTF-8 cannot encode it). Line ends are normalised: CRLF and CR become LF
//   in multi-line fields; in one-line fields every line break becomes a space. Leading and
//   trailing whitespace is trimmed unless the field is `verbatim`. Lengths count characters
//   as Unicode code points (what PostgreSQL's char_length and JSON Schema's maxLength count):
//   an emoji is one character, "é" written as e + combining accent is two.
// - ids: the tokens Factdesk gives out (cuids), never anything with NUL, spaces or controls.
// - calendar dates: a day, "YYYY-MM-DD", with no time and no time zone.
// - instants: a moment, an ISO 8601 date-time with an offset (or a date, meaning its UTC midnight).
// Dates and instants lie between the years MIN_YEAR and MAX_YEAR: wide enough for any article
// or deadline, narrow enough that a typo ("20266") or a hostile "+010000-01-01" is refused here
// instead of failing later when the database or a date formatter meets it.
import "@/lib/validation/zod-config";
import { z } from "zod";

/** First year a calendar date or an instant may fall in. */
export const MIN_YEAR = 1800;
/** Last year a calendar date or an instant may fall in. */
export const MAX_YEAR = 2200;

const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
export const NUL_MESSAGE = "Contains a NUL character (U+0000), which cannot be stored. Remove it and try again.";
export const SURROGATE_MESSAGE =
  "Contains a broken character (half of an emoji or other symbol, often from text cut in the middle). Remove it or paste the text again.";

/** Number of characters (Unicode code points) in `text`. */
export function characterCount(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // A high surrogate followed by a low one is one character.
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i += 1;
    }
    count += 1;
  }
  return count;
}

/** The first `max` characters (code points) of `text`: a cut that never leaves half an emoji. */
export function firstCharacters(text: string, max: number): string {
  if (text.length <= max) return text;
  return Array.from(text).slice(0, max).join("");
}

/** Why `text` can never be stored as text (NUL, lone surrogate), or null when it can. */
export function unstorableText(text: string): string | null {
  if (text.includes("\u0000")) return NUL_MESSAGE;
  if (LONE_SURROGATE.test(text)) return SURROGATE_MESSAGE;
  return null;
}

const formatCount = (n: number) => n.toLocaleString("en-US");

export type TextRule = {
  /** Most characters allowed (after normalising and trimming). */
  max: number;
  /** Fewest characters required (after trimming); 0 by default. */
  min?: number;
  /** Line breaks are kept (as LF); otherwise each becomes a space. */
  multiline?: boolean;
  /** Keep the text exactly as sent (no trimming, no line-end changes): quotes that must match the article. */
  verbatim?: boolean;
  /** Message when the value is missing or not a string. */
  required?: string;
  /** Message when shorter than `min`. */
  tooShort?: string;
  /** Message when longer than `max`. */
  tooLong?: string;
};

/**
 * A text field: input a string, output the normalised string (see the top of this file).
 * Refuses (422 through parseInput) NUL, lone surrogates, and lengths outside [min, max]
 * characters, each with a sentence a form can show.
 */
export function text(rule: TextRule) {
  const { max, min = 0, multiline = false, verbatim = false } = rule;
  return z
    .string(rule.required ? { message: rule.required } : undefined)
    .transform((raw, ctx) => {
      const problem = unstorableText(raw);
      if (problem) {
        ctx.addIssue({ code: "custom", message: problem });
        return z.NEVER;
      }
      const value = verbatim ? raw : (multiline ? raw.replace(/\r\n?/g, "\n") : raw.replace(/\r\n|[\r\n]/g, " ")).trim();
      const count = characterCount(value);
      if (count < min) {
        ctx.addIssue({
          code: "custom",
          message: rule.tooShort ?? (min === 1 ? "This cannot be empty." : `Write at least ${formatCount(min)} characters.`),
        });
        return z.NEVER;
      }
      if (count > max) {
        ctx.addIssue({
          code: "custom",
          message: rule.tooLong ?? `Keep it under ${formatCount(max)} characters (this is ${formatCount(count)}).`,
        });
        return z.NEVER;
      }
      return value;
    })
    .meta({ maxLength: max, ...(min > 0 ? { minLength: min } : {}) });
}

/**
 * A whole document (an article to import, a version's Markdown): a string of at most
 * `maxChars` UTF-16 code units, not refused for what is in it, because the importer cleans it
 * (drops control characters including NUL, replaces broken characters) and says what it refuses.
 */
export function documentText(maxChars: number, messages: { required: string; tooLong: string }) {
  return z.string({ message: messages.required }).max(maxChars, messages.tooLong);
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;
export const ID_MESSAGE = "That is not an id Factdesk gave out (letters, digits, - and _ only, at most 64).";

/** A row id (a cuid) as it arrives in a URL or a body: letters, digits, "-" and "_", 1 to 64 of them. */
export const ZId = z.string({ message: ID_MESSAGE }).trim().regex(ID, ID_MESSAGE);

const DATE_PREFIX = /^(\d{4})-(\d{2})-(\d{2})(?=$|T)/;
const TIME_SUFFIX = /^T([01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)?$/;

/** Parts of a valid date within the year range, or null. */
function dateParts(year: number, month: number, day: number): { year: number; month: number; day: number } | null {
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth ? { year, month, day } : null;
}

/**
 * The calendar date written at the start of `value` ("2026-12-10", or the date part of
 * "2026-12-10T18:00:00-08:00"), as "YYYY-MM-DD", or null when there is none, the date does not
 * exist, or it lies outside MIN_YEAR…MAX_YEAR. The time and offset, when present, must be
 * well-formed but are not applied: a day someone wrote stays that day.
 */
export function readCalendarDate(value: string): string | null {
  const m = DATE_PREFIX.exec(value);
  if (!m) return null;
  const rest = value.slice(10);
  if (rest !== "" && !TIME_SUFFIX.test(rest)) return null;
  return dateParts(Number(m[1]), Number(m[2]), Number(m[3])) ? value.slice(0, 10) : null;
}

const dateMessage = `Enter a date as YYYY-MM-DD, between ${MIN_YEAR} and ${MAX_YEAR}.`;

/**
 * A calendar date: input "YYYY-MM-DD" (an ISO date-time is accepted and read as the date
 * written in it, see readCalendarDate), output "YYYY-MM-DD". Years MIN_YEAR…MAX_YEAR.
 */
export function calendarDate(message = dateMessage) {
  return z
    .string({ message })
    .trim()
    .transform((value, ctx) => {
      const day = readCalendarDate(value);
      if (day === null) {
        ctx.addIssue({ code: "custom", message });
        return z.NEVER;
      }
      return day;
    })
    .meta({ format: "date" });
}

/** A calendar date "YYYY-MM-DD" as the Date PostgreSQL's `date` columns take (its UTC midnight). */
export function calendarDateToDate(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

/** The "YYYY-MM-DD" a `date` column's value stands for (Prisma reads it as UTC midnight). */
export function dateToCalendarDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

const instantMessage = `Enter a date and time as ISO 8601 (e.g. 2026-11-27T20:45:00Z), between ${MIN_YEAR} and ${MAX_YEAR}.`;

/** The instant `value` names (ISO 8601 date-time, or a date meaning its UTC midnight), or null. */
export function readInstant(value: string | Date): Date | null {
  if (value instanceof Date) {
    const year = value.getUTCFullYear();
    return Number.isNaN(value.getTime()) || year < MIN_YEAR || year > MAX_YEAR ? null : value;
  }
  if (readCalendarDate(value) === null) return null;
  const rest = value.slice(10);
  // A time without an offset would be read in the server's own zone: say which zone instead.
  if (rest !== "" && !/(?:Z|[+-]\d{2}:?\d{2})$/.test(rest)) return null;
  const date = new Date(rest === "" ? `${value}T00:00:00Z` : value);
  return Number.isNaN(date.getTime()) ? null : readInstant(date);
}

/**
 * An instant: input an ISO 8601 date-time with an offset ("2026-11-27T20:45:00Z") or a date
 * (its UTC midnight), or a Date from server code; output a Date within MIN_YEAR…MAX_YEAR.
 */
export function instant(message = instantMessage) {
  return z.union([z.string({ message }), z.date({ message })], { message }).transform((value, ctx) => {
    const date = readInstant(typeof value === "string" ? value.trim() : value);
    if (date === null) {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    }
    return date;
  });
}

/** The canonical IANA name of a time zone this runtime knows ("europe/london" → "Europe/London"), or null. */
export function canonicalTimeZone(name: string): string | null {
  if (name === "" || name.length > 64) return null;
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

const TIME_ZONE_MESSAGE = "That is not a time zone name Factdesk knows, e.g. Europe/London or America/New_York.";

/** An IANA time zone name, e.g. "Europe/London" or "UTC" (checked with Intl); output in its canonical spelling. */
export const ZTimeZone = z
  .string({ message: TIME_ZONE_MESSAGE })
  .trim()
  .transform((name, ctx) => {
    const canonical = canonicalTimeZone(name);
    if (canonical === null) {
      ctx.addIssue({ code: "custom", message: TIME_ZONE_MESSAGE });
      return z.NEVER;
    }
    return canonical;
  });
