/**
 * Whether Factdesk sends email: both SMTP_URL (e.g. `smtp://user:pass@mail.example.org:587`) and MAIL_FROM
 * (`Factdesk <factdesk@example.org>`) are set. Without them nothing is sent and the UI says so.
 */
export function mailConfigured(): boolean {
  return Boolean(process.env.SMTP_URL?.trim() && process.env.MAIL_FROM?.trim());
}
