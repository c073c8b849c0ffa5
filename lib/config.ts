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
