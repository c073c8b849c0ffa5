// CPU time of suggestClaims against another copy of lib/suggestions, side by side in one process.
//   git archive <commit> lib/suggestions lib/anchoring | tar -x -C /tmp/old && ln -s "$PWD/node_modules" /tmp/old/node_modules
//   OLD_SUGGESTIONS=/tmp/old/lib/suggestions/suggest.ts npx tsx bench/suggestions-cpu.ts
// Body: the tuning articles' bodies in order, repeated and cut at a paragraph end near 55,000 characters (as in
// bench/suggestions.ts). Three warm-ups each, then 30 runs alternating old and new; prints the median CPU time
// (user + system) of each and their ratio. Prints numbers, never asserts; write the load average next to them.
import path from "node:path";
import { suggestClaims } from "../lib/suggestions";
import { loadArticles, TUNING_SETS } from "./labelled-articles";
import { median } from "./numbers";

async function main() {
  const old = process.env.OLD_SUGGESTIONS;
  if (!old) throw new Error("OLD_SUGGESTIONS must name the other copy's lib/suggestions/suggest.ts");
  const { suggestClaims: oldSuggest } = (await import(path.resolve(old))) as { suggestClaims: (body: string) => unknown[] };
  const articles = loadArticles({ tuningOnly: true }).filter((a) => TUNING_SETS.includes(a.set));
  let body = "";
  while (body.length < 55_000) body += articles.map((a) => a.body).join("\n\n") + "\n\n";
  body = body.slice(0, body.lastIndexOf("\n\n", 55_000));
  for (let i = 0; i < 3; i++) {
    oldSuggest(body);
    suggestClaims(body);
  }
  const cpu = (run: () => void) => {
    const used = process.cpuUsage();
    run();
    const d = process.cpuUsage(used);
    return (d.user + d.system) / 1000;
  };
  const before: number[] = [];
  const after: number[] = [];
  for (let i = 0; i < 30; i++) {
    before.push(cpu(() => oldSuggest(body)));
    after.push(cpu(() => suggestClaims(body)));
  }
  console.log(
    `suggestClaims on ${body.length} characters, median CPU of 30: other copy ${median(before).toFixed(1)} ms, this one ${median(after).toFixed(1)} ms, ratio ${(median(after) / median(before)).toFixed(3)}`,
  );
}

void main();
