// The learned claim scorer: logistic regression over the sparse features of features.ts, with weights fitted on the
// labelled articles of bench/labels by bench/train-suggestions.ts (claim-scorer.json beside this file), and the way its
// probability is combined with the hand-written rules' score (chosen by cross-validation, see the training script).
import modelFile from "./claim-scorer.json";
import { cueWording } from "./cue-wording";
import type { Features } from "./features";
import type { Scored } from "./score";

/**
 * How the rules' score r and the learned probability p make one score: "rules" uses r; "learned" p; "blend"
 * alpha·r + (1 − alpha)·p; "union" max(r, p′). The learned part is rescaled so that its threshold lands on
 * COMBINED_THRESHOLD, which therefore stays the one operating threshold whatever the combination.
 */
export type Combination = { mode: "rules" | "learned" | "blend" | "union"; alpha: number; threshold: number };

/** Fitted weights: a bias and one weight per named feature; features not listed weigh 0. */
export type ClaimModel = { bias: number; features: readonly string[]; weights: readonly number[]; combination: Combination };

/** A model ready to score: the feature weights as a map. */
export type LoadedModel = ClaimModel & { weightOf: ReadonlyMap<string, number> };

/** The operating threshold of the combined score (DEFAULT_MIN_SCORE re-exports it): the rules' own 0.22. */
export const COMBINED_THRESHOLD = 0.22;

/** Readies a model for scoring (builds its weight map). Throws if features and weights differ in length. */
export function loadModel(model: ClaimModel): LoadedModel {
  if (model.features.length !== model.weights.length) throw new Error("claim scorer: features and weights differ in length");
  return { ...model, weightOf: new Map(model.features.map((f, i) => [f, model.weights[i]!])) };
}

let shipped: LoadedModel | undefined;
/** The committed model (claim-scorer.json), loaded once per process on first use. */
export function shippedModel(): LoadedModel {
  shipped ??= loadModel(modelFile as ClaimModel);
  return shipped;
}

/** The model's probability 0..1 that a clause with these features is check-worthy. Deterministic. */
export function learnedProbability(model: LoadedModel, features: Features): number {
  let z = model.bias;
  for (const [name, value] of features) z += (model.weightOf.get(name) ?? 0) * value;
  return 1 / (1 + Math.exp(-z));
}

/**
 * The rules' cues of feeling and opinion ("I have never been prouder", "said the children had been terrified", "we
 * love this place"): with any of them, the combined score is at most the rules' score, so the learned part can keep a
 * quote of feeling out but never bring one in.
 */
const VETO_CUES: ReadonlySet<string> = new Set(["feeling", "reportedFeeling", "opinion", "courtesy", "firstPersonNever", "ownState"]);

/** Piecewise-linear and increasing on 0..1, sending `threshold` to COMBINED_THRESHOLD (and 0 → 0, 1 → 1). */
function rescale(x: number, threshold: number): number {
  if (threshold <= 0 || threshold >= 1) return x;
  return x < threshold
    ? (x * COMBINED_THRESHOLD) / threshold
    : COMBINED_THRESHOLD + ((x - threshold) * (1 - COMBINED_THRESHOLD)) / (1 - threshold);
}

/**
 * One score 0..1 from the rules' score `rules` and the learned probability `p` under `combination`; a clause is
 * suggested when it reaches COMBINED_THRESHOLD. Rounded to 3 decimals. Deterministic.
 */
export function combinedScore(rulesVerdict: Pick<Scored, "score" | "cues">, p: number, combination: Combination): number {
  const { mode, alpha, threshold } = combination;
  const rules = rulesVerdict.score;
  const learned =
    mode === "rules"
      ? rules
      : mode === "learned"
        ? rescale(p, threshold)
        : mode === "blend"
          ? rescale(alpha * rules + (1 - alpha) * p, threshold)
          : Math.max(rules, rescale(p, threshold));
  // The model may not lift a clause the rules mark as feeling or opinion above the rules' own score.
  const score = rulesVerdict.cues.some((cue) => VETO_CUES.has(cue)) ? Math.min(learned, rules) : learned;
  return Math.round(Math.min(1, Math.max(0, score)) * 1000) / 1000;
}

// Features other than the rules' cues that read as a reason; cues take their words from CUE_WORDING (cue-wording.ts).
const DESCRIPTIONS: Record<string, string> = {
  "ctx:attributed": "a cited source",
  "ctx:speaker": "a named speaker",
  "ctx:quoted": "a quotation",
  "ctx:actor-before": "an actor named before it",
  "shape:digit": "a figure",
  "shape:year": "a year",
  "shape:month": "a date",
  "shape:money": "money",
  "shape:percent": "a percentage",
  "shape:number-word": "a number",
  "shape:past-verb": "a past-tense verb",
  "p:PROPN": "a name",
  "propn:1": "a name",
  "propn:2": "a name",
  "propn:3": "a name",
};

const AUXILIARY = /^(?:has|have|had|having|is|was|are|were|been|being|did|does|will|would|can|could|shall|should|may|might|must)$/;

/** A feature as a reader would say it, or undefined for ones that explain nothing (scores, tags, positions). */
function describe(name: string): string | undefined {
  if (DESCRIPTIONS[name]) return DESCRIPTIONS[name];
  // Verbs say what kind of claim it is; other words mostly say what the training articles were about ("sun", "shirt").
  if (name.startsWith("v:") && /^[a-z]{3,}$/.test(name.slice(2)) && !AUXILIARY.test(name.slice(2))) return `the verb “${name.slice(2)}”`;
  // A cue's words come from the one table, never from its name ("timedPlan" once read "timed plan").
  if (name.startsWith("cue:")) return cueWording(name.slice(4));
  return undefined;
}

/**
 * A short human reason for a clause the learned scorer found and the rules did not: its two readable features (verbs,
 * the rules' cues, figures, dates, sources, proper nouns; not topic words) that raised the probability most ("Like
 * labelled claims: the verb “gets”, a name"). Deterministic.
 */
export function learnedReason(model: LoadedModel, features: Features): string {
  const raised = [...features]
    .map(([name, value]) => ({ name, gain: (model.weightOf.get(name) ?? 0) * value, text: describe(name) }))
    .filter((f) => f.gain > 0 && f.text !== undefined)
    .sort((a, b) => b.gain - a.gain || (a.name < b.name ? -1 : 1));
  const texts = Array.from(new Set(raised.map((f) => f.text!))).slice(0, 2);
  return texts.length > 0 ? `Like labelled claims: ${texts.join(", ")}` : "Like labelled claims";
}
