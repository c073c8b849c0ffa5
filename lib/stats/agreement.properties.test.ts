import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cohensKappa } from "./cohens-kappa";
import { krippendorffAlpha, type AlphaMetric } from "./krippendorff-alpha";

const METRICS: AlphaMetric[] = ["nominal", "ordinal", "interval"];
const rating = fc.integer({ min: 1, max: 5 });
/** Units as double review produces them: one to four verdicts each, some unpairable. */
const units = fc.array(fc.array(rating, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 25 });

/**
 * Alpha straight from its definition, pair by pair, as an independent oracle for the
 * coincidence-matrix version (interval and nominal, whose distances need no marginals).
 */
function alphaByPairs(data: number[][], delta: (a: number, b: number) => number): number | null {
  const pairable = data.filter((u) => u.length >= 2);
  const values = pairable.flat();
  const n = values.length;
  let within = 0;
  for (const u of pairable) {
    for (let i = 0; i < u.length; i++) for (let j = 0; j < u.length; j++) if (i !== j) within += delta(u[i], u[j]) / (u.length - 1);
  }
  let across = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) across += delta(values[i], values[j]);
  if (across === 0) return null;
  return 1 - within / n / (across / (n * (n - 1)));
}

describe("agreement properties", () => {
  it("alpha is 1 when raters agree on every unit and at least two values occur", () => {
    const unanimous = fc
      .array(fc.tuple(rating, fc.integer({ min: 2, max: 4 })), { minLength: 2, maxLength: 20 })
      .map((units) => units.map(([value, raters]) => new Array<number>(raters).fill(value)))
      .filter((units) => new Set(units.flat()).size >= 2);
    fc.assert(
      fc.property(unanimous, fc.constantFrom(...METRICS), (data, metric) => {
        expect(krippendorffAlpha(data, metric).alpha).toBeCloseTo(1, 12);
      }),
    );
  });

  it("alpha agrees with the pair-by-pair definition", () => {
    fc.assert(
      fc.property(units, (data) => {
        const nominal = alphaByPairs(data, (a, b) => (a === b ? 0 : 1));
        const interval = alphaByPairs(data, (a, b) => (a - b) ** 2);
        const check = (actual: number | null, expected: number | null) => {
          if (expected === null) expect(actual).toBeNull();
          else expect(actual).toBeCloseTo(expected, 9);
        };
        check(krippendorffAlpha(data, "nominal").alpha, nominal);
        check(krippendorffAlpha(data, "interval").alpha, interval);
      }),
    );
  });

  it("ordinal alpha depends only on the order of values; interval alpha survives shifts and scaling", () => {
    fc.assert(
      fc.property(units, (data) => {
        const monotone = data.map((u) => u.map((v) => v ** 3 + 10));
        const affine = data.map((u) => u.map((v) => 2.5 * v - 7));
        const same = (a: number | null, b: number | null) => {
          if (b === null) expect(a).toBeNull();
          else expect(a).toBeCloseTo(b, 9);
        };
        same(krippendorffAlpha(monotone, "ordinal").alpha, krippendorffAlpha(data, "ordinal").alpha);
        same(krippendorffAlpha(affine, "interval").alpha, krippendorffAlpha(data, "interval").alpha);
      }),
    );
  });

  it("kappa does not depend on which rater is A, and never exceeds 1", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(rating, rating), { maxLength: 40 }), (pairs) => {
        const forward = cohensKappa(pairs);
        const swapped = cohensKappa(pairs.map(([a, b]): [number, number] => [b, a]));
        if (forward.kappa === null) {
          expect(swapped.kappa).toBeNull();
        } else {
          expect(swapped.kappa).toBeCloseTo(forward.kappa, 12);
          expect(forward.kappa).toBeLessThanOrEqual(1 + 1e-12);
        }
      }),
    );
  });
});
