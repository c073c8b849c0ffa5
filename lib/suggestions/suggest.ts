// suggestClaims: which parts of an article a fact-checker should look at first. Sentences come
// from wink-nlp; each is stripped of its quotation frame, cut into clauses, and every clause is
// scored on its own so that "X is unlikely…, despite calls to hike spending to 5 per cent"
// can still surface its figure. Neighbouring clauses that both pass become one suggestion.
// A clause's score blends the hand-written rules (score.ts) with a logistic regression over its features
// (features.ts, learned.ts; weights in claim-scorer.json, fitted by bench/train-suggestions.ts).
import { splitParagraphs } from "../anchoring/normalize";
import { findSpeaker, splitClauses, unframe, type Framed, type Range } from "./clauses";
import { ACTOR_INSTITUTION, ACTOR_NAME, ATTRIBUTION } from "./cues";
import { clauseFeatures, type Features } from "./features";
import { combinedScore, COMBINED_THRESHOLD, learnedProbability, learnedReason, shippedModel, type LoadedModel } from "./learned";
import { analyze, type Sentence, type Token } from "./nlp";
import { scoreClause, type ClaimType, type Scored } from "./score";

export type { ClaimType } from "./score";

export type Suggestion = {
  /** UTF-16 offsets into the body: body.slice(start, end) === text. */
  start: number;
  end: number;
  text: string;
  /** Check-worthiness, 0..1. */
  score: number;
  type: ClaimType;
  /** Short and human: "Percentage of GNP with a named country". */
  reason: string;
};

export type SuggestOptions = {
  /** Clauses whose combined score is below this are not suggested (default 0.22, DEFAULT_MIN_SCORE). */
  minScore?: number;
};

/**
 * The operating threshold of the combined score, 0.22 (COMBINED_THRESHOLD in learned.ts). A clause's score combines
 * the hand-written rules (scoreClause, whose own threshold was 0.22 from round 5 to round 7 of #20) with a logistic
 * regression fitted on the labelled articles of bench/labels (claim-scorer.json): at present a blend
 * alpha·rules + (1 − alpha)·probability whose own threshold (alpha 0.25, threshold 0.35; claim-scorer.json
 * `combination`) is rescaled onto 0.22, so that 0.22 stays the one threshold whatever the combination; the model
 * never raises a clause the rules mark as feeling or opinion. The combination and its threshold are chosen by
 * leave-one-round-out inside the training data (bench/claim-scorer-fit.ts): the best recall with precision at least
 * 0.85 and at least the rules', and no more must-not spans touched than the rules. Nested cross-validation over the
 * seven labelling rounds (`npx tsx bench/suggestions.ts --tuning-only --cross-validate`): pooled precision 0.885 and
 * recall 0.950 with 93 of 434 must-not spans touched, against the rules alone at 0.22 on the same folds 0.884 / 0.939
 * / 98 (rules written on six of those seven rounds, so their figure is partly in-sample); on round 7 (eval7, which the
 * rules never saw) 0.891 / 0.904 / 26 of 104 against the rules' 0.869 / 0.861 / 28. The target on fresh text is
 * recall ≥ 0.9 with precision ≥ 0.7. Earlier rounds' reasoning about the rules' threshold:
 * /work/notes/20-detector4.md; this method: /work/notes/20-learned.md.
 */
export const DEFAULT_MIN_SCORE = COMBINED_THRESHOLD;

/**
 * The longest sentence, in UTF-16 units, that is scored whole; a longer one is cut into pieces of at most this length
 * at token boundaries (cutLongSentence) and each piece is scored as a sentence. Scoring runs a few hundred regular
 * expressions over a sentence and its clauses, some of which may take time quadratic in what they scan; capping the
 * length bounds each sentence's work, so a body of n characters takes time at most linear in n (a 50,000-character
 * run of one word once took 20–47 s). The longest sentence of the 92 labelled articles in bench/labels is 312
 * characters; text without sentence punctuation (an automatic transcript, say) still gets its claims found piece by
 * piece. Figures: bench/suggestions-hostile.ts.
 */
export const MAX_SENTENCE_CHARS = 1000;

/**
 * `sentence` itself when it is at most MAX_SENTENCE_CHARS long, else consecutive pieces of it, each at most that long
 * (no token is longer: analyze leaves out words over MAX_WORD_CHARS), cut between tokens, together holding all of its
 * tokens in order.
 */
