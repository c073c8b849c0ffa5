// Quality of claim suggestions against hand labels: precision and recall per article and overall.
//   npx tsx bench/suggestions.ts            (add --list to print every miss and false alarm)
// Labels live in bench/labels/<article>.json as [{ exact, type, note }]; the article text is
// bench/labels/<article>.txt, or the sample fixture for the sample article. Prints numbers,
// never asserts.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { DEFAULT_MIN_SCORE, suggestClaims, type Suggestion } from "../lib/suggestions";
import { readSampleArticle } from "../prisma/sample-article";

type Label = { exact: string; type: string; note?: string };
type Located = Label & { start: number; end: number };

const LABELS_DIR = path.join(__dirname, "labels");
const SAMPLE_FIXTURE = path.join(__dirname, "..", "prisma", "fixtures");
// Articles written (and labelled) after the detector had been tuned on the others. Each was run
// once with the detector frozen; its misses then led to vocabulary fixes, so the numbers printed
// now are no longer unseen-text numbers. The frozen first runs are the honest estimate:
const LATER: Record<string, string> = {
  "riverside-housing": "first run, detector frozen: precision 0.923 (12/13), recall 0.636 (14/22)",
  "northvale-school-absence": "first run, detector frozen: precision 0.833 (10/12), recall 0.714 (10/14)",
};
const THRESHOLDS = [0.3, 0.4, DEFAULT_MIN_SCORE, 0.6, 0.7, 0.8];
const LIST = process.argv.includes("--list");

function articleBody(name: string): string {
  const own = path.join(LABELS_DIR, `${name}.txt`);
  return readSampleArticle(existsSync(own) ? own : path.join(SAMPLE_FIXTURE, `${name}.txt`)).body;
}

function locate(body: string, labels: Label[], name: string): Located[] {
  return labels.map((label) => {
    const start = body.indexOf(label.exact);
    if (start === -1 || body.indexOf(label.exact, start + 1) !== -1) {
      throw new Error(`${name}: label must occur exactly once in the body: ${JSON.stringify(label.exact)}`);
    }
    return { ...label, start, end: start + label.exact.length };
  });
}

/** The matching rule: a suggestion covers a label when they overlap by at least half the label's length. */
function matches(s: Suggestion, l: Located): boolean {
  const overlap = Math.min(s.end, l.end) - Math.max(s.start, l.start);
  return overlap >= (l.end - l.start) / 2;
}

type Counts = { suggestions: number; correct: number; labels: number; found: number; typeAgree: number };
const empty = (): Counts => ({ suggestions: 0, correct: 0, labels: 0, found: 0, typeAgree: 0 });

function evaluate(suggestions: Suggestion[], labels: Located[]): Counts {
  const correct = suggestions.filter((s) => labels.some((l) => matches(s, l))).length;
  let found = 0;
  let typeAgree = 0;
  for (const label of labels) {
    const hits = suggestions.filter((s) => matches(s, label));
    if (hits.length === 0) continue;
    found++;
    if (hits.some((s) => s.type === label.type)) typeAgree++;
  }
  return { suggestions: suggestions.length, correct, labels: labels.length, found, typeAgree };
}

function add(a: Counts, b: Counts): Counts {
  return {
    suggestions: a.suggestions + b.suggestions,
    correct: a.correct + b.correct,
    labels: a.labels + b.labels,
    found: a.found + b.found,
    typeAgree: a.typeAgree + b.typeAgree,
  };
}

const ratio = (n: number, d: number) => (d === 0 ? "  -  " : (n / d).toFixed(3));
function line(name: string, c: Counts): string {
  return `${name.padEnd(26)} precision ${ratio(c.correct, c.suggestions)} (${c.correct}/${c.suggestions})  recall ${ratio(c.found, c.labels)} (${c.found}/${c.labels})  type agreement ${ratio(c.typeAgree, c.found)}`;
}

function main() {
  const names = readdirSync(LABELS_DIR)
    .filter((f) => f.endsWith(".json"))
    .map((f) => f.slice(0, -5))
    .sort();
  console.log("Matching: a suggestion matches a label when they overlap by at least half of the label's length.");
  console.log("Precision = suggestions matching some label / suggestions; recall = labels matched by some suggestion / labels.");
  console.log(`Threshold: score >= ${DEFAULT_MIN_SCORE} (the default).\n`);

  suggestClaims("Load the language model before timing anything.");
  const articles = names.map((name) => {
    const body = articleBody(name);
    const labels = locate(body, JSON.parse(readFileSync(path.join(LABELS_DIR, `${name}.json`), "utf8")) as Label[], name);
    const started = performance.now();
    const suggestions = suggestClaims(body);
    const ms = performance.now() - started;
    // Every clause with its score (neighbours merge at threshold 0, so this is only for diagnosis).
    const all = suggestClaims(body, { minScore: 0 });
    return { name, body, labels, suggestions, all, ms };
  });

  let tuned = empty();
  let heldOut = empty();
  for (const { name, labels, suggestions, all, ms } of articles) {
    const counts = evaluate(suggestions, labels);
    console.log(`${line(name, counts)}  (${ms.toFixed(0)} ms)`);
    const later = LATER[name];
    if (later) console.log(`${"".padEnd(26)} written after tuning; ${later}`);
    if (later) heldOut = add(heldOut, counts);
    else tuned = add(tuned, counts);
    if (LIST) {
      for (const l of labels.filter((l) => !suggestions.some((s) => matches(s, l)))) {
        const best = all.filter((s) => Math.min(s.end, l.end) - Math.max(s.start, l.start) > 0).map((s) => s.score);
        console.log(`    MISSED (${l.type}, best score ${best.length ? Math.max(...best).toFixed(2) : "none"}): ${l.exact}`);
      }
      for (const s of suggestions.filter((s) => !labels.some((l) => matches(s, l)))) {
        console.log(`    EXTRA  (${s.type} ${s.score.toFixed(2)}, ${s.reason}): ${s.text}`);
      }
    }
  }
  console.log("");
  console.log(line("overall (labelled first)", tuned));
  if (heldOut.labels > 0) console.log(line("overall (written later)", heldOut));
  console.log(line("overall (all)", add(tuned, heldOut)));

  console.log("\nAll articles at other thresholds:");
  for (const threshold of THRESHOLDS) {
    let counts = empty();
    for (const { body, labels } of articles) counts = add(counts, evaluate(suggestClaims(body, { minScore: threshold }), labels));
    console.log(
      `  score >= ${threshold.toFixed(1)}: precision ${ratio(counts.correct, counts.suggestions)}  recall ${ratio(counts.found, counts.labels)}`,
    );
  }
}

main();
