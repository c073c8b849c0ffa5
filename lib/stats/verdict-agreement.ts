import { cohensKappa, type KappaResult } from "./cohens-kappa";
import { krippendorffAlpha, type AlphaResult } from "./krippendorff-alpha";

/**
 * One reviewer's verdict: its ordinal (0 … 5); `noRating` when the team's scale marks its rating "no rating"
 * (lib/teams/rating-scale.ts isNoRating; ordinal 0 always is); `category`, the rating it names (its label), so two
 * ratings that share an ordinal ("Misleading", "Half true") are different categories for nominal alpha and kappa
 * (default: the ordinal).
 */
export type ReviewerVerdict = { reviewerId: string; ordinal: number; noRating?: boolean; category?: string };
/** One claim's verdicts; `count`: how many claims had exactly these verdicts (1 when omitted), so tallied reviews need not be repeated. */
export type ClaimVerdicts = { claimId: string; verdicts: readonly ReviewerVerdict[]; count?: number };

export type ReviewerPairKappa = KappaResult & { reviewerA: string; reviewerB: string };

export type VerdictAgreement = {
  /**
   * Alpha with the ordinal metric over the scale False (1) … True (5), Unverifiable left
   * out. Giving 0 a place below False would count True vs Unverifiable as a worse
   * disagreement than True vs False, which means nothing. So an Unverifiable verdict is
   * treated as no position on the scale: a claim with one Unverifiable and one True
   * verdict has a single scale value and drops out of this figure (see `units`).
   */
  ordinal: AlphaResult & { unverifiableExcluded: number };
  /**
   * Alpha with the nominal metric, Unverifiable a category like any other, so
   * disagreement about whether a claim can be checked at all is still measured here.
   */
  nominal: AlphaResult;
  /**
   * Cohen's kappa (unweighted, Unverifiable included as a category) for every pair of
   * reviewers who both judged at least one claim; reviewerA < reviewerB, sorted by
   * (reviewerA, reviewerB). Each carries n, the claims both judged.
   */
  pairs: ReviewerPairKappa[];
  /** Claims with at least two verdicts, i.e. where any agreement could be observed. */
  items: number;
};

/**
 * Agreement among independent reviewers over a set of claims (a team's or an article's), from the verdicts of each
 * claim's reviewers (ReviewerVerdict): ordinal alpha over the ordinals 1 … 5 without the "no rating" verdicts
 * (ordinal 0 and every rating the team marks so; counted in `unverifiableExcluded`), nominal alpha and Cohen's
 * kappa per pair of reviewers over the ratings named (all of them), and how many claims had two verdicts or more
 * (see VerdictAgreement). An item with `count` n stands for n claims with those verdicts (whole number ≥ 0): the
 * result equals that of the list with the item repeated n times. Pure.
 * @throws RangeError when one reviewer appears twice on a claim: the schema allows one verdict per
 * reviewer per claim, and counting a reviewer against themself would inflate agreement.
 */
export function verdictAgreement(items: readonly ClaimVerdicts[]): VerdictAgreement {
  for (const { claimId, verdicts } of items) {
    const reviewers = new Set(verdicts.map((v) => v.reviewerId));
    if (reviewers.size !== verdicts.length) throw new RangeError(`Claim ${claimId} has two verdicts from the same reviewer.`);
  }

  const categories = new Map<string, number>();
  const categoryOf = (v: ReviewerVerdict) => {
    const name = v.category ?? `#${v.ordinal}`;
    if (!categories.has(name)) categories.set(name, categories.size);
    return categories.get(name)!;
  };
  const counts = items.map((item) => item.count ?? 1);
  const allValues = items.map(({ verdicts }) => verdicts.map(categoryOf));
  const onScale = items.map(({ verdicts }) => verdicts.filter((v) => v.ordinal !== 0 && !v.noRating).map((v) => v.ordinal));
  const unverifiableExcluded = allValues.reduce((sum, values, i) => sum + (values.length - onScale[i]!.length) * counts[i]!, 0);

  return {
    ordinal: { ...krippendorffAlpha(onScale, "ordinal", counts), unverifiableExcluded },
    nominal: krippendorffAlpha(allValues, "nominal", counts),
    pairs: reviewerPairKappas(items, categoryOf),
    items: allValues.reduce((sum, values, i) => sum + (values.length >= 2 ? counts[i]! : 0), 0),
  };
}

function reviewerPairKappas(items: readonly ClaimVerdicts[], categoryOf: (v: ReviewerVerdict) => number): ReviewerPairKappa[] {
  const byPair = new Map<string, { reviewerA: string; reviewerB: string; pairs: [number, number][] }>();
  for (const { verdicts, count = 1 } of items) {
    if (count === 0) continue;
    const sorted = [...verdicts].sort((x, y) => compareIds(x.reviewerId, y.reviewerId));
    for (let i = 0; i < sorted.length; i++) {
      for (let j = i + 1; j < sorted.length; j++) {
        const [a, b] = [sorted[i], sorted[j]];
        // JSON keeps the key unambiguous whatever characters the ids contain.
        const key = JSON.stringify([a.reviewerId, b.reviewerId]);
        let entry = byPair.get(key);
        if (!entry) byPair.set(key, (entry = { reviewerA: a.reviewerId, reviewerB: b.reviewerId, pairs: [] }));
        const pair: [number, number] = [categoryOf(a), categoryOf(b)];
        for (let times = 0; times < count; times++) entry.pairs.push(pair);
      }
    }
  }
  return [...byPair.values()]
    .sort((x, y) => compareIds(x.reviewerA, y.reviewerA) || compareIds(x.reviewerB, y.reviewerB))
    .map(({ reviewerA, reviewerB, pairs }) => ({ reviewerA, reviewerB, ...cohensKappa(pairs) }));
}

/** Code-unit order, not localeCompare, so the order is the same on every server. */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
