import { describe, expect, it } from "vitest";
import { cohensKappa } from "./cohens-kappa";

/** Expands a contingency table into one [a, b] per item. */
function itemsFrom(table: { a: number; b: number; count: number }[]): [number, number][] {
  return table.flatMap(({ a, b, count }) => Array.from({ length: count }, (): [number, number] => [a, b]));
}

describe("cohensKappa", () => {
  it("matches Wikipedia's worked example: 50 items, 20 both yes, 15 both no, 5 and 10 split → κ = 0.4", () => {
    const YES = 1;
    const NO = 0;
    const pairs = itemsFrom([
      { a: YES, b: YES, count: 20 },
      { a: YES, b: NO, count: 5 },
      { a: NO, b: YES, count: 10 },
      { a: NO, b: NO, count: 15 },
    ]);
    const result = cohensKappa(pairs, [YES, NO]);
    expect(result.n).toBe(50);
    expect(result.observed).toBeCloseTo(0.7, 12);
    expect(result.expected).toBeCloseTo(0.5, 12); // 0.5·0.6 + 0.5·0.4
    expect(result.kappa).toBeCloseTo(0.4, 12);
  });

  it("matches a hand-computed 3×3 table", () => {
    // Rows rater A, columns rater B; n = 100, diagonal 25 + 20 + 20 = 65 → p_o = 0.65.
    // Marginals A (40, 30, 30), B (35, 35, 30): p_e = (1400 + 1050 + 900) / 10000 = 0.335.
    // κ = (0.65 − 0.335) / 0.665 = 9/19 ≈ 0.4737.
    const pairs = itemsFrom([
      { a: 1, b: 1, count: 25 },
      { a: 1, b: 2, count: 10 },
      { a: 1, b: 3, count: 5 },
      { a: 2, b: 1, count: 5 },
      { a: 2, b: 2, count: 20 },
      { a: 2, b: 3, count: 5 },
      { a: 3, b: 1, count: 5 },
      { a: 3, b: 2, count: 5 },
      { a: 3, b: 3, count: 20 },
    ]);
    const result = cohensKappa(pairs);
    expect(result.n).toBe(100);
    expect(result.observed).toBeCloseTo(0.65, 12);
    expect(result.expected).toBeCloseTo(0.335, 12);
    expect(result.kappa).toBeCloseTo(9 / 19, 12);
  });

  it("is 1 for perfect agreement over more than one category", () => {
    expect(
      cohensKappa([
        [1, 1],
        [2, 2],
        [5, 5],
        [5, 5],
      ]).kappa,
    ).toBe(1);
  });

  it("is negative when raters disagree more than chance would", () => {
    expect(
      cohensKappa([
        [1, 2],
        [2, 1],
      ]).kappa,
    ).toBe(-1);
  });

  it("is null with no items, and says so with n = 0", () => {
    expect(cohensKappa([])).toEqual({ kappa: null, observed: 0, expected: 0, n: 0 });
  });

  it("is null when both raters always give the same single value (expected agreement = 1)", () => {
    expect(
      cohensKappa([
        [3, 3],
        [3, 3],
        [3, 3],
      ]),
    ).toEqual({ kappa: null, observed: 1, expected: 1, n: 3 });
  });

  it("is 0, not null, when one rater is constant but the other is not", () => {
    // p_e = p_o = 0.5: no better than chance, which is defined.
    expect(
      cohensKappa([
        [3, 3],
        [3, 4],
      ]).kappa,
    ).toBe(0);
  });

  it("ignores categories nobody used, and rejects values outside the categories", () => {
    const pairs: [number, number][] = [
      [1, 1],
      [2, 1],
      [2, 2],
    ];
    expect(cohensKappa(pairs, [0, 1, 2, 3, 4, 5]).kappa).toBe(cohensKappa(pairs).kappa);
    expect(() => cohensKappa([[1, 6]], [1, 2, 3, 4, 5])).toThrow(RangeError);
    expect(() => cohensKappa([[1, Number.NaN]])).toThrow(RangeError);
  });
});
