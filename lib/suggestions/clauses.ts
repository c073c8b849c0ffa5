// Turns a sentence into the ranges a reviewer would highlight: without the quotation frame
// ("“…,” she said."), without trailing punctuation, and cut into clauses where one sentence
// joins separate claims ("…, but …", "…; …"). All functions return body offsets.
import { isWhitespaceChar } from "../anchoring/whitespace";
import { APPOSITION_BIOGRAPHY, BIOGRAPHY } from "./cues";
import type { Token } from "./nlp";

export type Range = { start: number; end: number };
/** The sentence's claim-bearing range, and who said it if the sentence is framed as a quote. */
export type Framed = Range & { speaker?: string; transcript?: boolean };

const OPENING_QUOTES = "“‘\"'";
const CLOSING_QUOTES = "”’\"'";
const TRAILING_PUNCTUATION = ".,;:";
const REPORTING = String.raw`(?:said|says|told [\w ]+?|added|claimed|insisted|argued|warned|explained|asked|wrote)`;
// "“…,” she said." / "“…,” said Dr Tom Hale, who led the study."
const QUOTE_THEN_SPEAKER = new RegExp(
  String.raw`^“([^“”]+?)[,.]?”\s+(?:((?:[A-Z][\w’'.-]*\s+){0,6}?(?:he|she|they|it|[A-Z][\w’'-]*))\s+(?:\w+\s+)?${REPORTING}|${REPORTING}\s+((?:[A-Z][\w’'.-]*\s?){1,6}))\b[^“”]*$`,
);
// "He said: “…" (the quotation may run on past the sentence)
const SPEAKER_THEN_QUOTE = new RegExp(
  String.raw`^((?:[A-Z][\w’'.-]*\s+){0,6}?(?:he|she|they|He|She|They|[A-Z][\w’'-]*))\s+(?:said|says|added|told [\w ]+?|wrote):\s+“`,
);

function balance(text: string): number {
  let open = 0;
  for (const ch of text) {
    if (ch === "“") open++;
    else if (ch === "”") open--;
  }
  return open;
}

/**
 * Shrinks body[start, end) (UTF-16 offsets) past whitespace, unbalanced quotation marks and trailing punctuation
 * ("?" and "!" stay; so does the final full stop of an abbreviation like "U.S."). Returns the trimmed range,
 * empty (start = end) when nothing is left. Pure.
 */
export function trimClaimRange(body: string, start: number, end: number): Range {
  for (;;) {
    const text = body.slice(start, end);
    const first = body[start];
    const last = body[end - 1];
    if (start >= end || first === undefined || last === undefined) return { start, end };
    if (isWhitespaceChar(first)) start++;
    else if (isWhitespaceChar(last)) end--;
    // A curly opening quote stays when its closing partner is inside the range ("“paid for itself” because…").
    else if (OPENING_QUOTES.includes(first) && (first !== "“" || balance(text) > 0)) start++;
    else if (CLOSING_QUOTES.includes(last) && (last !== "”" || balance(text) < 0)) end--;
    // …but not the full stop of an abbreviation such as "U.S."
    else if (TRAILING_PUNCTUATION.includes(last) && !/\b[A-Z]\.[A-Z]\.$/.test(text)) end--;
    else return { start, end };
  }
}

// "ADEYEMI: ", "MS LUND: ", "Q: " at the start of a transcript paragraph.
const TRANSCRIPT_SPEAKER = /^([A-Z][A-Z’'-]*(?: [A-Z][A-Z’'-]+)?):\s+/;

const TITLE = /^(?:President|Prime|Minister|Secretary|Dr|Mr|Mrs|Ms|Sir|Dame|Lord|Lady|MP|Councillor|Professor|Chancellor)$/;

function cleanSpeaker(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  let words = raw
    .trim()
    .replace(/,$/, "")
    .split(/\s+/)
    .filter((w) => /^[A-Z]/.test(w))
    .slice(-3);
  // "President Volodymyr Zelensky" → "Volodymyr Zelensky", but "Dr Hale" keeps its title.
  while (words.length > 2 && TITLE.test(words[0]!)) words = words.slice(1);
  const name = words.join(" ");
  return /^(?:He|She|They|It|We|I)$/.test(name) || name === "" ? undefined : name;
}

