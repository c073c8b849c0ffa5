// Issue #21: listing an article's claims must cost what that article has, not what the whole
// Comment and Evidence tables hold. Another article gets 100,000 comments and 20,000 evidence
// items; the plans of every query the claims list, the claim DTOs, the articles list, the CSV
// export and the publish area send must not scan Comment or Evidence sequentially.
// The queries are captured from the one client and pool lib/db uses (Prisma's query events and readRows's statements).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createArticle, createDesk, testDb } from "@/e2e/fixtures/factories";
import { targetFor } from "@/lib/claims/test-helpers";
import { installLoggedDb } from "@/e2e/fixtures/logged-db";

type Captured = { query: string; params: unknown[] };
const captured: Captured[] = [];
// lib/db's client and pool report every statement (Prisma's and readRows's) here.
const logged = installLoggedDb((query, params) => captured.push({ query, params }));

const CLAIM = "The UK currently spends around 2.3 per cent of gross national product on defence";
type Desk = Awaited<ReturnType<typeof createDesk>>;
let desk: Desk;
let claimId: string;

/** The plan nodes of `sql` run with `params`, as [node type, relation] pairs. */
async function planNodes({ query, params }: Captured): Promise<[string, string | undefined][]> {
  const rows = await testDb().$queryRawUnsafe<{ "QUERY PLAN": unknown }[]>(`EXPLAIN (FORMAT JSON) ${query}`, ...params);
  type Node = { "Node Type": string; "Relation Name"?: string; Plans?: Node[] };
  const root = (rows[0]!["QUERY PLAN"] as { Plan: Node }[])[0]!.Plan;
  const out: [string, string | undefined][] = [];
  const walk = (node: Node) => {
    out.push([node["Node Type"], node["Relation Name"]]);
    node.Plans?.forEach(walk);
  };
  walk(root);
  return out;
}

async function queriesOf(run: () => Promise<unknown>): Promise<Captured[]> {
  captured.length = 0;
  await run();
  // Transaction control and bare lookups by primary key have nothing to plan that matters here.
  return captured.filter((c) => /^\s*SELECT/i.test(c.query));
}

beforeAll(async () => {
  desk = await createDesk();
  const { createClaim } = await import("@/lib/claims/create-claim");
  claimId = (await createClaim({ userId: desk.reviewer.id, articleId: desk.article.id, target: targetFor(desk.article.body, CLAIM) })).id;
  // Another article of the same team, with a claim carrying a large discussion.
  const busy = await createArticle(desk.team.id);
  const { createClaim: create } = await import("@/lib/claims/create-claim");
  const busyClaim = await create({ userId: desk.reviewer.id, articleId: busy.id, target: targetFor(busy.body, CLAIM) });
  await testDb().$executeRaw`
    INSERT INTO "Comment" ("id", "claimId", "authorId", "body")
    SELECT 'bulk-' || ${busyClaim.id} || '-' || n, ${busyClaim.id}, ${desk.reviewer.id}, 'comment ' || n FROM generate_series(1, 100000) n`;
  await testDb().$executeRaw`
    INSERT INTO "Evidence" ("id", "claimId", "url", "title", "stance", "sourceType", "retrievedAt", "addedById")
    SELECT 'bulk-' || ${busyClaim.id} || '-' || n, ${busyClaim.id}, 'https://example.org/' || n, 'Source ' || n, 'supports', 'primary', now(), ${desk.reviewer.id}
    FROM generate_series(1, 20000) n`;
  await testDb().$executeRawUnsafe(`ANALYZE "Comment"`);
  await testDb().$executeRawUnsafe(`ANALYZE "Evidence"`);
  await testDb().$executeRawUnsafe(`ANALYZE "Claim"`);
}, 120_000);

afterAll(async () => {
  await logged.$disconnect();
  await testDb().$disconnect();
});

