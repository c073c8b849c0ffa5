import { createHash, randomBytes } from "node:crypto";

export const TOKEN_PREFIX = "fdk_";
/** How much of the secret the token list shows, so people can tell their tokens apart. */
export const DISPLAY_PREFIX_LENGTH = 10;
export const SECRET_SHAPE = /^fdk_[A-Za-z0-9_-]{43}$/;

/** `fdk_` + 32 random bytes in base64url: 256 bits, never stored in the clear. */
export function generateTokenSecret(): string {
  return `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
}

/**
 * A plain SHA-256 is right here, unlike for passwords: the secret is 256 random bits, so there
 * is nothing to guess and a slow hash (argon2) would only add cost to every API request.
 */
export function hashTokenSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

export function looksLikeTokenSecret(value: string): boolean {
  return SECRET_SHAPE.test(value);
}

export function displayPrefix(secret: string): string {
  return secret.slice(0, DISPLAY_PREFIX_LENGTH);
}
