import { createHash, randomBytes } from "node:crypto";

/**
 * A new one-time link token: 32 random bytes in base64url (43 characters, 256 bits). Only its
 * hash (oneTimeTokenHash) is stored, so a copy of the database opens no link.
 */
export function newOneTimeToken(): string {
  return randomBytes(32).toString("base64url");
}

/**
 * The SHA-256 of the token's UTF-8 bytes as 64 lowercase hex characters: what is stored and looked
 * up. A fast hash is right for 256 random bits (nothing to guess), unlike for passwords.
 */
export function oneTimeTokenHash(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** True for strings shaped like newOneTimeToken's output (43 base64url characters); says nothing about validity. */
export function looksLikeOneTimeToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}

/** The address people use to reach Factdesk (NEXTAUTH_URL), without a trailing slash; localhost:PORT when unset. */
export function appBaseUrl(): string {
  return (process.env.NEXTAUTH_URL?.trim() || `http://localhost:${process.env.PORT || 3000}`).replace(/\/+$/, "");
}
