import { AsyncLocalStorage } from "node:async_hooks";
import { createHash } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient, Prisma } from "@/lib/generated/prisma/client";
import { config } from "@/lib/config";
import { GuardedClient } from "@/lib/db-client";

/** How long past statement_timeout a statement may go unanswered before the client gives up on it, in ms. */
export const QUERY_TIMEOUT_MARGIN_MS = 5_000;

/**
 * The main and priority pools' settings for `poolSize` connections (DATABASE_URL, timeouts from lib/config.ts).
 * - lock_timeout and statement_timeout are sent as session settings when each connection opens. Without
 *   lock_timeout a request queued behind another's row lock held its connection for as long as the other took (ten
 *   such waiters emptied the pool and every request answered 503 for 37 s); with it the waiter fails in seconds
 *   (409, lib/http/errors.ts) and its connection is free again.
 * - query_timeout (statement_timeout + QUERY_TIMEOUT_MARGIN_MS) is the client's own limit, for a server that stops
 *   answering on a connection already open (a stalled host or network: statement_timeout runs on the server, so it
 *   never fires then). Attack 27: with PostgreSQL stopped (SIGSTOP), a request on a pooled connection waited for
 *   ever, through the API fast lane's readRows and through Prisma alike; now it fails with "Query read timeout"
 *   (503, toAppError), and the connection is closed (GuardedClient), whether pool.query or a Prisma transaction ran it.
 * - idle_in_transaction_session_timeout, also a session setting: the server rolls back a transaction left open with no
 *   statement running for that long (an abandoned one) and ends its session.
 * - Client: GuardedClient (lib/db-client.ts), which goes back to the pool only idle and outside any transaction (stop
 *   27: a transaction whose statement timed out on the client side handed the pool a stuck connection, or one still in
 *   that transaction; lib/db-stalled-transaction.int.test.ts).
 */
export function poolSettings(poolSize: number): pg.PoolConfig {
  return {
    connectionString: process.env.DATABASE_URL,
    max: poolSize,
    connectionTimeoutMillis: config.databaseConnectTimeoutMs,
    idleTimeoutMillis: 30_000,
    lock_timeout: config.databaseLockTimeoutMs,
    statement_timeout: config.databaseStatementTimeoutMs,
    idle_in_transaction_session_timeout: config.databaseIdleInTransactionTimeoutMs,
    query_timeout: config.databaseStatementTimeoutMs + QUERY_TIMEOUT_MARGIN_MS,
    Client: GuardedClient,
  };
}

/**
 * A Prisma client and the pg pool under it. lib/db.ts makes the pool itself and hands it to PrismaPg, so readRows
 * runs on the very connections Prisma uses (one pool per client, sized by DATABASE_POOL_SIZE, not two).
 */
function createClient(poolSize: number): { client: PrismaClient; pool: pg.Pool } {
  const pool = new pg.Pool(poolSettings(poolSize));
  // Without these listeners a dropped PostgreSQL connection emits an unhandled 'error' event and kills the
  // process; with them the pool reconnects on next use. The pool's own listener is attached here, not through
  // PrismaPg's onPoolError, because readRows may use the pool before Prisma first connects.
  pool.on("error", (err) => console.error("[db] pool error:", err.message));
  const adapter = new PrismaPg(pool, {
    onConnectionError: (err) => console.error("[db] connection error:", err.message),
    // $disconnect ends the pool, as it did when PrismaPg made the pool itself.
    disposeExternalPool: true,
  });
  const client = new PrismaClient({
    adapter,
    // Under a burst of writes, transactions queue for one of the pool's connections. Prisma's
    // default wait (2 s) is shorter than a plain query's connect timeout, so a busy moment
    // failed writes that would have succeeded; both now wait the same, configured time.
    transactionOptions: { maxWait: config.databaseConnectTimeoutMs, timeout: 15_000 },
  });
  return { client, pool };
}

type Connected = { client: PrismaClient; pool: pg.Pool };
const globalForDb = globalThis as unknown as { factdeskMain?: Connected; factdeskPriorityDb?: PrismaClient };

const main = globalForDb.factdeskMain ?? createClient(config.databasePoolSize);
if (process.env.NODE_ENV !== "production") globalForDb.factdeskMain = main;

/** The one Prisma client for the application's work. Only lib/<domain> modules import it. */
export const db: PrismaClient = main.client;

/**
 * A second client on a small pool of its own (DATABASE_PRIORITY_POOL_SIZE), for work that must answer
 * while the main pool is busy: the health check and signing in. Use it for short statements that take
 * no application locks (no FOR UPDATE on articles or claims), or it stops being a reserve.
 */
export const priorityDb: PrismaClient = globalForDb.factdeskPriorityDb ?? createClient(config.databasePriorityPoolSize).client;
if (process.env.NODE_ENV !== "production") globalForDb.factdeskPriorityDb = priorityDb;

// pg's type ids of the column types whose value pg would read differently from Prisma's $queryRaw; every other
// type keeps pg's own parser (text, enums, int2/int4, float, bool, timestamptz, json/jsonb, text[]…), which gives
// the same values as Prisma (lib/db-read-rows.int.test.ts compares them column by column).
const INT8_ARRAY = 1016;
const NUMERIC_ARRAY = 1231;
const TIMESTAMP_ARRAY = 1115;
const DATE_ARRAY = 1182;
const parseTextArray = pg.types.getTypeParser(1009 as never, "text") as (text: string) => (string | null)[];
const arrayOf =
  <T>(parse: (text: string) => T) =>
  (text: string) =>
    parseTextArray(text).map((item) => (item === null ? null : parse(item)));
