// The one place that talks to wink-nlp. Token offsets computed here are exact UTF-16 offsets
// into the text we were given (each token is found in it, see analyze). Everything else in
// this module works on these plain arrays, never on wink objects.
import winkNLP, { type ItemSentence } from "wink-nlp";
import model from "wink-eng-lite-web-model";

export type Token = { text: string; start: number; end: number; pos: string };
/** A sentence as a half-open range of body offsets and of token indices. */
export type Sentence = { start: number; end: number; firstToken: number; lastToken: number };
export type Analysis = { tokens: Token[]; sentences: Sentence[] };

/**
 * The longest run of non-whitespace characters (UTF-16 units) wink-nlp is given. Its tokeniser tries an e-mail
 * pattern on each such run that rescans it from every position, so a 50,000-character run took tens of seconds
 * (quadratic); with runs capped at this length the work is at most linear in the text's length. No word of prose is
 * that long: the longest in the 92 labelled articles of bench/labels is 28 (an e-mail address); long URLs fit.
 */
export const MAX_WORD_CHARS = 200;
// A run longer than MAX_WORD_CHARS: linear to find (a failed attempt stops within MAX_WORD_CHARS + 1 characters).
const OVERLONG_WORD = new RegExp(String.raw`\S{${MAX_WORD_CHARS + 1},}`, "g");
const HAS_OVERLONG_WORD = new RegExp(String.raw`\S{${MAX_WORD_CHARS + 1}}`);

// Loading the model takes ~100 ms; do it once, on first use, so importing the module is cheap.
let nlp: ReturnType<typeof winkNLP> | undefined;
function instance(): ReturnType<typeof winkNLP> {
  nlp ??= winkNLP(model, ["sbd", "pos"]);
  return nlp;
}

function strings(values: readonly unknown[]): string[] {
  return values.map((v) => String(v));
}

/**
 * Tokens (text, UTF-16 [start, end) offsets into `text`, wink-nlp POS tag) and sentences (offset and token
 * ranges) of `text`; sentences never cross a paragraph break ("\n\n"). Loads the English model on first use
 * (about 100 ms, once per process). Token offsets are found in `text` itself rather than summed from wink's
 * "preceding spaces": wink drops some characters (trailing whitespace, U+2028, a byte-order mark), and
 * summing would put every later token in the wrong place. A token wink changed beyond finding is left out.
 * A run of more than MAX_WORD_CHARS non-whitespace characters is no token at all, and a sentence ends before it, so
 * no sentence holds one. Takes time linear in the text's length. Never throws for any string.
 */
export function analyze(text: string): Analysis {
  const wink = instance();
  const its = wink.its;
  // wink sees blanks of the same length instead, so every other token keeps its offsets. Tokens are looked for in
  // that same blanked text: where wink drops a character (U+2028, U+3000, a byte-order mark) the search below falls
  // back to indexOf, which in the original text found a word inside an overlong run and put the token there.
  const seen = text.replace(OVERLONG_WORD, (run) => " ".repeat(run.length));
  const doc = wink.readDoc(seen);
  const values = strings(doc.tokens().out(its.value));
  const spaces = strings(doc.tokens().out(its.precedingSpaces));
  const tags = strings(doc.tokens().out(its.pos));
  const tokens: Token[] = [];
  // wink's token index → index in `tokens` (-1: left out).
  const position: number[] = [];
  let offset = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    const expected = offset + spaces[i]!.length;
    const start = seen.startsWith(value, expected) ? expected : value === "" ? -1 : seen.indexOf(value, offset);
    if (start === -1) {
      position.push(-1);
      continue;
    }
    position.push(tokens.length);
    tokens.push({ text: value, start, end: start + value.length, pos: tags[i]! });
    offset = start + value.length;
  }

  const sentences: Sentence[] = [];
  doc.sentences().each((sentence: ItemSentence) => {
    const span = sentence.out(its.span);
    if (!Array.isArray(span) || span.length < 2) return;
    const kept = position.slice(Number(span[0]), Number(span[1]) + 1).filter((p) => p !== -1);
    if (kept.length === 0) return;
    splitAtParagraphs(text, tokens, kept[0]!, kept[kept.length - 1]!, sentences);
  });
  return { tokens, sentences };
}

function isBlankToken(token: Token): boolean {
  return token.text.trim() === "";
}

// wink treats "\n\n" as a token and usually, but not always, ends a sentence there: a
// quotation that runs on into the next paragraph can stay one "sentence". Cut at every
// blank token and drop the blanks themselves; cut too where a line break or an overlong
// word (left out of the tokens, see MAX_WORD_CHARS) lies between two tokens.
function splitAtParagraphs(text: string, tokens: Token[], first: number, last: number, out: Sentence[]): void {
  let runStart = -1;
  for (let i = first; i <= last + 1; i++) {
    const gap = i > first && i <= last ? text.slice(tokens[i - 1]!.end, tokens[i]!.start) : "";
    const boundary = i > last || isBlankToken(tokens[i]!) || gap.includes("\n") || HAS_OVERLONG_WORD.test(gap);
    if (boundary && runStart !== -1) {
      out.push({ start: tokens[runStart]!.start, end: tokens[i - 1]!.end, firstToken: runStart, lastToken: i - 1 });
      runStart = -1;
    }
    if (i <= last && !isBlankToken(tokens[i]!) && runStart === -1) runStart = i;
  }
}
