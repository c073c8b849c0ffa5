// Scores one clause for check-worthiness. Evidence for and against is added up as log-odds
// (hand-set weights, listed below so a reviewer can see and change them) and squashed into
// 0..1. The strongest positive evidence decides the claim type and the reason shown to people.
import {
  ACCUSATION,
  DAY_DATE,
  PLACE_PASSIVE,
  COURTESY,
  REPORTED_FEELING,
  REPORTED_MODAL,
  ANNOUNCEMENT_FRAME,
  EVALUATIVE_SUPERLATIVE,
  ACTION,
  ACTOR_INSTITUTION,
  FIRST_PERSON_NEVER,
  FIRST_PERSON_SUBJECT,
  NAMED_AGENT,
  PASSIVE_PLAN,
  PAST_MEETING,
  ACTOR_NAME,
  ANY_PLAN,
  NOT_AN_ACTION,
  PAST_VERB,
  PLACE_OR_PARTY,
  ATTRIBUTION,
  BIOGRAPHY,
  EVENT_TIME,
  FEELING,
  SCHEDULED,
  TRIP,
  CAUSAL,
  CHANGE,
  COMPARATIVE,
  DEONTIC,
  DENIED_OR_DONE,
  HEDGE,
  JUDGEMENT,
  OPINION,
  PERSONAL,
  PREDICTION,
  MEASURE,
  QUESTION,
  RANKING,
  RECORD,
  STATISTICAL,
  SUPERLATIVE,
  SUPERLATIVE_SCOPE,
  TEMPORAL_COMPARISON,
  countMatches,
  firstMatch,
  DISTANT_AGENT,
  DAY_PART,
  EXPECTED_AT,
  PROGRESSIVE_PLAN,
  PRONOUN_SUBJECT,
  TOLD_ME,
  REPORTED_INTENTION,
  EVENT_WITHOUT_TIME,
  EVENT_AT_PLACE,
  APPOSITION_BIOGRAPHY,
  CAUSATIVE,
  EVENT_SEQUENCE,
  REPORTED_PAST,
  DOCUMENT_FINDING,
  PRONOUN_ACTOR,
  GENERALITY,
  REPORTED_HOPE,
  REPORTED_STATEMENT,
  ACCORDING_TO_SOURCE,
  PAST_DATING,
  COMPLETED_PASSIVE,
  EVENT_PAST_VERB,
  NAMED_PLACE,
  OUTCOME,
  ONGOING_ACTION,
  FIRST_PERSON_ACT,
  FIRST_PERSON_TRIP,
  HOSTED_EVENT,
  FUTURE_PARTICIPANT,
  RESULT_RELATIVE,
  PRESENT_SEQUENCE,
  SEASONAL_START,
  SERIES,
} from "./cues";
import type { CueName } from "./cue-wording";
import { extractNumericClaim } from "./numeric-claim";
import type { Token } from "./nlp";
import { findPlace } from "./places";
import { findQuantities, type Quantity } from "./quantities";

/**
 * statistic, comparison, causal and attributed as before; `action`: a reported action, decision or warning of a
 * named actor; `event`: a scheduled or completed event with named participants or places; `biography`: a fact
 * about someone's past or position in a relative clause.
 */
export type ClaimType = "statistic" | "comparison" | "causal" | "attributed" | "action" | "event" | "biography";
/** `hedged`: something in the clause marks opinion, intention or doubt. */
export type Scored = {
  score: number;
  type: ClaimType;
  reason: string;
  hedged: boolean;
  /** Names of the rules' cues and penalties that fired ("action", "quantity", "feeling"…): features of the learned scorer. */
  cues: readonly string[];
};
/** What the clause's sentence tells about it: a named source, and whether anyone is cited at all. */
export type SentenceContext = {
  speaker?: string;
  /** The sentence itself cites someone ("…, Zelensky said", "according to figures"). */
  attributed: boolean;
  /** The sentence is part of a quotation whose speaker is named in a nearby sentence. */
  quoted?: boolean;
  /** The speaker comes from a transcript label ("CARVER: …"): everything there is someone's words, so naming them is no evidence. */
  transcript?: boolean;
  /**
   * The sentence names an actor before this clause ("Ms Boateng, who…, | joined Solvane…", "The agency has…, and | it
   * has written to…"): a clause opening with a pronoun or a verb acts for it.
   */
  actorBefore?: boolean;
};

