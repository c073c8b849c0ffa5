// Benchmark: latency of unrelated reads (another article with its claims, as its page loads them) while
// heavy imports run, through the real data layer as one app instance runs them; beside it, the same reads with
// nothing else running. The imports: the reported 220 KB nested-HTML file (refused by the nesting check before
// parsing), an HTML page nested 250 levels deep (the most the limit lets through) and a flat page of 290,000
// characters (just under the 300,000-character article limit),
// two of each at once. Parsing and the claim detector run in the worker pool (lib/workers), not on the main thread.
//   npx tsx bench/reads-during-imports.ts
// Prints p50/p99/max of the reads and each import's outcome and time; asserts nothing (issue #14, item 2: a request
// during a 220 KB nested import answers within 1 s).
import { performance } from "node:perf_hooks";
import { runBench, withBenchDatabase } from "./database";
import { articleReaders, summary } from "./readers";
import { buildLongArticle } from "./fixtures";

const READERS = 4;

async function main() {
  const { createTeam, createUser, testDb } = await import("../e2e/fixtures/factories");
  const { createArticle } = await import("../lib/articles/create-article");
  const { toAppError } = await import("../lib/http/errors");
  const { db } = await import("../lib/db");

  const team = await createTeam();
  const editor = await createUser(team.id, "editor");
  const other = await testDb().article.create({ data: { teamId: team.id, title: "Read meanwhile", body: buildLongArticle(20_000) } });

  const reported = `<html><body>${"<div>".repeat(44_000)}Deep text.${"</div>".repeat(44_000)}</body></html>`;
  const deepest = `<html><body>${Array.from({ length: 40 }, (_, i) => `${"<div>".repeat(250)}<p>Paragraph ${i} of a deeply nested page.</p>${"</div>".repeat(250)}`).join("")}</body></html>`;
  const flat = `<html><body>${buildLongArticle(290_000)
    .split("\n\n")
    .map((p) => `<p>${p}</p>`)
    .join("")}</body></html>`;
  const imports: [string, string][] = [
    ["reported 220 KB nested", reported],
    ["reported 220 KB nested", reported],
    ["250 levels deep", deepest],
    ["250 levels deep", deepest],
    [`${Math.round(flat.length / 1000)} KB flat`, flat],
    [`${Math.round(flat.length / 1000)} KB flat`, flat],
  ];

  const readers = await articleReaders(other.id, editor.id, READERS);
  const quiet = await readers.quiet();
  console.log(`${READERS} readers; imports at once: ${imports.map(([name]) => name).join(", ")}`);
  console.log(`reads, nothing else running:  ${summary(quiet)}`);

  let importing = true;
  const outcomes = Promise.all(
    imports.map(async ([name, content]) => {
      const t = performance.now();
      const outcome = await createArticle({ userId: editor.id, teamId: team.id, input: { format: "html", content, title: name } }).then(
        () => "imported",
        (err: unknown) => `${toAppError(err).status} ${toAppError(err).code} (${toAppError(err).message.slice(0, 90)})`,
      );
      return `${name}: ${outcome} in ${((performance.now() - t) / 1000).toFixed(1)} s`;
    }),
  ).finally(() => (importing = false));
  const during = await readers.during(() => importing);
  console.log(`reads during the imports:     ${summary(during)}`);
  for (const line of await outcomes) console.log(`  ${line}`);
  await db.$disconnect();
}

runBench(() => withBenchDatabase("reads-during-imports", main));
