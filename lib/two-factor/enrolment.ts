import { TWO_FACTOR_ROLES } from "@/lib/access/roles";
import { membershipOf } from "@/lib/access/scope";
import { db, inTransaction } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError, notFound } from "@/lib/http/errors";
import { endUserSessions } from "@/lib/sessions/sessions";
import { qrPath, type QrPath } from "@/lib/two-factor/qr";
import { generateRecoveryCodes, hashRecoveryCode } from "@/lib/two-factor/recovery-codes";
import { openTotpSecret, sealTotpSecret } from "@/lib/two-factor/secret-box";
import { matchTotp, newTotpSecret, totpUri } from "@/lib/two-factor/totp";

/** What the Account page shows about the person's two-factor. */
export type TwoFactorStatus = {
  enabled: boolean;
  enabledAt: string | null;
  recoveryCodesLeft: number;
  /** An admin or editor of a team that requires two-factor: it cannot be turned off. */
  requiredByTeam: boolean;
};

/** Memberships that oblige the user to have two-factor: a covered role in a team that requires it. */
const requiringMembership = (userId: string): Prisma.MembershipWhereInput => ({
  ...membershipOf(userId, TWO_FACTOR_ROLES),
  team: { requireTwoFactor: true },
});

/** The person's two-factor state (see TwoFactorStatus). */
export async function twoFactorStatus({ userId }: { userId: string }): Promise<TwoFactorStatus> {
  const [user, recoveryCodesLeft, requiring] = await Promise.all([
    db.user.findUnique({ where: { id: userId }, select: { totpEnabledAt: true } }),
    db.recoveryCode.count({ where: { userId, usedAt: null } }),
    db.membership.count({ where: requiringMembership(userId) }),
  ]);
  if (!user) throw notFound("Your account");
  return {
    enabled: user.totpEnabledAt !== null,
    enabledAt: user.totpEnabledAt?.toISOString() ?? null,
    recoveryCodesLeft: user.totpEnabledAt ? recoveryCodesLeft : 0,
    requiredByTeam: requiring > 0,
  };
}

/** An enrolment in progress: the secret as text (to type into an app) and as a QR code. */
export type Enrolment = { secret: string; uri: string; qr: QrPath };

/**
 * Starts (or restarts) setting up two-factor: a new secret, stored sealed and not yet in force.
 * Output: the secret, its otpauth:// address and QR code; send them with Cache-Control: no-store.
 * Throws AppError conflict when two-factor is already on.
 */
export async function beginTwoFactorEnrolment({ userId }: { userId: string }): Promise<Enrolment> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true } });
  if (!user) throw notFound("Your account");
  const secret = newTotpSecret();
  const { count } = await db.user.updateMany({
    where: { id: userId, totpEnabledAt: null },
    data: { totpSecret: sealTotpSecret(secret, userId), totpLastStep: null },
  });
  if (count === 0) throw new AppError("conflict", "Two-factor authentication is already on. Turn it off first to set up another app.");
  const uri = totpUri(user.email, secret);
  return { secret, uri, qr: qrPath(uri) };
}

async function storeNewRecoveryCodes(tx: Prisma.TransactionClient, userId: string): Promise<string[]> {
  const codes = generateRecoveryCodes();
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data: codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code)! })) });
  return codes;
}

/**
 * Finishes setting up two-factor with a current code from the app. It turns two-factor on,
 * replaces the recovery codes with ten new ones (returned once, only here; send them with
 * Cache-Control: no-store) and ends the person's other sessions (`keepSessionId` stays).
 * Throws AppError unprocessable (wrong code, with a field error) or conflict (nothing to confirm).
 */
export async function confirmTwoFactorEnrolment({
  userId,
  code,
  keepSessionId,
  now = new Date(),
}: {
  userId: string;
  code: string;
  keepSessionId?: string;
  now?: Date;
}): Promise<{ recoveryCodes: string[] }> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { totpSecret: true, totpEnabledAt: true } });
  if (!user) throw notFound("Your account");
  const secret = user.totpSecret && !user.totpEnabledAt ? openTotpSecret(user.totpSecret, userId) : null;
  if (!secret) throw new AppError("conflict", "There is no two-factor set-up waiting for a code. Start again with “Set up two-factor”.");
  const step = await matchTotp(secret, code, { now });
  if (step === null) {
    const message = "That code does not match. Check the time on your phone and enter the code the app shows now.";
    throw new AppError("unprocessable", message, { code: [message] });
  }
  return inTransaction(db, async (tx) => {
    // Only the set-up that was checked: a restart in another tab in between makes this a conflict.
    const { count } = await tx.user.updateMany({
      where: { id: userId, totpEnabledAt: null, totpSecret: user.totpSecret },
      data: { totpEnabledAt: now, totpLastStep: step },
    });
    if (count === 0) throw new AppError("conflict", "Two-factor was set up or restarted in another window. Reload the page.");
    const recoveryCodes = await storeNewRecoveryCodes(tx, userId);
    await endUserSessions(tx, { userId, exceptId: keepSessionId, now });
    return { recoveryCodes };
  });
}

/**
 * Ten new recovery codes in place of the old ones (all of which stop working), returned once.
 * The caller has checked the person's password. Throws AppError conflict when two-factor is off.
 */
export async function replaceRecoveryCodes({ userId }: { userId: string }): Promise<{ recoveryCodes: string[] }> {
  return inTransaction(db, async (tx) => {
    const user = await tx.user.findFirst({ where: { id: userId, totpEnabledAt: { not: null } }, select: { id: true } });
    if (!user) throw new AppError("conflict", "Two-factor authentication is off, so there are no recovery codes to replace.");
    return { recoveryCodes: await storeNewRecoveryCodes(tx, userId) };
  });
}

/**
 * Turns two-factor off (secret and recovery codes deleted) and ends the person's other
 * sessions. The caller has checked the person's password. Throws AppError forbidden when one
 * of their teams requires two-factor of them.
 */
export async function disableTwoFactor({
  userId,
  keepSessionId,
  now = new Date(),
}: {
  userId: string;
  keepSessionId?: string;
  now?: Date;
}): Promise<void> {
  await inTransaction(db, async (tx) => {
    if ((await tx.membership.count({ where: requiringMembership(userId) })) > 0) {
      throw new AppError("forbidden", "Your team requires two-factor authentication for admins and editors, so it cannot be turned off.");
    }
    await tx.user.update({ where: { id: userId }, data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null } });
    await tx.recoveryCode.deleteMany({ where: { userId } });
    await endUserSessions(tx, { userId, exceptId: keepSessionId, now });
  });
}
