// Quality of claim suggestions against hand labels: precision and recall per article, per set and per type.
//   npx tsx bench/suggestions.ts                  (figures for every set; --list prints misses and false alarms of the
//                                                  sets one may tune on)
//   npx tsx bench/suggestions.ts --list-held-out  (the same for the fresh held-out set, eval5: look once, after tuning)
//   npx tsx bench/suggestions.ts --tuning-only    (leaves the fresh held-out set out entirely, for use while tuning)
//   --min-score=0.4                               (report at this threshold instead of the default)
// Two groups of labels:
// - bench/labels/eval/: twelve articles labelled by bench/labels/GUIDELINE.md, with check-worthy and "must not"
//   spans, split once into a tuning and a held-out set (bench/labels/eval/split.json, SPLIT.md): round 1.
// - bench/labels/eval2/: six more articles labelled the same way, the fresh held-out set of round 2 (SPLIT.md
//   there); in round 2 all twelve articles of eval/ are the tuning set.
// - bench/labels/eval3/: six more, the held-out set of round 3 (looked at after round 3); in round 4 eval/, eval2/
//   and eval3/ are the tuning set.
// - bench/labels/eval4/: the held-out set of round 4 (its split.json lists the articles), labelled by someone who did
//   not write the detector; looked at after round 4, so in round 5 it joins the tuning set.
// - bench/labels/eval5/: the fresh held-out set of round 5, by another independent labeller. Optional: everything
//   works without it; --tuning-only never reads it, and only --list-held-out lists its spans.
// - bench/labels/*.json: the older labels ([{ exact, type, note }], no must-not spans) the detector was first
//   tuned on; reported separately as "earlier labels".
// Prints numbers, never asserts.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { DEFAULT_MIN_SCORE, suggestClaims, type Suggestion } from "../lib/suggestions";
import { readSampleArticle } from "../prisma/sample-article";

type Label = { exact: string; type: string; note?: string };
type Located = { exact: string; type: string; start: number; end: number };
type Set = "earlier" | "tuning" | "held-out" | "held-out-2" | "held-out-3" | "held-out-4" | "held-out-5";
type Article = { name: string; set: Set; body: string; labels: Located[]; mustNot: Located[] };

const LABELS_DIR = path.join(__dirname, "labels");
const EVAL_DIR = path.join(LABELS_DIR, "eval");
const EVAL2_DIR = path.join(LABELS_DIR, "eval2");
const EVAL3_DIR = path.join(LABELS_DIR, "eval3");
const EVAL4_DIR = path.join(LABELS_DIR, "eval4");
const EVAL5_DIR = path.join(LABELS_DIR, "eval5");
/** The fresh held-out set of the latest round: the only one not to look at while tuning. */
const FRESH: Set = "held-out-5";
const SAMPLE_FIXTURE = path.join(__dirname, "..", "prisma", "fixtures");
const MIN_SCORE_ARG = process.argv.find((a) => a.startsWith("--min-score="));
const MIN_SCORE = MIN_SCORE_ARG ? Number(MIN_SCORE_ARG.slice("--min-score=".length)) : DEFAULT_MIN_SCORE;
if (!(MIN_SCORE >= 0 && MIN_SCORE <= 1)) throw new Error(`--min-score must be a number in 0..1, got ${MIN_SCORE_ARG}`);
// The default threshold is always one of the rows.
const THRESHOLDS = Array.from(new Set([0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7, DEFAULT_MIN_SCORE])).sort((a, b) => a - b);
const LIST = process.argv.includes("--list");
const LIST_HELD_OUT = process.argv.includes("--list-held-out");
const TUNING_ONLY = process.argv.includes("--tuning-only");
const SET_TITLES: Record<Set, string> = {
  earlier: "earlier labels (tuned on before #20)",
  tuning: "round-1 tuning set",
  "held-out": "round-1 held-out set (looked at after round 1; part of the round-2 tuning set)",
  "held-out-2": "round-2 held-out set (looked at after round 2; part of the round-3 tuning set)",
  "held-out-3": "round-3 held-out set (looked at after round 3; part of the round-4 tuning set)",
  "held-out-4": "round-4 held-out set (independent labeller; looked at after round 4; part of the round-5 tuning set)",
  "held-out-5": "round-5 held-out set (fresh, independent labeller)",
};

