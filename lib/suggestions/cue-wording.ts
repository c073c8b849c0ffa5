// The one table of the rules' cues (score.ts) and how a fact-checker reads each in a suggestion's reason ("Like
// labelled claims: a plan with a date, a name"). A cue's name is code ("timedPlan", "hardNumber", "relative") and is
// never shown: the learned scorer's reasons (learned.ts) take a cue's words from here, and a cue missing here is left
// out of a reason rather than spelled from its name. scoreClause's list of fired cues is typed by this table's keys, so
// a new cue does not compile until it has its words.

/** Every cue the rules can fire, with the words a reason uses for it (read after "Like labelled claims: "). */
export const CUE_WORDING = {
  quantity: "a figure",
  hardNumber: "a counted amount",
  ranking: "a ranking",
  year: "a year",
  comparative: "a comparison",
  superlative: "a “most” or “first”",
  tasteOnly: "a matter of taste",
  change: "a rise or fall",
  temporal: "a change over time",
  measure: "a measured amount",
  causal: "a cause and its effect",
  record: "a record",
  firstPersonNever: "a “never” about oneself",
  attributed: "a cited source",
  namedSource: "a named source",
  statistical: "a statistic",
  event: "something done or denied",
  acted: "an action someone took",
  timedPlan: "a plan with a date",
  intention: "a stated intention",
  dated: "a dated event",
  reportedPast: "a reported past event",
  finding: "a report's finding",
  accusation: "an accusation",
  relative: "a “who would…” aside",
  feeling: "a feeling",
  evidence: "a detail a record could confirm",
  tooShort: "very few words",
  opinion: "an opinion",
  judgement: "a value judgement",
  deontic: "a “should” or “must”",
  hedge: "a hedge (“may”, “could”)",
  question: "a question",
  personal: "a personal anecdote",
  conditional: "an “if”",
  courtesy: "a courtesy (thanks, welcome)",
  reportedFeeling: "a reported feeling",
  prediction: "a prediction",
  firstPerson: "the speaker's own view",
  generality: "a generality",
  hope: "a hope",
  ownState: "the speaker's own state",
  biography: "a detail of someone's past",
} as const satisfies Record<string, string>;

/** The name of one of the rules' cues (a key of CUE_WORDING). */
export type CueName = keyof typeof CUE_WORDING;

/** The reason words for the cue named `name`, or undefined for a name that is no cue (never the name itself). */
export function cueWording(name: string): string | undefined {
  return Object.hasOwn(CUE_WORDING, name) ? CUE_WORDING[name as CueName] : undefined;
}
