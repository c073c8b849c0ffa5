import { AsyncLocalStorage } from "node:async_hooks";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, type Prisma } from "@/lib/generated/prisma/client";
import { config } from "@/lib/config";

function createClient(poolSize: number): PrismaClient {
  const adapter = new PrismaPg(
    {
      connectionString: process.env.DATABASE_URL,
      max: poolSize,
      connectionTimeoutMillis: config.databaseConnectTimeoutMs,
      idleTimeoutMillis: 30_000,
      // Sent as session settings when each connection opens. Without lock_timeout a request
      // queued behind another's row lock held its connection for as long as the other took
      // (ten such waiters emptied the pool and every request answered 503 for 37 s); with it
      // the waiter fails in seconds (409, lib/http/errors.ts) and its connection is free again.
      lock_timeout: config.databaseLockTimeoutMs,
      statement_timeout: config.databaseStatementTimeoutMs,
    },
    {
      // Without these listeners a dropped PostgreSQL connection emits an unhandled
      // 'error' event and kills the process; with them the pool reconnects on next use.
      onPoolError: (err) => console.error("[db] pool error:", err.message),
      onConnectionError: (err) => console.error("[db] connection error:", err.message),
    },
  );
  return new PrismaClient({
    adapter,
    // Under a burst of writes, transactions queue for one of the pool's connections. Prisma's
    // default wait (2 s) is shorter than a plain query's connect timeout, so a busy moment
    // failed writes that would have succeeded; both now wait the same, configured time.
    transactionOptions: { maxWait: config.databaseConnectTimeoutMs, timeout: 15_000 },
  });
}

const globalForDb = globalThis as unknown as { factdeskDb?: PrismaClient; factdeskPriorityDb?: PrismaClient };

/** The one Prisma client for the application's work. Only lib/<domain> modules import it. */
export const db: PrismaClient = globalForDb.factdeskDb ?? createClient(config.databasePoolSize);
if (process.env.NODE_ENV !== "production") globalForDb.factdeskDb = db;

/**
 * A second client on a small pool of its own (DATABASE_PRIORITY_POOL_SIZE), for work that must answer
 * while the main pool is busy: the health check and signing in. Use it for short statements that take
 * no application locks (no FOR UPDATE on articles or claims), or it stops being a reserve.
 */
export const priorityDb: PrismaClient = globalForDb.factdeskPriorityDb ?? createClient(config.databasePriorityPoolSize);
if (process.env.NODE_ENV !== "production") globalForDb.factdeskPriorityDb = priorityDb;

/** The client a data-layer function runs on: the shared one, or a caller's transaction. */
export type DbClient = PrismaClient | Prisma.TransactionClient;

type CommitHook = (tx: Prisma.TransactionClient) => Promise<void>;
const commitHooks = new AsyncLocalStorage<CommitHook>();

/**
 * Runs `fn` so that every transaction inTransaction starts within it (however deep in the call) also runs
 * `hook` as its last statement, committing or rolling back with it. The request layer uses it to mark an
 * Idempotency-Key as used in the very transaction that creates the thing (lib/http/idempotency.ts).
 * Output: what `fn` returns.
 */
export function withCommitHook<T>(hook: CommitHook, fn: () => Promise<T>): Promise<T> {
  return commitHooks.run(hook, fn);
}

/**
 * Runs `work` in one transaction: the caller's, when `client` already is one (so domain
 * functions compose), else a new transaction on `client` with `options` (maxWait/timeout, ms),
 * ending with the commit hook of withCommitHook when one is active.
 * Output: what `work` returns; errors thrown by `work` roll the transaction back and propagate.
 */
export function inTransaction<T>(
  client: DbClient,
  work: (tx: Prisma.TransactionClient) => Promise<T>,
  options?: { maxWait?: number; timeout?: number },
): Promise<T> {
  if (!isRootClient(client)) return work(client);
  const hook = commitHooks.getStore();
  if (!hook) return client.$transaction(work, options);
  return client.$transaction(async (tx) => {
    const result = await work(tx);
    await hook(tx);
    return result;
  }, options);
}

// A transaction client has no $transaction of its own (Prisma leaves it out).
const isRootClient = (client: DbClient): client is PrismaClient => typeof (client as Partial<PrismaClient>).$transaction === "function";

/**
 * Runs `work`, which sends exactly ONE statement, as an atomic change with the fewest round trips: on `client`
 * directly when it is the shared client and no commit hook (withCommitHook) is active, since PostgreSQL runs a
 * single statement (data-modifying CTEs included) atomically on its own; otherwise inside inTransaction, so it
 * joins the caller's transaction or gets the commit hook's statement in the same transaction.
 * Output: what `work` returns, where null means the statement wrote nothing (the commit hook then does not run);
 * errors propagate (nothing is written when the statement fails).
 */
export function inOneStatement<T>(client: DbClient, work: (client: DbClient) => Promise<T | null>): Promise<T | null> {
  if (!isRootClient(client)) return work(client);
  const hook = commitHooks.getStore();
  if (!hook) return work(client);
  return client.$transaction(async (tx) => {
    const result = await work(tx);
    // Null: the statement wrote nothing and the caller's full path decides (and may refuse). An Idempotency-Key
    // must then stay unmarked, so the refusal releases it like any other.
    if (result !== null) await hook(tx);
    return result;
  });
}
