// Makes a numeric claim structured enough to compare with a source: "The UK currently spends
// around 2.3 per cent of gross national product on defence" →
// { value: 2.3, unit: "percent", shareOf: "gross national product", subject: "defence spending",
//   place: "UK", period: "current", approximate: true }.
import { analyze, type Token } from "./nlp";
import { findPlace } from "./places";
import { findQuantities, type Bound, type Quantity } from "./quantities";

export type NumericClaim = {
  value: number;
  unit: string;
  shareOf?: string;
  subject?: string;
  place?: string;
  period?: string;
  approximate: boolean;
  /** "more than 3 per cent" → bound "more than", value 3. */
  bound?: Bound;
  /** Direction of a change the number describes ("rose by", "hike spending to"). */
  change?: "increase" | "decrease";
  /** The earlier value in "from 38 per cent to 52 per cent". */
  from?: number;
  /** The words of the quantity itself, e.g. "around 2.3 per cent". */
  quantity: string;
};

const ECONOMY: [RegExp, string][] = [
  [/^(?:gross domestic product|GDP|(?:the\s+)?(?:size of the\s+)?economy|economic output|national output)$/i, "gross domestic product"],
  [/^(?:gross national product|GNP)$/i, "gross national product"],
  [/^(?:gross national income|GNI|national income)$/i, "gross national income"],
];
const SHARE_OF = /^\s+(?:share\s+)?of\s+(?:the\s+)?([A-Za-z&’'-]+(?:\s+[A-Za-z&’'-]+){0,5})/;
const NP_STOP =
  /^(?:were|was|is|are|have|has|had|will|would|on|in|at|for|to|from|by|with|who|that|which|than|and|but|rose|fell|said|this|last|next|travelling|made|seen|run)$/i;

function nounPhrase(words: string): string | undefined {
  const kept: string[] = [];
  for (const word of words.split(/\s+/)) {
    if (NP_STOP.test(word)) break;
    kept.push(word);
  }
  return kept.length > 0 ? kept.join(" ") : undefined;
}

function shareOf(text: string, q: Quantity): string | undefined {
  const m = SHARE_OF.exec(text.slice(q.end));
  if (!m) return undefined;
  const phrase = nounPhrase(m[1]!);
  if (!phrase) return undefined;
  for (const [re, name] of ECONOMY) {
    for (let n = phrase.split(" ").length; n > 0; n--) {
      if (re.test(phrase.split(" ").slice(0, n).join(" "))) return name;
    }
  }
  return q.kind === "percent" || q.kind === "fraction" || q.kind === "ratio" ? phrase : undefined;
}

// "[^.;]" would stop at the decimal point of "2.3", so a dot only counts as an end before a non-digit.
const SPENDING_ON = /\bspen(?:d|ds|ding|t)\b(?:[^.;]|\.(?=\d))*?\bon\s+([a-z]+(?:\s+[a-z]+)?)/i;
const NAMED_SPENDING = /\b([a-z]+)\s+spending\b/i;
const PART_OF =
  /\b(?:the\s+)?(?:share|proportion|number|percentage|rate|level|amount|cost)\s+of\s+((?:[\w’'-]+\s+){0,5}?[\w’'-]+?)(?=\s+(?:was|were|is|are|has|have|had|rose|fell|run|travelling|in|on|at)\b)/i;
const SUBJECT_POS = new Set(["NOUN", "PROPN", "ADJ"]);

function subjectOf(text: string, tokens: readonly Token[], place: string | undefined, quantities: readonly Quantity[]): string | undefined {
  const spendingOn = SPENDING_ON.exec(text);
  if (spendingOn) {
    const what = nounPhrase(spendingOn[1]!);
    if (what) return `${what} spending`;
  }
  const named = NAMED_SPENDING.exec(text);
  if (named && !NP_STOP.test(named[1]!) && !/^(?:the|a|on|of|in|to)$/i.test(named[1]!)) return `${named[1]!.toLowerCase()} spending`;
  if (/\bspending\b/i.test(text)) return "spending";
  const part = PART_OF.exec(text);
  if (part) return part[1]!;
  // Otherwise the noun chunk right before the first verb: "Bus journeys in Calderside rose by…".
  // Quantity words ("73 per cent of …") are skipped so the chunk is what they measure; "of" and
  // "and" may join proper nouns ("Department of Health and Social Care").
  const inQuantity = (t: Token) => quantities.some((q) => t.start >= q.start && t.end <= q.end);
  let chunk: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.pos === "VERB" || token.pos === "AUX") break;
    if (inQuantity(token)) continue;
    const joinsNames =
      chunk.length > 0 && chunk[chunk.length - 1]!.pos === "PROPN" && /^(?:of|and)$/.test(token.text) && tokens[i + 1]?.pos === "PROPN";
    if (SUBJECT_POS.has(token.pos) || joinsNames) chunk.push(token);
    else if (chunk.length > 0) break;
  }
  while (chunk.length > 0 && chunk[0]!.pos === "ADJ" && /^(?:only|just|almost|nearly)$/i.test(chunk[0]!.text)) chunk = chunk.slice(1);
  if (chunk.length === 0) return undefined;
  const phrase = text.slice(chunk[0]!.start, chunk[chunk.length - 1]!.end);
  if (phrase === place || findPlace(phrase)?.name === phrase) return undefined;
  // A capital that is only there because the sentence starts with it is not part of the name.
  // (wink tags most capitalised words as PROPN, so a lone one at the start is read as a common noun).
  const capitalOnlyByPosition = chunk[0]!.start === 0 && !/^[A-Z]{2,}/.test(phrase) && (chunk.length === 1 || chunk[1]!.pos !== "PROPN");
  return capitalOnlyByPosition ? phrase.charAt(0).toLowerCase() + phrase.slice(1) : phrase;
}

const MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December";
const PERIODS: { re: RegExp; name: (m: RegExpExecArray) => string; priority: number }[] = [
  { re: /\bby (?:the )?(?:end of (?:the )?)?(?:\d{4}s?|next (?:year|decade|parliament))\b/gi, name: (m) => m[0], priority: 2 },
  { re: /\b(?:currently|at present|these days|now)\b/gi, name: () => "current", priority: 2 },
  { re: new RegExp(String.raw`\b(?:twelve|12|three|six) months to (?:${MONTHS})(?: \d{4})?`, "gi"), name: (m) => m[0], priority: 1 },
  { re: /\bsince (?:the )?(?:\d{4}|autumn|spring|summer|winter|pandemic)\b/gi, name: (m) => m[0], priority: 1 },
  {
    re: /\b(?:last|this|next) (?:year|month|week|winter|summer|spring|autumn|decade)\b|\ba year earlier\b|\bthe year before\b/gi,
    name: (m) => m[0],
    priority: 1,
  },
  {
    re: new RegExp(String.raw`\b(?:in|during|for) ((?:${MONTHS})(?: \d{4})?|\d{4}(?:[/–-]\d{2,4})?)\b`, "gi"),
    name: (m) => m[1]!,
    priority: 1,
  },
  { re: /\b(?:in|during) the (\d{4}s)\b/g, name: (m) => `the ${m[1]}`, priority: 1 },
];

// "currently" and "by the 2030s" bind strongly, but only to a number close by: in "2.5 per cent
// allows …, but it needs to go up to at least 3.5 per cent by the 2030s" the date is 3.5's.
const STRONG_PERIOD_REACH = 40;

function periodOf(text: string, q: Quantity): string | undefined {
  let best: { name: string; priority: number; distance: number } | undefined;
  for (const { re, name, priority } of PERIODS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const distance = m.index >= q.end ? m.index - q.end : Math.max(0, q.start - (m.index + m[0].length));
      if (priority > 1 && distance > STRONG_PERIOD_REACH) continue;
      if (!best || priority > best.priority || (priority === best.priority && distance < best.distance))
        best = { name: name(m), priority, distance };
    }
  }
  return best?.name;
}

const INCREASE =
  /\b(?:r[io]se[ns]?|rising|increase[sd]?|increasing|grew|grown|grow|up|hike|raise[sd]?|climbed|jumped|surged|doubled|trebled|exceed|go up|soared)\b/gi;
const DECREASE = /\b(?:fell|fallen|falls?|cut|cuts|dropped|drop|declined?|down|halved|reduced?|reduction|slumped|plunged|shrank)\b/gi;

function changeOf(text: string, q: Quantity): "increase" | "decrease" | undefined {
  const before = text.slice(Math.max(0, q.start - 80), q.start);
  const last = (re: RegExp) => Math.max(-1, ...Array.from(before.matchAll(re), (m) => m.index));
  const up = last(INCREASE);
  const down = last(DECREASE);
  if (up === -1 && down === -1) return undefined;
  return up > down ? "increase" : "decrease";
}

const RANK: Record<Quantity["kind"], number> = {
  percent: 3,
  "percentage-points": 3,
  money: 3,
  fraction: 2,
  ratio: 2,
  multiple: 1,
  count: 1,
};
function rank(q: Quantity): number {
  if (q.kind === "count" && (q.value >= 1000 || q.unit !== "count")) return 2;
  return RANK[q.kind];
}

/**
 * What a caller may already have read from a text, so reading its numbers does not do it again (issue #21:
 * suggestion scoring ran wink-nlp and the quantity search once more for every statistic clause).
 * `quantities`: findQuantities(text). `tokens`: the text's tokens with offsets into the text (analyze(text), or
 * the tokens of a larger analysed document that fall inside this text, shifted to start at 0).
 */
export type ParsedText = { quantities?: readonly Quantity[]; tokens?: readonly Token[] };

