import { truncateText } from "@/lib/text/graphemes";
import { z } from "zod";
import { db, inTransaction } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { dateToCalendarDate } from "@/lib/validation/fields";
import { todayIn } from "@/lib/dates/calendar-date";
import { defineJob } from "@/lib/jobs/define";
import { queueMail } from "@/lib/mail/queue";
import { appBaseUrl } from "@/lib/onboarding/one-time-token";

const OPEN_STATUSES = ["unreviewed", "in_review", "verdict_proposed", "disputed"] as const;
const quote = (text: string) => `“${truncateText(text, 140)}”`;
const claimUrl = (articleId: string, claimId: string) => `${appBaseUrl()}/articles/${articleId}?claim=${claimId}`;

/**
 * In the assigning transaction: an email to each newly assigned reviewer who keeps assignment notices on
 * (Account page), except the person who assigned themself. Nothing without SMTP. Returns how many were queued.
 */
export async function queueAssignmentNotices(
  tx: Prisma.TransactionClient,
  { claimId, reviewerIds, assignedById, dueAt }: { claimId: string; reviewerIds: string[]; assignedById: string; dueAt: string | null },
): Promise<number> {
  const recipients = reviewerIds.filter((id) => id !== assignedById);
  if (recipients.length === 0) return 0;
  const claim = await tx.claim.findUniqueOrThrow({
    where: { id: claimId },
    select: { exact: true, article: { select: { id: true, title: true, team: { select: { timeZone: true } } } } },
  });
  const by = await tx.user.findUniqueOrThrow({ where: { id: assignedById }, select: { name: true } });
  const people = await tx.user.findMany({
    // A person who chose the daily digest gets the assignment there instead (lib/notifications/digest.ts).
    where: { id: { in: recipients }, disabled: false, notifyAssignments: true, emailDigest: false },
    select: { email: true },
  });
  let queued = 0;
  for (const person of people) {
    const text = [
      `${by.name} asked you to review a claim in “${claim.article.title}”:`,
      "",
      quote(claim.exact),
      dueAt ? `\nDue by the end of ${dueAt} (${claim.article.team.timeZone}).` : "",
      "",
      claimUrl(claim.article.id, claimId),
      "",
      "You get this because assignment notices are on under Account → Notifications.",
    ].join("\n");
    if (await queueMail(tx, { to: person.email, subject: `Claim to review: ${claim.article.title}`, text })) queued++;
  }
  return queued;
}

/**
 * Finds open claims (not verified, not "not check-worthy") whose due day is today or tomorrow in their team's
 * time zone, and queues one email per reviewer who keeps due-soon notices on, listing them. The job key
 * (reviewer and day) keeps a second run on the same day from queueing a second mail while the first waits.
 * Returns how many mails were queued.
 */
export async function queueDueSoonNotices(now = new Date()): Promise<number> {
  const from = new Date(now.getTime() - 86_400_000);
  const to = new Date(now.getTime() + 2 * 86_400_000);
  const rows = await db.assignment.findMany({
    where: {
      dueAt: { gte: from, lte: to },
      claim: { status: { in: [...OPEN_STATUSES] }, article: { team: { archivedAt: null } } },
      reviewer: { disabled: false, notifyDueSoon: true },
    },
    select: {
      dueAt: true,
      reviewer: { select: { id: true, email: true } },
      claim: { select: { id: true, exact: true, article: { select: { id: true, title: true, team: { select: { timeZone: true } } } } } },
    },
  });
  const byReviewer = new Map<string, { email: string; lines: string[] }>();
  for (const row of rows) {
    const due = dateToCalendarDate(row.dueAt!);
    const today = todayIn(row.claim.article.team.timeZone, now);
    const tomorrow = todayIn(row.claim.article.team.timeZone, new Date(now.getTime() + 86_400_000));
    if (due !== today && due !== tomorrow) continue;
    const entry = byReviewer.get(row.reviewer.id) ?? { email: row.reviewer.email, lines: [] };
    entry.lines.push(`- Due ${due === today ? "today" : "tomorrow"} (${due}): ${quote(row.claim.exact)} in “${row.claim.article.title}”`);
    entry.lines.push(`  ${claimUrl(row.claim.article.id, row.claim.id)}`);
    byReviewer.set(row.reviewer.id, entry);
  }
  let queued = 0;
  const day = now.toISOString().slice(0, 10);
  for (const [reviewerId, { email, lines }] of byReviewer) {
    const text = [
      "Claims assigned to you are due soon:",
      "",
      ...lines,
      "",
      "You get this because due-soon notices are on under Account → Notifications.",
    ].join("\n");
    const sent = await inTransaction(db, (tx) =>
      queueMail(tx, { to: email, subject: "Claims due soon on Factdesk", text }, `due-soon:${reviewerId}:${day}`),
    );
    if (sent) queued++;
  }
  return queued;
}

/** Daily (registry: 07:00 UTC): the due-soon notices. Cron payloads carry `_cron`; nothing else is read. */
export const dueSoonNoticesJob = defineJob({
  // graphile-worker crontab task names allow no "." (CRONTAB_COMMAND), hence ":".
  name: "mail:due-soon",
  payload: z.looseObject({}),
  maxAttempts: 3,
  async run() {
    await queueDueSoonNotices();
  },
});
