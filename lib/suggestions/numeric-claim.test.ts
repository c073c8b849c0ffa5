import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyze } from "./nlp";
import { extractNumericClaim, extractNumericClaims } from "./numeric-claim";

describe("extractNumericClaim", () => {
  it("structures the sample article's defence-spending figure", () => {
    expect(extractNumericClaim("The UK currently spends around 2.3 per cent of gross national product on defence.")).toMatchObject({
      value: 2.3,
      unit: "percent",
      shareOf: "gross national product",
      subject: "defence spending",
      place: "UK",
      period: "current",
      approximate: true,
    });
  });

  it.each([
    ["Germany spends 2.1% of GDP on defence.", "gross domestic product"],
    ["a plan to increase defence spending to a 2.5 per cent share of the economy", "gross domestic product"],
    ["Debt is 98 per cent of gross domestic product.", "gross domestic product"],
    ["Aid is 0.5 per cent of GNI.", "gross national income"],
    ["Spending fell to 1.9 per cent of GNP.", "gross national product"],
  ])("normalises the economy in %j", (text, shareOf) => {
    expect(extractNumericClaim(text)?.shareOf).toBe(shareOf);
  });

  it("keeps another base as written", () => {
    expect(extractNumericClaim("Nationally, 73 per cent of A&E patients were seen within four hours in January")).toMatchObject({
      value: 73,
      unit: "percent",
      shareOf: "A&E patients",
      period: "January",
      approximate: false,
    });
  });

  it("reads money with symbols and magnitudes", () => {
    expect(extractNumericClaim("The cap cost the council £9.6m in its first year.")).toMatchObject({ value: 9_600_000, unit: "GBP" });
    expect(extractNumericClaim("The government gave the NHS an extra £1.8bn this winter.")).toMatchObject({
      value: 1_800_000_000,
      unit: "GBP",
      period: "this winter",
    });
    expect(extractNumericClaim("The United States pledged $3 billion.")).toMatchObject({ value: 3_000_000_000, unit: "USD", place: "US" });
    expect(extractNumericClaim("Brussels will lend €750bn.")).toMatchObject({ value: 750_000_000_000, unit: "EUR" });
    expect(extractNumericClaim("Band D council tax is £2,291 this year")).toMatchObject({ value: 2291, unit: "GBP", period: "this year" });
  });

  it("reads counts with the thing counted and the baseline", () => {
    expect(
      extractNumericClaim(
        "Passengers made 58.4 million trips on the region’s buses in the twelve months to March, up from 48.3 million a year earlier.",
      ),
    ).toMatchObject({ value: 58_400_000, unit: "trips", from: 48_300_000, change: "increase", period: "twelve months to March" });
    expect(extractNumericClaim("Figures show that 2,914 people waited more than 12 hours")).toMatchObject({ value: 2914, unit: "people" });
  });

  it("reads a target after 'to' and a date after 'by'", () => {
    const claims = extractNumericClaims(
      "Defence spending has to rise, 2.5 per cent allows Britain to wash its face, but realistically it needs to go up to at least 3.5 per cent by the 2030s.",
    );
    expect(claims.map((c) => c.value)).toEqual([2.5, 3.5]);
    expect(claims[1]).toMatchObject({ value: 3.5, unit: "percent", bound: "at least", period: "by the 2030s", change: "increase" });
    // "by the 2030s" belongs to the 3.5, not to the 2.5 a clause earlier.
    expect(claims[0]!.period).toBeUndefined();
    expect(extractNumericClaims("calls from Mr Trump to hike spending to 5 per cent")[0]).toMatchObject({
      value: 5,
      unit: "percent",
      change: "increase",
    });
  });

  it("pairs 'from … to …' into one claim", () => {
    expect(
      extractNumericClaim("the share of 16- to 18-year-olds travelling to college by bus rose from 38 per cent to 52 per cent"),
    ).toMatchObject({
      value: 52,
      from: 38,
      change: "increase",
      unit: "percent",
    });
    expect(
      extractNumericClaim("The number of bus miles run in the region fell from 41 million in 2019 to 33 million last year"),
    ).toMatchObject({
      value: 33_000_000,
      from: 41_000_000,
      change: "decrease",
      subject: "bus miles",
      period: "last year",
    });
  });

  it("reads proportions and multiples written in words", () => {
    expect(extractNumericClaim("only about a third of the extra journeys were made by drivers")).toMatchObject({
      value: 1 / 3,
      unit: "fraction",
      approximate: true,
    });
    expect(extractNumericClaim("That is roughly one in eight of the trust’s beds")).toMatchObject({
      value: 0.125,
      unit: "fraction",
      approximate: true,
    });
    expect(extractNumericClaim("more than double the number in January last year")).toMatchObject({
      value: 2,
      unit: "times",
      bound: "more than",
    });
  });

  it("marks bounds and approximations", () => {
    expect(extractNumericClaim("allies should spend more than 3 per cent")).toMatchObject({
      value: 3,
      bound: "more than",
      approximate: false,
    });
    expect(extractNumericClaim("a drop of nearly a fifth")).toMatchObject({ value: 0.2, approximate: true });
  });

  it("returns null when nothing is counted", () => {
    expect(extractNumericClaim("They deserve all the support that we can give them.")).toBeNull();
    expect(extractNumericClaim("Aisha Khan, 17, takes the 42 bus every morning in 2024.")).toBeNull();
  });
});

describe("reading numbers never fails a claim", () => {
  it("reads a quote with whitespace around it (wink drops trailing whitespace)", () => {
    for (const quote of ["5 percent ", " 5 percent", "5 ", "5 percent\n\n", "\ufeff5 percent", "5\u2028percent"]) {
      expect(() => extractNumericClaim(quote), JSON.stringify(quote)).not.toThrow();
    }
    expect(extractNumericClaim("5 percent ")).toMatchObject({ value: 5, unit: "percent", quantity: "5 percent" });
  });

  it("never throws, whatever the text (property)", () => {
    const pieces = fc.constantFrom(
      "5",
      "2.3",
      " ",
      "\n",
      "\u00a0",
      "\u2028",
      "\ufeff",
      "\u200b",
      "per cent",
      "%",
      "£9.6m",
      "one in eight",
      "e\u0301",
      "👩‍👩‍👧",
      "\ud83d",
      "\u0000",
      "Wages",
      "grew",
      ".",
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(pieces, { maxLength: 30 }).map((p) => p.join("")),
          fc.string({ unit: "binary", maxLength: 60 }),
        ),
        (text) => {
          // extractNumericClaims is not guarded: this is the real check that nothing throws.
          extractNumericClaims(text);
          for (const token of analyze(text).tokens) expect(text.slice(token.start, token.end)).toBe(token.text);
        },
      ),
      { seed: 5, numRuns: 1500 },
    );
  });
});
