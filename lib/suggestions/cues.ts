// Words and phrases that make a clause more or less worth checking. Each cue is a regular
// expression over the clause; the first capture (or the whole match) is quoted in reasons.
// Lists are deliberately explicit rather than clever: a reviewer should be able to see why a
// sentence was suggested and add the phrase that was missed.

const words = (list: readonly string[]) => new RegExp(String.raw`\b(?:${list.join("|")})\b`, "i");

/** Movement over time: "rose by", "fell from … to", "has been frozen", "up from". */
export const CHANGE = words([
  "r[io]se[ns]?",
  "rising",
  "fell",
  "fallen",
  "falls?",
  "falling",
  "increased?",
  "increases",
  "increasing",
  "decreased?",
  "declined?",
  "grew",
  "grown",
  "grows?",
  "dropped",
  "drops?",
  "doubled",
  "halved",
  "trebled",
  "tripled",
  "climbed",
  "jumped",
  "surged",
  "slumped",
  "plunged",
  "soared",
  "peaked",
  "up from",
  "down from",
  "frozen",
  "cut by",
  "cuts",
  "lagged",
  "overtook",
  "overtaken",
  "barely (?:moved|changed)",
  "unchanged",
  "flatlined",
  "stagnated",
  "stalled",
  "held steady",
  "remained flat",
]);

/** Things that are measured and published, so a change in them can be checked even without a figure. */
export const MEASURE = words([
  "prices?",
  "rents?",
  "costs?",
  "wages",
  "pay",
  "earnings",
  "incomes?",
  "spending",
  "debt",
  "deficit",
  "inflation",
  "unemployment",
  "employment",
  "crime",
  "homelessness",
  "waiting lists?",
  "waits",
  "waiting times",
  "deaths",
  "emissions",
  "turnout",
  "congestion",
  "traffic",
  "sales",
  "fares",
  "taxe?s?",
  "bills",
  "productivity",
  "population",
  "immigration",
  "migration",
  "poverty",
  "attendance",
  "admissions",
  "growth",
  "exports",
  "imports",
  "output",
  "footfall",
  "patronage",
  "journeys",
  "passengers",
  "numbers",
  "figures",
  "rates?",
]);

/** Explicit comparison between two things or two times. */
export const COMPARATIVE = new RegExp(
  String.raw`\b(?:(?:more|less|fewer|higher|lower|larger|smaller|bigger|greater|cheaper|dearer|longer|shorter|faster|slower|older|younger|worse|better|[a-z]{3,}er)\s+(?:[a-z’'-]+\s+){0,8}?than|compared (?:with|to)|against (?:a|the) (?:\w+ )?target|(?:lagged|lagging|fallen|fell) behind|behind only|second only to|ahead of|below|above|in line with|the same as|where (?:they|it) (?:were|was) in)\b`,
  "i",
);

/** Superlatives and records; "possible" after a superlative is rhetoric ("the strongest possible position"). */
/** A place in a ranking: "the second highest", "ranked 14th", "fourth-largest". */
export const RANKING =
  /\b(?:(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))[- ](?:highest|lowest|largest|biggest|smallest|most|least|best|worst|fastest|slowest)|ranked (?:\w+ )?(?:\d+(?:st|nd|rd|th)|first|second|third|last|bottom|top))\b/i;

export const SUPERLATIVE = new RegExp(
  String.raw`\b(?:(?:the|its|their|our)\s+(?:[a-z-]+\s+)?(?:highest|lowest|largest|biggest|smallest|fastest|slowest|longest|shortest|worst|best|most|least|greatest|cheapest|first|only)[a-z-]*(?!\s+(?:possible|way|option|thing|answer|choice|hope))|on record|since records began|record (?:high|low|level)|of any\b|than (?:in )?any|for the first time)`,
  "i",
);

/** The set a superlative ranges over: "of any country", "on record", "since records began", "in Europe". */
export const SUPERLATIVE_SCOPE =
  /\b(?:of any|than any|of all|on record|since records began|in (?:the )?(?:country|world|region|Europe|Britain|England|the UK)|in (?:a|the last|the past) (?:generation|decade|century))\b/i;

/** A comparison with an earlier time, with or without a number. */
export const TEMPORAL_COMPARISON = new RegExp(
  String.raw`\b(?:since (?:the |records |\d{4}\b|[a-z]+ came)|before the (?:pandemic|crisis|war|cap|election)|a year (?:earlier|ago|before)|the (?:year|month) before|last year|no longer|any ?more|(?:for|over) (?:many |several |the past |the last )?(?:\w+ )?(?:decades|years|months)|consecutive (?:months|years|weeks|quarters))`,
  "i",
);

export const CAUSAL = words([
  "because(?: of)?",
  "due to",
  "driven by",
  "dr(?:ove|ives|iving)(?= [a-z]+)",
  "caused(?: by)?",
  "causes?",
  "causing",
  "led to",
  "leads? to",
  "leading to",
  "result(?:ed|s)? in",
  "as a result(?: of)?",
  "attribute[sd]? (?:it |this |that )?to",
  "credited with",
  "blam(?:es|ed|ing)",
  "thanks to",
  "(?:all |largely |partly |mainly )?down to",
  "meant(?= [a-z]+ (?:were|was|could|had|did|would))",
  "contributed to",
  "responsible for",
  "fuell?ed by",
  "triggered",
  "linked to",
  "paid for itself",
]);