describe("counts of comments and evidence per claim", () => {
  it("are kept by the database on insert, soft delete, restore and delete, including bulk inserts", async () => {
    const { addComment, deleteComment, restoreComment } = await import("@/lib/claims/comments");
    const { listClaimSummaries, listClaims } = await import("@/lib/claims/list-claims");
    const counts = async () =>
      (await listClaimSummaries({ articleId: desk.article.id, userId: desk.reviewer.id })).find((c) => c.id === claimId)!.counts;
    expect(await counts()).toEqual({ comments: 0, evidence: 0 });
    const first = await addComment({ userId: desk.reviewer.id, claimId, body: "First" });
    await addComment({ userId: desk.editor.id, claimId, body: "Second" });
    expect(await counts()).toEqual({ comments: 2, evidence: 0 });
    await deleteComment({ userId: desk.reviewer.id, commentId: first.id });
    expect(await counts()).toEqual({ comments: 1, evidence: 0 });
    await restoreComment({ userId: desk.reviewer.id, commentId: first.id });
    expect(await counts()).toEqual({ comments: 2, evidence: 0 });
    await testDb().comment.delete({ where: { id: first.id } });
    await testDb().evidence.createMany({
      data: [1, 2, 3].map((n) => ({
        claimId,
        url: `https://example.org/${n}`,
        title: `Source ${n}`,
        stance: "supports" as const,
        sourceType: "primary" as const,
        retrievedAt: new Date(),
        addedById: desk.reviewer.id,
      })),
    });
    expect(await counts()).toEqual({ comments: 1, evidence: 3 });
    const full = (await listClaims({ articleId: desk.article.id, userId: desk.reviewer.id })).find((c) => c.id === claimId)!;
    expect(full.counts).toEqual({ comments: 1, evidence: 3 });
    const busy = await testDb().claim.findFirstOrThrow({ where: { article: { teamId: desk.team.id }, commentCount: { gt: 1000 } } });
    expect([busy.commentCount, busy.evidenceCount]).toEqual([100_000, 20_000]);
  });
});

describe("plans with 100,000 comments and 20,000 evidence items on another article", () => {
  const readers: [string, () => Promise<unknown>][] = [
    [
      "the claims list",
      async () => (await import("@/lib/claims/list-claims")).listClaims({ articleId: desk.article.id, userId: desk.reviewer.id }),
    ],
    [
      "the claim summaries",
      async () => (await import("@/lib/claims/list-claims")).listClaimSummaries({ articleId: desk.article.id, userId: desk.reviewer.id }),
    ],
    ["one claim", async () => (await import("@/lib/claims/get-claim")).getClaim({ claimId, userId: desk.reviewer.id })],
    [
      "the articles list",
      async () =>
        (await import("@/lib/articles/article-page")).listArticlePage({
          teamId: desk.team.id,
          userId: desk.reviewer.id,
          view: (await import("@/lib/validation/article-list")).ZArticleList.parse({}),
        }),
    ],
    [
      "the CSV export",
      async () => (await import("@/lib/export/claims-csv")).exportClaimsCsv({ articleId: desk.article.id, userId: desk.reviewer.id }),
    ],
    [
      "the publish area",
      async () => (await import("@/lib/publish/report")).getArticlePublishing({ articleId: desk.article.id, userId: desk.reviewer.id }),
    ],
  ];
  it.each(readers)("%s scans neither Comment nor Evidence sequentially", async (_name, run) => {
    const queries = await queriesOf(run);
    expect(queries.length).toBeGreaterThan(0);
    for (const query of queries) {
      const scans = (await planNodes(query)).filter(
        ([type, relation]) => type === "Seq Scan" && (relation === "Comment" || relation === "Evidence"),
      );
      expect(scans, query.query).toEqual([]);
    }
  });
});

describe("version sizes", () => {
  it("are the body's length in UTF-16 code units, as JavaScript counts them, stored by the database", async () => {
    const body = "Emissions fell 😀 by 12 per cent, and the café’s 𝔉 sign stayed.";
    const article = await createArticle(desk.team.id, { body });
    const { listVersions } = await import("@/lib/articles/versions");
    const [first] = await listVersions({ articleId: article.id, userId: desk.viewer.id });
    expect(first!.size).toBe(body.length);
    captured.length = 0;
    await listVersions({ articleId: article.id, userId: desk.viewer.id });
    expect(captured.filter((c) => /"ArticleVersion"/.test(c.query)).map((c) => /"body"/.test(c.query))).toEqual([false]);
  });
});
