// Quality of claim suggestions against hand labels: precision and recall per article, per set and per type.
//   npx tsx bench/suggestions.ts                  (figures for every set; --list prints misses and false alarms of the
//                                                  sets one may tune on)
//   npx tsx bench/suggestions.ts --list-held-out  (the same for the fresh held-out set, eval7: look once, after tuning)
//   npx tsx bench/suggestions.ts --tuning-only    (leaves the fresh held-out set out entirely, for use while tuning)
//   --min-score=0.4                               (report at this threshold instead of the default)
//   --leave-one-out                               (per tuning set: the threshold the other tuning sets would choose,
//                                                  and the left-out set's figures at it)
// Ends with the time suggestClaims takes on a 55,000-character body made of the tuning articles.
// Groups of labels:
// - bench/labels/eval/: twelve articles labelled by bench/labels/GUIDELINE.md, with check-worthy and "must not"
//   spans, split once into a tuning and a held-out set (bench/labels/eval/split.json, SPLIT.md): round 1.
// - bench/labels/eval2/ … eval6/: the held-out sets of rounds 2–6 (SPLIT.md and split.json in each; eval4/ … eval6/
//   by independent labellers). Each was looked at after its round, so all of them are tuning data in round 7.
// - bench/labels/eval7/: the fresh held-out set of round 7, by another independent labeller. Optional: everything
//   works without it; --tuning-only never reads it, and only --list-held-out lists its spans. ROUNDS below lists
//   the rounds; the last one is the fresh set.
// - bench/labels/*.json: the older labels ([{ exact, type, note }], no must-not spans) the detector was first
//   tuned on; reported separately as "earlier labels".
// Prints numbers, never asserts.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { DEFAULT_MIN_SCORE, suggestClaims, type Suggestion } from "../lib/suggestions";
import { readSampleArticle } from "../prisma/sample-article";

type Label = { exact: string; type: string; note?: string };
type Located = { exact: string; type: string; start: number; end: number };
/** "earlier", "tuning" (round-1 tuning half of eval/), "held-out" (its held-out half), or "held-out-N" of round N. */
type Set = string;
type Article = { name: string; set: Set; body: string; labels: Located[]; mustNot: Located[] };

// BENCH_LABELS_DIR points the bench at another copy of bench/labels (only for checking the bench itself, e.g. with a
// throw-away fresh set in /tmp); the figures in the notes are from bench/labels.
const LABELS_DIR = process.env.BENCH_LABELS_DIR ? path.resolve(process.env.BENCH_LABELS_DIR) : path.join(__dirname, "labels");
const EVAL_DIR = path.join(LABELS_DIR, "eval");
/**
 * The rounds after round 1, oldest first: round N's held-out set `held-out-N` lives in bench/labels/<dir>/ and its
 * split.json names the articles. Every round but the last has been looked at and is tuning data; the last is the
 * fresh held-out set: optional (it is written after the detector is frozen), never read with --tuning-only, and its
 * spans listed only by --list-held-out. A new round is one more line here.
 */
const ROUNDS: readonly { set: Set; dir: string; title: string }[] = [
  { set: "held-out-2", dir: "eval2", title: "round-2 held-out set (looked at after round 2; part of the round-3 tuning set)" },
  { set: "held-out-3", dir: "eval3", title: "round-3 held-out set (looked at after round 3; part of the round-4 tuning set)" },
  {
    set: "held-out-4",
    dir: "eval4",
    title: "round-4 held-out set (independent labeller; looked at after round 4; part of the round-5 tuning set)",
  },
  {
    set: "held-out-5",
    dir: "eval5",
    title: "round-5 held-out set (independent labeller; looked at after round 5; part of the round-6 tuning set)",
  },
  {
    set: "held-out-6",
    dir: "eval6",
    title: "held-out-6 (looked at after round 6; part of the round-7 tuning set)",
  },
  { set: "held-out-7", dir: "eval7", title: "round-7 held-out set (fresh, independent labeller)" },
];
const FRESH_ROUND = ROUNDS[ROUNDS.length - 1]!;
/** The fresh held-out set of the latest round: the only one not to look at while tuning. */
const FRESH: Set = FRESH_ROUND.set;
/** The rounds whose held-out sets are now tuning data (all but the fresh one). */
const TUNING_ROUNDS = ROUNDS.slice(0, -1);
/** The sets one may tune on: eval/ (both halves) and every looked-at round. */
const TUNING_SETS: Set[] = ["tuning", "held-out", ...TUNING_ROUNDS.map((r) => r.set)];
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
  ...Object.fromEntries(ROUNDS.map((r) => [r.set, r.title])),
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
  const sets: (readonly [string, string, Set])[] = [
    ...split.tuning.map((n) => [EVAL_DIR, n, "tuning"] as const),
    ...split.heldOut.map((n) => [EVAL_DIR, n, "held-out"] as const),
  ];
  for (const round of ROUNDS) {
    const dir = path.join(LABELS_DIR, round.dir);
    const fresh = round === FRESH_ROUND;
    // The fresh set is optional and never read with --tuning-only; a looked-at round is tuning data and must exist.
    if (fresh && TUNING_ONLY) continue;
    const { heldOut } = readRoundSplit(dir);
    if (!fresh && heldOut.length === 0) throw new Error(`${dir}/split.json is missing: ${round.dir} is part of the tuning set`);
    sets.push(...heldOut.map((n) => [dir, n, round.set] as const));
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

  // Each set alone, and before each round's held-out set the tuning total of that round (everything looked at before it).
  const dirsOf = (rounds: readonly { dir: string }[]) => ["eval/", ...rounds.map((r) => `${r.dir}/`)];
  const groups: [string, Set[]][] = [
    ["earlier", ["earlier"]],
    ["tuning", ["tuning"]],
    ["held-out", ["held-out"]],
    ["round-2 tuning (all of eval/)", ["tuning", "held-out"]],
  ];
  ROUNDS.forEach((round, i) => {
    if (i > 0) {
      const looked = ROUNDS.slice(0, i);
      const dirs = dirsOf(looked);
      groups.push([
        `round-${i + 2} tuning (${dirs.slice(0, -1).join(", ")} and ${dirs[dirs.length - 1]})`,
        ["tuning", "held-out", ...looked.map((r) => r.set)],
      ]);
    }
    groups.push([round.set, [round.set]]);
  });
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
    `Sets at other thresholds (precision / recall; eval/ = round-1 tuning + held-out, tuning total = ${dirsOf(TUNING_ROUNDS).join(" + ")}):`,
  );
  const columns: [string, Set[]][] = [
    ["eval/", ["tuning", "held-out"]],
    ...TUNING_ROUNDS.map((r): [string, Set[]] => [`${r.dir}/`, [r.set]]),
    ["tuning total", TUNING_SETS],
    [FRESH, [FRESH]],
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

  if (process.argv.includes("--leave-one-out")) leaveOneOut(articles);
  timeLongArticle(articles.filter((a) => TUNING_SETS.includes(a.set)));
}