// "…, Ukrainian President Volodymyr Zelensky said", "Councillor Priya Raman, who leads on transport, said",
// "Mark Ellison, managing director of Calder Buses, the largest operator, said".
const NAMED_THEN_VERB =
  /(?:^|,\s+)((?:[A-Z][\w’'.-]*\s+){0,5}[A-Z][\w’'.-]*)(?:,\s+[^,“”]{3,80}){0,2},?\s+(?:said|says|told|claimed|insisted|argued|warned)\b/;

/**
 * The named source of an unquoted sentence: "…, Ukrainian President Volodymyr Zelensky said on Monday." gives
 * "Volodymyr Zelensky" (up to the last three capitalised words, a leading title dropped unless only two are
 * left); undefined when no name precedes said/says/told/claimed/insisted/argued/warned, or it is a pronoun.
 */
export function findSpeaker(sentence: string): string | undefined {
  return cleanSpeaker(NAMED_THEN_VERB.exec(sentence)?.[1]);
}

/**
 * Removes a transcript speaker label ("CARVER: …", its name becomes the speaker) and a quotation frame ("“…,” X said" or "X said: “…”") so the range (UTF-16 body offsets) is the quoted
 * claim itself, trimmed (trimClaimRange); keeps the speaker's name when the frame names one. Without a frame,
 * the trimmed range and no speaker. Pure.
 */
export function unframe(body: string, range: Range): Framed {
  // A transcript's speaker label ("CARVER: …", "Q: …") names the speaker and is not part of the claim.
  const label = TRANSCRIPT_SPEAKER.exec(body.slice(range.start, range.end));
  if (label) {
    const inner = unframe(body, { start: range.start + label[0].length, end: range.end });
    const name = label[1]!.length > 1 ? label[1]!.charAt(0) + label[1]!.slice(1).toLowerCase() : undefined;
    return { ...inner, speaker: inner.speaker ?? name, transcript: inner.speaker === undefined };
  }
  const text = body.slice(range.start, range.end);
  const after = QUOTE_THEN_SPEAKER.exec(text);
  if (after) {
    const inner = range.start + 1;
    return { ...trimClaimRange(body, inner, inner + after[1]!.length), speaker: cleanSpeaker(after[2] ?? after[3]) };
  }
  const before = SPEAKER_THEN_QUOTE.exec(text);
  if (before) return { ...trimClaimRange(body, range.start + before[0].length, range.end), speaker: cleanSpeaker(before[1]) };
  return trimClaimRange(body, range.start, range.end);
}

// Where one sentence joins two claims. ", and" only counts when a verb follows soon, so that
// "fuel and driver costs" or "spending and capability" stay whole.
// A "because" clause is a reason that can be checked on its own, even after "we must…"; a
// modal second predicate ("has not been invited … and will not accept") is a separate claim.
const HARD_BREAK =
  /;\s+|,\s+(?=(?:but|while|whereas|although|though|despite|yet)\b)|\s+–\s+(?=but\b)|,?\s+(?=because\b)|\s+and\s+(?=(?:will|would|could|must|should|may|might)\b)/g;
// ", and that …" is a second object of the same reporting verb ("announced that …, and that …"): not cut there.
const AND_BREAK = /,\s+(?=and\s(?!that\b))/g;
// The end of a biographical relative clause before the main verb: "Mr Sahl, who was previously a deputy mayor of
// Norrvik, | has said he will not join…", so the biography and the main claim are suggested (or not) apart.
const RELATIVE_CLAUSE = /,\s+who\s+[^,;“”]*(?=,\s)/g;

function startsIndependentClause(tokens: readonly Token[], from: number, limit: number): boolean {
  const first = tokens.findIndex((t) => t.start >= from);
  if (first === -1) return false;
  for (let i = first + 1; i < Math.min(tokens.length, first + 7) && tokens[i]!.start < limit; i++) {
    const token = tokens[i]!;
    if (token.pos === "PUNCT") return false;
    if (token.pos === "VERB" || token.pos === "AUX") return i > first + 1;
  }
  return false;
}

/**
 * Cuts a sentence range of `body` into clause ranges (UTF-16 body offsets, in order, none empty): at semicolons,
 * before but/while/although/because…, at ", and" when a verb follows soon (using the sentence's `tokens`), after a
 * biographical relative clause ("X, who was previously…, | said…") and after a biography in apposition ("X, a former
 * judge at…, | said…").
 * Connectives like "but" stay at the start of the next clause, then are skipped; each clause is trimmed. Pure.
 */
export function splitClauses(body: string, range: Range, tokens: readonly Token[]): Range[] {
  const text = body.slice(range.start, range.end);
  const cuts: { at: number; resume: number }[] = [];
  for (const m of text.matchAll(HARD_BREAK)) cuts.push({ at: m.index, resume: m.index + m[0].length });
  for (const m of text.matchAll(AND_BREAK)) {
    const resume = m.index + m[0].length;
    if (startsIndependentClause(tokens, range.start + resume, range.end)) cuts.push({ at: m.index, resume });
  }
  for (const m of text.matchAll(RELATIVE_CLAUSE)) {
    if (!BIOGRAPHY.test(m[0])) continue;
    const at = m.index + m[0].length;
    cuts.push({ at, resume: at + (/^,\s+/.exec(text.slice(at))?.[0].length ?? 0) });
  }
  // …and after a biography in apposition closed by a comma ("Ms Roe, a former judge at the High Court, | said…").
  for (const m of text.matchAll(APPOSITION_CUT)) {
    const at = m.index + m[0].length - 1;
    cuts.push({ at, resume: at + (/^,\s*/.exec(text.slice(at))?.[0].length ?? 1) });
  }
  cuts.sort((a, b) => a.at - b.at);
  const clauses: Range[] = [];
  let from = 0;
  for (const cut of cuts) {
    if (cut.at <= from) continue;
    clauses.push({ start: range.start + from, end: range.start + cut.at });
    from = cut.resume;
  }
  clauses.push({ start: range.start + from, end: range.end });
  return clauses.map((c) => skipConnective(body, trimClaimRange(body, c.start, c.end))).filter((c) => c.end > c.start);
}

const APPOSITION_CUT = new RegExp(`(?:${APPOSITION_BIOGRAPHY.source}),`, "g");

const CONNECTIVE = /^(?:but|and|while|whereas|although|though|yet|so|or)\s+/i;

function skipConnective(body: string, range: Range): Range {
  const m = CONNECTIVE.exec(body.slice(range.start, range.end));
  return m ? { start: range.start + m[0].length, end: range.end } : range;
}
