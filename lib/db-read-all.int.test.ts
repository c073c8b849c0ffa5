// readAll (lib/db.ts): independent reads side by side on the shared client, one after another on a transaction, whose
// one connection answers one statement at a time. Promise.all there sent them at once: pg's deprecation warning in
// the e2e server's log (stop 27, lib/notifications/notify.ts), which the test harness now fails (scripts/lib/vitest-setup.ts).
import { describe, expect, it } from "vitest";
import { db, readAll } from "@/lib/db";

describe("readAll", () => {
  it("reads in a transaction one statement at a time, results in the order given", async () => {
    // findUnique of three models, as notify.ts read them: Prisma sent those of one transaction at once.
    const [user, team, label] = await db.$transaction(async (tx) =>
      readAll(tx, [
        () => tx.user.findUnique({ where: { id: "no-such-user" }, select: { id: true } }),
        () => tx.team.findUnique({ where: { id: "no-such-team" }, select: { id: true } }),
        async () => `article ${(await tx.article.findUnique({ where: { id: "no-such-article" }, select: { id: true } })) ?? "none"}`,
      ]),
    );
    expect([user, team, label]).toEqual([null, null, "article none"]);
  });

  it("reads side by side on the shared client, each on a connection of its own", async () => {
    const pids = await readAll(db, [
      () => db.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid, pg_sleep(0.2)::text AS slept`,
      () => db.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid, pg_sleep(0.2)::text AS slept`,
    ]);
    expect(pids[0][0]!.pid).not.toBe(pids[1][0]!.pid);
  });

  it("rejects with the first error", async () => {
    await expect(
      db.$transaction(async (tx) => readAll(tx, [() => tx.$queryRaw`SELECT 1/0`, () => tx.$queryRaw`SELECT 1`])),
    ).rejects.toThrow(/division by zero/);
  });
});
