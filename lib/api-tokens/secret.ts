import { createHash, randomBytes } from "node:crypto";

export const TOKEN_PREFIX = "fdk_";
/** How much of the secret the token list shows, so people can tell their tokens apart. */
export const DISPLAY_PREFIX_LENGTH = 10;
export const SECRET_SHAPE = /^fdk_[A-Za-z0-9_-]{43}$/;

/** A new token secret: `fdk_` + 32 random bytes in base64url (43 characters): 256 bits, never stored in the clear. */
export function generateTokenSecret(): string {
  return `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
}

/**
 * The SHA-256 of the secret's UTF-8 bytes, as 64 lowercase hex characters: what is stored and looked up.
 * A plain SHA-256 is right here, unlike for passwords: the secret is 256 random bits, so there
 * is nothing to guess and a slow hash (argon2) would only add cost to every API request.
 */
export function hashTokenSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

/**
 * True when `value` has the shape of a secret (`fdk_` and 43 base64url characters), so malformed bearer
 * values are refused before any database lookup. Says nothing about whether the token exists.
 */
export function looksLikeTokenSecret(value: string): boolean {
  return SECRET_SHAPE.test(value);
}

/**
 * The first DISPLAY_PREFIX_LENGTH (10) characters of a secret ("fdk_" and 6 more), stored so people can tell
 * their tokens apart; too short to help guess the rest.
 */
export function displayPrefix(secret: string): string {
  return secret.slice(0, DISPLAY_PREFIX_LENGTH);
}
