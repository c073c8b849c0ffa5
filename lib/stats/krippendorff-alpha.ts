/**
 * Krippendorff's alpha, following K. Krippendorff, "Computing Krippendorff's
 * Alpha-Reliability" (2011): any number of raters, any of them missing on any unit, through
 * the coincidence matrix. alpha = 1 − D_o / D_e, where D_o is the disagreement observed
 * within units and D_e the disagreement expected if the same values were paired at random.
 */

export type AlphaMetric = "nominal" | "ordinal" | "interval";

export type AlphaResult = {
  /**
   * null when alpha is undefined: no unit has two values, or every pairable value is the
   * same. Then D_e = 0 and alpha is 0/0: unanimity on a single value shows no variation
   * the raters could have disagreed about, so it is not evidence of reliability.
   */
  alpha: number | null;
  /** Pairable values (n..): values in units that have at least two. */
  n: number;
  /** Units with at least two values: the items behind the figure. */
  units: number;
};

/**
 * @param units per unit, the values given by the raters who rated it, in any order and
 *   count. Units with fewer than two values cannot be compared and are ignored.
 * @param metric the distance between values: "nominal" (equal or not), "ordinal" (ranks and how many values
 *   lie between them, Krippendorff 2011) or "interval" (squared difference).
 * @param counts how many units each of `units` stands for (whole numbers ≥ 0; 1 each when omitted): the result is
 *   the one for the list with every unit repeated that many times, computed without repeating it (a team's reviews
 *   come tallied per set of verdicts, lib/reports/desk-stats.ts).
 * @returns alpha (1 = perfect agreement, 0 = chance, below 0 = systematic disagreement; null when undefined,
 *   see AlphaResult), n pairable values and the number of units behind it.
 * @throws RangeError when a value in a pairable unit is not a finite number.
 */
export function krippendorffAlpha(units: readonly (readonly number[])[], metric: AlphaMetric, counts?: readonly number[]): AlphaResult {
  const pairableAt = units.flatMap((values, i) => (values.length >= 2 && (counts?.[i] ?? 1) !== 0 ? [i] : []));
  const pairable = pairableAt.map((i) => units[i]!);
  const times = pairableAt.map((i) => counts?.[i] ?? 1);
  for (const count of times)
    if (!Number.isInteger(count) || count < 0) throw new RangeError(`Krippendorff's alpha: ${count} is not a count.`);
  for (const values of pairable) {
    for (const value of values) if (!Number.isFinite(value)) throw new RangeError(`Krippendorff's alpha: ${value} is not a rating.`);
  }

  const categories = [...new Set(pairable.flat())].sort((a, b) => a - b);
  const index = new Map(categories.map((value, i) => [value, i]));
  const size = categories.length;

  // o[c][k]: every ordered pair of values from different raters in a unit, weighted
  // 1/(m_u − 1) so each unit contributes exactly its m_u values to the matrix.
  const coincidences = categories.map(() => new Array<number>(size).fill(0));
  pairable.forEach((values, u) => {
    const counts = new Array<number>(size).fill(0);
    for (const value of values) counts[index.get(value)!]++;
    const weight = times[u]! / (values.length - 1);
    for (let c = 0; c < size; c++) {
      if (counts[c] === 0) continue;
      for (let k = 0; k < size; k++) {
        const pairs = c === k ? counts[c] * (counts[c] - 1) : counts[c] * counts[k];
        coincidences[c][k] += pairs * weight;
      }
    }
  });

  // Marginals counted directly rather than summed from o, so they stay whole numbers.
  const marginals = new Array<number>(size).fill(0);
  pairable.forEach((values, u) => {
    for (const value of values) marginals[index.get(value)!] += times[u]!;
  });
  const n = pairable.reduce((sum, values, u) => sum + values.length * times[u]!, 0);
  const unitCount = times.reduce((sum, t) => sum + t, 0);
  if (size < 2) return { alpha: null, n, units: unitCount };

  const distance = distanceFor(metric, categories, marginals);
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < size; c++) {
    for (let k = 0; k < size; k++) {
      const d = distance(c, k);
      observed += coincidences[c][k] * d;
      expected += marginals[c] * marginals[k] * d;
    }
  }
  return { alpha: 1 - ((n - 1) * observed) / expected, n, units: unitCount };
}

/** δ²(c, k) between the categories at sorted positions c and k. */
function distanceFor(metric: AlphaMetric, categories: number[], marginals: number[]): (c: number, k: number) => number {
  switch (metric) {
    case "nominal":
      return (c, k) => (c === k ? 0 : 1);
    case "interval":
      return (c, k) => (categories[c] - categories[k]) ** 2;
    case "ordinal": {
      // Krippendorff's ordinal distance uses only the ranks and how many values sit between
      // them, not the numbers themselves: (Σ_{g=c..k} n_g − (n_c + n_k)/2)². Categories
      // nobody used have n_g = 0, so leaving them out of `categories` changes nothing.
      const cumulative = [0];
      for (const count of marginals) cumulative.push(cumulative[cumulative.length - 1] + count);
      return (c, k) => {
        const [low, high] = c <= k ? [c, k] : [k, c];
        const between = cumulative[high + 1] - cumulative[low];
        return (between - (marginals[low] + marginals[high]) / 2) ** 2;
      };
    }
  }
}
