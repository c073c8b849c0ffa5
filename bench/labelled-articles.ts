// The labelled articles of bench/labels and the bench's matching rule, shared by bench/suggestions.ts (figures) and
// bench/train-suggestions.ts (fitting the learned claim scorer), so both read the same labels the same way.
// Groups of labels:
// - bench/labels/eval/: twelve articles labelled by bench/labels/GUIDELINE.md, with check-worthy and "must not"
//   spans, split once into a tuning and a held-out set (bench/labels/eval/split.json, SPLIT.md): round 1.
// - bench/labels/eval2/ … eval7/: the held-out sets of rounds 2–7 (SPLIT.md and split.json in each; eval4/ … eval7/
//   by independent labellers). Each was looked at after its round, so all of them are tuning data in round 8.
// - bench/labels/eval8/ and eval8b/: the fresh held-out set of round 8, by independent labellers. Optional:
//   everything works without them; --tuning-only never reads them, and only --list-held-out lists their spans.
// - bench/labels/*.json: the older labels ([{ exact, type, note }], no must-not spans) the detector was first
//   tuned on; reported separately as "earlier labels".
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Suggestion } from "../lib/suggestions";
import { readSampleArticle } from "../prisma/sample-article";

type Label = { exact: string; type: string; note?: string };
export type Located = { exact: string; type: string; start: number; end: number };
/** "earlier", "tuning" (round-1 tuning half of eval/), "held-out" (its held-out half), or "held-out-N" of round N. */
export type Set = string;
export type Article = { name: string; set: Set; body: string; labels: Located[]; mustNot: Located[] };

// BENCH_LABELS_DIR points the bench at another copy of bench/labels (only for checking the bench itself, e.g. with a
// throw-away fresh set in /tmp); the figures in the notes are from bench/labels.
const LABELS_DIR = process.env.BENCH_LABELS_DIR ? path.resolve(process.env.BENCH_LABELS_DIR) : path.join(__dirname, "labels");
const EVAL_DIR = path.join(LABELS_DIR, "eval");
/**
 * The rounds after round 1, oldest first: round N's held-out set `held-out-N` lives in bench/labels/<dir>/ (one or
 * more directories) and each split.json names the articles. Every round but the last has been looked at and is
 * tuning data; the last is the fresh held-out set: optional (it is written after the detector is frozen), never read
 * with --tuning-only, and its spans listed only by --list-held-out. A new round is one more line here.
 */
export const ROUNDS: readonly { set: Set; dirs: readonly string[]; title: string }[] = [
  { set: "held-out-2", dirs: ["eval2"], title: "round-2 held-out set (looked at after round 2; part of the round-3 tuning set)" },
  { set: "held-out-3", dirs: ["eval3"], title: "round-3 held-out set (looked at after round 3; part of the round-4 tuning set)" },
  {
    set: "held-out-4",
    dirs: ["eval4"],
    title: "round-4 held-out set (independent labeller; looked at after round 4; part of the round-5 tuning set)",
  },
  {
    set: "held-out-5",
    dirs: ["eval5"],
    title: "round-5 held-out set (independent labeller; looked at after round 5; part of the round-6 tuning set)",
  },
  { set: "held-out-6", dirs: ["eval6"], title: "held-out-6 (looked at after round 6; part of the round-7 tuning set)" },
  {
    set: "held-out-7",
    dirs: ["eval7"],
    title: "held-out-7 (independent labeller; looked at after round 7; part of the round-8 tuning set)",
  },
  { set: "held-out-8", dirs: ["eval8", "eval8b"], title: "round-8 held-out set (fresh, independent labellers)" },
];
export const FRESH_ROUND = ROUNDS[ROUNDS.length - 1]!;
/** The fresh held-out set of the latest round: the only one not to look at while tuning. */
export const FRESH: Set = FRESH_ROUND.set;
/** The rounds whose held-out sets are now tuning data (all but the fresh one). */
export const TUNING_ROUNDS = ROUNDS.slice(0, -1);
/** The sets one may tune on: eval/ (both halves) and every looked-at round. */
export const TUNING_SETS: Set[] = ["tuning", "held-out", ...TUNING_ROUNDS.map((r) => r.set)];
/**
 * The folds of cross-validation, one per labelling round: the older labels with eval/ (round 1), then eval2/ … eval7/.
 * The fresh round is never a fold.
 */
