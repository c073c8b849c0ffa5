// Features of one candidate clause for the learned claim scorer (learned.ts): sparse, named, mostly binary.
// Words and word pairs (lowercased, figures reduced to their shape), wink-nlp part-of-speech tags and tag pairs,
// shape cues (figures, years, money, per cent, proper nouns, past-tense verbs), what the sentence tells about the
// clause (attributed, quoted, transcript, speaker) and the hand-written rules' own verdict (score band, type, cues).
import type { Token } from "./nlp";
import type { Scored, SentenceContext } from "./score";

/** Feature name → value. Binary features are 1; "rules.score" carries the rules' score 0..1. */
export type Features = Map<string, number>;

/** Where the clause sits in its sentence, and what the sentence around it says. */
export type ClauseSetting = SentenceContext & {
  /** 0-based index of the clause in its sentence, and how many clauses the sentence has. */
  index: number;
  count: number;
};

const MONTH = /\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/;
const YEAR = /\b(?:1[89]|20)\d\d\b/;
const MONEY = /[£$€¥]|\b(?:pounds?|dollars?|euros?|pence|bn|billion|million)\b/i;
const PERCENT = /%|\bper ?cent\b|\bpercent\b/i;
const NUMBER_WORD =
  /\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|dozen|half|third|quarter)\b/i;
const QUOTE_MARK = /[“”"]/;

/** A word's feature form: lowercased; a token with a digit becomes its shape ("2024" → "0000", "3.5%" → "0.0%"). */
function wordForm(token: string): string {
  const lower = token.toLowerCase();
  if (!/\d/.test(lower)) return lower;
  return lower.replace(/\d/g, "0").replace(/0{5,}/g, "00000");
}

/** Which band of ten hundredths a value 0..1 falls in: "0.2" for 0.22. */
function band(value: number): string {
  return (Math.min(9, Math.max(0, Math.floor(value * 10))) / 10).toFixed(1);
}

/**
 * The features of a clause: `text` is the clause, `tokens` its wink-nlp tokens (offsets within the clause; blank
 * tokens are skipped), `setting` its sentence context and place, `rules` the hand-written scorer's verdict on it.
 * Deterministic: the same input always gives the same map. Never throws.
 */
export function clauseFeatures(text: string, tokens: readonly Token[], setting: ClauseSetting, rules: Scored): Features {
  const features: Features = new Map();
  const on = (name: string) => features.set(name, 1);
  const words = tokens.filter((t) => t.text.trim() !== "");
  let previous = "<s>";
  let previousTag = "<s>";
  let properNouns = 0;
  for (const token of words) {
    const word = wordForm(token.text);
    on(`w:${word}`);
    on(`b:${previous} ${word}`);
    on(`p:${token.pos}`);
    on(`pb:${previousTag} ${token.pos}`);
    if (token.pos === "VERB" || token.pos === "AUX") on(`v:${word}`);
    if (token.pos === "VERB" && /ed$/i.test(token.text)) on("shape:past-verb");
    if (token.pos === "PROPN") properNouns++;
    previous = word;
    previousTag = token.pos;
  }
  on(`b:${previous} </s>`);
  if (words.length > 0) {
    on(`first:${wordForm(words[0]!.text)}`);
    on(`firstpos:${words[0]!.pos}`);
  }
  on(`len:${words.length < 4 ? "<4" : words.length < 8 ? "<8" : words.length < 15 ? "<15" : words.length < 25 ? "<25" : "25+"}`);
  on(`propn:${Math.min(properNouns, 3)}`);
  if (/\d/.test(text)) on("shape:digit");
  if (YEAR.test(text)) on("shape:year");
  if (MONTH.test(text)) on("shape:month");
  if (MONEY.test(text)) on("shape:money");
  if (PERCENT.test(text)) on("shape:percent");
  if (NUMBER_WORD.test(text)) on("shape:number-word");
  if (QUOTE_MARK.test(text)) on("shape:quote-mark");
  if (text.includes("?")) on("shape:question");

  if (setting.attributed) on("ctx:attributed");
  if (setting.quoted) on("ctx:quoted");
  if (setting.transcript) on("ctx:transcript");
  if (setting.speaker !== undefined) on("ctx:speaker");
  if (setting.actorBefore) on("ctx:actor-before");
  on(setting.count === 1 ? "ctx:only-clause" : setting.index === 0 ? "ctx:first-clause" : "ctx:later-clause");

  features.set("rules.score", rules.score);
  on(`rules.band:${band(rules.score)}`);
  on(`rules.type:${rules.type}`);
  if (rules.hedged) on("rules.hedged");
  for (const cue of rules.cues) on(`cue:${cue}`);
  return features;
}
