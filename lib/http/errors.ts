// Errors a person can read. Each maps to one HTTP status; anything else is logged
// server-side and shown as a generic message, never as a stack trace.

export type ErrorCode =
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "unprocessable"
  | "payload_too_large"
  | "unsupported_media_type"
  | "too_many_requests"
  | "database_unavailable"
  | "internal";

const STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unprocessable: 422,
  payload_too_large: 413,
  unsupported_media_type: 415,
  too_many_requests: 429,
  database_unavailable: 503,
  internal: 500,
};

/** Every code an error answer can carry (the OpenAPI document lists these). */
export const ERROR_CODES = Object.keys(STATUS) as ErrorCode[];

export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldErrors,
    /** Extra response headers, e.g. Retry-After on a 429. */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.status = STATUS[code];
  }
}

/**
 * The 404 (`not_found`) for a missing item and for one the caller may not see alike, so the answer
 * does not reveal that it exists. `what` names the item in the message ("That claim"); returns the
 * AppError for the caller to throw.
 */
export const notFound = (what = "That item") => new AppError("not_found", `${what} was not found, or you do not have access to it.`);
/** The 401 (`unauthorized`) for a request without a valid session or token; returns it for the caller to throw. */
export const unauthorized = () => new AppError("unauthorized", "Sign in to continue.");
/**
 * The 403 (`forbidden`) for a signed-in user whose role does not allow the action; `message` says what is missing.
 * Returns the AppError for the caller to throw.
 */
export const forbidden = (message = "Your role does not allow this.") => new AppError("forbidden", message);

export const REQUEST_ABORTED_MESSAGE = "The request ended before all of its body arrived. Nothing was changed; send it again.";

/**
 * The 400 (`bad_request`) for a request whose client hung up before its body had all arrived: the client's doing,
 * so it is answered (to no one, usually) without an "unexpected error" log or a 5xx. Returns it for the caller to throw.
 */
export const requestAborted = () => new AppError("bad_request", REQUEST_ABORTED_MESSAGE);

/**
 * True when `err` (or an error in its `cause` chain, as undici wraps a body stream's error) says the client went away
 * mid-request: node's premature-close error on an IncomingMessage (message "aborted", code ECONNRESET, which Next's
 * request body and the fast lane's pass on), or requestAborted()'s AppError. A database connection reset ("read
 * ECONNRESET") and our own fetches' AbortError/TimeoutError are not. Never throws.
 */
export function isClientAbort(err: unknown): boolean {
  for (let e = err, depth = 0; e instanceof Error && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof AppError) return e.code === "bad_request" && e.message === REQUEST_ABORTED_MESSAGE;
    if (e.message === "aborted" && (e as { code?: unknown }).code === "ECONNRESET") return true;
  }
  return false;
}

const UNAVAILABLE_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
const UNAVAILABLE_MESSAGE =
  /ECONNREFUSED|ECONNRESET|EPIPE|ENOTFOUND|EHOSTUNREACH|ETIMEDOUT|socket hang up|terminating connection|Connection terminated|Query read timeout|connection error and is not queryable|server closed the connection|database system is (shutting down|starting up|in recovery)|timeout exceeded when trying to connect|Can't reach database/i;
// Driver adapter error kinds (@prisma/adapter-pg) that mean the connection, not the query, failed.
const UNAVAILABLE_KINDS = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
  "TlsConnectionError",
]);
// SQLSTATE: class 08 is "connection exception"; 57P01-57P03 an administrator or crash shutdown, or
// "cannot connect now" while PostgreSQL starts; 53300 too many connections.
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[123]|53300)$/;

type DriverCause = { kind?: unknown; originalCode?: unknown; code?: unknown; message?: unknown; originalMessage?: unknown };

/**
 * What the database driver said under a Prisma error: `meta.driverAdapterError.cause` (queries through
 * @prisma/adapter-pg), else the error's own `cause`. Undefined when there is none.
 */
function driverCause(err: Error): DriverCause | undefined {
  const meta = (err as { meta?: { driverAdapterError?: { cause?: DriverCause } } }).meta;
  const cause = meta?.driverAdapterError?.cause ?? (err as { cause?: unknown }).cause;
  return cause && typeof cause === "object" ? (cause as DriverCause) : undefined;
}