export const FOLDS: readonly { title: string; sets: readonly Set[] }[] = [
  { title: "earlier+eval/", sets: ["earlier", "tuning", "held-out"] },
  ...TUNING_ROUNDS.map((r) => ({ title: `${r.dirs.join("+")}/`, sets: [r.set] })),
];
export const SET_TITLES: Record<Set, string> = {
  earlier: "earlier labels (tuned on before #20)",
  tuning: "round-1 tuning set",
  "held-out": "round-1 held-out set (looked at after round 1; part of the round-2 tuning set)",
  ...Object.fromEntries(ROUNDS.map((r) => [r.set, r.title])),
};
const SAMPLE_FIXTURE = path.join(__dirname, "..", "prisma", "fixtures");

function locate(body: string, labels: readonly { exact: string; type?: string }[], name: string): Located[] {
  return labels.map((label) => {
    const start = body.indexOf(label.exact);
    if (start === -1 || body.indexOf(label.exact, start + 1) !== -1) {
      throw new Error(`${name}: label must occur exactly once in the body: ${JSON.stringify(label.exact)}`);
    }
    return { exact: label.exact, type: label.type ?? "must-not", start, end: start + label.exact.length };
  });
}

/**
 * Every labelled article: the older labels, eval/, the looked-at rounds (which must exist) and, unless
 * `tuningOnly`, the fresh round's directories that exist. Throws when a label is not found exactly once in its body or
 * a must-not span overlaps a check-worthy label.
 */
export function loadArticles({ tuningOnly }: { tuningOnly: boolean }): Article[] {
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
  const sets: (readonly [string, string, Set])[] = [
    ...split.tuning.map((n) => [EVAL_DIR, n, "tuning"] as const),
    ...split.heldOut.map((n) => [EVAL_DIR, n, "held-out"] as const),
  ];
  for (const round of ROUNDS) {
    const fresh = round === FRESH_ROUND;
    // The fresh set is optional and never read with --tuning-only; a looked-at round is tuning data and must exist.
    if (fresh && tuningOnly) continue;
    for (const roundDir of round.dirs) {
      const dir = path.join(LABELS_DIR, roundDir);
      const { heldOut } = readRoundSplit(dir);
      if (!fresh && heldOut.length === 0) throw new Error(`${dir}/split.json is missing: ${roundDir} is part of the tuning set`);
      sets.push(...heldOut.map((n) => [dir, n, round.set] as const));
    }
  }
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
 * The article names of a round's held-out directory: split.json's `heldOut` (the shape of eval2/ … eval5/), or
 * split.json itself when it is a plain list, or else every <name>.json next to it. None when the directory or its
 * split.json does not exist; throws when split.json exists but names no article, so a fresh set is never skipped silently.
 */
function readRoundSplit(dir: string): { heldOut: string[] } {
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
export function matches(s: Pick<Suggestion, "start" | "end">, l: Located): boolean {
  const overlap = Math.min(s.end, l.end) - Math.max(s.start, l.start);
  return overlap >= (l.end - l.start) / 2;
}

export type Counts = {
  suggestions: number;
  correct: number;
  labels: number;
  found: number;
  typeAgree: number;
  mustNot: number;
  mustNotHit: number;
};
export const empty = (): Counts => ({ suggestions: 0, correct: 0, labels: 0, found: 0, typeAgree: 0, mustNot: 0, mustNotHit: 0 });

/** Counts over the suggestions of type `type` and the labels of that type (all types when undefined). */
export function evaluate(suggestions: readonly Suggestion[], a: Pick<Article, "labels" | "mustNot">, type?: string): Counts {
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

export function add(a: Counts, b: Counts): Counts {
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

export const ratio = (n: number, d: number) => (d === 0 ? "  -  " : (n / d).toFixed(3));
export function line(name: string, c: Counts): string {
  const mustNot = c.mustNot > 0 ? `  must-not hits ${c.mustNotHit}/${c.mustNot}` : "";
  return `${name.padEnd(28)} precision ${ratio(c.correct, c.suggestions)} (${c.correct}/${c.suggestions})  recall ${ratio(c.found, c.labels)} (${c.found}/${c.labels})  type agreement ${ratio(c.typeAgree, c.found)}${mustNot}`;
}

export const TYPES = ["statistic", "comparison", "causal", "event", "action", "biography", "attributed"];
