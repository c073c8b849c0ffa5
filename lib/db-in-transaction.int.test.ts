// inTransaction (lib/db.ts) joins a caller's transaction, as its docstring says. Prisma 7.10's transaction clients
// keep $transaction (a nested call opens a savepoint), so the former test for "the shared client" (it has
// $transaction) took a transaction client for one: inTransaction(tx, …) opened a savepoint, gave `work` another
// client, and ran the commit hook (withCommitHook) once per level instead of once, in the outermost transaction.
import { describe, expect, it } from "vitest";
import { db, inOneStatement, inTransaction, withCommitHook } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

describe("inTransaction on a transaction client", () => {
  it("runs work on the caller's transaction client itself, not a savepoint of it", async () => {
    await db.$transaction(async (tx) => {
      // Compared by identity (a failing toBe would print Prisma's client proxies, which overflows the stack).
      const inner = await inTransaction(tx, async (t) => t);
      expect(inner === tx).toBe(true);
      const single = await inOneStatement(tx, async (t) => t);
      expect(single === tx).toBe(true);
    });
  });

  it("runs the commit hook once, in the outermost transaction", async () => {
    const hookedOn: Prisma.TransactionClient[] = [];
    let outer: Prisma.TransactionClient | undefined;
    await withCommitHook(
      async (tx) => {
        hookedOn.push(tx);
      },
      () =>
        inTransaction(db, async (tx) => {
          outer = tx;
          await inTransaction(tx, async (t) => t.$queryRaw`SELECT 1`);
          await inOneStatement(tx, async (t) => t.$queryRaw`SELECT 1`);
        }),
    );
    expect(hookedOn.length).toBe(1);
    expect(hookedOn[0] === outer).toBe(true);
  });

  it("still starts a transaction on the shared client", async () => {
    const txids = await inTransaction(db, async (tx) => [
      ...(await tx.$queryRaw<{ id: string }[]>`SELECT txid_current()::text AS id`),
      ...(await tx.$queryRaw<{ id: string }[]>`SELECT txid_current()::text AS id`),
    ]);
    expect(txids[0]!.id).toBe(txids[1]!.id);
  });
});
