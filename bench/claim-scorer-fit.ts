// Fitting and choosing the learned claim scorer (lib/suggestions/learned.ts) on the labelled articles: candidate
// labels by the bench's matching rule, a seeded L2 logistic regression, the choice of how to combine it with the rules
// (inside the training folds only), and nested leave-one-round-out cross-validation. Used by
// bench/train-suggestions.ts (writes claim-scorer.json) and bench/suggestions.ts --cross-validate (prints figures).
//
// The optimiser is our own (seeded SGD with AdaGrad steps, ~30 lines): the npm candidates fit dense matrices
// (ml-logistic-regression over ml-matrix: ~5,000 clauses × ~40,000 sparse features would be 200M doubles) or are
// text classifiers without numeric features, sample order control or L2 (wink-naive-bayes-text-classifier).
import { assembleSuggestions, claimCandidates, type Candidate, type SentenceCandidates } from "../lib/suggestions/suggest";
import {
  COMBINED_THRESHOLD,
  combinedScore,
  loadModel,
  learnedProbability,
  type ClaimModel,
  type Combination,
} from "../lib/suggestions/learned";
import type { Suggestion } from "../lib/suggestions";
import { mulberry32 } from "./fixtures";
import { add, empty, evaluate, FOLDS, matches, type Article, type Counts } from "./labelled-articles";

/** An article with its candidate clauses (the expensive wink-nlp part, done once) and each clause's training label. */
export type Prepared = Article & { sentences: SentenceCandidates[]; clauses: Candidate[]; positive: Map<Candidate, boolean> };

/**
 * A clause is a positive example when it and a check-worthy label match by the bench's rule in either direction (the
 * clause covers half the label, or the label covers half the clause: a long label cut into clauses); else negative.
 */
export function prepare(article: Article): Prepared {
  const sentences = claimCandidates(article.body);
  const clauses = sentences.flatMap((s) => s.clauses);
  const positive = new Map(
    clauses.map((c) => [c, article.labels.some((l) => matches(c, l) || matches(l, { ...c, exact: "", type: "" }))] as const),
  );
  return { ...article, sentences, clauses, positive };
}

/** Hyper-parameters, fixed before any measurement (not tuned). */
export const FIT = { seed: 20, epochs: 12, l2: 1e-4, rate: 0.2, minCount: 2 } as const;

/**
 * L2-regularised logistic regression by seeded SGD with AdaGrad step sizes over the clauses of `articles`. Features
 * seen in fewer than FIT.minCount clauses are dropped; weights are rounded to 4 decimals and zeros dropped, features
 * sorted, so the result is the same byte for byte on every run. The combination is left as "learned" at 0.5.
 */
export function fitModel(articles: readonly Prepared[]): ClaimModel {
  const counts = new Map<string, number>();
  const examples: { x: [number, number][]; y: number }[] = [];
  for (const a of articles) for (const c of a.clauses) for (const name of c.features.keys()) counts.set(name, (counts.get(name) ?? 0) + 1);
  const names = [...counts.keys()].filter((n) => counts.get(n)! >= FIT.minCount).sort();
  const index = new Map(names.map((n, i) => [n, i]));
  for (const a of articles) {
    for (const c of a.clauses) {
      const x: [number, number][] = [];
      for (const [name, value] of c.features) {
        const i = index.get(name);
        if (i !== undefined) x.push([i, value]);
      }
      examples.push({ x, y: a.positive.get(c) ? 1 : 0 });
    }
  }
  const w = new Float64Array(names.length);
  const g2 = new Float64Array(names.length).fill(1e-8);
  let bias = 0;
  let biasG2 = 1e-8;
  const next = mulberry32(FIT.seed);
  const order = examples.map((_, i) => i);
  for (let epoch = 0; epoch < FIT.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const k of order) {
      const { x, y } = examples[k]!;
      let z = bias;
      for (const [i, v] of x) z += w[i]! * v;
      const err = 1 / (1 + Math.exp(-z)) - y;
      biasG2 += err * err;
      bias -= (FIT.rate * err) / Math.sqrt(biasG2);
      for (const [i, v] of x) {
        const g = err * v + FIT.l2 * w[i]! * examples.length;
        g2[i]! += g * g;
        w[i]! -= (FIT.rate * g) / Math.sqrt(g2[i]!);
      }
    }
  }
  const round = (v: number) => Math.round(v * 1e4) / 1e4;
  const kept = names.map((n, i) => [n, round(w[i]!)] as const).filter(([, v]) => v !== 0);
  return {
    bias: round(bias),
    features: kept.map(([n]) => n),
    weights: kept.map(([, v]) => v),
    combination: { mode: "learned", alpha: 0, threshold: 0.5 },
  };
}