function locate(body: string, labels: readonly { exact: string; type?: string }[], name: string): Located[] {
  return labels.map((label) => {
    const start = body.indexOf(label.exact);
    if (start === -1 || body.indexOf(label.exact, start + 1) !== -1) {
      throw new Error(`${name}: label must occur exactly once in the body: ${JSON.stringify(label.exact)}`);
    }
    return { exact: label.exact, type: label.type ?? "must-not", start, end: start + label.exact.length };
  });
}

function loadArticles(): Article[] {
  const articles: Article[] = [];
  for (const file of readdirSync(LABELS_DIR)
    .filter((f) => f.endsWith(".json"))
    .sort()) {
    const name = file.slice(0, -5);
    const own = path.join(LABELS_DIR, `${name}.txt`);
    const body = readSampleArticle(existsSync(own) ? own : path.join(SAMPLE_FIXTURE, `${name}.txt`)).body;
    const labels = JSON.parse(readFileSync(path.join(LABELS_DIR, file), "utf8")) as Label[];
    articles.push({ name, set: "earlier", body, labels: locate(body, labels, name), mustNot: [] });
  }
  const split = JSON.parse(readFileSync(path.join(EVAL_DIR, "split.json"), "utf8")) as { tuning: string[]; heldOut: string[] };
  const split2 = JSON.parse(readFileSync(path.join(EVAL2_DIR, "split.json"), "utf8")) as { heldOut: string[] };
  const split3 = JSON.parse(readFileSync(path.join(EVAL3_DIR, "split.json"), "utf8")) as { heldOut: string[] };
  const split4 = readFreshSplit(EVAL4_DIR);
  if (split4.heldOut.length === 0) throw new Error(`${EVAL4_DIR}/split.json is missing: eval4 is part of the tuning set`);
  // The round-5 fresh set is optional (it is written after the detector is frozen) and never read with --tuning-only.
  const split5 = TUNING_ONLY ? { heldOut: [] } : readFreshSplit(EVAL5_DIR);
  const sets = [
    ...split.tuning.map((n) => [EVAL_DIR, n, "tuning"] as const),
    ...split.heldOut.map((n) => [EVAL_DIR, n, "held-out"] as const),
    ...split2.heldOut.map((n) => [EVAL2_DIR, n, "held-out-2"] as const),
    ...split3.heldOut.map((n) => [EVAL3_DIR, n, "held-out-3"] as const),
    ...split4.heldOut.map((n) => [EVAL4_DIR, n, "held-out-4"] as const),
    ...split5.heldOut.map((n) => [EVAL5_DIR, n, "held-out-5"] as const),
  ];
  for (const [dir, name, set] of sets) {
    const body = readSampleArticle(path.join(dir, `${name}.txt`)).body;
    const json = JSON.parse(readFileSync(path.join(dir, `${name}.json`), "utf8")) as { checkworthy: Label[]; mustNot: Label[] };
    const labels = locate(body, json.checkworthy, name);
    const mustNot = locate(body, json.mustNot, name);
    for (const m of mustNot) {
      if (labels.some((l) => Math.min(l.end, m.end) > Math.max(l.start, m.start))) {
        throw new Error(`${name}: a must-not span overlaps a check-worthy label: ${JSON.stringify(m.exact)}`);
      }
    }
    articles.push({ name, set, body, labels, mustNot });
  }
  return articles;
}

/**
 * The article names of a fresh held-out directory: split.json's `heldOut` (the shape of eval2/ and eval3/), or
 * split.json itself when it is a plain list, or else every <name>.json next to it. None when the directory or its
 * split.json does not exist; throws when split.json exists but names no article, so a fresh set is never skipped silently.
 */
