import { recordAudit } from "@/lib/audit/record-audit";
import { db, inTransaction } from "@/lib/db";
import { endUserSessions } from "@/lib/sessions/sessions";
import { confirmOwnPassword } from "@/lib/users/confirm-password";
import { hashPassword } from "@/lib/users/passwords";
import type { TChangePassword } from "@/lib/validation/account";

/**
 * The signed-in person changes their own password: the current one is required (a wrong one
 * counts as a failed sign-in, see confirmOwnPassword), the new one is stored as argon2id, and
 * every other session of theirs ends in the same transaction; `keepSessionId` (this browser)
 * stays signed in. The audit row goes to their active team, when they have one.
 * Output: how many other sessions ended. Throws AppError too_many_requests or unprocessable.
 */
export async function changeOwnPassword({
  userId,
  teamId,
  keepSessionId,
  ip,
  input,
}: {
  userId: string;
  teamId: string | null;
  keepSessionId?: string;
  ip: string;
  input: TChangePassword;
}): Promise<{ endedSessions: number }> {
  await confirmOwnPassword({ userId, password: input.currentPassword, ip });
  const passwordHash = await hashPassword(input.newPassword);
  return inTransaction(db, async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash } });
    const endedSessions = await endUserSessions(tx, { userId, exceptId: keepSessionId });
    if (teamId)
      await recordAudit(tx, {
        actorId: userId,
        teamId,
        entity: "account",
        entityId: userId,
        action: "account.password-changed",
        after: { endedSessions },
      });
    return { endedSessions };
  });
}
