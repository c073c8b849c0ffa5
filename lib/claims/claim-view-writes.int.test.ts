// The article page's claim writes (lib/actions/claims.ts → lib/claims/claim-view.ts): each answers with the ClaimView
// it reads after the write, so the write must not read the claim back for an answer of its own. The API's writes
// answer with the claim as GET claim sends it (CheckedClaimDTO: a read-back with the claim's record,
// claim-write-answers.int.test.ts); the page threw that read away, one or two statements per save on the
// transaction paths. Counted on the wire (scripts/lib/statement-counter.ts), never timed; the session check the
// action adds (requireApiUser) is the same for every action and not counted here.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStatementCounter, type StatementCounter } from "@/scripts/lib/statement-counter";
import { createArticle, createDesk, testDb } from "@/e2e/fixtures/factories";
import { targetFor } from "@/lib/claims/test-helpers";
import type * as ClaimViewModule from "@/lib/claims/claim-view";
import type * as PublishFixtures from "@/lib/publish/test-helpers";

/**
 * Statements per page write at most: the write's own (a transaction counts BEGIN and COMMIT), then getClaimView's read
 * of the claim with its relations and of its audit events (claim-detail-statements.int.test.ts). `was`: before the
 * page's writes stopped reading the claim back, and its record, for the API's answer (11, 11, 11 and 12 on the
 * transaction paths; the one-statement paths read it back inside their one statement).
 */
const LIMITS = {
  // requireClaimWrite and the one statement that changes, audits and announces; the view.
  "status (one statement)": 4, // was 4
  // Reopening a verified claim: requireClaimWrite, then the transaction (the correction check, the change, its audit
  // row and NOTIFY); the view.
  "status (sign-off and reopening)": 9, // was 11
  "verdict (one statement)": 4, // was 4
  numeric: 9, // was 11
  claimant: 9, // was 11
  anchor: 10, // was 12
  // A new claim has no record yet; its one-statement insert answers only its id now (no people joined).
  // The article text read once, to check the suggestion (it was read again by createClaim and by the view).
  "accept suggestion": 8, // was 10
};

let counter: StatementCounter;
let desk: Awaited<ReturnType<typeof createDesk>>;
let views: typeof ClaimViewModule;
// Imported once lib/db goes through the counter (the module imports the claim writes, which import lib/db).
let PHRASES: typeof PublishFixtures.PHRASES;

beforeAll(async () => {
  const url = new URL(process.env.DATABASE_URL!);
  counter = await startStatementCounter(Number(url.port));
  url.port = String(counter.port);
  // lib/db makes its client from DATABASE_URL when first imported: through the counter, for this file only.
  process.env.DATABASE_URL = url.toString();
  views = await import("@/lib/claims/claim-view");
  ({ PHRASES } = await import("@/lib/publish/test-helpers"));
  desk = await createDesk();
}, 60_000);

afterAll(async () => {
  const { db, priorityDb } = await import("@/lib/db");
  await Promise.all([db.$disconnect(), priorityDb.$disconnect(), testDb().$disconnect()]);
  await counter.close();
});

/** A claim on the desk's article, with a verdict the reviewer wrote when `judged` (so its record is read). */
async function claimOn(phrase: string, judged: boolean): Promise<string> {
  const { createClaim } = await import("@/lib/claims/create-claim");
  const { setClaimVerdict } = await import("@/lib/claims/update-claim");
  const { id } = await createClaim({ userId: desk.reviewer.id, articleId: desk.article.id, target: targetFor(desk.article.body, phrase) });
  if (judged) await setClaimVerdict({ userId: desk.reviewer.id, claimId: id, verdict: "mostly_true", explanation: "MoD figures." });
  return id;
}

/**
 * Runs `write(0)` (connections open, statements prepared), then counts `write(1)`: at most `limit` statements, and
 * its answer is the ClaimView `userId` reads right after (`checkedBefore` as the write answers it).
 */
async function expectAtMost(
  limit: number,
  userId: string,
  write: (n: number) => Promise<ClaimViewModule.ClaimView>,
  checkedBefore: false | "later" = false,
): Promise<void> {
  await write(0);
  const { statements, result } = await counter.counted(() => write(1));
  expect(result).toStrictEqual(await views.getClaimView({ userId, claimId: result.claim.id, checkedBefore }));
  expect(statements).toBeLessThanOrEqual(limit);
}

describe("the article page's claim writes answer from one read of the claim", () => {
  it("status: the one-statement change and the transaction of a sign-off and a reopening", async () => {
    const open = await claimOn(PHRASES.plain, false);
    await expectAtMost(LIMITS["status (one statement)"], desk.reviewer.id, (n) =>
      views.setClaimStatusView({ userId: desk.reviewer.id, claimId: open, status: n % 2 ? "unreviewed" : "in_review" }),
    );
    const judged = await claimOn(PHRASES.verified, true);
    await expectAtMost(LIMITS["status (sign-off and reopening)"], desk.editor.id, (n) =>
      views.setClaimStatusView({ userId: desk.editor.id, claimId: judged, status: n % 2 ? "verdict_proposed" : "verified" }),
    );
  });

  it("verdict", async () => {
    const claimId = await claimOn(PHRASES.proposed, false);
    await expectAtMost(LIMITS["verdict (one statement)"], desk.reviewer.id, (n) =>
      views.setClaimVerdictView({
        userId: desk.reviewer.id,
        claimId,
        verdict: n % 2 ? "false" : "misleading",
        explanation: `Another year (${n}).`,
      }),
    );
  });

  it("numbers, claimant and anchor, on a claim with a verdict", async () => {
    const claimId = await claimOn(PHRASES.unverifiable, true);
    await expectAtMost(LIMITS.numeric, desk.reviewer.id, (n) =>
      views.setClaimNumericView({
        userId: desk.reviewer.id,
        claimId,
        numeric: { value: 2.3 + n, unit: "percent", shareOf: "GNP", approximate: n % 2 === 1 },
      }),
    );
    await expectAtMost(LIMITS.claimant, desk.reviewer.id, (n) =>
      views.setClaimClaimantView({
        userId: desk.reviewer.id,
        claimId,
        claimant: { name: `Speaker ${n}`, kind: "person", description: null },
        firstAppearance: null,
      }),
    );
    // The version each answer carries is the next write's optimistic lock.
    let { version } = await testDb().claim.findUniqueOrThrow({ where: { id: claimId }, select: { version: true } });
    await expectAtMost(LIMITS.anchor, desk.reviewer.id, async (n) => {
      const view = await views.resolveAnchorView({
        userId: desk.reviewer.id,
        claimId,
        version,
        action: { kind: n % 2 ? "restore" : "orphan" },
      });
      version = view.claim.version;
      return view;
    });
  });

  it("accepting a suggestion", async () => {
    const { listSuggestions } = await import("@/lib/claims/suggested");
    const article = await createArticle(desk.team.id);
    const suggestions = await listSuggestions({ articleId: article.id, userId: desk.reviewer.id });
    expect(suggestions.length).toBeGreaterThanOrEqual(2);
    await expectAtMost(
      LIMITS["accept suggestion"],
      desk.reviewer.id,
      (n) => views.acceptSuggestionView({ userId: desk.reviewer.id, suggestionId: suggestions[n]!.id }),
      "later",
    );
  });
});
