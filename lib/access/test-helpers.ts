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

type Delegate = Record<string | symbol, unknown>;
const bound = (owner: object, value: unknown) => (typeof value === "function" ? (value as TransactionFn).bind(owner) : value);
/** The SQL text of a raw query's first argument (a Prisma.Sql, or a tagged template's strings). */
const sqlText = (query: unknown): string =>
  Array.isArray(query) ? query.join("?") : String((query as { sql?: unknown } | null)?.sql ?? "");
/** The rows withChangeBeforeRowWrite watches: a Prisma model and its table. */
const MODELS = { claim: "Claim", evidence: "Evidence" } as const;

/** withChangeBeforeRowWrite for claim rows. */
export function withChangeBeforeClaimWrite<T>(change: () => Promise<unknown>, call: () => Promise<T>): Promise<T> {
  return withChangeBeforeRowWrite("claim", change, call);
}

/**
 * Like withChangeBeforeWriting, but closer still: `change` is applied (and committed) just before the first statement
 * that writes a row of `model` (`<model>.updateMany`, or a raw `UPDATE "<Table>"`, on the shared client or inside any
 * transaction it opens), after every check the call made, inside its transaction too. A write judged on a role or a
 * status must carry it in its own `where` to notice. Output: what `call` returns or throws; throws an Error when
 * `call` wrote no such row (the test would prove nothing).
 */
export async function withChangeBeforeRowWrite<T>(
  model: keyof typeof MODELS,
  change: () => Promise<unknown>,
  call: () => Promise<T>,
): Promise<T> {
  const writesRow = (query: unknown) => new RegExp(`UPDATE\\s+"${MODELS[model]}"`, "i").test(sqlText(query));
  let landed = false;
  const land = async () => {
    if (landed) return;
    landed = true;
    await change();
  };
  const rawWith =
    (owner: object, raw: TransactionFn) =>
    async (...args: unknown[]) => {
      if (writesRow(args[0])) await land();
      return raw.apply(owner, args);
    };
  const hooked = (tx: Delegate): Delegate =>
    new Proxy(tx, {
      get(target, prop) {
        const value = Reflect.get(target, prop, target);
        if (prop === "$queryRaw" || prop === "$executeRaw") return rawWith(target, value as TransactionFn);
        if (prop !== model) return bound(target, value);
        return new Proxy(value as Delegate, {
          get(delegate, method) {
            const fn = Reflect.get(delegate, method, delegate);
            if (method !== "updateMany") return bound(delegate, fn);
            return async (...args: unknown[]) => {
              await land();
              return (fn as TransactionFn).apply(delegate, args);
            };
          },
        });
      },
    });
  const transaction = db.$transaction.bind(db) as unknown as TransactionFn;
  const queryRaw = db.$queryRaw.bind(db) as unknown as TransactionFn;
  const spies = [
    vi
      .spyOn(db, "$transaction")
      .mockImplementation(((work: unknown, ...rest: unknown[]) =>
        typeof work === "function"
          ? transaction((tx: Delegate) => (work as (tx: Delegate) => Promise<unknown>)(hooked(tx)), ...rest)
          : transaction(work, ...rest)) as unknown as typeof db.$transaction),
    vi.spyOn(db, "$queryRaw").mockImplementation(rawWith(db, queryRaw) as unknown as typeof db.$queryRaw),
  ];
  const outcome = await call().then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  for (const spy of spies) spy.mockRestore();
  if (!landed) throw new Error(`The call wrote no ${model}, so the change never landed.`);
  if (!outcome.ok) throw outcome.error;
  return outcome.value;
}
