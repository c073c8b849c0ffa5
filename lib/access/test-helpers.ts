// For integration tests of "never check, then write by id": a change that lands after a
// function has checked access and before it writes, as a concurrent request's would.
import { vi } from "vitest";
import { db, withCommitHook } from "@/lib/db";

type TransactionFn = (...args: unknown[]) => Promise<unknown>;

/**
 * Runs `call` with `change` applied (and committed, through its own client) just as `call`
 * opens its first transaction on the shared client: after any check `call` made before it,
 * before anything it writes inside it. A write that is one guarded statement (inOneStatement, issue #21) is made
 * to open a transaction too, through a no-op commit hook, so the change lands just before that statement: its
 * guard must then refuse it. Output: what `call` returns or throws; throws an Error when `call` opened no
 * transaction (the test would prove nothing).
 */
export async function withChangeBeforeWriting<T>(change: () => Promise<unknown>, call: () => Promise<T>): Promise<T> {
  const original = db.$transaction.bind(db) as unknown as TransactionFn;
  const spy = vi.spyOn(db, "$transaction").mockImplementationOnce((async (...args: unknown[]) => {
    await change();
    return original(...args);
  }) as unknown as typeof db.$transaction);
  const outcome = await withCommitHook(async () => {}, call).then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  const landed = spy.mock.calls.length > 0;
  spy.mockRestore();
  if (!landed) throw new Error("The call opened no transaction on the shared client, so the change never landed.");
  if (!outcome.ok) throw outcome.error;
  return outcome.value;
}
