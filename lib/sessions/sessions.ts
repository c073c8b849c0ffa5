import { createHash, randomBytes } from "node:crypto";
import { db, priorityDb, type DbClient } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { notFound } from "@/lib/http/errors";
import { deviceLabel } from "@/lib/sessions/device";
import { mustEnrolTwoFactorSql } from "@/lib/two-factor/must-enrol-sql";

/** A session ends after this long without a request (the session cookie lasts as long). */
export const SESSION_IDLE_SECONDS = 12 * 60 * 60;
/** lastSeenAt is for people ("2 minutes ago"): writing it once a minute is enough. */
const LAST_SEEN_RESOLUTION_MS = 60_000;
const MAX_USER_AGENT = 512;

/**
 * The cookie carries 256 random bits; the database keeps only their SHA-256 (like API
 * tokens), so neither a database dump nor a leaked NEXTAUTH_SECRET alone yields a live session.
 */
const hashSessionSecret = (secret: string) => createHash("sha256").update(secret, "utf8").digest("hex");

/** Ended sessions are kept this long (for "where was I signed in"), then deleted at the next sign-in. */
const KEEP_ENDED_MS = 30 * 86_400_000;

/**
 * Opens a session row at sign-in (and deletes the user's sessions that ended more than 30 days
 * ago). Input: the user, the request's User-Agent (cut to 512 characters) and client address.
 * Output: `secret` for the cookie (never stored) and the row's public `id`.
 */
export async function startSession({
  userId,
  userAgent,
  ip,
  now = new Date(),
}: {
  userId: string;
  userAgent: string | null;
  ip: string;
  now?: Date;
}): Promise<{ id: string; secret: string }> {
  const secret = randomBytes(32).toString("base64url");
  // A revoked session's expiresAt is at most 12 hours on, so this also covers revoked ones.
  // Part of signing in: on the reserve pool (lib/db.ts), so a busy main pool never blocks a sign-in.
  await priorityDb.session.deleteMany({ where: { userId, expiresAt: { lt: new Date(now.getTime() - KEEP_ENDED_MS) } } });
  const row = await priorityDb.session.create({
    data: {
      userId,
      secretHash: hashSessionSecret(secret),
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + SESSION_IDLE_SECONDS * 1000),
      userAgent: (userAgent ?? "").slice(0, MAX_USER_AGENT),
      ip: ip.slice(0, 64),
    },
    select: { id: true },
  });
  return { id: row.id, secret };
}

/** A live session: its public id, its user, and whether that user must set up two-factor first. */
export type LiveSession = { id: string; userId: string; mustEnrolTwoFactor: boolean };

type SessionRow = {
  id: string;
  userId: string;
  lastSeenAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  disabled: boolean;
  mustEnrolTwoFactor: boolean;
};

/**
 * Checks a session on every request, in one query by the unique secretHash index joined to its
 * user: null when the session is unknown, ended, idle past SESSION_IDLE_SECONDS, or its user is
 * disabled. `mustEnrolTwoFactor` is true when the user is an admin or editor of a team that
 * requires two-factor and has not turned it on. At most once a minute it also moves lastSeenAt
 * (and the idle deadline) forward. `signingIn`: the check that ends a sign-in, run on the reserve pool
 * (lib/db.ts `priorityDb`) like the rest of signing in. Throws only database errors.
 */
export async function checkSession(
  secret: string,
  now = new Date(),
  { signingIn = false }: { signingIn?: boolean } = {},
): Promise<LiveSession | null> {
  const client = signingIn ? priorityDb : db;
  // Times are compared here rather than in SQL: the columns are UTC timestamps without a time
  // zone, which PostgreSQL would compare with now() in the server's own time zone.
  const rows = await client.$queryRaw<SessionRow[]>`
    SELECT s."id", s."userId", s."lastSeenAt", s."expiresAt", s."revokedAt", u."disabled",
      ${mustEnrolTwoFactorSql(Prisma.sql`u`)} AS "mustEnrolTwoFactor"
    FROM "Session" s JOIN "User" u ON u."id" = s."userId"
    WHERE s."secretHash" = ${hashSessionSecret(secret)}`;
  const row = rows[0];
  if (!row || row.revokedAt || row.disabled || row.expiresAt.getTime() <= now.getTime()) return null;
  if (now.getTime() - row.lastSeenAt.getTime() >= LAST_SEEN_RESOLUTION_MS) {
    // Conditional, so parallel requests in the same minute write once between them.
    await client.session.updateMany({
      where: { id: row.id, lastSeenAt: { lte: new Date(now.getTime() - LAST_SEEN_RESOLUTION_MS) } },
      data: { lastSeenAt: now, expiresAt: new Date(now.getTime() + SESSION_IDLE_SECONDS * 1000) },
    });
  }
  return { id: row.id, userId: row.userId, mustEnrolTwoFactor: row.mustEnrolTwoFactor };
}

