// Runtime settings read from the environment, with the defaults documented in README.md.

function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  }
  return value;
}

export const config = {
  /** How often a signed-in session re-reads the user (disabled flag, roles) from the database. */
  get sessionRecheckSeconds() {
    return intFromEnv("SESSION_RECHECK_SECONDS", 60);
  },
  get databasePoolSize() {
    return intFromEnv("DATABASE_POOL_SIZE", 10);
  },
  get databaseConnectTimeoutMs() {
    return intFromEnv("DATABASE_CONNECT_TIMEOUT_MS", 5000);
  },
  /**
   * How long a statement waits for a row or table lock before it gives up (DATABASE_LOCK_TIMEOUT_MS, default 3000 ms;
   * PostgreSQL's lock_timeout). A request queued behind another's lock then answers 409 instead of holding a
   * connection for as long as the other takes.
   */
  get databaseLockTimeoutMs() {
    return intFromEnv("DATABASE_LOCK_TIMEOUT_MS", 3000);
  },
  /**
   * The longest one SQL statement may run (DATABASE_STATEMENT_TIMEOUT_MS, default 30000 ms; PostgreSQL's
   * statement_timeout): a runaway query answers 503 and frees its connection.
   */
  get databaseStatementTimeoutMs() {
    return intFromEnv("DATABASE_STATEMENT_TIMEOUT_MS", 30_000);
  },
  /**
   * The longest a connection may sit inside an open transaction with no statement running
   * (DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS, default 60000 ms; PostgreSQL's idle_in_transaction_session_timeout).
   * A transaction its request abandoned mid-way (a client-side timeout, a crash between statements) is then rolled
   * back by the server and its locks freed. Longer than any pause inside our transactions (a worker step, 20 s).
   */
  get databaseIdleInTransactionTimeoutMs() {
    return intFromEnv("DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS", 60_000);
  },
  /**
   * Connections of the small pool kept apart for health checks and sign-in (DATABASE_PRIORITY_POOL_SIZE,
   * default 3), so neither waits behind the application's work.
   */
  get databasePriorityPoolSize() {
    return intFromEnv("DATABASE_PRIORITY_POOL_SIZE", 3);
  },
  /** Worker threads for CPU-heavy steps (WORKER_THREADS; default 0 = one fewer than the machine's cores, at least 1). */
  get workerThreads() {
    return intFromEnv("WORKER_THREADS", 0);
  },
  /** Longest one heavy step (an import's parsing, suggestion detection) may take, queue included (WORKER_BUDGET_MS, default 20000 ms). */
  get workerBudgetMs() {
    return intFromEnv("WORKER_BUDGET_MS", 20_000);
  },
  /** Requests a minute one API token may make to /api/v1 (API_RATE_LIMIT_PER_MINUTE, default 300). */
  get apiRateLimitPerMinute() {
    return intFromEnv("API_RATE_LIMIT_PER_MINUTE", 300);
  },
  /**
   * Requests a minute one signed-in browser session may make to /api/v1
   * (API_SESSION_RATE_LIMIT_PER_MINUTE, default 1200): higher than a token's, because the
   * desk UI itself calls the API and must never trip it.
   */
  get apiSessionRateLimitPerMinute() {
    return intFromEnv("API_SESSION_RATE_LIMIT_PER_MINUTE", 1200);
  },
  /**
   * The address people use to reach Factdesk (NEXTAUTH_URL, which `npm start` always sets), for
   * links that leave the app: report URLs, ClaimReview, W3C annotation ids. Null when unset.
   */
  get publicUrl(): string | null {
    return process.env.NEXTAUTH_URL?.trim().replace(/\/+$/, "") || null;
  },
  /** Background jobs one instance runs at once (JOB_CONCURRENCY, default 2; 0 turns this instance's runner off). */
  get jobConcurrency() {
    return intFromEnv("JOB_CONCURRENCY", 2);
  },
  loginLimit: {
    windowMinutes: 15,
    perAccount: 10,
    perIp: 50,
  },
};
