import { describe, expect, it } from "vitest";
import { krippendorffAlpha } from "./krippendorff-alpha";

const _ = null;

/** Reliability data as printed: one row per observer, one column per unit, null = missing. */
function unitsFromRows(rows: (number | null)[][]): number[][] {
  return rows[0].map((_, unit) => rows.map((row) => row[unit]).filter((value): value is number => value !== null));
}

describe("krippendorffAlpha on Krippendorff (2011), 'Computing Krippendorff's Alpha-Reliability'", () => {
  // Section C: four observers, twelve units, values 1–5, missing data. Unit 12 has a single
  // value and is not pairable, leaving n.. = 40 pairable values in 11 units.
  const reliabilityData = unitsFromRows([
    /* A */ [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
    /* B */ [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
    /* C */ [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
    /* D */ [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
  ]);

  it("counts 40 pairable values in 11 units", () => {
    expect(krippendorffAlpha(reliabilityData, "nominal")).toMatchObject({ n: 40, units: 11 });
  });

  it.each([
    ["nominal", 0.743],
    ["ordinal", 0.815],
    ["interval", 0.849],
  ] as const)("gives the published %s alpha ≈ %s", (metric, published) => {
    const { alpha } = krippendorffAlpha(reliabilityData, metric);
    expect(alpha).not.toBeNull();
    expect(Number(alpha!.toFixed(3))).toBe(published);
  });

  it("gives the published alpha ≈ 0.095 for section A's binary data (2 observers, 10 units)", () => {
    // By hand: n0 = 14, n1 = 6, o01 = 4 → α = 1 − 19·4 / (14·6) = 8/84.
    const binary = unitsFromRows([
      [0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
      [1, 1, 1, 0, 0, 1, 0, 0, 0, 0],
    ]);
    expect(krippendorffAlpha(binary, "nominal").alpha).toBeCloseTo(8 / 84, 12);
  });
});

describe("krippendorffAlpha edge cases", () => {
  it("is 1 when every unit is unanimous and the values vary across units", () => {
    for (const metric of ["nominal", "ordinal", "interval"] as const) {
      expect(
        krippendorffAlpha(
          [
            [1, 1],
            [5, 5, 5],
            [3, 3],
          ],
          metric,
        ).alpha,
      ).toBe(1);
    }
  });

  it("is null when every pairable value is the same: no variation to be reliable about", () => {
    expect(
      krippendorffAlpha(
        [
          [4, 4],
          [4, 4, 4],
        ],
        "ordinal",
      ),
    ).toEqual({ alpha: null, n: 5, units: 2 });
  });

  it("is null with nothing pairable, ignoring units with fewer than two values", () => {
    expect(krippendorffAlpha([], "nominal")).toEqual({ alpha: null, n: 0, units: 0 });
    expect(krippendorffAlpha([[1], [], [5]], "interval")).toEqual({ alpha: null, n: 0, units: 0 });
    expect(krippendorffAlpha([[1, 2], [5]], "interval")).toEqual(krippendorffAlpha([[1, 2]], "interval"));
  });

  it("measures ordinal distance by the values between two ranks, not by their numbers", () => {
    // Same ranks and counts, different numbers: ordinal alpha must not change, interval does.
    const units = [
      [1, 2],
      [2, 2],
      [3, 3],
      [1, 1],
    ];
    const stretched = units.map((values) => values.map((v) => (v === 3 ? 100 : v)));
    expect(krippendorffAlpha(stretched, "ordinal").alpha).toBeCloseTo(krippendorffAlpha(units, "ordinal").alpha!, 12);
    expect(krippendorffAlpha(stretched, "interval").alpha).not.toBeCloseTo(krippendorffAlpha(units, "interval").alpha!, 3);
  });

  it("rejects values that are not numbers", () => {
    expect(() => krippendorffAlpha([[1, Number.NaN]], "nominal")).toThrow(RangeError);
  });
});