// Prisma reads `timestamp` (its DateTime columns) as UTC and `date` as midnight UTC; pg would read both in the
// process's time zone. int8 is a bigint and numeric a Prisma.Decimal in Prisma; pg gives strings.
const utcTimestamp = (text: string) => new Date(`${text.replace(" ", "T")}Z`);
const utcDate = (text: string) => new Date(`${text}T00:00:00Z`);
const decimal = (text: string) => new Prisma.Decimal(text);
const READ_PARSERS: Record<number, (text: string) => unknown> = {
  [pg.types.builtins.INT8]: BigInt,
  [INT8_ARRAY]: arrayOf(BigInt),
  [pg.types.builtins.NUMERIC]: decimal,
  [NUMERIC_ARRAY]: arrayOf(decimal),
  [pg.types.builtins.TIMESTAMP]: utcTimestamp,
  [TIMESTAMP_ARRAY]: arrayOf(utcTimestamp),
  [pg.types.builtins.DATE]: utcDate,
  [DATE_ARRAY]: arrayOf(utcDate),
};
const readTypes = {
  getTypeParser: (oid: number, format?: "text" | "binary") =>
    (format !== "binary" && READ_PARSERS[oid]) || pg.types.getTypeParser(oid as never, format as "text"),
} as pg.CustomTypesConfig;

/** A parameter as Prisma's pg adapter sends it: a Date as its UTC time without an offset (what `timestamp` holds). */
function toParameter(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().replace("T", " ").replace("Z", "");
  if (Array.isArray(value)) return value.map(toParameter);
  return value;
}

/**
 * Runs one composed read statement (`Prisma.sql`…``) straight on the main client's pg pool and returns its rows,
 * with the values `db.$queryRaw` would give: timestamps and dates as Date (UTC), int8 as bigint, numeric as
 * Prisma.Decimal, json/jsonb parsed, enums and text as strings, arrays as arrays, NULL as null. Parameters stay
 * parameters (the fragment's `.text` with $1…, and its `.values`), and the statement is prepared on each connection
 * the first time and only executed after (statementName). For the hot API reads only (issue #21: Prisma's
 * query pipeline cost ~0.1–0.4 ms of CPU per statement over pg alone, bench/raw-read.ts). The statement runs on its
 * own connection outside any transaction (autocommit), so it never sees a caller's uncommitted writes: anything that
 * must join a transaction, and the application's writes, go through Prisma (inTransaction). `pool` is for tests
 * (another server); leave it out.
 * Output: the rows, typed as the caller says (not checked).
 * @throws pg's error for a failed statement or connection, which toAppError (lib/http/errors.ts) maps as it maps
 * Prisma's: an unreachable database or a dropped connection → 503, statement_timeout → 503, lock_timeout → 409.
 */
export async function readRows<T>(query: Prisma.Sql, pool: pg.Pool = main.pool): Promise<T[]> {
  const text = query.text;
  const result = await pool.query({ name: statementName(text), text, values: query.values.map(toParameter), types: readTypes });
  return result.rows as T[];
}

// readRows's statements are prepared once per connection and then only bound and executed (issue #21): the token
// statement alone is ~2.5 KB of SQL that was sent, parsed and planned by PostgreSQL on every API request. Their texts
// come from code (values are always parameters), a handful of variants per reader; past MAX_PREPARED distinct texts
// the rest run unnamed as before, so a reader that one day builds unbounded texts cannot fill the server's memory.
const MAX_PREPARED = 64;
const statementNames = new Map<string, string>();

/** The prepared-statement name for `text` (a hash of it, so one name never means two texts), or undefined past MAX_PREPARED. */
function statementName(text: string): string | undefined {
  let name = statementNames.get(text);
  if (name === undefined && statementNames.size < MAX_PREPARED) {
    name = `factdesk_read_${createHash("sha1").update(text).digest("hex").slice(0, 20)}`;
    statementNames.set(text, name);
  }
  return name;
}

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

// The one test of "is this a caller's transaction": Prisma 7's interactive-transaction client keeps $transaction
// (nested transactions are savepoints) but leaves out $connect and $disconnect; so does any part of one
// (Pick<Prisma.TransactionClient, …>), which is read as one. (Testing for $transaction took a 7.10 transaction client
// for the shared one: inTransaction(tx, …) opened a savepoint and ran the commit hook again; lib/db-in-transaction.int.test.ts.)
const isTransactionClient = (client: object): boolean => typeof (client as Partial<PrismaClient>).$connect !== "function";
const isRootClient = (client: DbClient): client is PrismaClient => !isTransactionClient(client);

/**
 * Runs independent reads on `client`: side by side on the shared client (each statement takes its own pooled
 * connection), one after another on a transaction client, whose one connection answers one statement at a time
 * (Promise.all there queued them on it: pg warns "Calling client.query() when the client is already executing a
 * query is deprecated" and pg@9 refuses; stop 27, lib/notifications/notify.ts). `client` is a DbClient or any part
 * of one (Pick<Prisma.TransactionClient, …>). Output: the reads' results, in the order given; the first error rejects.
 */
export async function readAll<T extends readonly unknown[]>(
  client: object,
  reads: { readonly [K in keyof T]: () => PromiseLike<T[K]> },
): Promise<T> {
  const thunks = reads as readonly (() => PromiseLike<unknown>)[];
  if (!isTransactionClient(client)) return (await Promise.all(thunks.map((read) => read()))) as unknown as T;
  const results: unknown[] = [];
  for (const read of thunks) results.push(await read());
  return results as unknown as T;
}

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
