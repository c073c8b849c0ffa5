import { generateSecret, generateURI, verify } from "otplib";

// TOTP as authenticator apps expect it (RFC 6238: SHA-1, 6 digits, 30-second steps), through
// otplib. One step of clock drift is accepted either way; a code's time step is stored when
// it is used and only later steps are accepted afterwards, so a code works once.

export const TOTP_ISSUER = "Factdesk";
export const TOTP_PERIOD_SECONDS = 30;
const DRIFT_SECONDS = TOTP_PERIOD_SECONDS;
const CODE_SHAPE = /^\d{6}$/;

/** A new random secret (160 bits), base32 as authenticator apps take it. */
export function newTotpSecret(): string {
  return generateSecret();
}

/** The otpauth:// address a QR code carries, labelled with the person's email. */
export function totpUri(email: string, secret: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: email, secret, period: TOTP_PERIOD_SECONDS });
}

/** True for six digits, after spaces are removed (apps show "123 456"). */
export function looksLikeTotpCode(code: string): boolean {
  return CODE_SHAPE.test(code.replace(/\s/g, ""));
}

/**
 * The time step (seconds since 1970 / 30) a code matches, within one step of `now`, and
 * strictly after `afterTimeStep` when given (replay protection); null when it matches none.
 */
export async function matchTotp(
  secret: string,
  code: string,
  { afterTimeStep, now = new Date() }: { afterTimeStep?: number | null; now?: Date } = {},
): Promise<number | null> {
  const token = code.replace(/\s/g, "");
  if (!CODE_SHAPE.test(token)) return null;
  const result = await verify({
    secret,
    token,
    period: TOTP_PERIOD_SECONDS,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: DRIFT_SECONDS,
    ...(afterTimeStep !== null && afterTimeStep !== undefined ? { afterTimeStep } : {}),
  });
  return result.valid && "timeStep" in result ? result.timeStep : null;
}
