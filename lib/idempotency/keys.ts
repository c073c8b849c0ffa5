// Safe retries of creates. A client sends an Idempotency-Key with a request that creates
// something; the first request with that key (per user) runs, and its answer is kept for 24
// hours. A retry with the same key and the same request gets that answer again and creates
// nothing; the same key with a different request is refused (422); a retry while the first
// is still running is told so (409). Only successful answers are kept: a request that failed
// changed nothing, so its key is released and a retry runs for real.
//
// A first request that never finishes (its instance was killed) holds its key for
// PENDING_LEASE_MS, then a retry takes the key over and runs. If the instance died after its
// transaction committed but before the answer was kept (a window of one query), that retry
// would have created a second copy. So the create's own transaction also marks the key as used
// (markKeyCommitted, completedAt set while status is still null): such a key is never taken over
// nor released, and a retry is told the first request succeeded but its answer was lost (409),
// instead of creating the thing again.
import { createHash } from "node:crypto";
import { z } from "zod";
import { db, withCommitHook } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/http/errors";

/** How long an answer is kept and replayed, in milliseconds (24 h). */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
/** How long a first request may run before a retry takes its key over, in milliseconds. */
export const PENDING_LEASE_MS = 60_000;

const KEY_MESSAGE = "An Idempotency-Key is 1 to 255 visible ASCII characters, e.g. a UUID.";
/** An Idempotency-Key: 1–255 visible ASCII characters (a UUID is typical). */
export const ZIdempotencyKey = z.string({ message: KEY_MESSAGE }).regex(/^[\x21-\x7e]{1,255}$/, KEY_MESSAGE);

/** What identifies a request: who sent it, its key, and what it asked for. */
export type IdempotentRequest = {
  userId: string;
  key: string;
  /** "POST" for the API, "ACTION" for a server action. */
  method: string;
  /** The route's path, or the action's name. */
  path: string;
  /** sha256 (hex) of the request body; see hashBody. */
  bodyHash: string;
};

/** A kept answer: status, body text and content type, exactly as first sent. */
export type KeptAnswer = { status: number; body: string; contentType: string };

/** sha256 of a request body, hex. */
export function hashBody(body: string): string {
  return createHash("sha256").update(body, "utf8").digest("hex");
}

/** The owner's claim on a key: the createdAt it wrote, so a takeover can be told apart. */
export type KeyLease = { request: IdempotentRequest; since: Date };

export type Begun = { kind: "run"; lease: KeyLease } | { kind: "replay"; answer: KeptAnswer };

const sameRequest = (a: { method: string; path: string; bodyHash: string }, b: IdempotentRequest) =>
  a.method === b.method && a.path === b.path && a.bodyHash === b.bodyHash;

/**
 * Takes `request.key` for this request (kind "run": go ahead, then finishKey or releaseKey),
 * or returns the answer a first request with the same key and body gave (kind "replay").
 * Throws AppError 422 when the key was used for a different request within 24 h, and 409
 * when the first request with this key is still running.
 */
export async function beginKey(request: IdempotentRequest): Promise<Begun> {
  const { userId, key, method, path, bodyHash } = request;
  for (let attempt = 0; attempt < 3; attempt++) {
    const now = new Date();
    const inserted = await db.idempotencyKey.createMany({
      data: [{ userId, key, method, path, bodyHash, createdAt: now }],
      skipDuplicates: true,
    });
    if (inserted.count === 1) {
      // Each new key sweeps away the day-old ones (indexed by createdAt; usually none).
      await db.idempotencyKey.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - IDEMPOTENCY_TTL_MS) } } });
      return { kind: "run", lease: { request, since: now } };
    }
    // An expired key starts afresh; a first request past its lease is taken to have died.
    const takenOver = await db.idempotencyKey.updateMany({
      where: {
        userId,
        key,
        OR: [
          { createdAt: { lt: new Date(now.getTime() - IDEMPOTENCY_TTL_MS) } },
          { status: null, completedAt: null, method, path, bodyHash, createdAt: { lt: new Date(now.getTime() - PENDING_LEASE_MS) } },
        ],
      },
      data: { method, path, bodyHash, status: null, response: null, contentType: null, createdAt: now, completedAt: null },
    });
    if (takenOver.count === 1) return { kind: "run", lease: { request, since: now } };
    const existing = await db.idempotencyKey.findUnique({ where: { userId_key: { userId, key } } });
    if (!existing) continue; // released by its first request just now: try to take it again
    if (!sameRequest(existing, request)) {
      throw new AppError(
        "unprocessable",
        "This Idempotency-Key was already used for a different request in the last 24 hours. Use a new key for a new request.",
        { "Idempotency-Key": ["Used before with a different request."] },
      );
    }
    if ((existing.status === null || existing.response === null) && existing.completedAt !== null) {
      throw new AppError(
        "conflict",
        "The first request with this Idempotency-Key succeeded, but its answer was lost. It was not run again: look for what it created before sending a new request.",
      );
    }
    if (existing.status === null || existing.response === null) {
      throw new AppError(
        "conflict",
        "A request with this Idempotency-Key is still being processed. Wait a moment, then retry with the same key.",
        undefined,
        { "Retry-After": "1" },
      );
    }
    return {
      kind: "replay",
      answer: { status: existing.status, body: existing.response, contentType: existing.contentType ?? "application/json" },
    };
  }
  throw new AppError(
    "conflict",
    "This Idempotency-Key is in use by another request right now. Retry with the same key in a moment.",
    undefined,
    { "Retry-After": "1" },
  );
}

/**
 * Runs `produce` (the request holding `lease`) so that each transaction it starts through inTransaction also
 * marks the key as used (markKeyCommitted). Output: what `produce` returns.
 */
export function runMarkingKey<T>(lease: KeyLease, produce: () => Promise<T>): Promise<T> {
  return withCommitHook((tx) => markKeyCommitted(tx, lease), produce);
}

/** Keeps the answer of the request that holds `lease`, for retries within 24 h. */
export async function finishKey(lease: KeyLease, answer: KeptAnswer): Promise<void> {
  const { userId, key } = lease.request;
  await db.idempotencyKey.updateMany({
    where: { userId, key, status: null, createdAt: lease.since },
    data: { status: answer.status, response: answer.body, contentType: answer.contentType, completedAt: new Date() },
  });
}

/**
 * Releases a key whose request failed (it changed nothing), so a retry runs for real. A key its request's
 * transaction marked as used (markKeyCommitted) stays: that request did change something.
 */
export async function releaseKey(lease: KeyLease): Promise<void> {
  const { userId, key } = lease.request;
  await db.idempotencyKey.deleteMany({ where: { userId, key, status: null, completedAt: null, createdAt: lease.since } });
}

/**
 * Marks the key held by `lease` as used, inside `tx`, the transaction that creates the thing: if the answer is
 * then lost (the instance dies before finishKey), a retry is refused instead of creating it again.
 */
export async function markKeyCommitted(tx: Prisma.TransactionClient, lease: KeyLease): Promise<void> {
  const { userId, key } = lease.request;
  await tx.idempotencyKey.updateMany({ where: { userId, key, status: null, createdAt: lease.since }, data: { completedAt: new Date() } });
}
