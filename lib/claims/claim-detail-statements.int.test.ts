// Issue #21: the claim read behind every article-page action's answer (getClaimView → loadClaimDetail) is one
// statement for the claim and its relations (Prisma's `join` load strategy) plus one for the audit events, where the
// per-relation reads sent 21. Counted on the wire (scripts/lib/statement-counter.ts), never timed. Both strategies
// must give the same DTO, for a claim with every relation populated and for one with none.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStatementCounter, type StatementCounter } from "@/scripts/lib/statement-counter";
import { createDesk, testDb } from "@/e2e/fixtures/factories";
import { targetFor } from "@/lib/claims/test-helpers";
import type * as ClaimViewModule from "@/lib/claims/claim-view";
import type * as GetClaimModule from "@/lib/claims/get-claim";
import type * as ClaimSummaryModule from "@/lib/claims/claim-summary";

/** At most: the claim with its relations, and the audit events. */
const LIMIT = 2;

let counter: StatementCounter;
let desk: Awaited<ReturnType<typeof createDesk>>;
let full: string;
let bare: string;
let getClaimView: typeof ClaimViewModule.getClaimView;
let loadClaimDetail: typeof GetClaimModule.loadClaimDetail;
let toClaimSummary: typeof ClaimSummaryModule.toClaimSummary;

beforeAll(async () => {
  const url = new URL(process.env.DATABASE_URL!);
  counter = await startStatementCounter(Number(url.port));
  url.port = String(counter.port);
  // lib/db makes its client from DATABASE_URL when first imported: through the counter, for this file only.
  process.env.DATABASE_URL = url.toString();
  ({ getClaimView } = await import("@/lib/claims/claim-view"));
  ({ loadClaimDetail } = await import("@/lib/claims/get-claim"));
  ({ toClaimSummary } = await import("@/lib/claims/claim-summary"));
  const { seedFullClaim } = await import("@/lib/claims/full-claim-fixture");
  const { createClaim } = await import("@/lib/claims/create-claim");
  desk = await createDesk();
  full = await seedFullClaim(desk, "Sir Keir Starmer");
  bare = (await createClaim({ userId: desk.editor.id, articleId: desk.article.id, target: targetFor(desk.article.body, "defence") })).id;
}, 60_000);

afterAll(async () => {
  const { db, priorityDb } = await import("@/lib/db");
  await Promise.all([db.$disconnect(), priorityDb.$disconnect(), testDb().$disconnect()]);
  await counter.close();
});

const counted = <T>(work: () => Promise<T>) => counter.counted(work);

describe("getClaimView's read", () => {
  it.each([
    ["every relation populated", () => full],
    ["no relations (but its creation's audit event)", () => bare],
  ])("with %s: at most LIMIT statements, and the DTO the per-relation reads give", async (_, claimOf) => {
    const claimId = claimOf();
    for (const userId of [desk.reviewer.id, desk.editor.id]) {
      const joined = await counted(() => getClaimView({ userId, claimId }));
      expect(joined.statements).toBeLessThanOrEqual(LIMIT);
      const perRelation = await counted(() => loadClaimDetail({ userId, claimId, checkedBefore: false, relationLoadStrategy: "query" }));
      expect(perRelation.statements).toBeGreaterThan(LIMIT);
      const { claim, timeZone } = perRelation.result;
      expect(joined.result).toStrictEqual({ claim, summary: toClaimSummary(claim, timeZone), checkedBefore: "unchanged" });
      // Dates and order survive the JSON aggregation exactly.
      expect(JSON.stringify(joined.result.claim)).toBe(JSON.stringify(claim));
    }
  });

  it("reads what the fixture wrote", async () => {
    const { claim } = await getClaimView({ userId: desk.reviewer.id, claimId: full });
    expect(claim.comments).toHaveLength(5);
    expect(claim.evidence).toHaveLength(3);
    expect(claim.tags.map((t) => t.name)).toEqual(["Budget", "Defence"]);
    expect(claim.assignees).toEqual([expect.objectContaining({ id: desk.reviewer.id, dueAt: "2020-01-01" })]);
    expect(claim.events.length).toBeGreaterThanOrEqual(15);
    expect(claim.doubleReview.visible).toHaveLength(2);
    expect(claim.report.corrections).toHaveLength(2);
    expect(claim.claimant).not.toBeNull();
    const bareView = await getClaimView({ userId: desk.reviewer.id, claimId: bare });
    const { comments, evidence, tags, assignees, report, claimant, events } = bareView.claim;
    expect([comments, evidence, tags, assignees, report.corrections, claimant]).toEqual([[], [], [], [], [], null]);
    // Only its creation: audit rows are append-only, so no claim is without one.
    expect(events).toHaveLength(1);
  });

  it("answers 404 for a user of another team, in as few statements", async () => {
    const { createTeam, createUser } = await import("@/e2e/fixtures/factories");
    const outsider = await createUser((await createTeam()).id, "admin");
    const { outcomeOf } = await import("@/e2e/fixtures/errors");
    const denied = await counted(() => outcomeOf(getClaimView({ userId: outsider.id, claimId: full })));
    expect(denied.result).toBe("not_found");
    expect(denied.statements).toBeLessThanOrEqual(LIMIT);
  });
});