/** Each clause's probability under `model`. */
export function probabilities(model: ClaimModel, articles: readonly Prepared[]): Map<Candidate, number> {
  const loaded = loadModel(model);
  return new Map(articles.flatMap((a) => a.clauses.map((c) => [c, learnedProbability(loaded, c.features)] as const)));
}

/** The suggestions of an article under a combination, given each clause's probability. */
export function suggestionsWith(a: Prepared, probs: ReadonlyMap<Candidate, number>, combination: Combination): Suggestion[] {
  return assembleSuggestions(
    a.body,
    a.sentences,
    (c) => ({ ...c.rules, score: combinedScore(c.rules, probs.get(c)!, combination) }),
    COMBINED_THRESHOLD,
  );
}

/** The rules alone at their threshold, 0.22. */
export const RULES: Combination = { mode: "rules", alpha: 1, threshold: COMBINED_THRESHOLD };

const steps = (from: number, to: number, step: number) =>
  Array.from({ length: Math.round((to - from) / step) + 1 }, (_, i) => Math.round((from + i * step) * 1000) / 1000);
/** The combinations the choice looks at, in a fixed order. */
export const GRID: readonly Combination[] = [
  ...steps(0.1, 0.9, 0.025).map((t): Combination => ({ mode: "learned", alpha: 0, threshold: t })),
  ...[0.25, 0.5, 0.75].flatMap((alpha) => steps(0.1, 0.9, 0.025).map((t): Combination => ({ mode: "blend", alpha, threshold: t }))),
  ...steps(0.3, 0.975, 0.025).map((t): Combination => ({ mode: "union", alpha: 0, threshold: t })),
];

/** Precision the chosen combination must keep on the training folds' out-of-fold predictions. */
export const CHOICE_MIN_PRECISION = 0.85;

/** Summed counts over articles under a combination. */
export function countWith(articles: readonly Prepared[], probs: ReadonlyMap<Candidate, number>, combination: Combination): Counts {
  return articles.map((a) => evaluate(suggestionsWith(a, probs, combination), a)).reduce(add, empty());
}

/**
 * Out-of-fold probabilities for `articles` by leave-one-round-out inside them (each round's clauses scored by a model
 * fitted on the other rounds present), then the combination with the best recall whose precision is at least
 * CHOICE_MIN_PRECISION and at least the rules' at 0.22, and whose must-not hits are no more than the rules', both on
 * the same articles and predictions (ties: higher
 * precision, then the earlier grid entry). Falls back to the rules when nothing qualifies.
 */
export function chooseCombination(articles: readonly Prepared[]): { combination: Combination; counts: Counts } {
  const probs = outOfFoldProbabilities(articles);
  const rules = countWith(articles, probs, RULES);
  let best = { combination: RULES, counts: rules };
  for (const combination of GRID) {
    const c = countWith(articles, probs, combination);
    const precision = c.correct / c.suggestions;
    const floor = Math.max(CHOICE_MIN_PRECISION, rules.correct / rules.suggestions);
    if (precision < floor || c.mustNotHit > rules.mustNotHit) continue;
    const better =
      c.found > best.counts.found || (c.found === best.counts.found && precision > best.counts.correct / best.counts.suggestions);
    if (better) best = { combination, counts: c };
  }
  return best;
}

/** Each clause's probability from a model fitted on the other labelling rounds present in `articles`. */
export function outOfFoldProbabilities(articles: readonly Prepared[]): Map<Candidate, number> {
  const probs = new Map<Candidate, number>();
  for (const fold of FOLDS) {
    const inside = articles.filter((a) => fold.sets.includes(a.set));
    if (inside.length === 0) continue;
    const model = fitModel(articles.filter((a) => !fold.sets.includes(a.set)));
    for (const [c, p] of probabilities(model, inside)) probs.set(c, p);
  }
  return probs;
}

/** The shipped procedure on `articles`: choose the combination by inner cross-validation, then fit on all of them. */
export function trainClaimScorer(articles: readonly Prepared[]): ClaimModel {
  const { combination } = chooseCombination(articles);
  return { ...fitModel(articles), combination };
}

export type FoldResult = {
  title: string;
  combination: Combination;
  learned: Suggestion[][];
  rules: Suggestion[][];
  articles: Prepared[];
};

/**
 * Nested leave-one-round-out: for each fold, trainClaimScorer on the other folds (the combination chosen inside them
 * only), then that fold's suggestions under it and under the rules alone.
 */
export function crossValidate(articles: readonly Prepared[]): FoldResult[] {
  return FOLDS.map((fold) => {
    const test = articles.filter((a) => fold.sets.includes(a.set));
    const model = trainClaimScorer(articles.filter((a) => !fold.sets.includes(a.set)));
    const probs = probabilities(model, test);
    return {
      title: fold.title,
      combination: model.combination,
      articles: test,
      learned: test.map((a) => suggestionsWith(a, probs, model.combination)),
      rules: test.map((a) => suggestionsWith(a, probs, RULES)),
    };
  });
}
