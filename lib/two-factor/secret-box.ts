import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

// TOTP secrets must be readable by the server (it computes codes from them), so they cannot
// be hashed like passwords. They are sealed with AES-256-GCM under a key derived (HKDF-SHA256)
// from NEXTAUTH_SECRET, which lives outside the database: a dump of the database alone does
// not reveal them. The user id is bound in as associated data, so a sealed secret copied
// onto another account does not open there. Changing NEXTAUTH_SECRET makes sealed secrets
// unreadable; people then sign in with a recovery code and set two-factor up again.

const FORMAT = "v1";
const HKDF_SALT = "factdesk";
const HKDF_INFO = "totp-secret/aes-256-gcm/v1";

function sealingKey(): Buffer {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set: two-factor secrets cannot be sealed or opened without it.");
  return Buffer.from(hkdfSync("sha256", secret, HKDF_SALT, HKDF_INFO, 32));
}

/**
 * Seals a base32 TOTP secret for storage: `v1.<iv>.<ciphertext>.<tag>` (base64url parts,
 * 96-bit random IV, 128-bit tag). Throws when NEXTAUTH_SECRET is not set.
 */
export function sealTotpSecret(secret: string, userId: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", sealingKey(), iv);
  cipher.setAAD(Buffer.from(userId, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return [FORMAT, ...[iv, ciphertext, cipher.getAuthTag()].map((part) => part.toString("base64url"))].join(".");
}

/**
 * Opens what sealTotpSecret made for the same user. Returns null when it cannot be opened
 * (another user's, tampered with, or sealed under a different NEXTAUTH_SECRET).
 */
export function openTotpSecret(sealed: string, userId: string): string | null {
  const [format, iv, ciphertext, tag, ...rest] = sealed.split(".");
  if (format !== FORMAT || !iv || !ciphertext || !tag || rest.length > 0) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", sealingKey(), Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(userId, "utf8"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
