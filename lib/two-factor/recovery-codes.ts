import { createHash, randomBytes } from "node:crypto";

// Recovery codes: 16 characters of Crockford's base32 (80 random bits), shown as
// xxxx-xxxx-xxxx-xxxx. Like API tokens they are random enough that a plain SHA-256 is the
// right hash (nothing to guess, and a slow hash would only slow down signing in).

export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
const LENGTH = 16;

/** Ten fresh codes, formatted for people: "k3x9-2mfq-…". 256 is a multiple of 32, so no bias. */
export function generateRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const chars = [...randomBytes(LENGTH)].map((byte) => ALPHABET[byte & 31]).join("");
    return chars.match(/.{4}/g)!.join("-");
  });
}

/**
 * The canonical form of what someone typed: case, spaces and dashes ignored, and the letters
 * Crockford's base32 reads as digits (o → 0, i and l → 1). Null when it cannot be a code.
 */
export function normaliseRecoveryCode(input: string): string | null {
  const canonical = input.toLowerCase().replace(/[\s-]/g, "").replace(/o/g, "0").replace(/[il]/g, "1");
  if (canonical.length !== LENGTH) return null;
  return [...canonical].every((c) => ALPHABET.includes(c)) ? canonical : null;
}

/** Hex SHA-256 of the canonical code, or null when the input cannot be a recovery code. */
export function hashRecoveryCode(input: string): string | null {
  const canonical = normaliseRecoveryCode(input);
  return canonical === null ? null : createHash("sha256").update(canonical, "utf8").digest("hex");
}