function cutLongSentence(sentence: Sentence, tokens: readonly Token[]): Sentence[] {
  if (sentence.end - sentence.start <= MAX_SENTENCE_CHARS) return [sentence];
  const pieces: Sentence[] = [];
  let first = sentence.firstToken;
  for (let i = sentence.firstToken + 1; i <= sentence.lastToken + 1; i++) {
    if (i <= sentence.lastToken && tokens[i]!.end - tokens[first]!.start <= MAX_SENTENCE_CHARS) continue;
    pieces.push({ start: tokens[first]!.start, end: tokens[i - 1]!.end, firstToken: first, lastToken: i - 1 });
    first = i;
  }
  return pieces;
}

type ScoredRange = Range & Scored;

/** One clause the pipeline may suggest: its body range, the rules' verdict and the features of the learned scorer. */
export type Candidate = Range & { rules: Scored; features: Features };

/** A sentence's candidates: its unframed range, whether it cites someone, and its clauses in order. */
export type SentenceCandidates = { framed: Framed; attributed: boolean; clauses: Candidate[] };

/**
 * Every clause of a normalised body that suggestClaims considers, per sentence, with the rules' score and the
 * learned scorer's features: the part of suggestClaims that does not depend on the scorer, also used by the training
 * script and the bench. Deterministic. [] for a blank body.
 * A sentence longer than MAX_SENTENCE_CHARS is cut into pieces of at most that length at token boundaries, and words
 * longer than MAX_WORD_CHARS are no tokens (see analyze), so the time taken is at most linear in the body's length.
 */
export function claimCandidates(body: string): SentenceCandidates[] {
  if (body.trim() === "") return [];
  const analysis = analyze(body);
  const tokens = analysis.tokens;
  const sentences = analysis.sentences.flatMap((sentence) => cutLongSentence(sentence, tokens));
  const quotedAndAttributed = attributedQuotations(body, sentences);
  const result: SentenceCandidates[] = [];
  for (const sentence of sentences) {
    const sentenceText = body.slice(sentence.start, sentence.end);
    const framed = unframe(body, sentence);
    if (framed.end <= framed.start) continue;
    const speaker = framed.speaker ?? findSpeaker(sentenceText);
    const attributed = speaker !== undefined || ATTRIBUTION.test(sentenceText);
    const context = { speaker, attributed, quoted: quotedAndAttributed.has(sentence.start), transcript: framed.transcript === true };
    const sentenceTokens = tokens.slice(sentence.firstToken, sentence.lastToken + 1);
    const ranges = splitClauses(body, framed, sentenceTokens);
    const clauses: Candidate[] = ranges.map((clause, i) => {
      // A later clause may act for an actor named before it ("Ms Boateng, who…, | joined…", "…, and | it has written…").
      const before = body.slice(framed.start, clause.start);
      const actorBefore = i > 0 && (ACTOR_INSTITUTION.test(before) || ACTOR_NAME.test(before));
      const text = body.slice(clause.start, clause.end);
      const within = tokensWithin(sentenceTokens, clause);
      const setting = { ...context, actorBefore, index: i, count: ranges.length };
      const rules = scoreClause(text, setting, within);
      return { ...clause, rules, features: clauseFeatures(text, within, setting, rules) };
    });
    result.push({ framed, attributed: context.attributed, clauses });
  }
  return result;
}

/**
 * Suggestions from scored candidates: `scoreOf` gives each clause its final score, type and reason; clauses reaching
 * `minScore` are suggested, neighbouring passing clauses of a sentence joined (the score of the best, the type and
 * reason of the clause the rules rate highest), an attributed statement widened to its whole sentence, a "because"
 * clause joined to the effect before it. In body order, never overlapping.
 */
export function assembleSuggestions(
  body: string,
  sentences: readonly SentenceCandidates[],
  scoreOf: (clause: Candidate) => Scored,
  minScore: number,
): Suggestion[] {
  const suggestions: Suggestion[] = [];
  for (const { framed, attributed, clauses: candidates } of sentences) {
    const clauses = candidates.map((c) => ({ start: c.start, end: c.end, rulesScore: c.rules.score, ...scoreOf(c) }));
    const runs = passingRuns(clauses, minScore);
    for (const [first, last] of runs) {
      const run = clauses.slice(first, last + 1);
      const best = run.reduce((a, b) => (b.score > a.score ? b : a));
      // The type and reason are those of the clause the rules rate highest (the rules' own choice when they pass the
      // run); the score is the run's best.
      const typed = run.reduce((a, b) => (b.rulesScore > a.rulesScore ? b : a));
      // A reason needs what it explains: "families are being evicted | because landlords sell"
      // is one causal claim, unless the first half is itself advice or a forecast ("there must be…").
      const effect = clauses[first - 1];
      const withEffect = effect !== undefined && /^because\b/i.test(body.slice(run[0]!.start, run[0]!.end)) && !effect.hedged;
      // For an attributed statement the source is part of the claim ("…, Zelensky said"), so it
      // covers the whole sentence rather than the clause the source's words happen to fill.
      // Only when nothing else in the sentence is suggested, so suggestions never overlap.
      const whole = typed.type === "attributed" && attributed && runs.length === 1;
      const start = whole ? framed.start : withEffect ? effect.start : run[0]!.start;
      const end = whole ? framed.end : run[run.length - 1]!.end;
      suggestions.push({ start, end, text: body.slice(start, end), score: best.score, type: typed.type, reason: typed.reason });
    }
  }
  return suggestions;
}

