import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { queueMail } from "@/lib/mail/queue";

const ROLE_WORDS: Record<Role, string> = { admin: "an admin", editor: "an editor", reviewer: "a reviewer", viewer: "a viewer" };

/**
 * Queues the invitation email (in the caller's transaction, so it goes only if the invitation is saved).
 * Returns whether a mail was queued (false without SMTP_URL and MAIL_FROM).
 */
export function queueInvitationMail(
  tx: Prisma.TransactionClient,
  { to, teamName, invitedBy, role, url }: { to: string; teamName: string; invitedBy: string; role: Role; url: string },
): Promise<boolean> {
  return queueMail(tx, {
    to,
    subject: `You are invited to ${teamName} on Factdesk`,
    text: [
      `${invitedBy} invited you to join ${teamName} on Factdesk as ${ROLE_WORDS[role]}.`,
      "",
      "Open this link to set your password and join (it works once, for 7 days, for this address only):",
      url,
      "",
      "If you did not expect this, ignore this message.",
    ].join("\n"),
  });
}

/** Queues a password reset link (30 minutes, once). Returns whether a mail was queued. */
export function queuePasswordResetMail(tx: Prisma.TransactionClient, { to, url }: { to: string; url: string }): Promise<boolean> {
  return queueMail(tx, {
    to,
    subject: "Reset your Factdesk password",
    text: [
      "Someone (hopefully you) asked to reset the password of your Factdesk account.",
      "",
      "Open this link within 30 minutes to choose a new password (it works once):",
      url,
      "",
      "If you did not ask for this, ignore this message; your password stays as it is.",
    ].join("\n"),
  });
}
