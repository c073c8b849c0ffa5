// Benchmark: re-anchoring 1,000 claims on a ~100,000-character article when a new version is
// saved, against a reference implementation of Hypothesis's approach on the same input.
//   npx tsx bench/reanchor.ts            (ROUNDS=n timed runs; STRESS=1 adds two much larger edits)
// Prints medians and what each implementation did with every claim; asserts nothing.
import { performance } from "node:perf_hooks";
import { describeRange, trimRange } from "../lib/anchoring/selectors";
import { reanchorClaims, type ReanchorClaim } from "../lib/anchoring/reanchor";
import { editArticle, type EditKind, type Truth } from "./reanchor-edits";
import { buildLongArticle, pickClaimRanges } from "./fixtures";
import { hypothesisReanchor } from "./reanchor-hypothesis";
import { buildEditCases, offsetOf } from "../lib/anchoring/reanchor/edit-cases";
import { readSampleArticle } from "../prisma/sample-article";
import { median } from "./numbers";

const ROUNDS = Number(process.env.ROUNDS ?? 7);
const CLAIMS = 1000;

type Placed = { start?: number; end?: number };

/** Median time of one run; fast runs are repeated within a sample so the timer's resolution does not matter. */
function time<T>(run: () => T): { ms: number; value: T } {
  let value = run(); // the value reported
  // Warm up for a while so both implementations are measured optimised by the JIT.
  const warmUntil = performance.now() + 300;
  let runs = 0;
  while (performance.now() < warmUntil) {
    run();
    runs++;
  }
  const repeat = Math.max(1, Math.ceil((20 * runs) / 300));
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const start = performance.now();
    for (let r = 0; r < repeat; r++) value = run();
    times.push((performance.now() - start) / repeat);
  }
  return { ms: median(times), value };
}

/** right: on the claim's words (edited claims: covering at least half of them); wrong: attached elsewhere, or at all when deleted. */
function verdict(placed: Placed, truth: Truth): "right" | "wrong" | "review" {
  if (placed.start === undefined || placed.end === undefined) return "review";
  if (truth.range === null) return "wrong";
  const { start, end } = truth.range;
  if (truth.kind === "unchanged") return placed.start === start && placed.end === end ? "right" : "wrong";
  const overlap = Math.min(end, placed.end) - Math.max(start, placed.start);
  return overlap * 2 >= end - start ? "right" : "wrong";
}

function tally(results: readonly Placed[], truths: readonly Truth[]) {
  const table = new Map<EditKind, { right: number; review: number; wrong: number }>();
  results.forEach((placed, i) => {
    const kind = truths[i]!.kind;
    const row = table.get(kind) ?? { right: 0, review: 0, wrong: 0 };
    row[verdict(placed, truths[i]!)] += 1;
    table.set(kind, row);
  });
  return table;
}

function printTally(label: string, table: ReturnType<typeof tally>) {
  console.log(`  ${label}`);
  for (const kind of ["unchanged", "typo", "reword", "deleted"] as const) {
    const row = table.get(kind);
    if (row === undefined) continue;
    const total = row.right + row.review + row.wrong;
    console.log(
      `    ${kind.padEnd(9)} ${String(total).padStart(4)}: right ${String(row.right).padStart(4)}, needs review ${String(row.review).padStart(3)}, WRONG ${row.wrong}`,
    );
  }
}

