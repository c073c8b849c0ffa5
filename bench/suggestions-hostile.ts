// Time suggestClaims takes on hostile bodies: long runs of one character, and runs of short words, which once took
// 20–47 s at 50,000 characters (wink-nlp's tokeniser and some of our regular expressions scanned a long run again from
// every position in it). For each input and size it prints the milliseconds, and the ratio to the previous size:
// about 2 when the time is linear in the length (each size is twice the one before), about 4 when it is quadratic.
//   nice -n 10 npx tsx bench/suggestions-hostile.ts                  (sizes 12500, 25000, 50000)
//   nice -n 10 npx tsx bench/suggestions-hostile.ts --sizes=5000,10000
//   nice -n 10 npx tsx bench/suggestions-hostile.ts --figures=1250,2500,5000   (findQuantities alone, by figures)
// Then findQuantities alone on one clause of many figures ("£3m and 3000 beds, 40% and 3001 beds, …"), by the number of
// figures: it once checked each new figure against every figure found before it (5,000 figures took seconds).
// Prints numbers, never asserts; the structural guards are tested in lib/suggestions/hostile.test.ts.
import { suggestClaims } from "../lib/suggestions";
import { findQuantities } from "../lib/suggestions/quantities";

const INPUTS: Record<string, (n: number) => string> = {
  '"a" run': (n) => "a".repeat(n),
  '"1" run': (n) => "1".repeat(n),
  '"-" run': (n) => "-".repeat(n),
  '"1," run': (n) => "1,".repeat(n / 2),
  '"a." run': (n) => "a.".repeat(n / 2),
  '"aaaa " words': (n) => "aaaa ".repeat(n / 5),
  '"1 " words': (n) => "1 ".repeat(n / 2),
  '"- " words': (n) => "- ".repeat(n / 2),
  '"“a" quotes': (n) => "“a ".repeat(n / 3),
  "long words, spaced": (n) => `${"a".repeat(999)} `.repeat(n / 1000),
  "one sentence of prose": (n) => "The council said that 40 per cent of the 2,914 people, about a third, ".repeat(n / 70),
};

const sizes = (process.argv.find((a) => a.startsWith("--sizes="))?.slice("--sizes=".length) ?? "12500,25000,50000").split(",").map(Number);

suggestClaims("The model loads once, before the first timing."); // wink-nlp's model: ~100 ms on first use
console.log(`input${" ".repeat(20)}${sizes.map((n) => `${n} chars`.padStart(16)).join("")}`);
for (const [name, make] of Object.entries(INPUTS)) {
  const cells: string[] = [];
  let previous: number | undefined;
  for (const n of sizes) {
    const body = make(n);
    const started = performance.now();
    const found = suggestClaims(body);
    const ms = performance.now() - started;
    for (const s of found) if (body.slice(s.start, s.end) !== s.text) throw new Error(`${name}: offsets of "${s.text}" are off`);
    cells.push(`${ms.toFixed(0)} ms${previous ? ` (×${(ms / previous).toFixed(1)})` : ""}`.padStart(16));
    previous = Math.max(ms, 1);
  }
  console.log(`${name.padEnd(25)}${cells.join("")}`);
}

const figureCounts = (process.argv.find((a) => a.startsWith("--figures="))?.slice("--figures=".length) ?? "1250,2500,5000")
  .split(",")
  .map(Number);
/** One clause of `n` pairs of figures of three kinds: money, a count of a noun, a percentage. */
const manyFigures = (n: number) => Array.from({ length: n }, (_, i) => `${i % 2 ? "40%" : "£3m"} and ${i + 3000} beds`).join(", ");
console.log(`\nfindQuantities${" ".repeat(11)}${figureCounts.map((n) => `${2 * n} figures`.padStart(16)).join("")}`);
const cells: string[] = [];
let previous: number | undefined;
for (const n of figureCounts) {
  const clause = manyFigures(n);
  const started = performance.now();
  const found = findQuantities(clause);
  const ms = performance.now() - started;
  if (found.length !== 2 * n) throw new Error(`findQuantities: ${found.length} figures of ${2 * n}`);
  cells.push(`${ms.toFixed(0)} ms${previous ? ` (×${(ms / previous).toFixed(1)})` : ""}`.padStart(16));
  previous = Math.max(ms, 1);
}
console.log(`${"one clause".padEnd(25)}${cells.join("")}`);
