// Finds quantities in text: "around 2.3 per cent", "£9.6m", "58.4 million trips", "a third",
// "one in eight", "twice", "2,914 people". Pure regular expressions over the text so that the
// offsets are exact and the behaviour is easy to read and test.

export type QuantityKind = "percent" | "percentage-points" | "money" | "count" | "fraction" | "ratio" | "multiple";
export type Bound = "more than" | "at least" | "less than" | "at most" | "up to";

export type Quantity = {
  kind: QuantityKind;
  value: number;
  /** "percent", "GBP", "trips", "fraction", "times" … */
  unit: string;
  start: number;
  end: number;
  approximate: boolean;
  bound?: Bound;
};

const SMALL: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
  a: 1,
  an: 1,
};
const MAGNITUDE: Record<string, number> = {
  hundred: 1e2,
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  m: 1e6,
  mn: 1e6,
  billion: 1e9,
  bn: 1e9,
  trillion: 1e12,
  tn: 1e12,
};
const DENOMINATOR: Record<string, number> = {
  half: 2,
  halves: 2,
  third: 3,
  thirds: 3,
  quarter: 4,
  quarters: 4,
  fifth: 5,
  fifths: 5,
  sixth: 6,
  sixths: 6,
  seventh: 7,
  sevenths: 7,
  eighth: 8,
  eighths: 8,
  ninth: 9,
  ninths: 9,
  tenth: 10,
  tenths: 10,
};
const CURRENCY: Record<string, string> = { "£": "GBP", $: "USD", "€": "EUR", pounds: "GBP", pence: "GBP", dollars: "USD", euros: "EUR" };

const WORD_NUMBER = `(?:${Object.keys(SMALL)
  .filter((w) => w !== "a" && w !== "an")
  .join("|")})(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?`;
// A number starts where no digit, and no digit and thousands comma, comes before it: without that, a pattern that fails
// after the number ("1111…" with no "%" after it) was tried again from every digit of the run, time quadratic in its
// length. A comma after anything else is no thousands comma: "March,40%" and "5%,6%" keep their numbers.
const DIGITS = String.raw`(?<!\d)(?<!\d,)(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)`;
const NUMBER = `(?:${DIGITS}|${WORD_NUMBER})`;
const MAGNITUDE_WORD = String.raw`(?:\s?(?:bn|mn|tn|m|k)\b|\s(?:hundred|thousand|million|billion|trillion)s?\b)`;
const APPROX = String.raw`(?:around|about|approximately|roughly|nearly|almost|some|an estimated|an average of|close to|just under|just over|circa|c\.)`;
const BOUND = String.raw`(?:more than|over|above|at least|fewer than|less than|under|below|at most|up to|as many as|as much as)`;
const QUALIFIER = `(?:(?:${APPROX}|${BOUND})\\s+)?`;

const PATTERNS: { kind: QuantityKind; re: RegExp }[] = [
  { kind: "percentage-points", re: new RegExp(String.raw`${QUALIFIER}(${NUMBER})\s*(?:percentage points?|pts|points)\b`, "gi") },
  { kind: "percent", re: new RegExp(String.raw`${QUALIFIER}(${NUMBER})\s*(?:%|per\s?cent\b|percent\b)`, "gi") },
  { kind: "money", re: new RegExp(String.raw`${QUALIFIER}([£$€])\s?(${DIGITS})(${MAGNITUDE_WORD})?`, "gi") },
  { kind: "money", re: new RegExp(String.raw`${QUALIFIER}(${NUMBER})(${MAGNITUDE_WORD})?\s(pounds|pence|dollars|euros)\b`, "gi") },
  { kind: "ratio", re: new RegExp(String.raw`${QUALIFIER}\b(${NUMBER})\s(?:in|out of)\s(${NUMBER})\b(?!\s?(?:%|per\s?cent))`, "gi") },
  {
    kind: "fraction",
    re: new RegExp(
      String.raw`${QUALIFIER}\b(a|an|one|two|three|four|five|six|seven|eight|nine)[\s-](half|third|quarter|fifth|sixth|seventh|eighth|ninth|tenth)s?\b`,
      "gi",
    ),
  },
  { kind: "fraction", re: new RegExp(String.raw`${QUALIFIER}\b(half)\b(?=\s(?:of|the|a|an|as)\b)`, "gi") },
  {
    kind: "multiple",
    re: new RegExp(String.raw`${QUALIFIER}\b(twice|double|doubled|treble|trebled|triple|tripled|(?:${NUMBER})\stimes)\b`, "gi"),
  },
  { kind: "count", re: new RegExp(String.raw`${QUALIFIER}\b(${NUMBER})(${MAGNITUDE_WORD})?\b`, "gi") },
];

