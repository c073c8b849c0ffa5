"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { action } from "@/lib/http/action";
import { clientIp } from "@/lib/http/client-ip";
import { unauthorized } from "@/lib/http/errors";
import { endMySession, endOtherSessions } from "@/lib/sessions/sessions";
import { beginTwoFactorEnrolment, confirmTwoFactorEnrolment, disableTwoFactor, replaceRecoveryCodes } from "@/lib/two-factor/enrolment";
import { changeOwnPassword } from "@/lib/users/change-password";
import { setNotificationSettings } from "@/lib/users/notifications";
import { ZNotificationPreferences } from "@/lib/validation/notifications";
import { confirmOwnPassword } from "@/lib/users/confirm-password";
import { ZChangePassword, ZPasswordCheck, ZSessionRef, ZTotpCode } from "@/lib/validation/account";

// The Account page's changes, each for the signed-in person only (server actions never accept
// API tokens). Those marked allowWithoutTwoFactor stay usable while a team requires two-factor
// and it is not on yet: setting it up, the password, and ending sessions.

const ZNothing = z.object({});
const requestIp = async () => clientIp(await headers());

/** { currentPassword, newPassword } → { endedSessions }: other sessions end, this one stays. */
export const changePasswordAction = action(ZChangePassword, { allowWithoutTwoFactor: true }, async (input, user) =>
  changeOwnPassword({ userId: user.id, teamId: user.teamId, keepSessionId: user.sessionId, ip: await requestIp(), input }),
);

/** {} → { secret, uri, qr }: a new secret waiting for its first code (shown once, never cached). */
export const beginTwoFactorAction = action(ZNothing, { allowWithoutTwoFactor: true }, async (_input, user) =>
  beginTwoFactorEnrolment({ userId: user.id }),
);

/** { code } → { recoveryCodes }: two-factor on, ten recovery codes shown once, other sessions ended. */
export const confirmTwoFactorAction = action(ZTotpCode, { allowWithoutTwoFactor: true }, async ({ code }, user) =>
  confirmTwoFactorEnrolment({ userId: user.id, code, keepSessionId: user.sessionId }),
);

/** { password } → {}: two-factor off, recovery codes deleted, other sessions ended. */
export const disableTwoFactorAction = action(ZPasswordCheck, async ({ password }, user) => {
  await confirmOwnPassword({ userId: user.id, password, ip: await requestIp(), field: "password" });
  await disableTwoFactor({ userId: user.id, keepSessionId: user.sessionId });
  return {};
});

/** { password } → { recoveryCodes }: ten new codes; the old ones stop working. */
export const newRecoveryCodesAction = action(ZPasswordCheck, async ({ password }, user) => {
  await confirmOwnPassword({ userId: user.id, password, ip: await requestIp(), field: "password" });
  return replaceRecoveryCodes({ userId: user.id });
});

/** { sessionId } → {}: signs one of my sessions out at once (another device). */
export const endSessionAction = action(ZSessionRef, { allowWithoutTwoFactor: true }, async ({ sessionId }, user) => {
  await endMySession({ userId: user.id, sessionId });
  return {};
});

/** {} → { ended }: signs out every session of mine but this one. */
export const endOtherSessionsAction = action(ZNothing, { allowWithoutTwoFactor: true }, async (_input, user) => {
  if (!user.sessionId) throw unauthorized();
  return { ended: await endOtherSessions({ userId: user.id, keepSessionId: user.sessionId }) };
});

/** The person's own notification settings: per kind in-app and by email, email as it happens or as a daily digest, due-soon notices. */
export const setNotificationSettingsAction = action(ZNotificationPreferences, async (input, user) =>
  setNotificationSettings({ ...input, userId: user.id }),
);
