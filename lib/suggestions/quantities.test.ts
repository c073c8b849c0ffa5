import { describe, expect, it } from "vitest";
import { findQuantities, parseNumber } from "./quantities";

const found = (text: string) => findQuantities(text).map((q) => [text.slice(q.start, q.end), q.kind, q.value]);

describe("parseNumber", () => {
  it.each([
    ["2,291", 2291],
    ["58.4", 58.4],
    ["twelve", 12],
    ["twenty-one", 21],
    ["three hundred", 300],
  ])("%s → %d", (raw, value) => expect(parseNumber(raw)).toBe(value));

  it("rejects what is not a number", () => expect(parseNumber("several")).toBeUndefined());
});

describe("findQuantities", () => {
  it("finds each kind once, most specific first", () => {
    expect(found("Rents rose 11.4% to £1,340, a rise of 3 percentage points; a third of 960 beds; twice as many.")).toEqual([
      ["11.4%", "percent", 11.4],
      ["£1,340", "money", 1340],
      ["3 percentage points", "percentage-points", 3],
      ["a third", "fraction", 1 / 3],
      ["960", "count", 960],
      ["twice", "multiple", 2],
    ]);
  });

  it("ignores years, ages, routes, times, ordinals and hyphenated ranges", () => {
    expect(found("In 2019 Aisha Khan, 17, took the 42 bus at 3pm on the 2nd, aged 16- to 18-year-olds.")).toEqual([]);
  });

  it("ignores 'one' used as a pronoun", () => {
    expect(found("It is a costly one, and the one politicians keep quoting.")).toEqual([]);
  });
});
