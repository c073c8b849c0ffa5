// The table of edits that re-anchoring must get right, built on a real article. Shared by the
// tests (reanchor.test.ts) and by the threshold tuning script (bench/reanchor-tune.ts), so the
// threshold is chosen on exactly the cases that check it. Test data: not exported from index.

import type { ReanchorOutcome } from "./types";

export type EditCase = {
  name: string;
  old: string;
  new: string;
  /** The claim's text in the old body… */
  claim: string;
  /** …at this occurrence (0-based), when it occurs more than once. */
  occurrence?: number;
  /** Attached cases name the text the claim must land on in the new body, and which occurrence. */
  expected: { outcome: "needs-review" } | { outcome: Exclude<ReanchorOutcome, "needs-review">; text: string; occurrence?: number };
};

/** Start of the `occurrence`-th (0-based) `text` in `body`; throws if missing, so fixture drift fails loudly. */
export function offsetOf(body: string, text: string, occurrence = 0): number {
  let at = body.indexOf(text);
  for (let i = 0; i < occurrence && at !== -1; i++) at = body.indexOf(text, at + 1);
  if (at === -1) throw new Error(`"${text}" (occurrence ${occurrence}) is not in the text`);
  return at;
}

function replace(body: string, from: string, to: string): string {
  const at = offsetOf(body, from);
  return body.slice(0, at) + to + body.slice(at + from.length);
}

function paragraphs(body: string): string[] {
  return body.split("\n\n");
}

const UKRAINIAN =
  "Президент України Володимир Зеленський заявив у понеділок, що Київ не визнає жодних домовленостей без участі України 🇺🇦.";
const GERMAN = "Bundeskanzler Olaf Scholz nannte die Lage „sehr ernst“ und warnte vor einem Diktatfrieden für die Ukraine.";
const EMOJI = "Reaction online was swift 🇺🇦🙏 as the news from Paris spread through Kyiv’s timelines.";
const LOOK_ALIKE =
  "Labour sources said the party would set out a plan to increase defence spending to a 3.5 per cent share of the economy.";
const TWINS = "Officials said the talks in Paris were constructive. Officials said the talks in Paris were productive.";
const PULL_QUOTE =
  "Sir Keir’s message was blunt: a US security guarantee is the only way to effectively deter Russia from attacking Ukraine again.";

/**
 * The edit table for tests and threshold tuning, built on `sample` (the normalised sample article,
 * prisma/fixtures): each case is an old body, a new body, the claim's text in the old one and the outcome
 * re-anchoring must reach (and on which text). Expects the sample's paragraph layout (at least 19 paragraphs,
 * with the phrases the cases quote); throws an Error from offsetOf when a quoted phrase is missing, so fixture
 * drift fails loudly.
 */