export const WEIGHTS = {
  bias: -2.2,
  percentOrMoney: 3.0,
  largeCount: 2.4,
  proportion: 2.6,
  multiple: 2.0,
  ranking: 2.4,
  countedThing: 1.8,
  statistical: 0.6,
  bareNumber: 0.6,
  extraQuantity: 0.3,
  year: 0.4,
  comparative: 1.5,
  superlative: 1.5,
  scopedSuperlative: 2.4,
  change: 1.0,
  temporal: 0.7,
  measuredChange: 1.2,
  causal: 1.6,
  attribution: 0.5,
  namedSource: 0.8,
  cleanAttributedStatement: 0.8,
  record: 2.0,
  deniedOrDone: 1.0,
  prediction: -1.6,
  predictionInRelativeClause: -0.4,
  deontic: -1.8,
  opinion: -2.0,
  judgement: -0.8,
  hedge: -0.4,
  question: -2.5,
  personal: -1.5,
  conditional: -0.8,
  tooShort: -2.0,
  measuredComparison: 1.0,
  action: 2.8,
  event: 3.0,
  biography: 3.2,
  feeling: -5.0,
  accusation: 2.4,
  /** A clause whose subject is "I", "we" or "you" and that carries no figure, comparison, cause, action or event. */
  firstPersonView: -1.0,
  /** No verb at all ("A final word from each of you"): not a statement. */
  noVerb: -2.0,
  courtesy: -2.5,
  reportedFeeling: -2.0,
  /** "Mr Sahl, who…, | has said he will not join…": a named person's reported position, its subject cut off by the relative clause. */
  reportedPosition: 1.6,
  /** "The ports authority plans to dredge…", "the ministry said it would publish…": a named actor's stated intention. */
  reportedIntention: 2.4,
  /** "said the scheme had cut waiting lists": a past event the source states as fact. */
  reportedPast: 1.0,
  /** "The audit warned that…", "the review concluded…": a document's finding. */
  documentFinding: 1.6,
  /** "Police said the driver was not wearing a seatbelt": a named source's plain statement about a thing, nothing hedged. */
  reportedStatement: 0.6,
  /** "A man was arrested on Friday", "The company went into administration in 2022": a past event dated or placed. */
  datedEvent: 1.6,
} as const;

const YEAR = /\b(?:19|20)\d{2}s?\b/;
const CONDITIONAL = /(?:^|,\s)(?:if|unless)\s/i;
// At most one word between the relative pronoun and the modal, and not a reporting verb:
// "which it says will treat…" is a reported prediction, not a qualified noun.
const RELATIVE_MODAL =
  /\b(?:who|that|which)\s+(?:(?!says|said|expects|believes|hopes|thinks|claims)\w+\s+)?(?:would|could|might|will|should|must|had to|has to|have to)\b/i;

function quantityWeight(q: Quantity): { weight: number; label: string } {
  switch (q.kind) {
    case "percent":
      return { weight: WEIGHTS.percentOrMoney, label: "Percentage" };
    case "percentage-points":
      return { weight: WEIGHTS.percentOrMoney, label: "Change in percentage points" };
    case "money":
      return { weight: WEIGHTS.percentOrMoney, label: "Money amount" };
    case "fraction":
    case "ratio":
      return { weight: WEIGHTS.proportion, label: "Proportion" };
    case "multiple":
      return { weight: WEIGHTS.multiple, label: "Multiple" };
    case "count":
      if (q.value >= 100 || (/[a-z]/.test(q.unit) && q.unit !== "count")) {
        return {
          weight: q.value >= 100 ? WEIGHTS.largeCount : WEIGHTS.countedThing,
          label: q.unit === "count" ? "Count" : `Count of ${q.unit}`,
        };
      }
      return { weight: WEIGHTS.bareNumber, label: "Number" };
  }
}

const ECONOMY_ABBREVIATION: Record<string, string> = {
  "gross domestic product": "GDP",
  "gross national product": "GNP",
  "gross national income": "GNI",
};

function statisticReason(
  text: string,
  label: string,
  changes: boolean,
  compares: boolean,
  context: SentenceContext,
  parsed: { quantities: readonly Quantity[]; tokens?: readonly Token[] },
): string {
  const numeric = extractNumericClaim(text, parsed);
  const parts = [label];
  const share = numeric?.shareOf ? ECONOMY_ABBREVIATION[numeric.shareOf] : undefined;
  if (share) parts.push(`of ${share}`);
  const place = findPlace(text);
  if (place) parts.push(`with a named ${place.kind}`);
  const extras: string[] = [];
  if (changes || numeric?.from !== undefined) extras.push("a change over time");
  else if (compares) extras.push("a comparison");
  if (context.speaker) extras.push(`attributed to ${context.speaker}`);
  return extras.length > 0 ? `${parts.join(" ")}, ${extras.join(", ")}` : parts.join(" ");
}

const quote = (s: string) => `‘${s.trim()}’`;

/**
 * Scores one clause for check-worthiness: hand-set log-odds weights (WEIGHTS) for quantities, rankings,
 * comparisons, changes, causes, records and attribution, minus penalties for prediction, obligation, opinion,
 * judgement, hedges, questions, personal anecdote, conditions and very short clauses, squashed by the logistic
 * function into 0..1 (rounded to 3 decimals). The strongest evidence decides `type` and the human `reason`
 * ("Percentage of GNP with a named country"); `hedged` says a penalty other than shortness applied. Pure.
 * `tokens`: the clause's tokens from the analysis of its whole document (offsets from the clause's start), so the
 * numbers are read without running wink-nlp again for this clause; without them the clause is analysed alone.
 */
