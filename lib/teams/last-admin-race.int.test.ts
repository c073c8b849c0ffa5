// A newsroom runs itself without SQL only while its team has an admin: nothing in the app makes a new admin for an
// existing team (the setup link and `npm run admin` make new teams). Two admins who demote (or disable) each other at
// the same moment both passed the "is the actor an admin?" check before either change committed, and each wrote a
// different membership row, so neither waited: the team was left with no admin at all. Member changes of one team
// now take turns, and the second is judged on the first's result (403: no longer an admin).
import { afterAll, describe, expect, it } from "vitest";
import { createDesk, createUser, testDb } from "@/e2e/fixtures/factories";
import { outcomeOf } from "@/e2e/fixtures/errors";
import { db, inTransaction } from "@/lib/db";
import { updateMember } from "@/lib/teams/members";

afterAll(async () => {
  await testDb().$disconnect();
});

/** Resolves once some statement waits for a lock (pg_locks), or `stop` says to give up. */
async function lockWaiter(stop: { done: boolean }): Promise<void> {
  while (!stop.done) {
    const [row] = await testDb().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted`;
    if (row && row.n > 0) return;
  }
}

describe("two admins changing each other at once", () => {
  for (const change of [{ role: "editor" as const }, { disabled: true }]) {
    it(`leaves the team with an admin (${JSON.stringify(change)})`, async () => {
      const desk = await createDesk();
      const second = await createUser(desk.team.id, "admin", "second-admin");
      const memberOf = async (userId: string) =>
        (await testDb().membership.findFirstOrThrow({ where: { userId, teamId: desk.team.id } })).id;
      const [firstMember, secondMember] = [await memberOf(desk.admin.id), await memberOf(second.id)];

      let other: Promise<string> = Promise.resolve("not started");
      const stop = { done: false };
      await inTransaction(db, async (tx) => {
        await updateMember({ teamId: desk.team.id, userId: desk.admin.id, memberId: secondMember, ...change }, tx);
        // The other admin's request arrives while the first is still open: it either finishes or waits for it.
        other = outcomeOf(updateMember({ teamId: desk.team.id, userId: second.id, memberId: firstMember, ...change }));
        await Promise.race([other, lockWaiter(stop)]);
        stop.done = true;
      });
      expect(await other).toBe("forbidden");
      const admins = await testDb().membership.findMany({
        where: { teamId: desk.team.id, role: "admin", user: { disabled: false } },
        select: { userId: true },
      });
      expect(admins.map((a) => a.userId)).toEqual([desk.admin.id]);
    });
  }
});