export function buildEditCases(sample: string): EditCase[] {
  const p = paragraphs(sample);
  const join = (parts: string[]) => parts.join("\n\n");
  const international = join([...p.slice(0, 14), UKRAINIAN, GERMAN, EMOJI, ...p.slice(14)]);
  const withLookAlike = join([...p.slice(0, 6), LOOK_ALIKE, ...p.slice(6)]);
  const withPullQuote = join([...p.slice(0, 3), PULL_QUOTE, ...p.slice(3)]);
  const keirOffer = "he would be prepared to put a peacekeeping force into Ukraine";
  const moved = p[18]!.replace("around", "roughly");

  return [
    {
      name: "text unchanged",
      old: sample,
      new: sample,
      claim: keirOffer,
      expected: { outcome: "exact-position", text: keirOffer },
    },
    {
      name: "typo fixed inside the claim",
      old: replace(sample, "peacekeeping force into", "peacekeping force into"),
      new: sample,
      claim: "he would be prepared to put a peacekeping force into Ukraine",
      expected: { outcome: "fuzzy", text: keirOffer },
    },
    {
      name: "typo fixed inside the claim, paragraphs inserted above",
      old: replace(sample, "bolstering both defence", "bolstering both defense"),
      new: join([p[0]!, "A new paragraph with an update.", "And another one.", ...p.slice(1)]),
      claim: "bolstering both defense spending and capability",
      expected: { outcome: "fuzzy", text: "bolstering both defence spending and capability" },
    },
    {
      name: "paragraph inserted above",
      old: sample,
      new: join(["Update: this article was corrected on Tuesday.", ...p]),
      claim: "a US security guarantee would be the only way to prevent Moscow",
      expected: { outcome: "exact-quote", text: "a US security guarantee would be the only way to prevent Moscow" },
    },
    {
      name: "claim at the very start, paragraph inserted above it",
      old: sample,
      new: join(["Update: this article was corrected on Tuesday.", ...p]),
      claim: "Sir Keir Starmer has called for the US",
      expected: { outcome: "exact-quote", text: "Sir Keir Starmer has called for the US" },
    },
    {
      name: "paragraph moved up",
      old: sample,
      new: join([...p.slice(0, 3), p[18]!, ...p.slice(3, 18), ...p.slice(19)]),
      claim: "The UK currently spends around 2.3 per cent of gross national product on defence.",
      expected: { outcome: "exact-quote", text: "The UK currently spends around 2.3 per cent of gross national product on defence." },
    },
    {
      name: "claim reworded lightly (one word)",
      old: sample,
      new: replace(sample, "would be prepared to put a peacekeeping", "would be willing to put a peacekeeping"),
      claim: keirOffer,
      expected: { outcome: "fuzzy", text: "he would be willing to put a peacekeeping force into Ukraine" },
    },
    {
      name: "claim reworded lightly (two words, end of claim)",
      old: sample,
      new: replace(sample, "bolstering both defence spending and capability", "bolstering defence spending and capabilities"),
      claim: "will have to “take responsibility” for its security by bolstering both defence spending and capability",
      expected: {
        outcome: "fuzzy",
        text: "will have to “take responsibility” for its security by bolstering defence spending and capabilities",
      },
    },
    {
      name: "claim reworded lightly (two edits in one sentence)",
      old: sample,
      new: replace(sample, "Sir Keir has said he would be prepared to put", "Sir Keir said he would be ready to put"),
      claim: "Sir Keir has said he would be prepared to put a peacekeeping force into Ukraine",
      expected: { outcome: "fuzzy", text: "Sir Keir said he would be ready to put a peacekeeping force into Ukraine" },
    },
    {
      name: "claim reworded so that its meaning changed",
      old: sample,
      new: replace(
        sample,
        "Sir Keir has said he would be prepared to put a peacekeeping force into Ukraine",
        "Sir Keir has refused to rule out sending a peacekeeping force into Ukraine",
      ),
      claim: "Sir Keir has said he would be prepared to put a peacekeeping force into Ukraine",
      expected: { outcome: "needs-review" },
    },
    {
      name: "claim reworded heavily",
      old: sample,
      new: replace(
        sample,
        "Sir Keir has said he would be prepared to put a peacekeeping force into Ukraine",
        "Starmer has offered to send British peacekeepers to Kyiv",
      ),
      claim: "Sir Keir has said he would be prepared to put a peacekeeping force into Ukraine",
      expected: { outcome: "needs-review" },
    },
    {
      name: "claim deleted, a look-alike sentence (3.5 for 2.5 per cent) elsewhere",
      old: withLookAlike,
      new: join([...p.slice(0, 6), LOOK_ALIKE, ...p.slice(6, 17), ...p.slice(18)]),
      claim: "set out a plan to increase defence spending to a 2.5 per cent share of the economy",
      expected: { outcome: "needs-review" },
    },
    {
      name: "claim deleted, its exact words still quoted elsewhere",
      old: withPullQuote,
      new: join([...p.slice(0, 3), PULL_QUOTE, ...p.slice(3, 5), ...p.slice(6)]),
      claim: "a US security guarantee is the only way to effectively deter Russia from attacking Ukraine again",
      occurrence: 1,
      expected: { outcome: "needs-review" },
    },
    {
      name: "claim deleted, an almost identical sentence right after it",
      old: join([...p.slice(0, 6), TWINS, ...p.slice(6)]),
      new: join([...p.slice(0, 6), TWINS.slice(TWINS.indexOf(" Officials") + 1), ...p.slice(6)]),
      claim: "Officials said the talks in Paris were constructive.",
      expected: { outcome: "needs-review" },
    },
    {
      name: "claim deleted, nothing like it left",
      old: sample,
      new: join([...p.slice(0, 2), ...p.slice(3)]),
      claim: keirOffer,
      expected: { outcome: "needs-review" },
    },
    {
      name: "figure in the claim changed (2.3 → 2.4 per cent)",
      old: sample,
      new: replace(sample, "around 2.3 per cent", "around 2.4 per cent"),
      claim: "The UK currently spends around 2.3 per cent of gross national product on defence.",
      expected: { outcome: "needs-review" },
    },
    {
      name: "short claim whose sentence was rewritten",
      old: sample,
      new: replace(sample, "with partners in Paris on Monday.", "held in the French capital this week."),
      claim: "in Paris on Monday",
      expected: { outcome: "needs-review" },
    },
    {
      name: "claim's words now appear twice: new paragraph above repeats them",
      old: sample,
      new: join(["Analysis: why a US security guarantee matters.", ...p]),
      claim: "a US security guarantee",
      occurrence: 1,
      expected: { outcome: "exact-quote", text: "a US security guarantee", occurrence: 2 },
    },
    {
      name: "claim's words now appear twice: moved paragraph chosen over a new sentence by context",
      old: sample,
      new: join([
        ...p.slice(0, 18),
        ...p.slice(19, 30),
        moved,
        "Critics note that France spends 2.1 per cent of gross national product on defence.",
        ...p.slice(30),
      ]),
      claim: "per cent of gross national product on defence.",
      expected: { outcome: "exact-quote", text: "per cent of gross national product on defence." },
    },
    {
      name: "claim's words now appear twice, equally fitting: ambiguous",
      old: sample,
      new: join([moved, ...p.slice(0, 18), ...p.slice(19, 35), moved, ...p.slice(35)]),
      claim: "per cent of gross national product on defence.",
      expected: { outcome: "needs-review" },
    },
    {
      name: "quote marks straightened",
      old: sample,
      new: sample.replace(/[‘’]/g, "'").replace(/[“”]/g, '"'),
      claim: "“Europe must play its role, and I’m prepared to consider committing British forces",
      expected: { outcome: "exact-quote", text: "\"Europe must play its role, and I'm prepared to consider committing British forces" },
    },
    {
      name: "spaced en dashes become unspaced em dashes",
      old: sample,
      new: replace(sample, "continent – including Britain – will", "continent—including Britain—will"),
      claim: "allies across the continent – including Britain – will have to",
      expected: { outcome: "exact-quote", text: "allies across the continent—including Britain—will have to" },
    },
    {
      name: "no-break and doubled spaces inside the claim",
      old: sample,
      new: replace(sample, "the only way to prevent Moscow from attacking", "the only\u00a0way to  prevent Moscow from\u00a0 attacking"),
      claim: "the only way to prevent Moscow from attacking the country",
      expected: { outcome: "exact-quote", text: "the only\u00a0way to  prevent Moscow from\u00a0 attacking the country" },
    },
    {
      name: "Ukrainian name: typo fixed",
      old: replace(international, "Володимир Зеленський заявив", "Володимир Зеленьский заявив"),
      new: international,
      claim: "Президент України Володимир Зеленьский заявив у понеділок",
      expected: { outcome: "fuzzy", text: "Президент України Володимир Зеленський заявив у понеділок" },
    },
    {
      name: "German quotation marks restyled",
      old: international,
      new: replace(international, "„sehr ernst“", "»sehr ernst«"),
      claim: "Olaf Scholz nannte die Lage „sehr ernst“ und warnte vor einem Diktatfrieden",
      expected: { outcome: "exact-quote", text: "Olaf Scholz nannte die Lage »sehr ernst« und warnte vor einem Diktatfrieden" },
    },
    {
      name: "emoji in the claim, paragraph inserted above",
      old: international,
      new: join(["Live: 🇪🇺 leaders meet in Paris.", ...paragraphs(international)]),
      claim: "Reaction online was swift 🇺🇦🙏",
      expected: { outcome: "exact-quote", text: "Reaction online was swift 🇺🇦🙏" },
    },
    {
      name: "emoji in the claim replaced by another",
      old: international,
      new: replace(international, "swift 🇺🇦🙏 as", "swift 🇺🇦🇪🇺 as"),
      claim: "Reaction online was swift 🇺🇦🙏 as the news from Paris spread",
      expected: { outcome: "fuzzy", text: "Reaction online was swift 🇺🇦🇪🇺 as the news from Paris spread" },
    },
  ];
}