/**
 * Every numeric claim in `text`, in order: value (percent as 2.3 for 2.3%, money in whole currency units,
 * fractions as 0..1), unit, and what the text says about it (share of, subject, place, period, bound, direction
 * of change). "from X to Y" and "Y, up from X" become one claim with `from`. Runs wink-nlp (see analyze) only when
 * there is a quantity, and not at all when `parsed.tokens` are given. Pure; [] when the text states no number.
 * `parsed`: what a caller already read from this same `text` (ParsedText), reused instead of computed again.
 */
export function extractNumericClaims(text: string, parsed: ParsedText = {}): NumericClaim[] {
  const quantities = parsed.quantities ?? findQuantities(text);
  if (quantities.length === 0) return [];
  const tokens = parsed.tokens ?? analyze(text).tokens;
  const place = findPlace(text)?.name;
  const subject = subjectOf(text, tokens, place, quantities);
  const context = { subject, place };

  // A baseline is folded into the claim it qualifies: in "from 38 per cent to 52 per cent" the
  // next number of the same kind, in "58.4 million trips …, up from 48.3 million" the nearest
  // earlier one (other numbers, such as "twelve months", may stand between).
  const baselineOf = new Map<Quantity, { from: number; periodEnd?: number }>();
  const folded = new Set<Quantity>();
  quantities.forEach((q, i) => {
    const next = quantities.slice(i + 1).find((r) => r.kind === q.kind);
    if (next && /\bfrom\s+$/i.test(text.slice(0, q.start)) && /^\s+(?:in\s+\S+\s+)?to\s+$/.test(text.slice(q.end, next.start))) {
      baselineOf.set(next, { from: q.value });
      folded.add(q);
      return;
    }
    const upFrom = /,?\s+(?:up|down) from\s+$/i.exec(text.slice(0, q.start));
    const target = upFrom ? baselinePartner(q, quantities.slice(0, i)) : undefined;
    if (upFrom && target && !baselineOf.has(target)) {
      baselineOf.set(target, { from: q.value, periodEnd: upFrom.index });
      folded.add(q);
    }
  });
  return quantities
    .filter((q) => !folded.has(q))
    .map((q) => {
      const baseline = baselineOf.get(q);
      if (!baseline) return toClaim(text, q, context);
      // The baseline's own period ("a year earlier") must not become the claim's period.
      return toClaim(text, q, {
        ...context,
        from: baseline.from,
        periodText: baseline.periodEnd === undefined ? undefined : text.slice(0, baseline.periodEnd),
      });
    });
}

/** The earlier quantity a baseline qualifies: same kind, and the same unit or a comparable size. */
function baselinePartner(baseline: Quantity, earlier: readonly Quantity[]): Quantity | undefined {
  const comparable = (r: Quantity) =>
    r.unit === baseline.unit ||
    (baseline.unit === "count" && r.value > 0 && baseline.value / r.value >= 0.1 && baseline.value / r.value <= 10);
  return [...earlier].reverse().find((r) => r.kind === baseline.kind && comparable(r));
}

type ClaimContext = { subject?: string; place?: string; from?: number; periodText?: string };

function toClaim(text: string, q: Quantity, context: ClaimContext): NumericClaim {
  const claim: NumericClaim = { value: q.value, unit: q.unit, approximate: q.approximate, quantity: text.slice(q.start, q.end) };
  const share = shareOf(text, q);
  if (share) claim.shareOf = share;
  if (context.subject) claim.subject = context.subject;
  if (context.place) claim.place = context.place;
  const period = periodOf(context.periodText ?? text, q);
  if (period) claim.period = period;
  if (q.bound) claim.bound = q.bound;
  if (context.from !== undefined) claim.from = context.from;
  const change = context.from !== undefined ? (q.value >= context.from ? "increase" : "decrease") : changeOf(text, q);
  if (change) claim.change = change;
  return claim;
}

/**
 * The main numeric claim of `text` (the first of its most specific quantities: percentages and money before
 * counts), or null if it states no number. See extractNumericClaims for the shape. Never throws: the structure
 * is a help for the checker, so a bug in reading numbers is logged and leaves the claim without it instead of
 * refusing the claim. `parsed` as for extractNumericClaims.
 */
export function extractNumericClaim(text: string, parsed: ParsedText = {}): NumericClaim | null {
  try {
    return mainNumericClaim(text, parsed);
  } catch (err) {
    console.error("[factdesk] could not read the numbers of a claim:", err);
    return null;
  }
}

function mainNumericClaim(text: string, parsed: ParsedText): NumericClaim | null {
  const quantities = parsed.quantities ?? findQuantities(text);
  const claims = extractNumericClaims(text, { ...parsed, quantities });
  if (claims.length === 0) return null;
  let best = claims[0]!;
  let bestRank = -1;
  for (const claim of claims) {
    const q = quantities.find((candidate) => text.slice(candidate.start, candidate.end) === claim.quantity);
    const r = q ? rank(q) : 0;
    if (r > bestRank) {
      best = claim;
      bestRank = r;
    }
  }
  return best;
}
