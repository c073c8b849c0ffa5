import { z } from "zod";
import { db, inTransaction } from "@/lib/db";
import { defineJob } from "@/lib/jobs/define";
import { queueMail } from "@/lib/mail/queue";
import { describeNotification, excerpt } from "@/lib/notifications/messages";
import { claimHref } from "@/lib/notifications/notify";
import { appBaseUrl } from "@/lib/onboarding/one-time-token";

const DAY_MS = 86_400_000;

/**
 * The daily digest: for each active person who chose "one email a day" (Account → Notifications), one email
 * listing their notifications of the 24 hours before `now` that are still unread and whose kind they keep by
 * email (assignments: the assignment notice switch). The job key (person and UTC day of `now`) keeps a second
 * run on the same day from queueing a second mail while the first waits. Nothing without SMTP. Output: how many
 * mails were queued.
 */
export async function queueNotificationDigests(now = new Date()): Promise<number> {
  const rows = await db.notification.findMany({
    where: {
      createdAt: { gte: new Date(now.getTime() - DAY_MS), lt: now },
      readAt: null,
      recipient: { emailDigest: true, disabled: false },
      team: { archivedAt: null },
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      kind: true,
      teamId: true,
      articleId: true,
      claimId: true,
      actor: { select: { name: true } },
      team: { select: { name: true } },
      claim: { select: { exact: true, article: { select: { title: true } } } },
      recipient: { select: { id: true, email: true, emailMuted: true, notifyAssignments: true } },
    },
  });
  // Only what the person may still see: someone removed from a team since hears nothing more of it.
  const memberships = await db.membership.findMany({
    where: { userId: { in: [...new Set(rows.map((r) => r.recipient.id))] } },
    select: { userId: true, teamId: true },
  });
  const stillMember = new Set(memberships.map((m) => `${m.userId}:${m.teamId}`));
  const byPerson = new Map<string, { email: string; lines: string[] }>();
  for (const row of rows) {
    const person = row.recipient;
    if (!stillMember.has(`${person.id}:${row.teamId}`)) continue;
    if (row.kind === "assignment" ? !person.notifyAssignments : person.emailMuted.includes(row.kind)) continue;
    const entry = byPerson.get(person.id) ?? { email: person.email, lines: [] };
    const sentence = describeNotification({ kind: row.kind, actor: row.actor?.name ?? null, articleTitle: row.claim?.article.title ?? "" });
    entry.lines.push(`- ${sentence} (${row.team.name}): “${excerpt(row.claim?.exact ?? "", 100)}”`);
    if (row.articleId && row.claimId) entry.lines.push(`  ${appBaseUrl()}${claimHref(row.articleId, row.claimId)}`);
    byPerson.set(person.id, entry);
  }
  const day = now.toISOString().slice(0, 10);
  let queued = 0;
  for (const [userId, { email, lines }] of byPerson) {
    const count = lines.filter((l) => l.startsWith("- ")).length;
    const text = [
      `What happened on Factdesk in the last 24 hours (${count} unread):`,
      "",
      ...lines,
      "",
      "You get this once a day because you chose a daily digest under Account → Notifications.",
    ].join("\n");
    const sent = await inTransaction(db, (tx) =>
      queueMail(tx, { to: email, subject: `Your Factdesk digest: ${count} unread`, text }, `notifications-digest:${userId}:${day}`),
    );
    if (sent) queued++;
  }
  return queued;
}

/** Daily (registry: 06:00 UTC): the notification digests. Cron payloads carry `_cron`; nothing else is read. */
export const notificationDigestJob = defineJob({
  // graphile-worker crontab task names allow no ".", hence ":".
  name: "notifications:digest",
  payload: z.looseObject({}),
  maxAttempts: 3,
  async run() {
    await queueNotificationDigests();
  },
});