/** Sign-out: ends the session whose cookie secret this is (nothing happens for an unknown one). */
export async function endSession(secret: string, now = new Date()): Promise<void> {
  await db.session.updateMany({ where: { secretHash: hashSessionSecret(secret), revokedAt: null }, data: { revokedAt: now } });
}

/**
 * Ends every live session of a user, except `exceptId` (the caller's own, on a password change).
 * Takes a transaction client so it commits with the change that calls for it. Output: how many ended.
 */
export async function endUserSessions(
  client: DbClient,
  { userId, exceptId, now = new Date() }: { userId: string; exceptId?: string; now?: Date },
): Promise<number> {
  const { count } = await client.session.updateMany({
    where: { userId, revokedAt: null, ...(exceptId ? { id: { not: exceptId } } : {}) },
    data: { revokedAt: now },
  });
  return count;
}

/** A session as its owner sees it on the Account page; ISO dates, no secret. */
export type SessionDTO = { id: string; device: string; ip: string; createdAt: string; lastSeenAt: string; current: boolean };

/** The user's live sessions: `currentId` first (marked `current`), then most recently used first. */
export async function listMySessions({
  userId,
  currentId,
  now = new Date(),
}: {
  userId: string;
  currentId?: string;
  now?: Date;
}): Promise<SessionDTO[]> {
  const rows = await db.session.findMany({
    where: { userId, revokedAt: null, expiresAt: { gt: now } },
    orderBy: { lastSeenAt: "desc" },
    select: { id: true, userAgent: true, ip: true, createdAt: true, lastSeenAt: true },
    take: 100,
  });
  const sessions = rows.map((r) => ({
    id: r.id,
    device: deviceLabel(r.userAgent),
    ip: r.ip,
    createdAt: r.createdAt.toISOString(),
    lastSeenAt: r.lastSeenAt.toISOString(),
    current: r.id === currentId,
  }));
  // This device first, then the others, most recently used first.
  return [...sessions.filter((s) => s.current), ...sessions.filter((s) => !s.current)];
}

/** Ends one of the user's own sessions by its public id; someone else's (or an unknown id) is a 404. */
export async function endMySession({
  userId,
  sessionId,
  now = new Date(),
}: {
  userId: string;
  sessionId: string;
  now?: Date;
}): Promise<void> {
  const { count } = await db.session.updateMany({ where: { id: sessionId, userId, revokedAt: null }, data: { revokedAt: now } });
  if (count === 0 && !(await db.session.findFirst({ where: { id: sessionId, userId }, select: { id: true } })))
    throw notFound("That session");
}

/** "Sign out everywhere else": ends every live session of the user but `keepSessionId`. Output: how many ended. */
export function endOtherSessions({ userId, keepSessionId }: { userId: string; keepSessionId: string }): Promise<number> {
  return endUserSessions(db, { userId, exceptId: keepSessionId });
}

/** The credential a long-lived response (an event stream) was opened with: a browser session's or an API token's id. */
export type StreamCredential = { userId: string; sessionId?: string; apiTokenId?: string };

/**
 * When the credential a long-lived response was opened with ends, read at `now`: `{ live: true, expiresAt }` while its
 * browser session (`sessionId`, the row's public id) is not signed out, revoked or past its idle deadline (`expiresAt`
 * is that deadline, which moves on as the session is used, SESSION_IDLE_SECONDS), or its API token (`apiTokenId`) is
 * not revoked or expired (`expiresAt` null: a token that never expires), and in both cases its user `userId` is not
 * disabled; `{ live: false }` otherwise, and with neither id (no such caller). One query. Throws only database errors.
 */
export async function readCredentialExpiry(
  { userId, sessionId, apiTokenId }: StreamCredential,
  now = new Date(),
): Promise<{ live: false } | { live: true; expiresAt: Date | null }> {
  const user = { id: userId, disabled: false };
  const select = { expiresAt: true } as const;
  const row = sessionId
    ? await db.session.findFirst({ where: { id: sessionId, user, revokedAt: null, expiresAt: { gt: now } }, select })
    : apiTokenId
      ? await db.apiToken.findFirst({
          where: { id: apiTokenId, user, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
          select,
        })
      : null;
  return row ? { live: true, expiresAt: row.expiresAt } : { live: false };
}

/**
 * Whether the credential a long-lived response (an event stream) was opened with still holds at `now`
 * (readCredentialExpiry says `live`): not signed out, revoked, expired or idle past its deadline, its user not
 * disabled. A request checks its credential once, when it starts; a stream lives on, so lib/live re-checks with this
 * at its periodic re-check (and ends at the expiry itself: lib/live/credential-expiry.ts). With neither id the answer
 * is false. One query. Throws only database errors.
 */
export async function isCredentialLive(credential: StreamCredential, now = new Date()): Promise<boolean> {
  return (await readCredentialExpiry(credential, now)).live;
}
