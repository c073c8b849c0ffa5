// Calendar dates ("YYYY-MM-DD": a day, no time, no zone) against the clock. A due date is a day
// in the team's time zone, so "today" is asked of that zone, never of the server's.

/**
 * Today's date in `timeZone` (an IANA name such as "Europe/London") at `now`, as "YYYY-MM-DD".
 * An unknown zone name counts as UTC rather than failing a page.
 */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
  } catch {
    format = new Intl.DateTimeFormat("en-CA", { timeZone: "UTC", year: "numeric", month: "2-digit", day: "2-digit" });
  }
  const parts = Object.fromEntries(format.formatToParts(now).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** True when the day `due` ("YYYY-MM-DD") has ended in `timeZone`: it is before that zone's today. */
export function isOverdue(due: string, timeZone: string, now: Date = new Date()): boolean {
  return due < todayIn(timeZone, now);
}