/** Someone (a person, a report, the data) is the source of what follows. */
export const ATTRIBUTION = words([
  "said",
  "says",
  "told",
  "according to",
  "figures(?: \\w+)? show(?:ed|s)?",
  "data show(?:ed|s)?",
  "show(?:s|ed)? that",
  "found(?: that)?",
  "claimed",
  "claims",
  "insisted",
  "argued?",
  "argues",
  "arguing",
  "reports? that",
  "estimated",
  "reported",
  "revealed",
  "confirmed",
  "the papers say",
  "survey",
  "study",
  "analysis",
  "figures published",
  "statistics",
  "blames",
  "blamed",
  "pointed out",
]);

/** "has long expressed", "has repeatedly said": a claim about someone's record. */
export const RECORD = /\b(?:has|have|had)\s+(?:long|repeatedly|consistently|never|always|previously|already)\s+[a-z]+(?:ed|en|wn|id|ld)\b/i;

/** A concrete event stated or denied: "has not been invited", "nothing has been built", "were promised". */
export const DENIED_OR_DONE =
  /\b(?:(?:has|have|had|was|were|is|are|does|do|did)\s+not\s+(?:been\s+)?(?:[a-z]+(?:ed|en|wn|id|ld)|have|exist|work|meet)|nothing (?:has|had) been|(?:has|have|had) done nothing|did nothing|(?:has|have) never been|(?:was|were) (?:promised|given|awarded|told|paid|cut|closed|built)|not true that)\b/i;

/** Predictions, intentions, conditionals: not (yet) facts. */
export const PREDICTION = words([
  "will",
  "would",
  "could",
  "might",
  "may",
  "shall",
  "going to",
  "is to",
  "are to",
  "expected to",
  "(?<!(?:more|less|as) )(?:un)?likely",
  "plans? to",
  "set to",
  "prepared to",
  "intends? to",
  "aims? to",
  "wants? to",
  "hopes? to",
  "promises? to",
  "forecast",
  "’ll",
  "'ll",
]);

/** Obligation and advice: "must", "should", "needs to". */
export const DEONTIC = words([
  "must",
  "should",
  "ought",
  "needs? to",
  "has to",
  "have to",
  "had to",
  "there needs",
  "it is time",
  "deserves?",
  "let us",
  "let’s",
]);

/** First-person views and feelings, and words of judgement rather than fact. */
export const OPINION = words([
  "I think",
  "I believe",
  "I feel",
  "I welcome",
  "I hope",
  "I want",
  "I am (?:proud|sorry|delighted|confident|pleased|worried)",
  "I’m (?:proud|sorry|delighted|confident|pleased|worried|prepared)",
  "in my view",
  "obviously",
  "clearly",
  "it(?: i|’)s clear",
  "of course",
]);

export const JUDGEMENT = words([
  "vital",
  "existential",
  "fantastic",
  "great",
  "good",
  "bad",
  "welcome",
  "premature",
  "nonsense",
  "difficult",
  "unreliable",
  "ashamed",
  "disgrace",
  "gimmick",
  "shameful",
  "appalling",
  "wonderful",
  "proud",
  "sorry",
  "surprise",
  "pressing",
  "generational",
  "once-in-a-generation",
  "false economy",
  "costly",
  "incredibly",
  "effective idea",
  "makes sense",
  "unrealistic",
  "overdue",
  "deserve",
  "fair",
  "unfair",
  "right",
  "wrong",
]);

/** Hedges and stance adverbs: a view is being given, but they often wrap a checkable figure. */
export const HEDGE = words(["frankly", "bluntly", "realistically", "simply", "honestly", "arguably", "surely"]);

/** Words that mark a measured quantity rather than an anecdote. */
export const STATISTICAL = words([
  "average",
  "median",
  "on average",
  "in total",
  "per head",
  "per capita",
  "rate of",
  "a year",
  "a day",
  "a week",
  "each year",
]);

export const QUESTION = /\?|\bwhether\b|\braises? the question\b/i;

/** Personal anecdote rather than public fact: "my mum was paying", "for me and my brother". */
export const PERSONAL = /\b(?:my|me|mine)\b/i;

/**
 * The first match of `re` in `text`: its first capture group when it has one that matched, else the whole match;
 * undefined for no match. With a global (or sticky) regex it starts at and advances `re.lastIndex`, so the cue
 * regexes here are not global.
 */
export function firstMatch(re: RegExp, text: string): string | undefined {
  const m = re.exec(text);
  return m ? (m[1] ?? m[0]) : undefined;
}

/**
 * How many non-overlapping matches of `re` are in `text` (a global copy of `re` is used, so `re` itself is not
 * changed).
 */
export function countMatches(re: RegExp, text: string): number {
  const global = new RegExp(re.source, re.flags.includes("g") ? re.flags : `${re.flags}g`);
  return Array.from(text.matchAll(global)).length;
}