/**
 * A number written in digits ("2,914", "2.3"; commas as thousands separators) or in English words up to the
 * hundreds ("forty-two", "two hundred", "a" = 1), case-insensitive; undefined for anything else (e.g.
 * "one hundred and five", "1.2.3"). Magnitude words ("million") are handled by the caller.
 */
export function parseNumber(raw: string): number | undefined {
  const text = raw.toLowerCase().trim();
  if (/^[\d,.]+$/.test(text)) {
    const value = Number(text.replace(/,/g, ""));
    return Number.isFinite(value) ? value : undefined;
  }
  const parts = text.split(/[- ]/);
  let total = 0;
  for (const part of parts) {
    const value = SMALL[part];
    if (value === undefined) return undefined;
    total = value === 100 ? Math.max(total, 1) * 100 : total + value;
  }
  return total;
}

function magnitudeOf(raw: string | undefined): number {
  if (!raw) return 1;
  return MAGNITUDE[raw.trim().toLowerCase().replace(/s$/, "")] ?? 1;
}

function qualifierOf(match: string): { approximate: boolean; bound?: Bound } {
  const lower = match.toLowerCase();
  if (new RegExp(`^${APPROX}\\s`).test(lower)) return { approximate: true };
  if (/^(more than|over|above|as many as|as much as)\s/.test(lower)) return { approximate: false, bound: "more than" };
  if (/^at least\s/.test(lower)) return { approximate: false, bound: "at least" };
  if (/^(fewer than|less than|under|below)\s/.test(lower)) return { approximate: false, bound: "less than" };
  if (/^at most\s/.test(lower)) return { approximate: false, bound: "at most" };
  if (/^up to\s/.test(lower)) return { approximate: false, bound: "up to" };
  return { approximate: false };
}

// Numbers that are not quantities: years, ages after a name ("Aisha Khan, 17,"), route and
// phone numbers ("the 42 bus", "999"), times, ordinals and parts of hyphenated ranges.
function isCountNoise(text: string, start: number, end: number, raw: string): boolean {
  const before = text.slice(Math.max(0, start - 3), start);
  const after = text.slice(end, end + 12);
  const value = parseNumber(raw);
  if (value === undefined) return true;
  if (/^\d{4}$/.test(raw) && value >= 1800 && value <= 2100) return true;
  if (/^(s|st|nd|rd|th)\b/i.test(after) || /^[-–]\s?(?:to\b|year)/i.test(after) || /^(am|pm)\b|^:\d/i.test(after)) return true;
  if (/,\s$/.test(before) && /^,/.test(after) && value < 120) return true;
  if (/^\s(?:bus|road|route|number)\b/i.test(after)) return true;
  if (/^(a|an)$/i.test(raw)) return true;
  return false;
}

const NOUN_PHRASE_STOP = new Set([
  "a",
  "an",
  "the",
  "in",
  "on",
  "at",
  "for",
  "to",
  "from",
  "by",
  "with",
  "of",
  "than",
  "that",
  "which",
  "who",
  "was",
  "were",
  "is",
  "are",
  "has",
  "have",
  "had",
  "be",
  "been",
  "will",
  "would",
  "this",
  "last",
  "next",
  "per",
  "a",
]);

const IRREGULAR_PLURALS = new Set(["people", "children", "men", "women", "staff", "police", "personnel", "cattle", "sheep", "fish"]);

