// Benchmark: latency of unrelated reads (another article with its claims, as its page loads them)
// while ten saves of one big article run at once, through the real data layer on one pool of
// DATABASE_POOL_SIZE connections, as one app instance runs them; beside it, the same reads with
// nothing else running. The ten saves start from the same version, so one wins and the others
// answer 409 (stale version, or lock_timeout while the winner holds the row).
//   npx tsx bench/reads-during-saves.ts     (CLAIMS=n claims on the saved article, default 2000)
// Prints p50/p99/max of the reads and each save's outcome; asserts nothing.
import { performance } from "node:perf_hooks";
import { runBench, withBenchDatabase } from "./database";
import { articleReaders, summary } from "./readers";
import { buildLongArticle, pickClaimRanges } from "./fixtures";
import { editArticle } from "./reanchor-edits";

const CLAIMS = Number(process.env.CLAIMS ?? 2000);
const SAVES = 10;
const READERS = 4;

async function main() {
  const { createTeam, createUser, testDb } = await import("../e2e/fixtures/factories");
  const { describeRange, trimRange } = await import("../lib/anchoring/selectors");
  const { articleToMarkdown } = await import("../lib/articles/import");
  const { saveArticleVersion } = await import("../lib/articles/save-version");
  const { toAppError } = await import("../lib/http/errors");
  const { db } = await import("../lib/db");

  const team = await createTeam();
  const editor = await createUser(team.id, "editor");
  const body = buildLongArticle(Math.max(100_000, CLAIMS * 60));
  const claims = pickClaimRanges(body, CLAIMS).map(({ start, end }) => {
    const range = trimRange(body, start, end)!;
    return describeRange(body, range.start, range.end);
  });
  const big = await testDb().article.create({ data: { teamId: team.id, title: "Saved ten times at once", body } });
  await testDb().claim.createMany({
    data: claims.map((c) => ({ articleId: big.id, ...c.quote, ...c.position, createdById: editor.id, updatedById: editor.id })),
  });
  const other = await testDb().article.create({ data: { teamId: team.id, title: "Read meanwhile", body: buildLongArticle(20_000) } });
  const markdown = articleToMarkdown(
    editArticle(
      body,
      claims.map((c, i) => ({ id: `c${i}`, ...c })),
    ).newBody,
    null,
  );

  const readers = await articleReaders(other.id, editor.id, READERS);
  const quiet = await readers.quiet();
  console.log(`article with ${CLAIMS} claims on ${body.length} characters; ${SAVES} saves at once; ${READERS} readers`);
  console.log(`reads, nothing else running:    ${summary(quiet)}`);

  let saving = true;
  const started = performance.now();
  const saves = Promise.all(
    Array.from({ length: SAVES }, () =>
      saveArticleVersion({ articleId: big.id, userId: editor.id, baseVersion: 1, markdown }).then(
        (r) => `saved v${r.version}`,
        (err: unknown) => `${toAppError(err).status} ${toAppError(err).code}`,
      ),
    ),
  ).finally(() => (saving = false));
  const during = await readers.during(() => saving);
  const outcomes = await saves;
  console.log(`reads during the ten saves:     ${summary(during)}`);
  const counts = outcomes.reduce<Record<string, number>>((acc, o) => ({ ...acc, [o]: (acc[o] ?? 0) + 1 }), {});
  console.log(`saves (${((performance.now() - started) / 1000).toFixed(1)} s in all): ${JSON.stringify(counts)}`);
  await db.$disconnect();
}

runBench(() => withBenchDatabase("reads-during-saves", main));