function main() {
  const body = buildLongArticle(100_000);
  // Trimmed as the editor trims a selection before storing it (a few picked ranges begin inside a paragraph break).
  const claims: ReanchorClaim[] = pickClaimRanges(body, CLAIMS).map(({ start, end }, i) => {
    const range = trimRange(body, start, end)!;
    return { id: `c${i}`, ...describeRange(body, range.start, range.end) };
  });
  const { newBody, truths } = editArticle(body, claims);
  const edited = truths.filter((t) => t.kind !== "unchanged").length;
  console.log(
    `article ${body.length} characters, ${claims.length} claims; edited version ${newBody.length} characters, ${edited} claims edited; median of ${ROUNDS} runs`,
  );

  const unchangedTruths: Truth[] = claims.map((c) => ({ kind: "unchanged", range: c.position }));
  for (const [label, target, expected] of [
    ["nothing changed", body, unchangedTruths],
    [`${edited} claims edited`, newBody, truths],
  ] as const) {
    const ours = time(() => reanchorClaims(body, target, claims));
    const reference = time(() => hypothesisReanchor(target, claims));
    console.log(
      `\n${label}: factdesk ${ours.ms.toFixed(3)} ms, hypothesis-style ${reference.ms.toFixed(3)} ms, ratio ${(ours.ms / reference.ms).toFixed(2)}`,
    );
    const outcomes = new Map<string, number>();
    for (const r of ours.value) outcomes.set(r.outcome, (outcomes.get(r.outcome) ?? 0) + 1);
    console.log(`  factdesk outcomes: ${[...outcomes].map(([k, v]) => `${k} ${v}`).join(", ")}`);
    printTally("factdesk:", tally(ours.value, expected));
    printTally("hypothesis-style:", tally(reference.value, expected));
    const deletedWrong = (results: readonly Placed[]) =>
      results.filter((r, i) => expected[i]!.kind === "deleted" && verdict(r, expected[i]!) === "wrong").length;
    console.log(
      `  deleted claims attached to wrong text: factdesk ${deletedWrong(ours.value)}, hypothesis-style ${deletedWrong(reference.value)}`,
    );
  }
  return { body, claims };
}

/** The test table's realistic edits (one article, no repeated paragraphs): who attaches where they must not. */
function editTable() {
  const cases = buildEditCases(readSampleArticle().body);
  let oursWrong = 0;
  let referenceWrong = 0;
  let oursReview = 0;
  for (const c of cases) {
    const start = offsetOf(c.old, c.claim, c.occurrence);
    const claim = { id: c.name, ...describeRange(c.old, start, start + c.claim.length) };
    const truth: Truth =
      c.expected.outcome === "needs-review"
        ? { kind: "deleted", range: null }
        : (() => {
            const at = offsetOf(c.new, c.expected.text, c.expected.occurrence);
            return { kind: "typo", range: { start: at, end: at + c.expected.text.length } };
          })();
    const ours = reanchorClaims(c.old, c.new, [claim])[0]!;
    const reference = hypothesisReanchor(c.new, [claim])[0]!;
    if (verdict(ours, truth) === "wrong") oursWrong++;
    if (verdict(ours, truth) === "review") oursReview++;
    if (verdict(reference, truth) === "wrong") referenceWrong++;
  }
  console.log(
    `\nedit table (${cases.length} cases from the tests): attached to the wrong text: factdesk ${oursWrong}, hypothesis-style ${referenceWrong}; factdesk sent ${oursReview} to review`,
  );
}

/** Edits beyond the brief's 10%, timed once each (they are slow for both): how the cost grows. */
function stress(body: string, claims: readonly ReanchorClaim[]) {
  const paragraphs = body.split("\n\n");
  const versions = [
    ["every paragraph touched (one word each)", paragraphs.map((p) => p.replace(" the ", " THE ")).join("\n\n")],
    [
      "everything rewritten (words reversed)",
      paragraphs
        .map((p) => p.split(" ").reverse().join(" "))
        .reverse()
        .join("\n\n"),
    ],
  ] as const;
  console.log("\nstress, one run each:");
  for (const [label, newBody] of versions) {
    let t0 = performance.now();
    const ours = reanchorClaims(body, newBody, claims);
    const oursMs = performance.now() - t0;
    t0 = performance.now();
    hypothesisReanchor(newBody, claims);
    const referenceMs = performance.now() - t0;
    const review = ours.filter((r) => r.outcome === "needs-review").length;
    console.log(
      `  ${label}: factdesk ${oursMs.toFixed(0)} ms (${review} to review), hypothesis-style ${referenceMs.toFixed(0)} ms, ratio ${(oursMs / referenceMs).toFixed(2)}`,
    );
  }
}

const { body, claims } = main();
editTable();
if (process.env.STRESS === "1") stress(body, claims);