/** The plural noun a number counts: "40 extra short-term care home beds" → "beds"; none for "48.3 million a year". */
function countedNoun(after: string): string | undefined {
  const words = after.slice(0, 60).split(/\s+/).slice(1, 7);
  let noun: string | undefined;
  for (const raw of words) {
    const word = raw.toLowerCase().replace(/[’']s$/, "");
    const clean = word.replace(/[^a-z&-]+$/, "");
    if (clean === "" || NOUN_PHRASE_STOP.has(clean) || !/^[a-z&-]+$/.test(clean)) break;
    if ((/[a-z]s$/.test(clean) && !/(ss|us|is)$/.test(clean)) || IRREGULAR_PLURALS.has(clean)) noun = clean;
    if (clean !== word) break; // punctuation ends the phrase
  }
  return noun;
}

/**
 * Every quantity in `text`, left to right, with its kind, value (money in whole currency units with magnitudes
 * applied, "£9.6m" → 9,600,000 GBP; fractions and ratios as 0..1), unit, UTF-16 [start, end) offsets of the
 * words including a qualifier ("around", "more than"), and whether it is approximate or bounded. Years, ages,
 * route numbers, times and ordinals are not quantities. Where two patterns claim the same words, the earlier
 * pattern (more specific) wins. Pure.
 */
export function findQuantities(text: string): Quantity[] {
  // `taken` stays in text order and its ranges never overlap, so one pointer walks it beside each pattern's matches
  // (which come left to right), and each pattern's finds merge in: time linear in the number of figures per pattern.
  // Checking every match against every figure taken before it was quadratic (5,000 figures in one clause: 4.5 s).
  let taken: Quantity[] = [];
  for (const { kind, re } of PATTERNS) {
    re.lastIndex = 0;
    const added: Quantity[] = [];
    let next = 0; // the first taken range that ends after the current match's start
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (m[0] === "") continue;
      while (next < taken.length && taken[next]!.end <= start) next++;
      if (next < taken.length && taken[next]!.start < end) continue;
      const quantity = toQuantity(kind, m, text, start, end);
      if (quantity) added.push(quantity);
    }
    if (added.length > 0) taken = mergeByStart(taken, added);
  }
  return taken;
}

/** Two lists of ranges, each in order of start, as one list in order of start (a's first on a tie). Linear. */
function mergeByStart(a: readonly Quantity[], b: readonly Quantity[]): Quantity[] {
  const merged: Quantity[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]!.start <= b[j]!.start)) merged.push(a[i++]!);
    else merged.push(b[j++]!);
  }
  return merged;
}

function toQuantity(kind: QuantityKind, m: RegExpExecArray, text: string, start: number, end: number): Quantity | undefined {
  const qualifier = qualifierOf(m[0]);
  const base = { kind, start, end, ...qualifier };
  switch (kind) {
    case "percent":
    case "percentage-points": {
      const value = parseNumber(m[1]!);
      return value === undefined ? undefined : { ...base, value, unit: kind === "percent" ? "percent" : "percentage points" };
    }
    case "money": {
      const symbolFirst = m[1] !== undefined && CURRENCY[m[1]] !== undefined;
      const value = parseNumber(symbolFirst ? m[2]! : m[1]!);
      const unitWord = symbolFirst ? m[1]! : m[3]!.toLowerCase();
      if (value === undefined) return undefined;
      const scale = unitWord === "pence" ? 0.01 : 1;
      return { ...base, value: value * magnitudeOf(symbolFirst ? m[3] : m[2]) * scale, unit: CURRENCY[unitWord] ?? "money" };
    }
    case "ratio": {
      const numerator = parseNumber(m[1]!);
      const denominator = parseNumber(m[2]!);
      if (numerator === undefined || !denominator || numerator > denominator) return undefined;
      return { ...base, value: numerator / denominator, unit: "fraction" };
    }
    case "fraction": {
      const denominator = DENOMINATOR[(m[2] ?? m[1]!).toLowerCase()];
      const numerator = m[2] === undefined ? 1 : (parseNumber(m[1]!) ?? 1);
      return denominator ? { ...base, value: numerator / denominator, unit: "fraction" } : undefined;
    }
    case "multiple": {
      const word = m[1]!.toLowerCase();
      const value = /^(twice|double)/.test(word) ? 2 : /^(treble|triple)/.test(word) ? 3 : parseNumber(word.replace(/\stimes$/, ""));
      return value === undefined ? undefined : { ...base, value, unit: "times" };
    }
    case "count": {
      const raw = m[1]!;
      const numberStart = end - (m[2]?.length ?? 0) - raw.length;
      if (isCountNoise(text, numberStart, numberStart + raw.length, raw)) return undefined;
      const value = parseNumber(raw);
      if (value === undefined) return undefined;
      const noun = countedNoun(text.slice(end));
      // "one of several", "a costly one": number words only count something when a noun or a magnitude says what.
      if (!/\d/.test(raw) && !noun && !m[2]) return undefined;
      // "the one politicians keep quoting": a lone "one" before a plural is a pronoun, not a count.
      if (value === 1 && !m[2]) return undefined;
      return { ...base, value: value * magnitudeOf(m[2]), unit: noun ?? "count" };
    }
  }
}
