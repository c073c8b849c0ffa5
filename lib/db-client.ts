import pg from "pg";

// pg's message when a statement outlives the client's query_timeout (pg/lib/client.js, pinned pg 8.23.1); kept for ours.
const READ_TIMEOUT = "Query read timeout";

/**
 * The warning for a statement sent on a connection that has not answered the one before (our own, as pg's deprecation
 * notice fires only from the third statement at once). scripts/lib/vitest-setup.ts makes it, and pg's, fail a test.
 */
export const CONCURRENT_QUERY_WARNING =
  "A statement was sent on a database connection still running another (Promise.all over one transaction?); send them one after another";
let warnedConcurrent = false;

type Release = (err?: Error | boolean) => void;
type Reply = (err: unknown, result?: unknown) => void;
type QueryArgs = unknown[];
const baseQuery = pg.Client.prototype.query as (this: pg.Client, ...args: QueryArgs) => unknown;

/**
 * The pg client the pools of lib/db.ts are made of (pg.Pool's `Client` option): a pg.Client that never goes back to
 * its pool unless it is idle and outside any transaction. Stop 27's fault: a statement given up on the client side
 * (query_timeout) while the server still ran it, or never answered, stayed the connection's active query; Prisma's
 * ROLLBACK queued behind it, timed out too and was dropped from the queue, and the adapter released the connection
 * without an error. The pool then handed out a connection whose next statement waited behind the lost one (and
 * failed), or, once the late answer came, a session still inside the abandoned transaction: the next request's
 * writes joined it and were never committed. lib/db-stalled-transaction.int.test.ts reproduces both.
 * - On a client-side timeout the connection is closed at once (pg's `end()` destroys a socket with a statement
 *   outstanding), so statements queued behind the lost one fail now instead of after their own timeouts, and the
 *   server ends the session, rolling back its transaction.
 * - `release()` without an error still removes the connection from the pool (and closes it) when PostgreSQL's last
 *   ReadyForQuery said a transaction is open ("T") or failed ("E"), or when a statement sent on it is unanswered or timed out.
 * The server-side limits (statement_timeout, lock_timeout, idle_in_transaction_session_timeout) are each
 * connection's session settings (poolSettings in lib/db.ts).
 */
export class GuardedClient extends pg.Client {
  #poolRelease: Release | undefined;
  #outstanding = 0;
  /** Set when a statement timed out on the client side: the connection is being closed and never pooled again. */
  #abandoned = false;
  /** The pool's query_timeout (ms; 0: none), applied by guardedQuery instead of pg. */
  readonly #readTimeoutMs: number;
  /** The `code` given to the error of a statement timed out on the client side (none: pg's error as it is). */
  protected readonly readTimeoutCode: string | undefined = undefined;

  constructor(config?: string | pg.ClientConfig) {
    super(config);
    // pg reads query_timeout from here for each statement (pg/lib/client.js, pinned pg 8.23.1); 0 turns its own off.
    const parameters = (this as unknown as { connectionParameters: { query_timeout?: number | false } }).connectionParameters;
    this.#readTimeoutMs = Number(parameters.query_timeout) || 0; // pg's default is false
    parameters.query_timeout = 0;
  }

  /** Whether `statement` may be sent while another is unanswered without CONCURRENT_QUERY_WARNING; never here. */
  protected mayOverlap(_statement: string): boolean {
    return false;
  }

  /** Called with the error of each statement before its caller sees it (to tag it); does nothing here. */
  protected onStatementError(_err: Error): void {}

