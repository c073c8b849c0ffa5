import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { calendarDate, characterCount, firstCharacters, instant, readCalendarDate, text, ZId, ZTimeZone } from "@/lib/validation/fields";

const messageOf = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error?.issues[0]?.message;

describe("text fields", () => {
  const comment = text({ min: 1, max: 10, multiline: true });
  const title = text({ max: 10 });

  it("refuse NUL and lone surrogates, wherever they are, with a sentence", () => {
    for (const value of ["a\u0000b", "\u0000", "ok\u0000"])
      expect(messageOf(comment, value), JSON.stringify(value)).toMatch(/NUL character/);
    for (const value of ["x\ud800y", "\udc00", "a\ud83d"])
      expect(messageOf(comment, value), JSON.stringify(value)).toMatch(/broken character/);
    // A whole pair is one character, not a broken one.
    expect(comment.parse("ok 😀")).toBe("ok 😀");
  });

  it("normalise line ends: LF in multi-line fields, a space in one-line fields", () => {
    expect(comment.parse("a\r\nb\rc")).toBe("a\nb\nc");
    expect(title.parse("a\r\nb\nc")).toBe("a b c");
    expect(comment.parse("  padded \n")).toBe("padded");
  });

  it("count characters as code points: an emoji is one, e + combining accent two", () => {
    expect(characterCount("😀😀")).toBe(2);
    expect(characterCount("e\u0301")).toBe(2);
    expect(title.parse("😀".repeat(10))).toBe("😀".repeat(10));
    expect(messageOf(title, "😀".repeat(11))).toMatch(/under 10 characters/);
    expect(messageOf(comment, "   ")).toBe("This cannot be empty.");
  });

  it("keep verbatim fields exactly as sent (quotes that must match the article)", () => {
    const quote = text({ max: 10, verbatim: true });
    expect(quote.parse(" a\r\n")).toBe(" a\r\n");
    expect(messageOf(quote, " a\u0000")).toMatch(/NUL/);
  });

  it("never pass NUL or a lone surrogate, whatever the string (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), (value) => {
        const result = comment.safeParse(value);
        if (result.success) expect(/\u0000|[\uD800-\uDFFF]/u.test(result.data)).toBe(false);
      }),
      { seed: 14, numRuns: 2000 },
    );
  });

  it("cut by characters without leaving half an emoji", () => {
    expect(firstCharacters("ab😀cd", 3)).toBe("ab😀");
    expect(firstCharacters("short", 10)).toBe("short");
  });
});

describe("ids", () => {
  it("accept the tokens Factdesk gives out and refuse NUL, controls, spaces and the rest", () => {
    for (const id of ["cmx2qizph0003rj7d8iele9a8", "c1", "a-b_c"]) expect(ZId.parse(id)).toBe(id);
    for (const id of ["", "a\u0000b", "\u0000", "a b", "a%00", "é", "a\u0007", "x".repeat(65), "(", "a/b"]) {
      expect(ZId.safeParse(id).success, JSON.stringify(id)).toBe(false);
    }
  });
});

describe("calendar dates", () => {
  const date = calendarDate();

  it("are YYYY-MM-DD days that exist, between 1800 and 2200", () => {
    expect(date.parse("2026-12-10")).toBe("2026-12-10");
    expect(date.parse("2024-02-29")).toBe("2024-02-29");
    for (const value of [
      "+010000-01-01",
      "-000050-02-18",
      "10000-01-01",
      "2026-02-30",
      "2026-13-01",
      "1799-12-31",
      "2201-01-01",
      "2026-1-5",
      "tomorrow",
      "",
    ]) {
      expect(date.safeParse(value).success, value).toBe(false);
    }
    expect(messageOf(date, "+010000-01-01")).toMatch(/YYYY-MM-DD, between 1800 and 2200/);
  });

  it("read a date-time as the day written in it, never moved by its offset", () => {
    expect(date.parse("2026-12-10T18:00:00-08:00")).toBe("2026-12-10");
    expect(date.parse("2026-12-10T23:30:00Z")).toBe("2026-12-10");
    expect(date.parse("2026-12-10T00:30:00+14:00")).toBe("2026-12-10");
    expect(readCalendarDate("2026-12-10T25:00:00Z")).toBeNull();
    expect(readCalendarDate("2026-12-10Tnonsense")).toBeNull();
  });
});

describe("instants", () => {
  const moment = instant();

  it("are ISO 8601 date-times with an offset (or a date: its UTC midnight), between 1800 and 2200", () => {
    expect(moment.parse("2026-11-27T20:45:00Z").toISOString()).toBe("2026-11-27T20:45:00.000Z");
    expect(moment.parse("2026-11-27T20:45:00-08:00").toISOString()).toBe("2026-11-28T04:45:00.000Z");
    expect(moment.parse("2026-11-27").toISOString()).toBe("2026-11-27T00:00:00.000Z");
    expect(moment.parse(new Date("2000-01-01T00:00:00Z")).getUTCFullYear()).toBe(2000);
    for (const value of [
      "+010000-01-01T00:00:00Z",
      "-000001-01-01",
      "2026-11-27T20:45:00",
      "yesterday",
      "1799-01-01",
      new Date(Number.NaN),
      new Date("+010000-01-01T00:00:00Z"),
    ]) {
      expect(moment.safeParse(value).success, String(value)).toBe(false);
    }
  });
});

describe("time zones", () => {
  it("accept IANA names, in their canonical spelling, and refuse the rest", () => {
    expect(ZTimeZone.parse("Europe/London")).toBe("Europe/London");
    expect(ZTimeZone.parse("europe/london")).toBe("Europe/London");
    expect(ZTimeZone.parse("UTC")).toBe("UTC");
    for (const value of ["Mars/Olympus", "", "Europe/London\u0000", "x".repeat(65)])
      expect(ZTimeZone.safeParse(value).success, value).toBe(false);
  });
});
