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
  "(?:has|have|had) (?:been )?cut",
  "lagged",
  "overtook",
  "overtaken",
  "barely (?:moved|changed)",
  "unchanged",
  "(?:was|were|is|are) (?:sharply |slightly |well |significantly )?(?:up|down)(?! to\b)",
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
  "(?:opening )?hours",
  "patronage",
  "journeys",
  "passengers",
  "numbers",
  "figures",
  "rates?",
]);

/** Explicit comparison between two things or two times. */
export const COMPARATIVE = new RegExp(
  String.raw`\b(?:(?:more|less|fewer|higher|lower|larger|smaller|bigger|greater|cheaper|dearer|longer|shorter|faster|slower|older|younger|worse|better|[a-z]{3,}er)\s+(?:[a-z’'-]+\s+){0,8}?than|compared (?:with|to)|as (?:high|low|many|much|large|likely|fast) as|against (?:a|the) (?:\w+ )?target|(?:lagged|lagging|fallen|fell) behind|behind only|second only to|ahead of|below|above|in line with|the same as|where (?:they|it) (?:were|was) in)\b`,
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
  /\b(?:of any|than any|of all|of (?:the|its|their) (?:\d+|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty)|on record|since records began|in (?:the )?(?:country|world|region|Europe|Britain|England|the UK)|in (?:a|the last|the past) (?:generation|decade|century))\b/i;

/** A comparison with an earlier time, with or without a number. */
export const TEMPORAL_COMPARISON = new RegExp(
  String.raw`\b(?:since (?:the |records |\d{4}\b|[a-z]+ came)|before the (?:pandemic|crisis|war|cap|election)|a year (?:earlier|ago|before)|the (?:year|month) before|last year|no longer|any ?more|(?:for|over) (?:many |several |the past |the last )?(?:\w+ )?(?:decades|years|months)|consecutive (?:months|years|weeks|quarters))`,
  "i",
);

export const CAUSAL = words([
  "because(?: of)?",
  "(?<!(?:is|are|was|were|’s|'s) )due to",
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
  "trigger(?:s|ed|ing)?(?= [a-z])",
  "linked to",
  "traced (?:back )?to",
  "st(?:emmed|ems) from",
  "prompted by",
  "paid for itself",
  "pushed (?:\\w+ ){1,4}(?:into|out of)",
  "(?:has |had |have )?made (?:\\w+ ){1,2}(?:more |less )?(?:hesitant|reluctant|afraid|unable|worse|better|harder|easier|poorer|sicker)",
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

/** A concrete event stated or denied: "has not been invited", "nothing has been built", "were promised", "didn’t keep". */
export const DENIED_OR_DONE =
  /\b(?:(?:did not|didn’t|didn't|hasn’t|hasn't|haven’t|haven't|hadn’t|hadn't|wasn’t|wasn't|weren’t|weren't)\s+(?:been\s+)?(?!think|know|want|feel|believe|expect|like|mean|care|matter|seem|realis|realiz|see|mind|need|really|even|just|quite)[a-z]{3,}|(?:has|have|had|was|were|is|are|does|do|did)\s+not\s+(?:been\s+)?(?:[a-z]+(?:ed|en|wn|id|ld)|have|exist|work|meet)|nothing (?:has|had) been|(?:has|have|had) done nothing|did nothing|(?:has|have) never been|(?:was|were) (?:promised|given|awarded|told|paid|cut|closed|built)|not true that)\b/i;

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
  "expects? (?:\\S+ ){0,5}?to",
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
  "I (?:just |really |honestly |simply )?(?:didn’t|didn't|did not|don’t|don't|do not|never) (?:think|believe|feel|expect)",
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
  "mistake",
  "disaster",
  "disastrous",
  "shambles",
  "mess",
  "scandal(?:ous)?",
  "terrible",
  "excellent",
  "brilliant",
  "outrageous",
  "ridiculous",
  "absurd",
  "reckless",
  "irresponsible",
  "silver bullet",
  "broken promises",
  "excuses",
  "(?:far|much|way) too",
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

// ---- Reported actions, scheduled events, biographical facts, and feelings (issue #20) ----

const WEEKDAY = "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
const MONTH = "(?:January|February|March|April|May|June|July|August|September|October|November|December)";
/** A season or the turn of the year as a time: "in the spring", "from the new year", "next autumn", "early next year". */
const SEASON_TIME = String.raw`(?:(?:in|from|by|until|during|over) the (?:spring|summer|autumn|winter|new year)|(?:next|this coming) (?:spring|summer|autumn|winter|season|term)|early next year|later this year)`;
/** A day of the month in words or figures before "of <month>": "the twelfth of December", "the 3rd of May". */
const ORDINAL_DAY = String.raw`(?:\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-\w+|thirtieth|thirty-first)`;

/**
 * A reported action, decision or warning, in the past or perfect: "warned that it would…", "has suspended
 * payments", "walked out of negotiations", "summoned the ambassador". Only counted with an actor (ACTOR).
 */
export const ACTION = words([
  "warned",
  "threatened",
  "announced",
  "suspended",
  "postponed",
  "delayed",
  "cancell?ed",
  "scrapped",
  "halted",
  "closed",
  "shut",
  "reopened",
  "ordered",
  "recalled",
  "summoned",
  "expelled",
  "urged",
  "approved",
  "rejected",
  "vetoed",
  "signed",
  "offered",
  "withdr(?:ew|awn)",
  "walked out",
  "broke down",
  "imposed",
  "lifted",
  "banned",
  "launched",
  "bought",
  "sold",
  "replaced",
  "appointed",
  "sacked",
  "dismissed",
  "resigned",
  "denied",
  "refused",
  "agreed",
  "pledged",
  "asked",
  "called for",
  "written to",
  "wrote to",
  "received (?:planning )?(?:permission|approval)",
  "filed",
  "sued",
  "fined",
  "awarded",
  "voted",
  "cut",
]);

/** An institution that can act on the record: "the ministry", "officials", "the council". */
export const ACTOR_INSTITUTION = words([
  "government",
  "ministry",
  "minister",
  "council",
  "commission",
  "agency",
  "authority",
  "officials",
  "spokes(?:person|man|woman)",
  "company",
  "firm",
  "bank",
  "party",
  "union",
  "court",
  "police",
  "army",
  "regulator",
  "board",
  "committee",
  "president",
  "mayor",
  "parliament",
  "administration",
  "embassy",
  "cabinet",
  "department",
  "trust",
  "team",
  "researchers",
  "scientists",
  "investigators",
  "inspectors",
  "prosecutors",
  "judge",
  "jury",
  "inquiry",
  "watchdog",
  "charity",
  "club",
  "operator",
  "developer",
  "college",
  "university",
  "hospital",
  "institute",
  "association",
  "federation",
  "foundation",
  "organisation",
  "organization",
  "service",
  "society",
  "academy",
  "insurer",
  "airline",
  "network",
  "groups?",
]);

/**
 * A named actor: a capitalised word after the first ("The United States", "the Orvenian government"), or a
 * capitalised singular first word that is not a pronoun or a generic group ("Lisvania warned", not "Retailers urged").
 */
export const ACTOR_NAME =
  /^\S+\s+(?:[^.]*\s)?[A-Z][a-z]|^(?!(?:I|He|She|They|It|This|That|These|Those|Other|Another|Several|Both|Each|Such|All|Any|Few|There|The|A|An|Its|His|Her|Their|Our|Your|My|In|On|At|For|But|And|So|If|When|While|After|Before|Last|Next|Once|Since|Not|No|Nobody|Everyone|Everybody|Young|Older|Local|Critics|Analysts|Experts|Some|Many|Most|People|Residents|Retailers|Campaigners|Economists|Markets|Parents|Officials)\b)[A-Z][a-z]+(?:[A-Z][a-z]+)*(?<!s)\b/;

/**
 * Any verb in the past tense (a regular "-ed" form of five letters or more, or a common irregular one), for
 * reported actions outside the ACTION list ("opened an investigation", "had dropped plans"). Only counted with
 * an actor, and not for verbs of saying, feeling or reacting (NOT_AN_ACTION).
 */
export const PAST_VERB =
  /\b(?:[a-z]{3,}ed|(?:re)?(?:built|made|wrote|sold|bought|took|paid)|took|held|met|won|lost|sold|bought|began|ran|led|made|gave|sent|set|shut|brought|left|paid|put|built|chose|drew|struck|sought|fought|threw|wrote|spent|hired|fired)\b/;

/** Past forms that report speech, feelings or reactions rather than an action on the record. */
export const NOT_AN_ACTION =
  /^(?:said|welcomed|praised|criticised|criticized|accused|argued|claimed|insisted|hoped|feared|expected|believed|felt|wanted|called|described|added|noted|stressed|explained|suggested|seemed|appeared|looked|liked|loved|enjoyed|thanked|congratulated|surprised|shocked|devastated|thrilled|delighted|pleased|concerned|worried|interested|excited|based|showed|found|reported|estimated|needed|used|tried|asked|told|agreed|considered|involved|related|included|concluded|increased|decreased|declined|raised|reduced|doubled|halved|rated|ranked|listed|named|known|united|limited|expected|affected|supported|opposed|exceeded|reached|peaked|convinced|benefited|benefitted|disputed|seized|focused|determined|committed|prepared|pressed|faced|struggled|suffered|experienced|hurt|blessed|tired|scared|frightened|bored|confused)$/;

/** When: "on Thursday", "next week", "on 14 January", "in March", "at noon", "by the end of 2028". */
export const EVENT_TIME = new RegExp(
  String.raw`\b(?:on (?:the )?${WEEKDAY}|in the (?:morning|afternoon|evening)|(?:this|tomorrow) (?:morning|afternoon|evening)|tonight|later today|(?:in|during) the (?:first|second|third|last|final) (?:week|fortnight|half) of ${MONTH}|(?:at|by|from) the (?:start|end|beginning|middle) of ${MONTH}|(?:from|by|until) (?:\d{1,2} )?${MONTH}|every (?:year|month|week|day|spring|summer|autumn|winter|${WEEKDAY})|${WEEKDAY} (?:morning|afternoon|evening)|next (?:week|month|year|${WEEKDAY})|this (?:week|weekend|month)|tomorrow|on \d{1,2}(?: and \d{1,2})? ${MONTH}|${MONTH} \d{1,2}\b|in ${MONTH}|at (?:noon|midday|\d)|by (?:the end of )?(?:${MONTH} )?\d{4}|on the ${ORDINAL_DAY} of ${MONTH}|${WEEKDAY}[’']s\b|that (?:morning|afternoon|evening|night|day|week))`,
  "i",
);

/** A scheduled event: "is to fly to", "will meet", "is scheduled to begin" (needs EVENT_TIME). */
export const SCHEDULED = new RegExp(
  String.raw`\b(?:(?:is|are|was|were) (?:due |scheduled |set )?to |(?:will|’ll|'ll) (?:formally |also |then )?)(?:fly|travel|visit|meet|host|hold|attend|sign|open|present|address|give evidence|give a speech|lead|chair|begin|start|review|hear|launch|tour|speak|shut|close|leave|debate|vote|unveil|announce|publish|testify|appear)\b`,
  "i",
);

/** Any announced plan with a time and a place: "will be held at Kestrel Civic Centre on 2 December", "will discuss the ruling at the council offices on Tuesday". */
export const ANY_PLAN =
  /(?:\bwill|’ll|'ll|\b(?:is|are) (?:due |set |scheduled )?to)\s+(?:(?:formally|also|then|again|first|next)\s+)?(?!have to|need to|be able|be\s+(?:a|an|the|more|less|very|too|unable|likely|unlikely)\b)(?:be\s+)?[a-z]+/;

/** A named place or participant after the first word (not a weekday or month), or "at the <place>". */
export const PLACE_OR_PARTY = new RegExp(
  String.raw`^\S+\s+(?:[^.]*?\s)?(?!${WEEKDAY}\b|${MONTH}\b)[A-Z][a-z]|\bat (?:the|its|their|his|her) (?:[a-z]+ ){0,2}(?:offices?|hall|department|ministry|headquarters|centre|center|school|hospital|ground|stadium|station|site|port|clinic|palace|embassy|parliament|court)\b`,
);

/** A completed trip or meeting with named parties: "led a delegation to Kyiv", "travelled to Brussels for discussions". */
export const TRIP =
  /\b(?:led|headed) (?:a|the|an) (?:\w+ )?delegation to\b|\b(?:travelled|traveled|flew|went) to [A-Z]\w+ (?:for|to)\b|\bvisited [A-Z]\w+|\bmet (?:with )?[A-Z]\w+ (?:\w+ )?in [A-Z]/;

/**
 * A biographical fact in a relative clause: "…, who was previously given the Cross of Merit", "…, who joined
 * Brightwell in 2021", "…, who has led the party since 2019". The match runs to the end of the relative clause
 * (the next comma, semicolon or the end), so the clause can be scored on its own.
 */
export const BIOGRAPHY =
  /(?:^|,\s+|\s+and\s+)who\s+(?:(?:has|had|have)\s+)?(?:(?:previously|formerly|once|later|also|first|then|herself|himself)\s+)?(?:was|were|been|is\s+a\s+former|served|led|ran|joined|worked|chaired|founded|won|played|studied|taught|managed|headed|spent|trained|grew up|lived|represented|received|holds|held)\b[^,;]*/i;

const FEELING_WORD = String.raw`(?:prouder|proud|proudest|happier|happy|happiest|glad|thrilled|delighted|excited|heartbroken|angry|angrier|shocked|moved|honou?red|grateful|certain|sure|confident|united|at home|sad|devastated|relieved|determined|optimistic|hopeful|humbled|privileged|blessed|stronger|scared|frightened|afraid|worried|furious|disappointed|saddened|sorry|nervous|ashamed|embarrassed|touched|overwhelmed|lucky)`;

/**
 * Feeling and opinion that look like records: "I have never been prouder of this team", "I have never seen this
 * village so united", "our commitment has never been stronger", "this is the best day of my life", "the worst I
 * have ever seen", "the proudest moment in Brightwell’s history". Such a clause is not suggested, whatever
 * "never", "ever", "first" or superlative it contains.
 */
export const FEELING = new RegExp(
  [
    // first person with a feeling: "I have never been prouder", "We are proud to stand", "I could not be happier"
    String.raw`\b(?:I|we|I’m|I'm|we’re|we're|I’ve|I've|we’ve|we've)\b(?:\s+\S+){0,5}?\s+(?:(?:never|ever|not|n’t|n't|more|so|very|incredibly|truly|genuinely|really|just|be|been|am|are|was|were|felt|feel)\s+)+${FEELING_WORD}\b`,
    // "I have never seen/heard/felt … so/such/more", "I have never once seen"
    String.raw`\b(?:I|we)\s+(?:have|’ve|'ve)\s+never\s+(?:once\s+|in my life\s+)?(?:seen|heard|felt|known|met|experienced)\b(?:[^.]*?\b(?:so|such|more|prouder|better|worse)\b|\s+(?:anything|anyone))`,
    // first-person possessive with "never been stronger/better": "our commitment … has never been stronger"
    String.raw`\b(?:our|my)\b[^.]{0,40}\bhas\s+never\s+been\s+(?:stronger|better|greater|higher|deeper|clearer)\b`,
    // "the most beautiful spectrum I have ever seen": a superlative of the speaker's own experience
    String.raw`\b(?:most\s+[a-z]+|[a-z]+est)\b[^.]{0,40}?\b(?:I|we)\s+(?:have|’ve|'ve|had)\s+ever\s+(?:seen|known|had|heard|experienced|met|read|tasted|visited)\b`,
    // "the worst I have ever seen", "the greatest day this town has ever seen"
    String.raw`\b(?:best|worst|greatest|proudest|happiest|saddest|finest)\b[^.]{0,30}\b(?:I|we|this \w+|it)\s+(?:have|has|’ve|'ve)\s+ever\s+(?:seen|known|had|heard|experienced)\b`,
    // "this is the best day of my life", "the proudest moment in Brightwell’s history", "the most important thing you can do"
    String.raw`\b(?:this|it|that|today)\s+(?:is|was|has been)\s+(?:the|our|my)\s+(?:(?:single|very)\s+)?(?:best|worst|greatest|proudest|happiest|saddest|finest|clearest|most\s+(?:important|exciting|chaotic|shameful|disgraceful|wonderful|remarkable|extraordinary|incredible|amazing|memorable|humiliating|embarrassing))\b`,
    String.raw`\b(?:day|moment|night|week|year|time)\s+(?:of|in)\s+(?:my|our|his|her|their)\s+(?:life|lives|career|careers)\b`,
    String.raw`\bproudest\s+(?:moment|day)\b`,
    // the proverb "the best time to … was … ago; the second best time is now"
    String.raw`\bthe\s+(?:second\s+)?best\s+time\s+(?:to\b|is\s+now)`,
    String.raw`\bI could not (?:have asked for more|be (?:happier|prouder))\b`,
    // memory and loss: "would never forget what he gave it", "will always remember her", "will miss him"
    String.raw`\b(?:will|would|’ll|'ll)\s+(?:never\s+forget|always\s+remember|(?:really\s+|sorely\s+)?miss\s+(?:him|her|them|you|us|it)\b)`,
  ].join("|"),
  "i",
);

// ---- Round 4 (issue #20): general patterns of language rather than more words ----

/** A reported accusation: "accused the government of quietly cutting…", "accuses the firm of hiding…". */
export const ACCUSATION = /\baccus(?:ed|es|ing)\s+(?:\S+\s+){1,6}?of\s+(?:\w+ly\s+)?\w+ing\b/i;

/**
 * A passive with a named agent: "was funded by the Natural Environment Research Council", "is owned by Calder
 * Holdings", "had been approved by the Treasury". Who did it is on the record, so it can be checked.
 */
export const NAMED_AGENT =
  /\b((?:was|were|is|are|has been|have been|had been)\s+(?:\w+ly\s+)?(?:[a-z]{3,}(?:ed|en|wn)|built|bought|sold|paid|led|run|held|made|given|sent|set up|brought)(?:\s+(?:for|up|out))?\s+by)\s+(?:the\s+)?[A-Z][a-z]/;

/** A passive plan with a time: "will be published online next week", "is to be held on 2 December" (needs EVENT_TIME). */
export const PASSIVE_PLAN =
  /\b(?:will|(?:is|are) (?:due |set |scheduled )?to)\s+(?:(?:also|then|formally|first)\s+)?be\s+(?:[a-z]{3,}(?:ed|en|wn)|held|sent|set|put|heard|made|read|run)\b/;

/** A meeting or visit that took place on a named day: "met the union leaders on Tuesday" (needs EVENT_TIME). */
export const PAST_MEETING = /\b(?:met|visited|held talks with|spoke to|sat down with)\s+(?:with\s+)?\S+/i;

/**
 * A first-person view rather than a record: "I have never doubted that…", "people have never been more ready for
 * change", "I have never in twenty years on this council seen a leader so out of touch". The "never" of such a
 * clause is not a record.
 */
export const FIRST_PERSON_NEVER = new RegExp(
  [
    String.raw`\b(?:I|we|I’ve|I've|we’ve|we've)\s+(?:(?:have|had|’ve|'ve)\s+)?never\s+(?:once\s+|really\s+|for a moment\s+)?(?:doubted|believed|thought|wanted|wished|questioned|imagined|dreamed|expected|felt|liked|loved|understood|forgotten|regretted)\b`,
    String.raw`\b(?:I|we|people|they|you|voters|residents|families)\s+(?:have|’ve|'ve|had)\s+never\s+been\s+(?:more|so|less|this)\s+[a-z]+\b`,
    String.raw`\b(?:I|we)\s+(?:have|’ve|'ve)\s+never\s+(?:[^.,]{1,60}?\s)?(?:seen|heard|known|met|experienced)\b[^.]*?\b(?:so|such|more|as|this)\b`,
    String.raw`\bnever\s+been\s+(?:more|so|this)\s+(?:determined|committed|ready|united|focused|serious|confident|clear|keen|eager)\b`,
    String.raw`\bnever\s+(?:been\s+)?(?:so|more)\s+(?:scared|frightened|afraid|angry|worried|ashamed|embarrassed|moved|touched|excited|nervous|tired|sad)\b`,
  ].join("|"),
  "i",
);

/** A clause whose subject is the speaker or the listener: "I love this city", "we are not finished", "you know". */
export const FIRST_PERSON_SUBJECT =
  /^[“‘"']?(?:(?:and|but|so|now|well|look|frankly|honestly),?\s+)?(?:I|we|you|I’m|I'm|we’re|we're|I’ve|I've|we’ve|we've|you’re|you're)\b/i;

/**
 * A feeling that only frames an announcement: "I am delighted to say that I will be at the final…", "we are pleased
 * to confirm that…". What follows is the claim; the frame is removed before feelings and opinions are looked for.
 */
export const ANNOUNCEMENT_FRAME =
  /\b(?:I|we)\s+(?:am|are|’m|'m|’re|'re)\s+(?:very\s+|so\s+)?(?:delighted|pleased|proud|happy|glad|thrilled|sad|sorry)\s+to\s+(?:say|announce|confirm|report|tell you)\s+(?:that\s+)?/i;

/** Superlatives of taste ("the best people in the business") that say nothing measurable without a scope or a figure. */
export const EVALUATIVE_SUPERLATIVE = /^(?:the|its|their|our)\s+(?:[a-z-]+\s+)?(?:best|worst|greatest|finest)$/i;

/** Someone else's feelings reported: "said patients were frightened", "the journey had been frightening". */
export const REPORTED_FEELING =
  /\b(?:was|were|is|are|been|felt|feel|feels|looked|seemed)\s+(?:(?:very|so|really|deeply|absolutely|quite|too)\s+)?(?:frightened|frightening|scared|terrified|terrifying|upset|upsetting|devastated|heartbroken|distressing|distressed|angry|furious|delighted|thrilled|disappointed|worried|anxious|relieved|exhausted|overwhelmed|grateful|shocked|stressful)\b/i;

/** Courtesies of speech and of a chair: "Thank you, Madam Mayor", "Good evening", "Question two, from Councillor Osei". */
export const COURTESY =
  /\bthank(?:s| you)\b|^(?:good (?:morning|afternoon|evening)|welcome|question (?:one|two|three|four|five|six|\d+)|that concludes)\b/i;

/** A prediction reported as someone's words: "said 23 staff would be affected", "estimates it will cost…". */
export const REPORTED_MODAL =
  /\b(?:said|says|told|warned|estimated|estimates|predicted|predicts|forecast|expects|expected)\b[^.;]*?\b(?:would|will|could|might|’ll|'ll)\b/i;

/** A calendar date: "on 28 November", "March 3rd". A precise date is something a record can confirm. */
export const DAY_DATE =
  /\b(?:\d{1,2}(?:st|nd|rd|th)? (?:January|February|March|April|May|June|July|August|September|October|November|December)|(?:January|February|March|April|June|July|August|September|October|November|December) \d{1,2}(?:st|nd|rd|th)?)\b/;

/** A completed passive with a named place: "have been introduced in Scotland", "was approved in Brussels". */
export const PLACE_PASSIVE = /\b(?:has|have|had|was|were)\s+(?:been\s+)?(?:\w+ly\s+)?[a-z]{3,}(?:ed|en)\s+in\s+[A-Z][a-z]/;

// ---- Round 5 (issue #20): plans and acts without the verb lists, passives with a distant agent ----

/** A time of day without a date ("in the morning"): enough for an announced plan, not for dating a past meeting. */
export const DAY_PART = /\b(?:in the|this|tomorrow) (?:morning|afternoon|evening)\b|\btonight\b/i;

/** A plan in the present progressive: "is visiting the north-east tomorrow", "are holding talks on Monday" (needs EVENT_TIME). */
export const PROGRESSIVE_PLAN =
  /\b(?:is|are|’s|’re)\s+(?:(?:also|then|now)\s+)?(?!being\b|going\b|expecting\b|hoping\b|planning\b|trying\b|looking\b|working\b|running\b|struggling\b|waiting\b)([a-z]{3,}ing)\b/;

/** A time set for something: "is expected on 21 January", "is due next week", "was scheduled for Monday" (needs EVENT_TIME). */
export const EXPECTED_AT =
  /\b(?:is|are|was|were)\s+(?:now\s+|also\s+)?(?:expected|due|scheduled|planned|set|timetabled)\s+(?:back\s+)?(?:on|in|by|at|for|next|this|later|tomorrow|from)\b/;

/**
 * A completed passive whose agent comes after a place or time: "was opened at a ceremony on the site by the minister
 * for industry", "was given to the town in 1887 by a shipowner, Edwin Lacey". The agent is named (a capitalised word
 * within five words of "by") or an institution.
 */
export const DISTANT_AGENT =
  /\b((?:was|were|has been|have been|had been)\s+(?:\w+ly\s+)?(?:[a-z]{3,}(?:ed|en)|given|built|made|sold|bought|paid|held|won|set up|brought|sent|laid|struck))\b[^.;“”]{3,70}?\sby\s+(?:(?:the|a|an|its|their)\s+)?(?:[\w’'-]+,?\s+){0,5}?(?:[A-Z][a-z]|(?:government|ministry|minister|council|committee|company|board|court|trust|agency|authority|regulator|mayor|president)\b)/;

/** Someone reporting to the speaker: "has told me", "wrote to me". "me" there is a source, not a personal anecdote. */
export const TOLD_ME = /\b(?:told|tells|asked|wrote to|writes to|informed|assured|warned|briefed|sent)\s+me\b/i;

/** A clause that opens with a subject pronoun: its actor is the one named earlier in the sentence ("…, and it has written to…"). */
export const PRONOUN_SUBJECT = /^(?:(?:and|but|so|then)\s+)?(?:it|he|she|they)\b/i;

// ---- Round 6 (issue #20): intentions, events without a time, appositions, causes and reports without a cue word ----

/** Intentions too vague to check ("would keep campaigning", "plans to carry on", "will continue to listen"). */
const VAGUE_INTENT = String.raw`(?:keep|continue|carry|fight|campaign|try|work|seek|look|consider|think|listen|do|be|remain|stand|support|welcome|help|ensure|make|get|have|go|see|never|always|stay|learn|hope|want|like|love|need|engage|talk|explore|reflect|study|monitor|watch|wait|respond|act|deliver|play)(?!\s+(?:a|an)\s+(?:formal\s+|public\s+)?(?:statement|speech|announcement|ruling|decision|bid|offer)\b)`;

/**
 * A reported intention or prediction of someone named before it: "The ports authority plans to dredge…", "is expected
 * to rule on…", "has pledged to publish…", "The ministry said it would publish the review". The intention is a claim
 * that they made it (on the record), unless its verb is too vague to check (VAGUE_INTENT). Needs an actor before the
 * match (checked where it is used). The first capture is the phrase quoted in the reason.
 */
export const REPORTED_INTENTION = new RegExp(
  String.raw`\b((?:(?:plans?|planned|intends?|intended|aims?|aimed|is|are|was|were)\s+(?:planning|preparing|expected|set|due|poised|scheduled|planned)\s+to|plans?|planned|intends?|intended|aims?|has\s+(?:promised|pledged|vowed|agreed|decided|offered|undertaken|proposed)|have\s+(?:promised|pledged|vowed|agreed|decided|offered|proposed)|promised|pledged|vowed|decided|proposes|proposed|is\s+(?:to|expected\s+to|set\s+to|due\s+to)|are\s+(?:to|expected\s+to|set\s+to|due\s+to))\s+(?:to\s+)?(?:not\s+)?(?!${VAGUE_INTENT}\b)[a-z]{3,}|(?:said|says|told\s+\S+(?:\s+\S+)?|announced|confirmed|stated)\s+(?:on\s+\S+\s+)?(?:that\s+)?(?:[\w’'-]+\s+){0,6}?[\w’'-]+\s+(?:would|will|’ll|'ll|was\s+to|were\s+to)\s+(?:now\s+|also\s+|formally\s+|then\s+|not\s+|soon\s+)*(?!${VAGUE_INTENT}\b)[a-z]{3,})`,
  "i",
);

/** A gathering that can be scheduled: "a public meeting", "the hearing", "talks", "the inquest". */
const EVENT_NOUN = String.raw`(?:meeting|hearing|inquiry|inquest|trial|talks|summit|conference|consultation|vote|ballot|referendum|election|ceremony|debate|appeal|tribunal|festival|session|visit|sale|auction|launch|opening|rally|march|strike|walkout|count|review|match|game|fixture|final|race|tournament|concert|performance|premiere|funeral|service|exhibition)`;

/**
 * An event stated without a time: "A public inquiry into the collapse will be held in Leeds", "the hearing will take
 * place at the county court", "talks are to resume". The gathering and that it goes ahead are on the record.
 */
export const EVENT_WITHOUT_TIME = new RegExp(
  String.raw`\b${EVENT_NOUN}s?\b(?:\s+[\w’'-]+){0,6}?\s+((?:will|would|’ll|'ll|is\s+to|are\s+to|is\s+due\s+to|are\s+due\s+to|is\s+set\s+to|are\s+set\s+to)\s+(?:now\s+|also\s+|then\s+)?(?:be\s+held|take\s+place|go\s+ahead|be\s+heard|resume|reopen|reconvene|begin|start|open|close|conclude|sit|convene|be\s+staged))\b`,
  "i",
);

/** A gathering at a named place: "at a public meeting at Oakridge Community Centre" (with EVENT_TIME: an event). */
export const EVENT_AT_PLACE = new RegExp(String.raw`\b(${EVENT_NOUN})\s+(?:at|in)\s+(?:the\s+)?[A-Z][a-z]`, "i");

/**
 * A biography in apposition: "Jane Roe, a former judge at the High Court", "Ellen Marsh, a retired nurse", or an
 * apposition cut off on its own ("a former chief of the general staff"). Runs to the next comma, semicolon or the end.
 */
export const APPOSITION_BIOGRAPHY =
  /(?:^|\b[A-Z][\w’'-]+,\s+)(?:a|an|the|his|her|their)\s+(?:(?:former|retired|one-time|onetime|previous|founding|long-serving|longtime|veteran|ex-)[\s-]*)(?:[a-z][\w’'-]*)[^,;]*/;

/**
 * Verbs that state a cause in themselves: "a heatwave killed the seagrass", "the flood washed away the footbridge",
 * "the strike forced the schools to close". The subject is what caused it.
 */
export const CAUSATIVE =
  /\b(?:killed|destroyed|damaged|wiped out|washed away|swept away|flooded|forced|prevented|disrupted|triggered|sparked|brought down|cost (?:the|them|him|her|it|us)\b)/i;

/**
 * A sequence of two past events, the first in a time clause: "When the clinics shut, families … stopped coming",
 * "After the mill closed, the town lost its bus route". The second is stated as following from the first.
 */
export const EVENT_SEQUENCE =
  /^(?:(?:and|but|so)\s+)?(?:when|after|once|as soon as)\s+(?!I\b|we\b|you\b)[^,]{3,80}?\b([a-z]{3,}ed|shut|closed|left|lost|fell|rose|began|ran|cut|went|came)\b[^,]*,\s+(?!(?:he|she|they|it)\b)(?![^,]*\b(?:I|we|you)\b)[^,]{0,80}?\b(?!said\b|felt\b|thought\b|hoped\b|wanted\b)([a-z]{3,}ed|shut|left|lost|fell|rose|began|ran|cut|went|came)\b/i;

/**
 * A reported past event: "said the new scheme had cut waiting lists", "told staff the ward had been closed", "said
 * some callers had described…". What happened is stated as fact by the source; thought and feeling verbs are not.
 */
export const REPORTED_PAST =
  /\b(?:said|says|told\s+\S+(?:\s+\S+)?|confirmed|revealed|disclosed|admitted|acknowledged|reported)\s+(?:on\s+\S+\s+)?(?:that\s+)?(?!(?:I|we|he|she|they|you)\s)(?:[^,.;“”]{1,60}?\s)?((?:had|has|have)\s+(?:not\s+|never\s+|already\s+|since\s+|also\s+|recently\s+)?(?:been\s+)?(?!(?:been|hoped|wanted|felt|believed|expected|thought|liked|loved|enjoyed|feared|worried|seemed|needed|tried|wished|looked)\b)(?:[a-z]{3,}ed|[a-z]{2,}en|built|made|sold|bought|paid|lost|won|sent|left|spent|shut|cut|put|held|met|taken|given|done|gone|grown|begun|run|brought|kept|told))\b/;

/** A finding of a document: "The audit warned that…", "the review concluded that…", "the study found…". */
export const DOCUMENT_FINDING =
  /\b(?:report|study|review|audit|survey|inspection|assessment|analysis|paper|research|inquiry|investigation|evaluation)\s+(?:\w+\s+){0,4}?(?:warned|warns|found|finds|concluded|concludes|recommended|recommends|estimated|estimates|showed|shows|identified|identifies)\b/i;

/** A clause opening with a third-person pronoun as its subject, for an act of someone named earlier ("She resigned in 2019"). */
export const PRONOUN_ACTOR =
  /^(?:(?:and|but|then|later|since then|in \d{4}),?\s+)?(?:he|she|it|they)\s+(?:(?:had|has|have|also|then|later|since|already|previously|recently|quickly|subsequently|never)\s+)*/i;

/** A generality about everyone or no one: "Nobody enjoys these decisions", "Everyone knows the cost". Not a checkable fact. */
export const GENERALITY = /^[“‘"']?(?:(?:and|but|so),?\s+)?(?:nobody|no one|no-one|everyone|everybody|anyone who|anybody who)\b/i;

/** Someone's reported hope or wish: "said it hoped to redeploy most of them", "hopes the talks succeed". */
export const REPORTED_HOPE = /\b(?:hoped|hopes|wished|wishes|is hoping|are hoping|was hoping)\b/i;

/**
 * A statement reported from a source about something other than the speaker: "Police said the driver was not wearing
 * a seatbelt", "The company says its lorries use the bypass", "According to the trust, the ward remains open". The
 * reported clause opens with a noun phrase (not I/we/he/she/they/it/this/that/there), so it is about a thing a record
 * can confirm rather than about the speaker. Needs a named source before the verb (checked where it is used).
 */
export const REPORTED_STATEMENT =
  /\b(?:said|says|told\s+(?:\S+\s+){0,2}?|confirmed|confirms|stated|states|maintains|maintained|insisted|insists)\s+(?:on\s+\S+\s+)?(?:that\s+)?(?!(?:I|we|he|she|they|you|it|this|that|there|these|those|what|how|why|when|if)\b)(?:the|a|an|its|their|his|her|our|most|some|many|all|no|every|each|both|[A-Z][\w’'-]*)\s+\S/;

/** "According to the trust, …", "According to Harbour Rail, …": a named source before the statement. */
export const ACCORDING_TO_SOURCE =
  /^according to (?:the\s+)?(?:[A-Z]|(?:\w+\s+){0,2}?(?:trust|council|company|police|ministry|agency|department|authority|operator|union|court|board|government)\b)/i;

/**
 * When a past event happened, as a record would date it: a year, a weekday, "yesterday", "last week", "overnight",
 * "earlier this month" (calendar dates and months are in DAY_DATE and EVENT_TIME).
 */
export const PAST_DATING =
  /\b(?:(?:in|since|during) (?:19|20)\d{2}|(?:between|from) (?:19|20)\d{2} (?:and|to|until) (?:19|20)\d{2}|on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|yesterday|overnight|last (?:week|month|year|night|spring|summer|autumn|winter|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|earlier this (?:week|month|year)|in (?:January|February|March|April|May|June|July|August|September|October|November|December))\b/;

/** A completed passive: "was arrested", "were evacuated", "had been sentenced", "was taken". */
export const COMPLETED_PASSIVE =
  /\b(?:was|were|(?:has|have|had)\s+(?:since\s+)?been)\s+(?:(?:\w+ly|later|since|then)\s+)?([a-z]{3,}ed|taken|given|held|sent|built|sold|bought|paid|shut|cut|put|found|caught|hit|struck|brought|won|lost|seized|stolen|beaten|killed|injured|hurt|jailed)\b/;

/** Past tense of common verbs of events outside PAST_VERB: "went into administration", "came into force". */
export const EVENT_PAST_VERB = /\b(?:went|came|fell|rose|broke|began|grew|flew|drove|sank|burned|burnt|collapsed)\b/;

/** A named place of an event: "at Kelby Crown Court", "in Dunmore". */
export const NAMED_PLACE = /\b(?:at|in)\s+(?:the\s+)?[A-Z][a-z]/;

/**
 * An outcome on the record, whoever brought it about: "Both men pleaded guilty", "The appeal was rejected", "was
 * elected in…", "Two people died". A court, an election or a death is a matter of record.
 */
export const OUTCOME =
  /\b(?:pleaded (?:guilty|not guilty)|(?:was|were|has been|have been|had been) (?:convicted|acquitted|jailed|sentenced|charged|arrested|cleared|elected|re-elected|appointed|suspended|sacked|dismissed|rejected|approved|refused|granted|upheld|overturned|quashed|withdrawn|cancell?ed|postponed|closed|banned|fined|evacuated|recalled|defeated|abandoned|scrapped|shelved|passed|adopted|ratified|carried|blocked|vetoed|dropped|named|chosen|crowned|nominated|shortlisted|knighted)|died|drowned)\b/;

/** An action under way by an actor: "Police are investigating", "the council is consulting on plans", "is suing the firm". */
export const ONGOING_ACTION =
  /\b(?:(?:is|are|was|were)\s+(?:now\s+|also\s+|still\s+|already\s+)?in\s+(?:talks|negotiations|discussions)\s+with|(?:has|have)\s+(?:now\s+|also\s+|already\s+)?(?:begun|started|stopped|ceased)\s+[a-z]{3,}ing|(?:is|are)\s+(?:now\s+|also\s+|still\s+)?(?:investigating|reviewing|consulting|suing|appealing|challenging|negotiating|recruiting|prosecuting|examining|auditing|inspecting|pursuing|seeking|balloting|piloting|trialling|trialing|testing|lobbying|funding))\b/;

/**
 * A place in a series, which a record can confirm: "the latest in a string of takeovers", "the third in a series of
 * strikes", "the second time this year". Read as a superlative.
 */
export const SERIES =
  /\bthe (?:latest|last|second|third|fourth|fifth|sixth|\d+(?:st|nd|rd|th)) (?:in a (?:long |growing )?(?:string|series|line|run|wave|spate|succession) of|time (?:this|in|since)\b)/i;

// ---- Round 7 (issue #20): the speaker's own acts and plans in transcripts, plans with a season or a spelled date ----

/**
 * An act of the speaker's organisation on the record, in the perfect: "we have commissioned an independent review", "we've
 * put a new management team into the yard", "I have appointed a new chair". A record (a contract, a notice, a minute)
 * can confirm it. Only concrete verbs of deciding, spending or setting up; not "we have never…" nor verbs of effort or
 * feeling ("we have worked hard", "I have learned").
 */
export const FIRST_PERSON_ACT =
  /^[“‘"']?(?:(?:and|but|so|now|today|already|since then|this year|last year),?\s+)?(?:we|I)(?:\s+have|’ve|'ve)\s+(?:now\s+|already\s+|also\s+|just\s+|since\s+|recently\s+)?(commissioned|appointed|hired|recruited|put(?=\s+(?:a|an|the|new|extra|more|\d))|invested|opened|built|bought|ordered|launched|introduced|published|signed|set up|allocated|secured|installed|employed|replaced|awarded|closed|sold|scrapped|suspended|written to|reported)\b(?!\s+(?:it|that|this)\b)/i;

/**
 * A trip the speaker announces with a time: "I'm going to Holm on the twelfth of December", "we are travelling to Brussels
 * next week" (needs EVENT_TIME; the place is capitalised).
 */
export const FIRST_PERSON_TRIP =
  /\b(?:I|we)(?:’m|'m|\s+am|’re|'re|\s+are|\s+will\s+be|’ll\s+be|'ll\s+be)\s+(?:going|travelling|traveling|flying|heading|coming)\s+(?:back\s+)?to\s+[A-Z][a-z]+/;

/**
 * A gathering someone will hold, with or without a time: "I'll be holding a public meeting in the village hall", "the
 * trust will be hosting an open day". The gathering going ahead is on the record.
 */
export const HOSTED_EVENT = new RegExp(
  String.raw`\b(?:will|’ll|'ll)\s+(?:also\s+)?be\s+(?:holding|hosting|chairing|staging|opening|launching)\s+(?:a|an|the|our|its|their|his|her)\s+(?:[\w’'-]+\s+){0,2}?${EVENT_NOUN}s?\b`,
  "i",
);

/**
 * A coming event with a named participant, stated in the passive: "will be joined by the water minister, Pavel Krenn",
 * "is to be chaired by Dame Ruth Lane", "will be led by the health board". Who takes part is on the record.
 */
export const FUTURE_PARTICIPANT =
  /\b(?:will|’ll|'ll|(?:is|are)\s+(?:due\s+|set\s+)?to)\s+(?:also\s+)?be\s+(?:joined|accompanied|met|chaired|led|hosted|opened|attended|headed|received|welcomed)\s+by\s+(?:(?:the|a|an|its|their|his|her)\s+)?(?:[\w’'-]+,?\s+){0,4}?(?:[A-Z][a-z]|(?:government|ministry|minister|council|committee|board|court|trust|agency|authority|mayor|president|delegation|team)\b)/;

/**
 * A mechanism stated as a result in a relative clause: "…, which slows decomposition", "…, which raises the risk of
 * flooding". The subject of the sentence is said to cause what follows.
 */
export const RESULT_RELATIVE =
  /,\s+(?:which|this)\s+(?:in turn\s+|then\s+)?(slows|speeds up|reduces|cuts|increases|raises|lowers|prevents|causes|triggers|releases|damages|kills|stops|weakens|strengthens|protects)\b/i;

/**
 * A general sequence in the present: "When the peat is drained, it dries out…", "once the water table comes back up, the bog
 * starts to heal". What follows the time clause is stated as the result of it. Not for I/we/you (advice or anecdote).
 */
export const PRESENT_SEQUENCE =
  /(?:^|\bis that\s+)(?:when|once|as soon as|whenever)\s+(?!(?:I|we|you)\b)[^,]{3,80},\s+(?!(?:I|we|you)\b)[^,]{0,60}?\b(starts?|begins?|stops?|dries|dry|falls?|rises?|drops?|grows?|shrinks?|recovers?|heals?|decomposes?|collapses?|fails?|breaks?|floods?|freezes?|melts?|releases?|returns?|increases?|decreases?|slows?)\b/i;

/**
 * Something that opens, closes, starts or ends in a season or at the turn of the year: "Applications will open in the
 * spring", "the new timetable is due to start from the new year". A season is too loose a time for any plan ("will
 * publish a strategy in the spring" stays an intention), but a start or an end in it is a scheduled change.
 */
export const SEASONAL_START = new RegExp(
  String.raw`((?:\bwill|’ll|'ll|\b(?:is|are) (?:due |set |scheduled )?to)\s+(?:(?:also|then|now|only)\s+)?(?:(?:re)?open|close|start|begin|resume|end|take effect|come into (?:force|effect)|launch|expire))\b[^.;]*?\b${SEASON_TIME}`,
  "i",
);