  /** Why this connection must not be pooled again, or undefined when it may be. */
  unfitForPool(): Error | undefined {
    const status = this.getTransactionStatus();
    if (status === "T" || status === "E") return new Error(`released inside a transaction (status ${status})`);
    if (this.#abandoned) return new Error("released after a statement timed out on the client side");
    if (this.#outstanding > 0) return new Error("released with a statement unanswered");
    return undefined;
  }

  /** The pool's release, guarded: an unfit connection is released as an error, so the pool closes it. */
  get release(): Release {
    return (err) => this.#poolRelease?.(err || this.unfitForPool());
  }

  /** pg-pool assigns its release function to each client it hands out. */
  set release(poolRelease: Release) {
    this.#poolRelease = poolRelease;
  }

  /**
   * Sends a statement as pg.Client#query does (same arguments: a callback last, or none for a promise) and counts it
   * until it is answered; a statement not answered within the pool's query_timeout fails with pg's own "Query read
   * timeout" and closes the connection. A statement sent while another is unanswered on this connection (Promise.all
   * over a transaction client) raises CONCURRENT_QUERY_WARNING once per process, with the caller's stack: pg queues it
   * today and pg@9 will refuse it.
   * The caller's callback is let go as soon as it has been called (issue #21): pg keeps the statement's Query, which
   * holds its callback, until the connection's next statement, and the callback reached the answer's rows, so V8
   * copied every answer into its old generation (~35–50 KB per GET claims answer; long scavenges under load). pg's
   * own query_timeout wraps the callback in the same way, so GuardedClient applies that limit itself
   * (lib/db-client-gc.int.test.ts). A Submittable (cursor, stream) or a statement pg refuses before sending (null)
   * goes to pg as it is, uncounted and without the limit; Factdesk sends none.
   */
  guardedQuery(args: QueryArgs): unknown {
    const first = args[0] as { submit?: unknown; text?: unknown } | null | undefined;
    if (first == null || typeof first.submit === "function") return baseQuery.apply(this, args);
    const statement = typeof first === "string" ? first : String(first.text);
    // After a client-side timeout the connection is closing: what is sent on it (Prisma's ROLLBACK) fails at once, it
    // does not queue behind the lost statement, so it is no misuse (lib/db-client.int.test.ts, stop 36's CI failure).
    if (this.#outstanding > 0 && !this.#abandoned && !warnedConcurrent && !this.mayOverlap(statement)) {
      warnedConcurrent = true;
      const limit = Error.stackTraceLimit;
      Error.stackTraceLimit = 40; // past Prisma's frames to the caller's
      const detail = `Statement: ${statement.slice(0, 200)}\n${new Error("sent from").stack}`;
      Error.stackTraceLimit = limit;
      process.emitWarning(CONCURRENT_QUERY_WARNING, { code: "FACTDESK_CONCURRENT_QUERY", detail });
    }

    const last = args.length - 1;
    const given = typeof args[last] === "function" ? (args[last] as Reply) : undefined;
    let reply: Reply | undefined = given;
    let answer: Promise<unknown> | undefined;
    if (!given) {
      answer = new Promise((resolve, reject) => {
        reply = (err, result) => (err ? reject(err) : resolve(result));
      }).catch((err: unknown) => {
        // as pg does: a stack that leads back to the caller, not to the socket's read
        if (err instanceof Error) Error.captureStackTrace(err);
        throw err;
      });
    }
    let timer: NodeJS.Timeout | undefined;
    const settle = (err: unknown, result?: unknown) => {
      if (!reply) return; // answered already, or timed out
      const callback = reply;
      reply = undefined;
      clearTimeout(timer);
      this.#outstanding--;
      if (err instanceof Error) this.onStatementError(err);
      callback(err, result);
    };
    this.#outstanding++;
    if (this.#readTimeoutMs > 0) {
      timer = setTimeout(() => {
        const err = new Error(READ_TIMEOUT);
        if (this.readTimeoutCode !== undefined) Object.assign(err, { code: this.readTimeoutCode });
        this.#abandoned = true;
        settle(err);
        // The answer may still come, or never: either way this connection's state is unknown. end() destroys a socket
        // with a statement outstanding, which fails the statements queued behind this one.
        this.end().catch(() => {});
      }, this.#readTimeoutMs);
    }
    const sent = given ? args.slice(0, last) : [...args];
    try {
      baseQuery.apply(this, [...sent, settle]);
    } catch (err) {
      settle(err);
    }
    return answer;
  }
}

// pg.Client#query has many overloads; the guard wraps them all (callback last, or a returned promise).
Object.defineProperty(GuardedClient.prototype, "query", {
  value: function query(this: GuardedClient, ...args: QueryArgs) {
    return this.guardedQuery(args);
  },
  writable: true,
  configurable: true,
});

/**
 * The client of graphile-worker's pool (lib/jobs/runner.ts): a GuardedClient whose client-side timeout ("Query read
 * timeout") carries the code ETIMEDOUT, which graphile-worker retries (its RETRYABLE_ERROR_CODES, graphile-worker
 * 0.17 lib.js: again after 3 s, backing off to 2 min, up to 100 times), as it retries a socket's own ETIMEDOUT.
 * graphile-worker sends a finished job's "done" or "failed" statement without awaiting it (worker.js `completeJob(job)`),
 * so without a code it was not retried: one such statement lost in a stall was an unhandled rejection (a failed
 * Vitest run; a log line in Next), and the job stayed locked until graphile-worker's 4-hour reset, then ran again.
 * Now it is sent again on a new connection once the database answers (lib/jobs/runner-stall.int.test.ts).
 */
export class JobRunnerClient extends GuardedClient {
  protected override readonly readTimeoutCode = "ETIMEDOUT";

  /**
   * graphile-worker's listening connection sends its UNLISTEN when the runner stops without waiting for a LISTEN still
   * in flight (graphile-worker 0.17 dist/main.js `release()`): the library's statement, which pg queues; ours are still
   * held to one at a time. Seen failing lib/jobs/runner-start.int.test.ts in a CI-like run (stop 33).
   */
  protected override mayOverlap(statement: string): boolean {
    return /^\s*(UN)?LISTEN\b/i.test(statement);
  }

  protected override onStatementError(err: Error): void {
    retryableConnectionError(err);
  }
}

// PostgreSQL's codes for a server going away or not taking connections (Appendix A: class 08 connection exception,
// 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now) and the socket's own.
const CONNECTION_CODES = new Set(["08000", "08001", "08003", "08004", "08006", "57P01", "57P02", "57P03"]);
const SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ENOTCONN",
  "ECONNABORTED",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
]);
// pg's messages (pinned pg 8.23.1: client.js) for a connection that ended under a statement or was already broken.
const CONNECTION_MESSAGES = new Set([
  "Connection terminated unexpectedly",
  "Connection terminated",
  "Client has encountered a connection error and is not queryable",
  "Client was closed and is not queryable",
]);
/** The code graphile-worker retries (3 s, backing off to 2 min) that says the server cannot take connections now. */
const RETRY_CODE = "57P03";

/**
 * Tags `err` for graphile-worker's retry when it says the database connection failed or the server went away (a
 * restart: ECONNREFUSED while it is down, 57P01 as it stops, "Connection terminated unexpectedly"): its `code` becomes
 * 57P03 (cannot_connect_now), one of graphile-worker 0.17's RETRYABLE_ERROR_CODES, and the code it had is kept in
 * `originalCode`. graphile-worker retries only those codes, and its un-awaited "done"/"failed" statements otherwise
 * end as unhandled rejections (lib/jobs/runner-restart.int.test.ts). Other errors are left alone. Output: `err`.
 */
export function retryableConnectionError<E>(err: E): E {
  if (!(err instanceof Error)) return err;
  const code = (err as { code?: unknown }).code;
  const known = typeof code === "string" && (CONNECTION_CODES.has(code) || SOCKET_CODES.has(code));
  if (code === RETRY_CODE || code === "ETIMEDOUT" || !(known || (code === undefined && CONNECTION_MESSAGES.has(err.message)))) return err;
  Object.assign(err, { code: RETRY_CODE, originalCode: code });
  return err;
}