/**
 * A clause's final verdict under a learned model: the combined score (combinedScore), and the rules' type; a reason
 * from the model's strongest features when the clause reaches `minScore` and the rules' own score is below `minScore`, else
 * the rules' reason.
 */
export function scoreWithModel(clause: Candidate, model: LoadedModel, minScore: number): Scored {
  const p = learnedProbability(model, clause.features);
  const score = combinedScore(clause.rules, p, model.combination);
  // The model's reason only where it is shown: the clause passes, and the rules alone would not have passed it at the
  // same threshold (the caller's, not the default: at 0.5 a clause the rules score 0.3 passes by the model alone).
  const learnedOnly = score >= minScore && clause.rules.score < minScore;
  return { ...clause.rules, score, reason: learnedOnly ? learnedReason(model, clause.features) : clause.rules.reason };
}

/**
 * Check-worthy claims in a normalised article body, in body order, never overlapping. Deterministic.
 * Each is a range of UTF-16 body offsets with its text, a score 0..1, a type and a short reason; neighbouring clauses
 * of a sentence that both pass are joined. The score of a clause combines the hand-written rules (scoreClause) with a
 * logistic-regression scorer fitted on the labelled articles of bench/labels (learned.ts, claim-scorer.json), in the
 * way claim-scorer.json names (chosen by cross-validation over labelling rounds, bench/train-suggestions.ts); a
 * clause is suggested when that score reaches `options.minScore` (default DEFAULT_MIN_SCORE, 0.22). The type is the
 * rules'; the reason is the rules' when they alone pass the clause, else the model's strongest features. [] for a
 * blank body. Loads the wink-nlp model and the weights once per process. Throws only if wink-nlp's tokenisation ever
 * stops being lossless (see analyze).
 */
export function suggestClaims(body: string, options: SuggestOptions = {}): Suggestion[] {
  const minScore = options.minScore ?? DEFAULT_MIN_SCORE;
  const model = shippedModel();
  return assembleSuggestions(body, claimCandidates(body), (c) => scoreWithModel(c, model, minScore), minScore);
}

/**
 * Starts of the sentences that sit inside a quotation whose speaker is named elsewhere: in the
 * same paragraph ("“…” said Dr Hale. “…”"), or, for a paragraph that opens with a quotation
 * mark and names nobody, in the paragraph before (news copy runs a quote on like that).
 */
function attributedQuotations(body: string, sentences: readonly Sentence[]): Set<number> {
  const result = new Set<number>();
  let previousAttributed = false;
  let s = 0;
  for (const paragraph of splitParagraphs(body)) {
    const end = paragraph.start + paragraph.text.length;
    const inside: Sentence[] = [];
    while (s < sentences.length && sentences[s]!.start < end) inside.push(sentences[s++]!);
    const quoted = paragraph.text.includes("“");
    const names: boolean = inside.some((x) => {
      const text = body.slice(x.start, x.end);
      return unframe(body, x).speaker !== undefined || ATTRIBUTION.test(text);
    });
    const attributed: boolean = names || (paragraph.text.startsWith("“") && previousAttributed);
    if (quoted && attributed) for (const x of inside) result.add(x.start);
    previousAttributed = attributed;
  }
  return result;
}

/**
 * The tokens of the document's analysis that lie inside `range`, with offsets from its start: what scoring a
 * clause needs to read its numbers without analysing the clause text again (issue #21).
 */
function tokensWithin(tokens: readonly Token[], range: Range): Token[] {
  return tokens
    .filter((t) => t.start >= range.start && t.end <= range.end)
    .map((t) => ({ ...t, start: t.start - range.start, end: t.end - range.start }));
}

/** Index ranges [first, last] of consecutive clauses that reach `minScore`. */
function passingRuns(clauses: readonly ScoredRange[], minScore: number): [number, number][] {
  const runs: [number, number][] = [];
  let first = -1;
  clauses.forEach((clause, i) => {
    if (clause.score >= minScore) {
      if (first === -1) first = i;
    } else if (first !== -1) {
      runs.push([first, i - 1]);
      first = -1;
    }
  });
  if (first !== -1) runs.push([first, clauses.length - 1]);
  return runs;
}