function readFreshSplit(dir: string): { heldOut: string[] } {
  const file = path.join(dir, "split.json");
  if (!existsSync(file)) return { heldOut: [] };
  const split = JSON.parse(readFileSync(file, "utf8")) as unknown;
  const listed = Array.isArray(split)
    ? split
    : typeof split === "object" && split !== null && Array.isArray((split as { heldOut?: unknown }).heldOut)
      ? (split as { heldOut: unknown[] }).heldOut
      : readdirSync(dir)
          .filter((f) => f.endsWith(".json") && f !== "split.json")
          .map((f) => f.slice(0, -5));
  const heldOut = listed.map(String).sort();
  if (heldOut.length === 0) throw new Error(`${file} names no article`);
  return { heldOut };
}

/** The matching rule: a suggestion covers a label when they overlap by at least half the label's length. */
function matches(s: Suggestion, l: Located): boolean {
  const overlap = Math.min(s.end, l.end) - Math.max(s.start, l.start);
  return overlap >= (l.end - l.start) / 2;
}

type Counts = {
  suggestions: number;
  correct: number;
  labels: number;
  found: number;
  typeAgree: number;
  mustNot: number;
  mustNotHit: number;
};
const empty = (): Counts => ({ suggestions: 0, correct: 0, labels: 0, found: 0, typeAgree: 0, mustNot: 0, mustNotHit: 0 });

/** Counts over the suggestions of type `type` and the labels of that type (all types when undefined). */
function evaluate(suggestions: Suggestion[], a: Pick<Article, "labels" | "mustNot">, type?: string): Counts {
  const ofType = type === undefined ? suggestions : suggestions.filter((s) => s.type === type);
  const labels = type === undefined ? a.labels : a.labels.filter((l) => l.type === type);
  const correct = ofType.filter((s) => a.labels.some((l) => matches(s, l))).length;
  let found = 0;
  let typeAgree = 0;
  for (const label of labels) {
    const hits = suggestions.filter((s) => matches(s, label));
    if (hits.length === 0) continue;
    found++;
    if (hits.some((s) => s.type === label.type)) typeAgree++;
  }
  const mustNotHit = type === undefined ? a.mustNot.filter((m) => suggestions.some((s) => matches(s, m))).length : 0;
  return {
    suggestions: ofType.length,
    correct,
    labels: labels.length,
    found,
    typeAgree,
    mustNot: type === undefined ? a.mustNot.length : 0,
    mustNotHit,
  };
}

function add(a: Counts, b: Counts): Counts {
  return {
    suggestions: a.suggestions + b.suggestions,
    correct: a.correct + b.correct,
    labels: a.labels + b.labels,
    found: a.found + b.found,
    typeAgree: a.typeAgree + b.typeAgree,
    mustNot: a.mustNot + b.mustNot,
    mustNotHit: a.mustNotHit + b.mustNotHit,
  };
}

const ratio = (n: number, d: number) => (d === 0 ? "  -  " : (n / d).toFixed(3));
function line(name: string, c: Counts): string {
  const mustNot = c.mustNot > 0 ? `  must-not hits ${c.mustNotHit}/${c.mustNot}` : "";
  return `${name.padEnd(28)} precision ${ratio(c.correct, c.suggestions)} (${c.correct}/${c.suggestions})  recall ${ratio(c.found, c.labels)} (${c.found}/${c.labels})  type agreement ${ratio(c.typeAgree, c.found)}${mustNot}`;
}

const TYPES = ["statistic", "comparison", "causal", "event", "action", "biography", "attributed"];

function list(a: Article, suggestions: Suggestion[]) {
  const all = suggestClaims(a.body, { minScore: 0 });
  for (const l of a.labels.filter((l) => !suggestions.some((s) => matches(s, l)))) {
    const best = all.filter((s) => Math.min(s.end, l.end) - Math.max(s.start, l.start) > 0).map((s) => s.score);
    console.log(`    MISSED (${l.type}, best score ${best.length ? Math.max(...best).toFixed(2) : "none"}): ${l.exact}`);
  }
  for (const s of suggestions.filter((s) => !a.labels.some((l) => matches(s, l)))) {
    const trap = a.mustNot.some((m) => matches(s, m)) ? "MUST-NOT" : "EXTRA   ";
    console.log(`    ${trap} (${s.type} ${s.score.toFixed(2)}, ${s.reason}): ${s.text}`);
  }
  for (const s of suggestions.filter((s) => a.labels.some((l) => matches(s, l) && l.type !== s.type))) {
    const l = a.labels.find((l) => matches(s, l))!;
    console.log(`    TYPE    (suggested ${s.type}, labelled ${l.type}): ${s.text}`);
  }
}