/**
 * suggestClaims on a 55,000-character body (the tuning articles' bodies in order, repeated and cut at a paragraph
 * end): median wall and CPU time of 20 runs after 3 warm-ups. Compare with another commit by running both side by side.
 */
function timeLongArticle(articles: readonly Article[]) {
  let body = "";
  while (body.length < 55_000) body += articles.map((a) => a.body).join("\n\n") + "\n\n";
  body = body.slice(0, body.lastIndexOf("\n\n", 55_000));
  for (let i = 0; i < 3; i++) suggestClaims(body);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < 20; i++) {
    const started = performance.now();
    const used = process.cpuUsage();
    suggestClaims(body);
    const d = process.cpuUsage(used);
    wall.push(performance.now() - started);
    cpu.push((d.user + d.system) / 1000);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  console.log(
    `\nsuggestClaims on ${body.length} characters: median ${median(wall).toFixed(1)} ms wall, ${median(cpu).toFixed(1)} ms CPU (20 runs)`,
  );
}

/** Precision the chosen threshold must keep on the sets it is chosen on (the round-6 brief: ≥ 0.85 on tuning data). */
const LOO_MIN_PRECISION = 0.85;

/**
 * Leave-one-set-out for the one tuned number, the threshold: for each tuning set (eval/, eval2/, …), the threshold in
 * 0.10–0.50 (steps of 0.01) with the highest recall on the other tuning sets at precision ≥ 0.85 (ties: the higher
 * threshold), and the left-out set's precision and recall at it. The rules themselves were written by hand on all
 * of them; this measures only how well the threshold transfers.
 */
function leaveOneOut(articles: readonly (Article & { suggestions: Suggestion[] })[]) {
  const folds: [string, Set[]][] = [
    ["eval/", ["tuning", "held-out"]],
    ...TUNING_ROUNDS.map((r): [string, Set[]] => [`${r.dir}/`, [r.set]]),
  ];
  const tuning = articles.filter((a) => TUNING_SETS.includes(a.set));
  const grid = Array.from({ length: 41 }, (_, i) => Math.round((0.1 + i * 0.01) * 100) / 100);
  const at = new Map(grid.map((t) => [t, new Map(tuning.map((a) => [a, evaluate(suggestClaims(a.body, { minScore: t }), a)]))]));
  const sum = (t: number, members: Set[], inside: boolean) =>
    tuning
      .filter((a) => members.includes(a.set) === inside)
      .map((a) => at.get(t)!.get(a)!)
      .reduce(add, empty());
  console.log(`\nLeave-one-set-out (threshold with the best recall at precision >= ${LOO_MIN_PRECISION} on the other sets):`);
  let leftOut = empty();
  for (const [title, members] of folds) {
    let chosen = grid[0]!;
    let best = -1;
    for (const t of grid) {
      const c = sum(t, members, false);
      const recall = c.found / c.labels;
      if (c.correct / c.suggestions >= LOO_MIN_PRECISION && recall >= best) {
        best = recall;
        chosen = t;
      }
    }
    const rest = sum(chosen, members, false);
    const out = sum(chosen, members, true);
    leftOut = add(leftOut, out);
    console.log(
      `  leave out ${title.padEnd(7)} threshold ${chosen.toFixed(2)}: others ${ratio(rest.correct, rest.suggestions)} / ${ratio(rest.found, rest.labels)}   left out ${ratio(out.correct, out.suggestions)} / ${ratio(out.found, out.labels)} (${out.found}/${out.labels})`,
    );
  }
  console.log(
    `  pooled left-out figures: precision ${ratio(leftOut.correct, leftOut.suggestions)} (${leftOut.correct}/${leftOut.suggestions})  recall ${ratio(leftOut.found, leftOut.labels)} (${leftOut.found}/${leftOut.labels})`,
  );
}

main();
