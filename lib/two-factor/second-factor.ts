import { priorityDb } from "@/lib/db";
import { hashRecoveryCode } from "@/lib/two-factor/recovery-codes";
import { openTotpSecret } from "@/lib/two-factor/secret-box";
import { looksLikeTotpCode, matchTotp } from "@/lib/two-factor/totp";

/**
 * What a sign-in's second factor comes to:
 * - `not_enrolled`: the account has no two-factor; the password is enough;
 * - `missing`: it has, and no code came with the password;
 * - `ok`: a current TOTP code not used before, or an unused recovery code (now used up);
 * - `invalid`: anything else (wrong, replayed or used code, unreadable secret).
 */
export type SecondFactor = "not_enrolled" | "missing" | "ok" | "invalid";

/**
 * Checks the second factor of a user whose password was right. Each code works once, even
 * when two requests race with it: the TOTP time step and the recovery code are claimed with a
 * conditional update. Throws only database errors.
 */
export async function checkSecondFactor(userId: string, code: string | undefined, now = new Date()): Promise<SecondFactor> {
  const user = await priorityDb.user.findUnique({
    where: { id: userId },
    select: { totpSecret: true, totpEnabledAt: true, totpLastStep: true },
  });
  if (!user?.totpEnabledAt || !user.totpSecret) return "not_enrolled";
  if (!code) return "missing";
  if (looksLikeTotpCode(code)) {
    const secret = openTotpSecret(user.totpSecret, userId);
    if (secret === null) {
      console.error(
        `[two-factor] cannot open the TOTP secret of user ${userId}: was NEXTAUTH_SECRET changed? A recovery code still works.`,
      );
      return "invalid";
    }
    const step = await matchTotp(secret, code, { afterTimeStep: user.totpLastStep, now });
    if (step === null) return "invalid";
    const { count } = await priorityDb.user.updateMany({
      where: { id: userId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
      data: { totpLastStep: step },
    });
    return count === 1 ? "ok" : "invalid";
  }
  const codeHash = hashRecoveryCode(code);
  if (codeHash === null) return "invalid";
  const { count } = await priorityDb.recoveryCode.updateMany({ where: { userId, codeHash, usedAt: null }, data: { usedAt: now } });
  return count === 1 ? "ok" : "invalid";
}
