import type { Prisma } from "@/lib/generated/prisma/client";
import { mailConfigured } from "@/lib/mail/config";
import { sendMailJob } from "@/lib/mail/send-mail";
import type { TMailMessage } from "@/lib/validation/mail";

/**
 * Queues `message` in the caller's transaction (lib/jobs: sent by whichever instance takes the job,
 * retried with backoff; it exists only if the transaction commits), or does nothing when mail is not
 * configured (SMTP_URL, MAIL_FROM). Sending never blocks or fails the request. Returns whether it was queued.
 * `jobKey` replaces a still-waiting mail with the same key instead of queueing a second one.
 */
export async function queueMail(tx: Prisma.TransactionClient, message: TMailMessage, jobKey?: string): Promise<boolean> {
  if (!mailConfigured()) return false;
  // Loaded only when mail is on: lib/jobs/enqueue is server-only, and test processes (Playwright
  // fixtures) import the domain code that calls this.
  const { enqueueJob } = await import("@/lib/jobs/enqueue");
  await enqueueJob(tx, sendMailJob, message, jobKey ? { jobKey } : {});
  return true;
}
