// The verdict trigger's reverse lookup (factdesk_checked_before_claim_changed, migration checked_before_reverse) reads
// the suggestions once per verdict, whatever join the planner picks. Stop 29 asked whether it has the fault perf29
// fixed in the lookup (a scan repeated once per article of the team, migration
// 20261201021524_checked_before_one_trigram_scan): it does not, its "found" union drives the joins. As in
// checked-before-plan.int.test.ts, "Article" has no statistics (a team's articles estimated as one), hash and merge
// joins are off so the planner can only nest loops, and auto_explain (nested statements, so the trigger's own)
// reports how often each scan that looks for suggestions ran.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createArticle, createDesk, testDb } from "@/e2e/fixtures/factories";

type PlanNode = {
  "Node Type": string;
  "Index Name"?: string;
  "Relation Name"?: string;
  "Actual Loops": number;
  Plans?: PlanNode[];
};

/** Every node of `plan` (depth first). */
function nodesOf(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodesOf)];
}

const WORDS = ["fog", "gales", "strikes", "repairs", "tides", "ice", "staff shortages", "a fire drill", "engine trouble"];
const HASH = "a".repeat(64);
const ALIKE = "Council tax in the borough rose by 7 per cent this summer";

let client: pg.Client;
const notices: string[] = [];
let claimId = "";
let alikeId = "";

beforeAll(async () => {
  const desk = await createDesk();
  // Several articles in the team, each with open suggestions of its current text, one with 4,000 (so the planner
  // prefers the trigram index to reading an article's suggestions); one suggestion reads like the claim.
  for (let a = 0; a < 4; a++) {
    const article = await createArticle(desk.team.id, { title: `Article ${a}`, body: "x" });
    await testDb().article.update({ where: { id: article.id }, data: { suggestionsHash: HASH } });
    const rows = Array.from({ length: a === 0 ? 4_000 : 300 }, (_, i) => ({
      id: `cb-trigger-${article.id}-${i}`,
      articleId: article.id,
      bodyHash: HASH,
      start: i,
      end: i + 1,
      text:
        a === 2 && i === 150
          ? ALIKE
          : `Ferry crossing ${a * 1000 + i} ran late: ${WORDS[(a * 7 + i) % WORDS.length]} ${WORDS[(i * 13) % WORDS.length]} on the estuary`,
      score: 1,
      type: "statistic",
      reason: "A figure.",
      checkedBeforePending: false, // known: no answer (so the verdict becomes the answer of the one alike)
    }));
    for (let i = 0; i < rows.length; i += 1_000) await testDb().suggestion.createMany({ data: rows.slice(i, i + 1_000) });
    if (a === 2) alikeId = `cb-trigger-${article.id}-150`;
    if (a === 0) {
      const claim = await testDb().claim.create({
        data: {
          articleId: article.id,
          exact: "Council tax in the borough rose by 9 per cent this spring",
          prefix: "",
          suffix: "",
          start: 0,
          end: 1,
          createdById: desk.reviewer.id,
          updatedById: desk.reviewer.id,
        },
      });
      claimId = claim.id;
    }
  }
  client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  // As on a kept database: the index's fast-update list merged, the suggestions' statistics known, "Article"'s not
  // (a team's few articles are estimated as one).
  await client.query(`SELECT gin_clean_pending_list('"Suggestion_open_text_trgm_idx"')`);
  await client.query(`ANALYZE "Suggestion"`);
  client.on("notice", (n) => notices.push(n.message ?? ""));
  await client.query(`LOAD 'auto_explain'`);
  for (const [k, v] of Object.entries({
    log_min_duration: "0",
    log_analyze: "on",
    log_timing: "off",
    log_nested_statements: "on",
    log_format: "json",
    log_level: "notice",
  }))
    await client.query(`SET auto_explain.${k} = '${v}'`);
  await client.query(`SET enable_hashjoin = off`);
  await client.query(`SET enable_mergejoin = off`);
}, 180_000);

afterAll(async () => {
  await client.end();
});

// Planner settings switched off (besides hash and merge joins), in the verdict's transaction (rolled back). At this size
// (4,900 suggestions) the planner reads the suggestions whole (cost-correct) or, without sequential scans, an index
// whole; it does not pick the trigram index here (that needs far more rows than a test can insert in time), so these
// check the plan's shape: the suggestions found drive the joins and are read once, never once per article.
const SETTINGS: Record<string, { off: string[] }> = {
  "nested loops only": { off: [] },
  "nested loops, no sequential scans": { off: ["enable_seqscan"] },
  "nested loops, bitmap scans only": { off: ["enable_seqscan", "enable_indexscan"] },
};
const SUGGESTION_SCANS = new Set(["Suggestion_open_text_trgm_idx", "Suggestion_open_words_idx", "Suggestion_pending_idx"]);

describe("factdesk_checked_before_claim_changed's trigram scan", () => {
  for (const [name, { off }] of Object.entries(SETTINGS)) {
    it(`runs once for a verdict in a team of several articles (${name})`, async () => {
      await client.query("BEGIN");
      try {
        for (const setting of off) await client.query(`SET LOCAL ${setting} = off`);
        notices.length = 0;
        await client.query(
          `UPDATE "Claim" SET "verdictOrdinal" = 3, "verdictLabel" = 'Misleading', "verdictKey" = 'misleading', "verdictAt" = now() WHERE "id" = $1`,
          [claimId],
        );
        const answered = await client.query<{ id: string }>(`SELECT "checkedBeforeClaimId" AS id FROM "Suggestion" WHERE "id" = $1`, [
          alikeId,
        ]);
        expect(answered.rows[0]!.id).toBe(claimId);
      } finally {
        await client.query("ROLLBACK");
      }
      const plans = notices.map((n) => JSON.parse(n.slice(n.indexOf("{"))) as { "Query Text": string; Plan: PlanNode });
      const reverse = plans.filter((p) => p["Query Text"].includes("WITH found AS"));
      expect(reverse).toHaveLength(1);
      const nodes = nodesOf(reverse[0]!.Plan);
      // Every scan that looks for suggestions (by text, by words, or all of them) runs once; look-ups by id may repeat.
      const scans = nodes.filter(
        (node) =>
          SUGGESTION_SCANS.has(node["Index Name"] ?? "") || (node["Node Type"] === "Seq Scan" && node["Relation Name"] === "Suggestion"),
      );
      expect(scans.length).toBeGreaterThan(0);
      expect(scans.map((node) => `${node["Index Name"] ?? "Seq Scan"} loops=${node["Actual Loops"]}`)).toEqual(
        scans.map((node) => `${node["Index Name"] ?? "Seq Scan"} loops=1`),
      );
    });
  }
});