function main() {
  console.log("Matching: a suggestion matches a label when they overlap by at least half of the label's length.");
  console.log(
    "Precision = suggestions matching some check-worthy label / suggestions; recall = labels matched by some suggestion / labels.",
  );
  console.log("Per type: recall over the labels of that type; precision over the suggestions of that type.");
  console.log(
    `Threshold: score >= ${MIN_SCORE}${MIN_SCORE === DEFAULT_MIN_SCORE ? " (the default)" : ` (default ${DEFAULT_MIN_SCORE})`}.\n`,
  );

  suggestClaims("Load the language model before timing anything.");
  const articles = loadArticles().map((a) => {
    const started = performance.now();
    const suggestions = suggestClaims(a.body, { minScore: MIN_SCORE });
    return { ...a, suggestions, ms: performance.now() - started };
  });

  const groups: [string, Set[]][] = [
    ["earlier", ["earlier"]],
    ["tuning", ["tuning"]],
    ["held-out", ["held-out"]],
    ["round-2 tuning (all of eval/)", ["tuning", "held-out"]],
    ["held-out-2", ["held-out-2"]],
    ["round-3 tuning (eval/ and eval2/)", ["tuning", "held-out", "held-out-2"]],
    ["held-out-3", ["held-out-3"]],
    ["round-4 tuning (eval/, eval2/ and eval3/)", ["tuning", "held-out", "held-out-2", "held-out-3"]],
    ["held-out-4", ["held-out-4"]],
    ["round-5 tuning (eval/, eval2/, eval3/ and eval4/)", ["tuning", "held-out", "held-out-2", "held-out-3", "held-out-4"]],
    ["held-out-5", ["held-out-5"]],
  ];
  for (const [label, members] of groups) {
    const inSet = articles.filter((a) => members.includes(a.set));
    if (inSet.length === 0) continue;
    const combined = members.length > 1;
    console.log(`== ${combined ? label : SET_TITLES[members[0]!]} ==`);
    let total = empty();
    for (const a of inSet) {
      const counts = evaluate(a.suggestions, a);
      total = add(total, counts);
      if (combined) continue;
      console.log(`${line(a.name, counts)}  (${a.ms.toFixed(0)} ms)`);
      if ((LIST && a.set !== FRESH) || (LIST_HELD_OUT && a.set === FRESH)) list(a, a.suggestions);
    }
    console.log(line(`overall (${label})`, total));
    for (const type of TYPES) {
      const c = inSet.map((a) => evaluate(a.suggestions, a, type)).reduce(add, empty());
      if (c.labels + c.suggestions > 0) console.log(line(`  ${type}`, c));
    }
    console.log("");
  }

  console.log(
    "Sets at other thresholds (precision / recall; eval/ = round-1 tuning + held-out, tuning total = eval/ + eval2/ + eval3/ + eval4/):",
  );
  const columns: [string, Set[]][] = [
    ["eval/", ["tuning", "held-out"]],
    ["eval2/", ["held-out-2"]],
    ["eval3/", ["held-out-3"]],
    ["eval4/", ["held-out-4"]],
    ["tuning total", ["tuning", "held-out", "held-out-2", "held-out-3", "held-out-4"]],
    ["held-out-5", ["held-out-5"]],
  ];
  for (const threshold of THRESHOLDS) {
    const byArticle = new Map(articles.map((a) => [a, evaluate(suggestClaims(a.body, { minScore: threshold }), a)]));
    const parts = columns
      .filter(([, members]) => articles.some((a) => members.includes(a.set)))
      .map(([title, members]) => {
        const c = articles
          .filter((a) => members.includes(a.set))
          .map((a) => byArticle.get(a)!)
          .reduce(add, empty());
        return `${title} ${ratio(c.correct, c.suggestions)} / ${ratio(c.found, c.labels)}`;
      });
    console.log(`  score >= ${threshold.toFixed(2)}: ${parts.join("   ")}`);
  }
}

main();
