// Benchmark: saving a new version of a ~100,000-character article with 1,000 claims, through
// the real save path (Markdown parsed, suggestions computed, claims re-anchored and written,
// audit rows, one transaction) on a throw-away PostgreSQL; beside it, in the same run, the
// in-memory re-anchoring of the same claims, so the database's share is visible.
//   npx tsx bench/save-version.ts          (ROUNDS=n saves per scenario, default 5)
// Prints medians; asserts nothing.
import { performance } from "node:perf_hooks";
import { runBench, withBenchDatabase } from "./database";
import { buildLongArticle, pickClaimRanges } from "./fixtures";
import { editArticle } from "./reanchor-edits";
import { median } from "./numbers";

const ROUNDS = Number(process.env.ROUNDS ?? 5);
const CLAIMS = 1000;

async function main() {
  const { createTeam, createUser, testDb } = await import("../e2e/fixtures/factories");
  const { describeRange, trimRange } = await import("../lib/anchoring/selectors");
  const { reanchorClaims } = await import("../lib/anchoring/reanchor");
  const { articleToMarkdown, importArticle } = await import("../lib/articles/import");
  const { saveArticleVersion } = await import("../lib/articles/save-version");
  const { suggestClaims } = await import("../lib/suggestions");
  const { db } = await import("../lib/db");

  const team = await createTeam();
  const editor = await createUser(team.id, "editor");
  const body = buildLongArticle(100_000);
  const claims = pickClaimRanges(body, CLAIMS).map(({ start, end }, i) => {
    const range = trimRange(body, start, end)!;
    return { id: `c${i}`, ...describeRange(body, range.start, range.end) };
  });
  const scenarios = [
    ["10% of claims edited (typos, rewordings, deletions)", editArticle(body, claims).newBody],
    ["paragraph inserted at the top (every claim moves)", `Update: this article was corrected on Tuesday.\n\n${body}`],
  ] as const;
  console.log(`article ${body.length} characters, ${claims.length} claims, ${ROUNDS} saves per scenario (median)`);

  for (const [label, newBody] of scenarios) {
    const markdown = articleToMarkdown(newBody, null);
    const parts = { reanchor: [] as number[], parse: [] as number[], suggest: [] as number[], save: [] as number[] };
    let summary = {};
    for (let round = 0; round < ROUNDS; round++) {
      const article = await testDb().article.create({ data: { teamId: team.id, title: `Bench ${round}`, body } });
      await testDb().claim.createMany({
        data: claims.map((c) => ({ articleId: article.id, ...c.quote, ...c.position, createdById: editor.id, updatedById: editor.id })),
      });
      let t = performance.now();
      reanchorClaims(
        body,
        newBody,
        claims.map((c) => ({ id: c.id, quote: c.quote, position: c.position })),
      );
      parts.reanchor.push(performance.now() - t);
      t = performance.now();
      importArticle({ format: "markdown", content: markdown });
      parts.parse.push(performance.now() - t);
      t = performance.now();
      suggestClaims(newBody);
      parts.suggest.push(performance.now() - t);
      t = performance.now();
      summary = await saveArticleVersion({ articleId: article.id, userId: editor.id, baseVersion: 1, markdown });
      parts.save.push(performance.now() - t);
    }
    const save = median(parts.save);
    const reanchor = median(parts.reanchor);
    const database = save - reanchor - median(parts.parse) - median(parts.suggest);
    console.log(`\n${label}`);
    console.log(`  result: ${JSON.stringify(summary)}`);
    console.log(
      `  whole save ${save.toFixed(0)} ms = in-memory re-anchoring ${reanchor.toFixed(0)} ms + Markdown parse ${median(parts.parse).toFixed(0)} ms + suggestions ${median(parts.suggest).toFixed(0)} ms + database and the rest ~${database.toFixed(0)} ms`,
    );
  }
  await db.$disconnect();
}

runBench(() => withBenchDatabase("save-version", main));
