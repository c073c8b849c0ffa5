// Issue #21 item 5, at a small scale: lookups made slow (as a text nothing reads like is at 1M claims, ~0.5 s) and a
// short statement_timeout. Asking about every open suggestion in one statement (the former listSuggestions) passes
// the timeout, which the route answers 503; the list with stored answers stays within its budget and answers.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  // Read by lib/db.ts when it creates its pool: this file's app connections cancel statements after 2 s.
  process.env.DATABASE_STATEMENT_TIMEOUT_MS = "2000";
});

import { createArticle, createDesk, testDb } from "@/e2e/fixtures/factories";
import { listSuggestions } from "@/lib/claims/suggested";
import { CHECKED_BEFORE_REQUEST_LOOKUPS, refreshCheckedBefore } from "@/lib/claims/checked-before-stored";
import { findCheckedBefore, findCheckedBeforeEach } from "@/lib/claims/checked-before";
import { bodyHash } from "@/lib/articles/stored-suggestions";
import { toAppError } from "@/lib/http/errors";
import { db } from "@/lib/db";

type Desk = Awaited<ReturnType<typeof createDesk>>;
let desk: Desk;

const BODY = Array.from(
  { length: 16 },
  (_, i) => `Shipments of grain item ${String.fromCharCode(97 + i)} grew by ${20 + i} per cent in 2022, officials said.`,
).join("\n\n");

// Every lookup for this file's team sleeps 0.4 s first (others' are untouched): 16 suggestions take 6.4 s in one
// statement. Swapped in one transaction, so concurrent test files never miss the function.
async function slowLookupsFor(teamId: string) {
  await testDb().$transaction([
    testDb().$executeRawUnsafe(`ALTER FUNCTION factdesk_checked_before(text, text, text, int) RENAME TO factdesk_checked_before_unslowed`),
    testDb().$executeRawUnsafe(`
      CREATE FUNCTION factdesk_checked_before(team_id text, query text, exclude_id text, k int)
        RETURNS TABLE ("claimId" text, "similarity" real) LANGUAGE plpgsql STABLE AS $f$
        BEGIN
          IF team_id = '${teamId}' THEN PERFORM pg_sleep(0.4); END IF;
          RETURN QUERY SELECT * FROM factdesk_checked_before_unslowed(team_id, query, exclude_id, k);
        END $f$`),
  ]);
}
async function restoreLookups() {
  await testDb().$transaction([
    testDb().$executeRawUnsafe(`DROP FUNCTION factdesk_checked_before(text, text, text, int)`),
    testDb().$executeRawUnsafe(`ALTER FUNCTION factdesk_checked_before_unslowed(text, text, text, int) RENAME TO factdesk_checked_before`),
  ]);
}

beforeAll(async () => {
  desk = await createDesk();
  await slowLookupsFor(desk.team.id);
});
afterAll(async () => {
  await restoreLookups();
  await db.$disconnect();
  await testDb().$disconnect();
});

describe("slow 'checked before' lookups and statement_timeout", () => {
  it("made the former one-statement lookup of every suggestion a 503; the list now answers within its budget", async () => {
    const article = await createArticle(desk.team.id, { body: BODY });
    const listed = await listSuggestions({ articleId: article.id, userId: desk.reviewer.id });
    expect(listed.length).toBeGreaterThan(CHECKED_BEFORE_REQUEST_LOOKUPS);
    // The former listSuggestions: one statement over every open suggestion.
    const former = await findCheckedBeforeEach({ teamId: desk.team.id, texts: listed.map((s) => s.text) }).then(
      () => null,
      (e: unknown) => toAppError(e),
    );
    expect(former).toMatchObject({ status: 503 });

    // The budget (1.5 s) let a few slow lookups through, cancelled the one past it, and left the rest pending.
    const known = listed.filter((s) => !s.checkedBeforePending);
    expect(known.length).toBeGreaterThan(0);
    expect(known.length).toBeLessThan(CHECKED_BEFORE_REQUEST_LOOKUPS);
    // The job (no budget; each lookup one statement) gets them all, with findCheckedBefore's answers.
    await refreshCheckedBefore({ articleId: article.id, bodyHash: bodyHash(BODY) });
    const after = await listSuggestions({ articleId: article.id, userId: desk.reviewer.id });
    expect(after.every((s) => !s.checkedBeforePending)).toBe(true);
    const [one] = await findCheckedBefore({ teamId: desk.team.id, text: after[0]!.text, limit: 1 });
    expect(after[0]!.checkedBefore).toEqual(one ?? null);
  });
});
