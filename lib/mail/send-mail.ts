import nodemailer from "nodemailer";
import { defineJob } from "@/lib/jobs/define";
import { ZMailMessage } from "@/lib/validation/mail";

/**
 * Sends one queued mail through SMTP_URL (nodemailer: `smtp://` or `smtps://user:pass@host:port`), from
 * MAIL_FROM. A failure (server down, refused) throws, so the queue retries with backoff (up to 10
 * attempts, about 5 hours). When mail was switched off after the job was queued, the mail is dropped
 * with a log line. A retry after the server took the mail but the answer was lost can send it twice;
 * SMTP offers nothing better.
 */
export const sendMailJob = defineJob({
  name: "mail.send",
  payload: ZMailMessage,
  maxAttempts: 10,
  async run(message) {
    const url = process.env.SMTP_URL?.trim();
    const from = process.env.MAIL_FROM?.trim();
    if (!url || !from) {
      console.warn("[mail] SMTP_URL or MAIL_FROM is no longer set: a queued mail was dropped");
      return;
    }
    const transport = nodemailer.createTransport(url);
    try {
      await transport.sendMail({ from, to: message.to, subject: message.subject, text: message.text });
    } finally {
      transport.close();
    }
  },
});