/** The PostgreSQL SQLSTATE behind `err` (e.g. "55P03"), from the driver's cause or the error itself; else undefined. */
function sqlState(err: Error): string | undefined {
  const cause = driverCause(err);
  const code = cause?.originalCode ?? cause?.code ?? (err as { code?: unknown }).code;
  return typeof code === "string" && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/**
 * True when `err` means PostgreSQL cannot be reached right now rather than a bad query: Prisma's
 * connection codes P1001/P1002/P1008/P1017 and pool timeout P2024, a PrismaClientInitializationError,
 * a driver adapter error of a connection kind (DatabaseNotReachable, ConnectionClosed…), a SQLSTATE of
 * class 08 or 57P01–57P03 (shutdown, start-up), or a driver message (ECONNREFUSED, "terminating
 * connection"…) on the error, its `cause` or the adapter's cause. Never throws.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === "string" && UNAVAILABLE_CODES.has(code)) return true;
  if (err.name === "PrismaClientInitializationError") return true;
  const cause = driverCause(err);
  if (typeof cause?.kind === "string" && UNAVAILABLE_KINDS.has(cause.kind)) return true;
  const state = sqlState(err);
  if (state && UNAVAILABLE_SQLSTATE.test(state)) return true;
  const texts = [err.message, cause?.message, cause?.originalMessage].filter((t): t is string => typeof t === "string");
  return texts.some((text) => UNAVAILABLE_MESSAGE.test(text));
}

export const DATABASE_UNAVAILABLE_MESSAGE = "The database is not reachable right now. Your saved work is safe; try again in a moment.";

export const DATABASE_BUSY_MESSAGE = "The database is too busy to take this change right now. Nothing was changed; try again in a moment.";

export const LOCKED_MESSAGE =
  "Someone else is changing this right now (for example saving a new version of the article). Nothing was changed; try again in a moment.";

/**
 * The answer for a statement PostgreSQL cancelled or rolled back because of other work, by SQLSTATE: a lock
 * not granted within lock_timeout (55P03), a deadlock (40P01) or serialization failure (40001) → 409 with
 * Retry-After; a statement past statement_timeout (57014) → 503. Null for anything else.
 */
function contentionError(err: Error): AppError | null {
  const state = sqlState(err);
  if (state === "55P03" || state === "40P01" || state === "40001") {
    return new AppError("conflict", LOCKED_MESSAGE, undefined, { "Retry-After": "2" });
  }
  // A unique key two requests raced for (two people creating the same tag at once): the loser is told, not a 500.
  if (state === "23505" || (err as { code?: unknown }).code === "P2002") {
    return new AppError("conflict", "Someone else saved the same thing a moment ago. Reload to see it, then try again.");
  }
  if (state === "57014") {
    console.warn("[factdesk] statement cancelled after statement_timeout:", err.message);
    return new AppError("database_unavailable", DATABASE_BUSY_MESSAGE, undefined, { "Retry-After": "5" });
  }
  return null;
}

/**
 * Turns any thrown value into the AppError to answer with; never throws. An AppError is returned as is; a client
 * that hung up mid-body (isClientAbort) becomes requestAborted()'s quiet 400, not logged; an unreachable database becomes 503 `database_unavailable` (Retry-After: 5); a lock wait past lock_timeout, a
 * deadlock or serialization failure 409 `conflict`, a unique key lost in a race (P2002, 23505) 409 `conflict`, a statement past statement_timeout 503; and so does P2028 (a transaction that waited
 * longer than its maxWait for a connection, logged as a warning); anything else is logged with its stack
 * and becomes a 500 `internal` with a generic message, so no internal detail reaches the browser.
 */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (isClientAbort(err)) return requestAborted();
  if (isDatabaseUnavailable(err))
    return new AppError("database_unavailable", DATABASE_UNAVAILABLE_MESSAGE, undefined, { "Retry-After": "5" });
  const contention = err instanceof Error ? contentionError(err) : null;
  if (contention) return contention;
  // P2028: a transaction could not start (or finish) in time because every connection was busy.
  if (err instanceof Error && (err as { code?: unknown }).code === "P2028") {
    console.warn("[factdesk] transaction timed out waiting for the database:", err.message);
    return new AppError("database_unavailable", DATABASE_BUSY_MESSAGE);
  }
  console.error("[factdesk] unexpected error:", err);
  return new AppError("internal", "Something went wrong on our side. Nothing was changed; please try again.");
}