export function scoreClause(text: string, context: SentenceContext, tokens?: readonly Token[]): Scored {
  let total: number = WEIGHTS.bias;
  const found = findQuantities(text);
  const quantities = found.map(quantityWeight).sort((a, b) => b.weight - a.weight);
  const strongest = quantities[0];
  if (strongest) total += strongest.weight + Math.min(2, quantities.length - 1) * WEIGHTS.extraQuantity;
  const ranking = firstMatch(RANKING, text);
  if (ranking) total += WEIGHTS.ranking;
  const dated0 = YEAR.test(text) || DAY_DATE.test(text);
  if (dated0) total += WEIGHTS.year;

  const comparative = firstMatch(COMPARATIVE, text);
  const anySuperlative = firstMatch(SUPERLATIVE, text) ?? firstMatch(SERIES, text);
  // "the best people in the business": taste, unless a scope or a figure makes it a ranking.
  const tasteOnly =
    anySuperlative !== undefined && EVALUATIVE_SUPERLATIVE.test(anySuperlative) && !SUPERLATIVE_SCOPE.test(text) && !strongest;
  const superlative = tasteOnly ? undefined : anySuperlative;
  const change = firstMatch(CHANGE, text);
  const temporal = firstMatch(TEMPORAL_COMPARISON, text);
  const superlativeWeight = superlative ? (SUPERLATIVE_SCOPE.test(text) ? WEIGHTS.scopedSuperlative : WEIGHTS.superlative) : 0;
  const comparison = Math.min(
    2.4,
    (comparative ? WEIGHTS.comparative : 0) + superlativeWeight + (change ? WEIGHTS.change : 0) + (temporal ? WEIGHTS.temporal : 0),
  );
  total += comparison;
  const measure = firstMatch(MEASURE, text);
  if (measure && (change || temporal)) total += WEIGHTS.measuredChange;
  else if (measure && comparative) total += WEIGHTS.measuredComparison;
  // A cause stated by a cue word ("because", "led to"), by a causative verb ("a heatwave killed…") or by a sequence of
  // two past events ("When the clinics shut, families … stopped coming").
  const sequence = EVENT_SEQUENCE.exec(text);
  const causal =
    firstMatch(CAUSAL, text) ??
    (FIRST_PERSON_SUBJECT.test(text) ? undefined : (firstMatch(CAUSATIVE, text) ?? firstMatch(RESULT_RELATIVE, text))) ??
    presentSequence(text) ??
    (sequence ? `${text.split(/\s+/)[0]} … ${sequence[1]}` : undefined);
  if (causal) total += WEIGHTS.causal;
  // "I have never doubted…", "people have never been more ready…": a view, not a record.
  const firstPersonNever = FIRST_PERSON_NEVER.test(text);
  const record = firstPersonNever ? undefined : firstMatch(RECORD, text);
  if (record) total += WEIGHTS.record;
  const ownAttribution = ATTRIBUTION.test(text);
  // In a transcript every sentence has a speaker; only a source cited in the sentence itself counts there.
  const attributed = context.transcript ? ownAttribution : context.attributed || ownAttribution;
  if (context.speaker && !context.transcript) total += WEIGHTS.namedSource;
  else if (attributed || (context.quoted && !context.transcript)) total += WEIGHTS.attribution;
  const statistical = STATISTICAL.test(text);
  if (statistical) total += WEIGHTS.statistical;
  const event = firstPersonNever ? undefined : firstMatch(DENIED_OR_DONE, text);
  if (event) total += WEIGHTS.deniedOrDone;
  const inherited = context.actorBefore === true && opensWithoutSubject(text, tokens);
  const acted = reportedAction(text, inherited) ?? pronounAction(text) ?? outcomeOrOngoing(text, inherited);
  if (acted) total += WEIGHTS.action;
  const timedPlan = scheduledEvent(text);
  if (timedPlan) total += WEIGHTS.event;
  // A stated intention of a named actor: an event when it has a time or a year, else an action.
  const intention = acted || timedPlan ? undefined : reportedIntention(text, inherited);
  const timedIntention = intention && (EVENT_TIME.test(text) || YEAR.test(text) || DAY_DATE.test(text)) ? intention : undefined;
  if (intention) total += timedIntention ? WEIGHTS.event : WEIGHTS.reportedIntention;
  const action = acted ?? (timedIntention ? undefined : intention);
  const scheduled = timedPlan ?? timedIntention;
  // A past event with a date or (for a passive) a named place, whoever did it.
  const dated = action || scheduled || causal ? undefined : datedPastEvent(text);
  if (dated) total += WEIGHTS.datedEvent;
  const reportedPast = action || scheduled || dated ? undefined : REPORTED_PAST.exec(text)?.[1];
  if (reportedPast) total += WEIGHTS.reportedPast;
  const finding = firstMatch(DOCUMENT_FINDING, text);
  if (finding) total += WEIGHTS.documentFinding;
  const accusation = action ? undefined : firstMatch(ACCUSATION, text);
  if (accusation) total += WEIGHTS.accusation;

  // A number states a target even inside "must" or "is unlikely to": soften those for percentages, money and
  // counted things ("would protect 45 jobs", "enough to power 300,000 homes").
  const hardNumber = strongest !== undefined && strongest.weight >= WEIGHTS.countedThing;
  const soften = hardNumber ? 0.5 : 1;
  // Modality inside a relative clause ("people who would otherwise have driven", "crews that should
  // be coming") qualifies a noun, not the claim; and a claim about someone's record ("has long
  // expressed the wish … that he wants to") reports an intention rather than making one.
  const relative = RELATIVE_MODAL.test(text);
  let penalties = 0;
  // A scheduled event is a fact about a plan; a reported warning ("warned it would…") reports the prediction.
  const prediction = PREDICTION.test(withoutMonthMay(text));
  if (prediction && !record && !scheduled) {
    // A reported prediction ("said 23 staff would be affected") is a claim that someone made it.
    const reported = REPORTED_MODAL.test(text);
    penalties += (relative || action || reported ? WEIGHTS.predictionInRelativeClause : WEIGHTS.prediction) * soften;
  }
  const deontic = DEONTIC.test(text);
  if (deontic) penalties += (relative ? WEIGHTS.predictionInRelativeClause : WEIGHTS.deontic) * soften;
  // "I am delighted to say that I will be at…": the feeling frames an announcement, so feelings, opinions and
  // judgements are looked for in what follows it.
  const core = text.replace(ANNOUNCEMENT_FRAME, "");
  const opinion = OPINION.test(core);
  if (opinion) penalties += WEIGHTS.opinion;
  const judgements = countMatches(JUDGEMENT, core);
  penalties += Math.max(-1.6, judgements * WEIGHTS.judgement);
  const hedge = HEDGE.test(text);
  if (hedge) penalties += WEIGHTS.hedge;
  // "asked its solicitors to examine whether…" reports an action; "whether" there is not a question.
  const question = QUESTION.test(text);
  if (question && !(action && !text.includes("?"))) penalties += WEIGHTS.question;
  // "has told me that…" cites a source; "me" there is not a personal anecdote.
  const personal = PERSONAL.test(text.replace(TOLD_ME, ""));
  if (personal) penalties += WEIGHTS.personal;
  const conditional = CONDITIONAL.test(text);
  if (conditional) penalties += WEIGHTS.conditional;
  const feeling = FEELING.test(core);
  if (feeling) penalties += WEIGHTS.feeling;
  if (firstPersonNever && !feeling) penalties += WEIGHTS.opinion;
  const reportedFeeling = !feeling && REPORTED_FEELING.test(core);
  if (reportedFeeling) penalties += WEIGHTS.reportedFeeling;
  const courtesy = COURTESY.test(core);
  if (courtesy) penalties += WEIGHTS.courtesy;
  if (tokens !== undefined && tokens.length > 0 && !tokens.some((t) => t.pos === "VERB" || t.pos === "AUX")) penalties += WEIGHTS.noVerb;
  // "I love this city", "we are not finished", "we had a constructive meeting": the speaker about themselves,
  // with nothing in it a record could confirm.
  const evidence =
    (strongest !== undefined && strongest.weight >= WEIGHTS.countedThing) ||
    ranking !== undefined ||
    comparison > 0 ||
    causal !== undefined ||
    record !== undefined ||
    event !== undefined ||
    action !== undefined ||
    scheduled !== undefined ||
    accusation !== undefined ||
    reportedPast !== undefined ||
    finding !== undefined ||
    dated !== undefined;
  const firstPerson = !evidence && FIRST_PERSON_SUBJECT.test(core);
  if (firstPerson) penalties += WEIGHTS.firstPersonView;
  // "Nobody enjoys these decisions": a generality, unless it carries a figure or another cue.
  const generality = !evidence && GENERALITY.test(core);
  if (generality) penalties += WEIGHTS.firstPersonView;
  // "said it hoped to redeploy most of them": a hope, not an act or a plan.
  const hope = !evidence && REPORTED_HOPE.test(core);
  if (hope) penalties += WEIGHTS.firstPersonView;
  const tooShort = text.split(/\s+/).length < 4;
  if (tooShort) penalties += WEIGHTS.tooShort;
  // "X said (that) …" with nothing in it that marks opinion, intention or doubt: the brief's
  // "attributed factual statement". Only for a source cited in the sentence itself.
  // Only for a statement with something specific to check besides its source: a figure, a date, a past event or a
  // name other than the speaker's ("said she was not giving up" has none).
  const clean = attributed && penalties === 0;
  if (clean && specific(text, context.speaker, found.length > 0)) total += WEIGHTS.cleanAttributedStatement;
  else if (clean && !/[“”"]/.test(text) && namedStatement(text, context)) total += WEIGHTS.reportedStatement;
  // A reported position, unless anything in it marks judgement, feeling or intention ("said the vote had been a
  // mistake", "said the group would keep campaigning").
  // Not the speaker's own state with nothing specific in it ("…, said she loved the old place").
  const ownState = SPEAKER_STATE.test(text) && !specific(text, context.speaker, found.length > 0);
  if (context.actorBefore && REPORTED_POSITION.test(text) && penalties === 0 && !ownState) total += WEIGHTS.reportedPosition;
  total += penalties;

  const hedged = penalties < 0 && !(tooShort && penalties === WEIGHTS.tooShort);
  const cues = firedCues({
    quantity: strongest !== undefined,
    hardNumber,
    ranking,
    year: dated0,
    comparative,
    superlative,
    tasteOnly,
    change,
    temporal,
    measure,
    causal,
    record,
    firstPersonNever,
    attributed,
    namedSource: context.speaker !== undefined && !context.transcript,
    statistical,
    event,
    acted,
    timedPlan,
    intention,
    dated,
    reportedPast,
    finding,
    accusation,
    relative,
    feeling,
    evidence,
    tooShort,
    opinion,
    judgement: judgements > 0,
    deontic,
    hedge,
    question,
    personal,
    conditional,
    courtesy,
    reportedFeeling,
    prediction,
    firstPerson,
    generality,
    hope,
    ownState,
  });
  const scored = {
    ...classify(
      text,
      context,
      { found, tokens },
      {
        strongest,
        ranking,
        comparative,
        superlative,
        change,
        temporal,
        comparison,
        causal,
        record,
        attributed,
        action,
        scheduled,
        accusation,
        reportedPast,
        finding,
        dated,
      },
    ),
    score: squash(total),
    hedged,
    cues,
  };
  // A biographical relative clause ("…, who was previously given the Cross of Merit by…") is a claim of its own,
  // whatever the main clause says ("I want to thank Samuel Otieno, who…"): scored on its own words.
  const biography = biographyScore(text);
  return biography && biography.score > scored.score ? { ...biography, hedged, cues: [...cues, "biography" satisfies CueName] } : scored;
}

/**
 * The names of the truthy entries, in a fixed order: which cues and penalties fired. Typed by CUE_WORDING's keys, so
 * every cue the rules fire has the words a reason shows for it (biography is added by scoreClause itself).
 */
function firedCues(fired: Record<Exclude<CueName, "biography">, unknown>): CueName[] {
  return (Object.keys(fired) as Exclude<CueName, "biography">[]).filter((name) => Boolean(fired[name]));
}

/** A figure, a date, a past event or a name (other than the speaker's, after the first word) in `text`. */
function specific(text: string, speaker: string | undefined, hasQuantity: boolean): boolean {
  if (hasQuantity || YEAR.test(text) || DAY_DATE.test(text)) return true;
  let rest = text;
  for (const word of speaker?.split(/\s+/) ?? []) rest = rest.split(word).join(" ");
  rest = rest.replace(/\b(?:Mr|Mrs|Ms|Dr|Sir|Dame|Professor|Councillor)\b/g, " ");
  if (/^\S+\s+(?:[^.]*\s)?[A-Z][a-z]/.test(rest)) return true;
  return Array.from(rest.matchAll(new RegExp(PAST_VERB.source, "g"))).some((m) => !NOT_AN_ACTION.test(m[0]));
}

/**
 * A plain statement a named source makes about a thing ("Police said the driver was not wearing a seatbelt", "According
 * to the trust, the ward remains open"): the source is an institution or a name (not "critics" or "campaigners").
 */
function namedStatement(text: string, context: SentenceContext): boolean {
  if (ACCORDING_TO_SOURCE.test(text)) return true;
  const m = REPORTED_STATEMENT.exec(text);
  if (!m) return false;
  const before = text.slice(0, m.index);
  return ACTOR_INSTITUTION.test(before) || ACTOR_NAME.test(before) || (context.speaker !== undefined && !context.transcript);
}

/**
 * A past event dated by PAST_DATING, DAY_DATE or a month, or a completed passive at a named place: "A man was arrested on
 * Friday", "The company went into administration in 2022", "He was sentenced at Kelby Crown Court". Not for the
 * speaker's own past (a clause with I/we/you as subject) nor for verbs of saying, thinking or feeling. The verb, or
 * undefined.
 */
const SAYING_DATED =
  /\b(?:said|says|told|added|announced|confirmed|warned|wrote|stated|insisted|argued|claimed)\b(?:\s+[\w’'-]+){0,4}?\s+(?:on|in|last|yesterday|earlier)\b[^,;]*/g;

/** A completed passive placed in time relative to the story: "were later offered", "has since been repaired". */
const RELATIVELY_DATED =
  /\b(?:(?:was|were|(?:has|have|had)\s+been)\s+(?:later|subsequently|since|eventually)|(?:has|have|had)\s+since\s+been)\s/;

function datedPastEvent(text: string): string | undefined {
  if (FIRST_PERSON_SUBJECT.test(text) || /\b(?:I|we|you|my|our)\b/i.test(text)) return undefined;
  // The date of the saying ("…, Zelensky said on Monday", "said on Friday that…") does not date the event.
  const event = text.replace(SAYING_DATED, " ");
  const isDated = PAST_DATING.test(event) || DAY_DATE.test(event);
  const passive = COMPLETED_PASSIVE.exec(text);
  // "Most were later offered an appointment": a completed passive dated relative to the story ("later", "since").
  const relative = passive !== null && RELATIVELY_DATED.test(passive[0]);
  if (passive && !NOT_AN_ACTION.test(passive[1]!) && (isDated || relative || NAMED_PLACE.test(text.slice(passive.index))))
    return passive[0];
  if (!isDated) return undefined;
  const verb = EVENT_PAST_VERB.exec(text) ?? PAST_VERB.exec(text);
  // "Britain tried exactly that between 1968 and 1971": "tried" with an object is an act; "tried to" is an effort.
  const triedSomething = verb?.[0] === "tried" && !/^\s+to\b/.test(text.slice(verb.index + 5));
  if (!verb || (NOT_AN_ACTION.test(verb[0]) && !triedSomething)) return undefined;
  // "to put", "must set": an infinitive, not a past act.
  if (/\b(?:to|will|would|can|could|should|may|might|must|shall)\s+$/.test(text.slice(0, verb.index))) return undefined;
  return verb[0];
}

/** A general sequence in the present ("once the water table comes back up, the bog starts to heal"), quoted as "once … starts". */
function presentSequence(text: string): string | undefined {
  const m = PRESENT_SEQUENCE.exec(text);
  if (!m) return undefined;
  const opener = /\b(?:when|once|as soon as|whenever)\b/i.exec(m[0]);
  return `${opener ? opener[0] : "when"} … ${m[1]}`;
}

/** "in May" is a month, not a modal: masks a capitalised "May" that does not start the clause. */
const withoutMonthMay = (text: string) => text.replace(/(?<=\S\s+)May\b/g, "Month");

const squash = (logOdds: number) => Math.round((1000 * 1) / (1 + Math.exp(-logOdds))) / 1000;

/** A clause opening with a verb of saying: its speaker was named before it ("…, who…, | says the offer is not enough"). */
const REPORTED_POSITION =
  /^(?:(?:has|had|have)\s+(?:also\s+|repeatedly\s+|previously\s+)?)?(?:said|says|told|argued|argues|insisted|insists|maintained|maintains|claimed|claims)\b/;

/** A reported clause about the speaker: "said she loved…", "says he never wanted…". */
const SPEAKER_STATE = /^(?:(?:has|had|have)\s+)?(?:\w+\s+)?(?:said|says|told\s+\S+)\s+(?:that\s+)?(?:he|she|they|I|we)\b/;

/** A clause that opens with a subject pronoun or straight with a verb (its subject was cut off before it). */
function opensWithoutSubject(text: string, tokens: readonly Token[] | undefined): boolean {
  if (PRONOUN_SUBJECT.test(text)) return true;
  const first = tokens?.find((t) => t.pos !== "PUNCT");
  return first !== undefined && (first.pos === "VERB" || first.pos === "AUX");
}

/**
 * The act of someone named in an earlier sentence, told with a pronoun: "She resigned from the board in 2019", "They
 * refused to sign", "It responded to the floods in 2019". A verb of the ACTION list counts as it is; any other past
 * verb (not of saying or feeling) only with something a record can confirm: a year, a date, a figure or a name.
 */
const LEADING_PAST_VERB = new RegExp(`^(?:${PAST_VERB.source})`);

function pronounAction(text: string): string | undefined {
  const m = PRONOUN_ACTOR.exec(text);
  if (!m) return undefined;
  const rest = text.slice(m[0].length);
  // "They asked me to wait": an anecdote about the speaker, not an act on the record.
  if (PERSONAL.test(rest)) return undefined;
  const listed = ACTION.exec(rest);
  if (listed && listed.index === 0) return listed[0];
  const past = LEADING_PAST_VERB.exec(rest);
  if (!past || NOT_AN_ACTION.test(past[0])) return undefined;
  const after = rest.slice(past[0].length);
  return YEAR.test(after) || DAY_DATE.test(after) || /\d/.test(after) || /\s[A-Z][a-z]/.test(after) ? past[0] : undefined;
}

/**
 * An outcome on the record ("Both men pleaded guilty", "The appeal was rejected"), or an action under way of an actor
 * named before it ("Police are investigating"), outside the speaker's own life (no I/we/you/my/our). The phrase, or
 * undefined.
 */
function outcomeOrOngoing(text: string, inherited: boolean): string | undefined {
  if (/\b(?:I|we|you|my|our)\b/i.test(text)) return undefined;
  const outcome = OUTCOME.exec(text);
  if (outcome) return outcome[0];
  const ongoing = ONGOING_ACTION.exec(text);
  if (!ongoing) return undefined;
  const before = text.slice(0, ongoing.index);
  return inherited || ACTOR_INSTITUTION.test(before) || ACTOR_NAME.test(before) || /^(?:police|prosecutors|detectives)\b/i.test(before)
    ? ongoing[0]
    : undefined;
}

/**
 * A stated intention of an actor named before it ("The ports authority plans to dredge…", "Kestrel Water said it would
 * raise…"), or of the actor named earlier in the sentence (`inherited`): the phrase, or undefined.
 */
function reportedIntention(text: string, inherited: boolean): string | undefined {
  const m = REPORTED_INTENTION.exec(text);
  if (!m) return undefined;
  const before = text.slice(0, m.index);
  if (/\b(?:I|we|you)\b/i.test(before) && !inherited) return undefined;
  if (!(inherited || ACTOR_INSTITUTION.test(before) || ACTOR_NAME.test(before))) return undefined;
  // "said income from the higher charges would pay" is quoted as "said … would pay".
  const words = m[1]!.split(/\s+/);
  return words.length > 5 ? `${words[0]} … ${words.slice(-2).join(" ")}` : m[1];
}

/** "I have asked the operator for a full report by 15 December": the speaker's own act, on a date a record can confirm. */
const firstPersonDated = (text: string) =>
  /^(?:(?:and|but|so|now|today|yesterday|(?:this|last) (?:week|month|year)),?\s+)?(?:I|we|I’ve|I've|we’ve|we've)\b/i.test(text) &&
  (EVENT_TIME.test(text.replace(DAY_PART, "")) || DAY_DATE.test(text));

/**
 * The reported action of a named actor in `text` ("Lisvania warned", "officials have postponed"), or undefined.
 * `inherited`: the clause's actor was named earlier in the sentence (it opens with a pronoun or a verb).
 */
function reportedAction(text: string, inherited = false): string | undefined {
  // A verb inside a biographical relative clause ("who was awarded an MBE") is the biography's, not an action.
  const bio = BIOGRAPHY.exec(text);
  const main = bio ? text.slice(0, bio.index) + " ".repeat(bio[0].length) + text.slice(bio.index + bio[0].length) : text;
  const dated = firstPersonDated(text);
  const hasActor = (at: number) => inherited || dated || ACTOR_INSTITUTION.test(text.slice(0, at)) || ACTOR_NAME.test(text.slice(0, at));
  const m = ACTION.exec(main);
  if (m && hasActor(m.index)) return m[0];
  // The speaker's organisation acting on the record: "we have commissioned an independent review".
  const own = FIRST_PERSON_ACT.exec(main);
  if (own) return own[1];
  // A passive with a named agent: "was funded by the Natural Environment Research Council".
  const agent = NAMED_AGENT.exec(main);
  if (agent) return agent[1];
  // …or with a named place: "have been introduced in Scotland".
  const placed = PLACE_PASSIVE.exec(main);
  if (placed) return placed[0].replace(/\s+in\s+\S+$/, "");
  // …or with the agent after a place or time: "was opened at a ceremony on the site by the minister…".
  const distant = DISTANT_AGENT.exec(main);
  if (distant) return `${distant[1]} … by`;
  // Any other verb in the past tense with an actor before it, unless it reports speech or feeling.
  // The actor must be close (within six words, no I/we/you in the last three), so a quotation's "I have learned" is not its speaker's action;
  // a denial or passive perfect ("has not been invited") stays a statement, not an action.
  for (const past of main.matchAll(new RegExp(PAST_VERB.source, "g"))) {
    const before = main.slice(0, past.index);
    // "to put", "must set": an infinitive of a verb whose past looks the same, not a past act.
    if (NOT_AN_ACTION.test(past[0]) || /\b(?:not|been|being|be|to|must|will|would|can|could|should|may|might|shall)\s+$/.test(before))
      continue;
    const near = before.trim().split(/\s+/).slice(-6).join(" ");
    // A clause opening with a pronoun whose actor was named earlier: the verb must come within its first four words.
    // …as its own predicate: only the pronoun and auxiliaries before it, not "said the door remained…".
    if (
      inherited &&
      /^\s*(?:(?:it|he|she|they)\s+)?(?:(?:has|have|had|also|since|then|already|later|now|previously|recently)\s+)*$/i.test(before)
    )
      return past[0];
    if (dated && /^\s*\S+(?:\s+\S+){0,2}\s*$/.test(before)) return past[0];
    if (/\b(?:I|we|you)\b/i.test(near.split(/\s+/).slice(-3).join(" "))) continue;
    if (ACTOR_INSTITUTION.test(near) || ACTOR_NAME.test(near)) return past[0];
  }
  return undefined;
}

/** A scheduled event with a time ("is to fly to Geneva on Thursday") or a completed trip ("led a delegation to Kyiv"). */
function scheduledEvent(text: string): string | undefined {
  const trip = firstMatch(TRIP, text);
  if (trip) return trip;
  // A gathering that goes ahead ("the inquiry will be held in Leeds"): on the record with or without a time.
  const untimed = firstMatch(EVENT_WITHOUT_TIME, text) ?? firstMatch(HOSTED_EVENT, text) ?? firstMatch(FUTURE_PARTICIPANT, text);
  if (untimed) return untimed;
  const seasonal = SEASONAL_START.exec(text);
  if (seasonal) return seasonal[1];
  if (!EVENT_TIME.test(text)) return undefined;
  // The speaker's announced trip with a time ("I'm going to Holm on the twelfth of December").
  const trip2 = firstMatch(FIRST_PERSON_TRIP, text);
  if (trip2) return trip2;
  // A gathering at a named place on a given day ("at a public meeting at Oakridge Community Centre on 12 January").
  const gathering = firstMatch(EVENT_AT_PLACE, text);
  if (gathering) return gathering;
  const plan = firstMatch(SCHEDULED, text);
  if (plan) return plan;
  // A passive plan ("will be published online next week") or a meeting on a named day ("met the union leaders on
  // Tuesday"): the time is what can be checked, whoever the participants are.
  // A past meeting needs a day, not just a time of day ("met nurses who walk home at two in the morning").
  const meeting = EVENT_TIME.test(text.replace(DAY_PART, "")) ? firstMatch(PAST_MEETING, text) : undefined;
  const passive = firstMatch(PASSIVE_PLAN, text) ?? meeting ?? firstMatch(EXPECTED_AT, text);
  if (passive) return passive;
  // Any announced plan ("will be held", "will discuss", "is visiting … tomorrow") with a time and a named place or
  // party, or an institution that holds it.
  const any = firstMatch(ANY_PLAN, text) ?? firstMatch(PROGRESSIVE_PLAN, text);
  return any && (PLACE_OR_PARTY.test(text) || ACTOR_INSTITUTION.test(text)) ? any : undefined;
}

function biographyScore(text: string): { score: number; type: ClaimType; reason: string } | undefined {
  const m = BIOGRAPHY.exec(text);
  // An apposition: "Jane Roe, a former judge at the High Court".
  const apposition = m ? undefined : APPOSITION_BIOGRAPHY.exec(text);
  if (apposition) {
    const clause = apposition[0].replace(/^[A-Z][\w’'-]+,\s+/, "");
    let total: number = WEIGHTS.bias + WEIGHTS.biography;
    if (OPINION.test(clause)) total += WEIGHTS.opinion;
    if (FEELING.test(clause)) total += WEIGHTS.feeling;
    total += Math.max(-1.6, countMatches(JUDGEMENT, clause) * WEIGHTS.judgement);
    if (clause.split(/\s+/).length < 3) total += WEIGHTS.tooShort;
    return { score: squash(total), type: "biography", reason: `Biographical fact ${quote(clause.split(/\s+/).slice(0, 5).join(" "))}` };
  }
  if (!m) return undefined;
  const clause = m[0];
  let total: number = WEIGHTS.bias + WEIGHTS.biography;
  if (PREDICTION.test(clause)) total += WEIGHTS.prediction;
  if (OPINION.test(clause)) total += WEIGHTS.opinion;
  if (FEELING.test(clause)) total += WEIGHTS.feeling;
  if (clause.split(/\s+/).length < 4) total += WEIGHTS.tooShort;
  const verb = /\bwho\s+(.*?)\s*$/i.exec(clause.split(/\s+/).slice(0, 5).join(" "))?.[1] ?? "";
  return { score: squash(total), type: "biography", reason: `Biographical fact ${quote(`who ${verb}`)}` };
}

type Evidence = {
  strongest?: { weight: number; label: string };
  ranking?: string;
  comparative?: string;
  superlative?: string;
  change?: string;
  temporal?: string;
  comparison: number;
  causal?: string;
  record?: string;
  attributed: boolean;
  action?: string;
  scheduled?: string;
  accusation?: string;
  reportedPast?: string;
  finding?: string;
  dated?: string;
};

function classify(
  text: string,
  context: SentenceContext,
  parsed: { found: readonly Quantity[]; tokens?: readonly Token[] },
  e: Evidence,
): { type: ClaimType; reason: string } {
  const {
    strongest,
    ranking,
    comparative,
    superlative,
    change,
    temporal,
    comparison,
    causal,
    record,
    attributed,
    action,
    scheduled,
    accusation,
    reportedPast,
    finding,
    dated,
  } = e;
  if (ranking && !(strongest && strongest.weight >= WEIGHTS.ranking)) return { type: "statistic", reason: `Ranking ${quote(ranking)}` };

  if (strongest && strongest.weight >= WEIGHTS.countedThing) {
    const reason = statisticReason(text, strongest.label, Boolean(change), comparison > 0, context, {
      quantities: parsed.found,
      tokens: parsed.tokens,
    });
    return { type: "statistic", reason };
  }
  // A time phrase alone ("since 2019", "last year") does not make an event or an action a comparison.
  const onlyTemporal = !comparative && !superlative && !change;
  if (scheduled && (onlyTemporal || comparison === 0) && !causal)
    return { type: "event", reason: `Scheduled or completed event ${quote(scheduled)}` };
  if (comparison > 0 && comparison >= (causal ? WEIGHTS.causal : 0)) {
    const reason = superlative
      ? `Superlative ${quote(superlative)}`
      : comparative
        ? `Comparison ${quote(comparative)}`
        : `Change over time ${quote(change ?? temporal ?? "")}`;
    return { type: "comparison", reason };
  }
  if (causal) return { type: "causal", reason: `Causal claim ${quote(causal)}` };
  if (action)
    return { type: "action", reason: `Reported action ${quote(action)}${context.speaker ? ` attributed to ${context.speaker}` : ""}` };
  if (dated) return { type: "event", reason: `Dated past event ${quote(dated)}` };
  if (accusation) return { type: "attributed", reason: `Reported accusation ${quote(accusation)}` };
  if (record) return { type: "attributed", reason: `Claim about someone’s record ${quote(record)}` };
  if (finding) return { type: "attributed", reason: `Finding of a report ${quote(finding)}` };
  const source = context.speaker ? ` attributed to ${context.speaker}` : attributed ? " attributed to a source" : "";
  const past = reportedPast ? ` (reported past event ${quote(reportedPast)})` : "";
  return { type: "attributed", reason: `Factual statement${source}${past}` };
}
