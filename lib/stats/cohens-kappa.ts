/**
 * Unweighted Cohen's kappa for one pair of raters: how much more often they agree than two
 * raters who kept their own habits (marginal frequencies) but chose independently would.
 * Unweighted means every disagreement counts the same, so it treats the verdict scale as
 * nominal; use Krippendorff's ordinal alpha when "Mostly true" vs "True" should count as a
 * smaller disagreement than "False" vs "True".
 */

export type KappaResult = {
  /**
   * null when kappa is undefined: no items (n = 0), or expected agreement = 1, which happens
   * only when both raters gave one and the same category to every item. Then observed
   * agreement is also 1 and kappa is 0/0: the data cannot tell skill from a fixed habit, so
   * we report "undefined" rather than guess 1 (perfect) or 0 (chance). Show `observed`.
   */
  kappa: number | null;
  /** Share of items on which the two raters agree; 0 when n = 0 (check n first). */
  observed: number;
  /** Agreement expected by chance from each rater's own marginals; 0 when n = 0. */
  expected: number;
  /** Items both raters rated: the number behind the figure. */
  n: number;
};

/**
 * @param pairs one [rater A's value, rater B's value] per item both rated; items only one
 *   of them rated must be left out by the caller, as kappa has no notion of missing data.
 * @param categories the values allowed. Empty categories do not change kappa, so this is
 *   only a guard: a value outside it means the data and the scale disagree, and we throw
 *   rather than compute a figure on the wrong scale.
 * @returns kappa (−1..1, or null when undefined, see KappaResult), observed and chance agreement as shares
 *   0..1, and n, the number of items.
 * @throws RangeError when a value is not a finite number or not one of `categories`.
 */
export function cohensKappa(pairs: readonly (readonly [a: number, b: number])[], categories?: readonly number[]): KappaResult {
  const allowed = categories ? new Set(categories) : null;
  const countsA = new Map<number, number>();
  const countsB = new Map<number, number>();
  let agreements = 0;
  for (const [a, b] of pairs) {
    for (const value of [a, b]) {
      if (!Number.isFinite(value)) throw new RangeError(`Cohen's kappa: ${value} is not a rating.`);
      if (allowed && !allowed.has(value)) throw new RangeError(`Cohen's kappa: ${value} is not one of the categories.`);
    }
    if (a === b) agreements++;
    countsA.set(a, (countsA.get(a) ?? 0) + 1);
    countsB.set(b, (countsB.get(b) ?? 0) + 1);
  }

  const n = pairs.length;
  if (n === 0) return { kappa: null, observed: 0, expected: 0, n };

  // Kept in whole numbers (Σ a_k·b_k against n²) so "expected = 1" is an exact test,
  // not a floating-point comparison.
  let chanceProducts = 0;
  for (const [category, countA] of countsA) chanceProducts += countA * (countsB.get(category) ?? 0);
  const observed = agreements / n;
  const expected = chanceProducts / (n * n);
  if (chanceProducts === n * n) return { kappa: null, observed, expected, n };
  return { kappa: (observed - expected) / (1 - expected), observed, expected, n };
}
