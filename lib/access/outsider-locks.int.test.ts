// An outsider's request must never take (or wait for) a row lock on another team's data: it answers 404 at once.
// Before, evidence edits and suggestion accepts locked the row first and checked access after, so an outsider
// queued behind a newsroom's own change (and answered 409 after lock_timeout), and could hold its rows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createArticle, createDesk, createTeam, createUser, testDb } from "@/e2e/fixtures/factories";
import { outcomeOf } from "@/e2e/fixtures/errors";
import { addEvidence } from "@/lib/claims/evidence";
import { createClaim } from "@/lib/claims/create-claim";
import { listSuggestions, acceptSuggestion } from "@/lib/claims/suggested";
import { targetFor } from "@/lib/claims/test-helpers";
import { removeEvidence } from "@/lib/evidence/edit-evidence";

const CLAIM = "The UK currently spends around 2.3 per cent of gross national product on defence";
let desk: Awaited<ReturnType<typeof createDesk>>;
let outsider: Awaited<ReturnType<typeof createUser>>;
beforeAll(async () => {
  desk = await createDesk();
  outsider = await createUser((await createTeam()).id, "admin", "outsider");
});
afterAll(async () => {
  await testDb().$disconnect();
});

/**
 * Holds `FOR UPDATE` on row `id` of `table` in another connection while `attempt` runs; resolves to the attempt's
 * outcome. The lock is let go only after the attempt settled, so an attempt that waits for it fails on lock_timeout
 * (409) instead of answering 404.
 */
async function whileLocked(table: "Evidence" | "Suggestion", id: string, attempt: () => Promise<unknown>) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let locked!: () => void;
  const isLocked = new Promise<void>((resolve) => (locked = resolve));
  const holder = testDb().$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`SELECT 1 FROM "${table}" WHERE id = $1 FOR UPDATE`, id);
      locked();
      await released;
    },
    { timeout: 60_000 },
  );
  await isLocked;
  const outcome = await outcomeOf(attempt());
  release();
  await holder;
  return outcome;
}

describe("an outsider and another team's row locks", () => {
  it("removing another team's evidence answers 404 without waiting for the newsroom's lock", async () => {
    const claim = await createClaim({ userId: desk.reviewer.id, articleId: desk.article.id, target: targetFor(desk.article.body, CLAIM) });
    const evidence = await addEvidence({
      userId: desk.reviewer.id,
      claimId: claim.id,
      url: "https://www.gov.uk/defence-2024",
      title: "Defence 2024",
      excerpt: "2.3% of GDP",
      stance: "supports",
      sourceType: "primary",
      retrievedAt: new Date("2026-11-01"),
    });
    const outcome = await whileLocked("Evidence", evidence.id, () => removeEvidence({ userId: outsider.id, evidenceId: evidence.id }));
    expect(outcome).toBe("not_found");
  });

  it("accepting another team's suggestion answers 404 without waiting for the newsroom's lock", async () => {
    const article = await createArticle(desk.team.id);
    const [suggestion] = await listSuggestions({ articleId: article.id, userId: desk.reviewer.id });
    const outcome = await whileLocked("Suggestion", suggestion!.id, () =>
      acceptSuggestion({ userId: outsider.id, suggestionId: suggestion!.id }),
    );
    expect(outcome).toBe("not_found");
  });
});
