// The "checked before" job while a verdict transaction of the team is open (an import of claims with verdicts, a
// re-save that moves verdicts: their triggers hold the team's advisory lock in shared mode until they commit). Each
// lookup first takes that lock in exclusive mode (lib/claims/checked-before-stored.ts), so every lookup of the team
// waits for the open transaction, up to lock_timeout. Review 28: the job waited lock_timeout once per pending
// suggestion (900 suggestions × 3 s: 45 minutes of one of the two job slots), and each of those waits queued the
// team's other verdict saves behind its exclusive request. It now stops at the first such wait; the retry does the rest.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  // Read by lib/db.ts when it creates its pool: this file's app connections give up on a lock after 0.3 s.
  process.env.DATABASE_LOCK_TIMEOUT_MS = "300";
});

import pg from "pg";
import { createArticle, createClaimRow, createDesk, testDb } from "@/e2e/fixtures/factories";
import { bodyHash, refreshSuggestions } from "@/lib/articles/stored-suggestions";
import { refreshCheckedBefore } from "@/lib/claims/checked-before-stored";
import { db, inTransaction } from "@/lib/db";

// The lock verdict triggers hold in shared mode (migration checked_before_reverse).
const VERDICTS_LOCK = 21005;

const BODY = Array.from(
  { length: 6 },
  (_, i) => `Rail freight item ${String.fromCharCode(97 + i)} grew by ${30 + i} per cent in 2021, the regulator said.`,
).join("\n\n");

let writer: pg.Client;
beforeAll(async () => {
  writer = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await writer.connect();
});
afterAll(async () => {
  await writer.end();
  await db.$disconnect();
  await testDb().$disconnect();
});

/** The distinct transactions seen waiting for the team lock (pg_locks, polled) until `done` settles. */
async function waitersUntil(done: Promise<unknown>): Promise<number> {
  const seen = new Set<string>();
  let settled = false;
  void done.finally(() => (settled = true)).catch(() => {});
  while (!settled) {
    const rows = await testDb().$queryRaw<{ vxid: string }[]>`
      SELECT virtualtransaction AS "vxid" FROM pg_locks
      WHERE locktype = 'advisory' AND classid = ${VERDICTS_LOCK}::oid AND mode = 'ExclusiveLock' AND NOT granted`;
    for (const { vxid } of rows) seen.add(vxid);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return seen.size;
}

describe("the 'checked before' job while a verdict transaction of the team is open", () => {
  it("waits for it once, not once per pending suggestion, and leaves the rest for its retry", async () => {
    const desk = await createDesk();
    const article = await createArticle(desk.team.id, { body: BODY });
    await inTransaction(testDb(), (tx) => refreshSuggestions(tx, article.id, article.body));
    const pending = await testDb().suggestion.count({ where: { articleId: article.id, checkedBeforePending: true } });
    expect(pending).toBeGreaterThan(2);

    // A verdict given in a transaction that stays open (as a long import's does).
    const elsewhere = await createArticle(desk.team.id, { body: "Rail freight grew by 2 per cent in 2019, the regulator said." });
    const claimId = await createClaimRow(elsewhere.id, desk.reviewer.id, { exact: elsewhere.body.slice(0, -1) });
    await writer.query("BEGIN");
    await writer.query(`UPDATE "Claim" SET "verdictOrdinal" = 1, "verdictLabel" = 'False', "verdictAt" = now() WHERE "id" = $1`, [claimId]);
    try {
      const job = refreshCheckedBefore({ articleId: article.id, bodyHash: bodyHash(BODY) });
      const waits = await waitersUntil(job);
      await expect(job).rejects.toThrow(/waited too long on verdicts being written/);
      expect(waits).toBeLessThanOrEqual(1);
    } finally {
      await writer.query("COMMIT");
    }
    // The retry, once the verdict committed, answers them all.
    await refreshCheckedBefore({ articleId: article.id, bodyHash: bodyHash(BODY) });
    expect(await testDb().suggestion.count({ where: { articleId: article.id, checkedBeforePending: true } })).toBe(0);
  });
});
