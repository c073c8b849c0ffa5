import type { Prisma } from "@/lib/generated/prisma/client";
import { readAll } from "@/lib/db";
import { SIGN_OFF_ROLES } from "@/lib/access/roles";
import { queueMail } from "@/lib/mail/queue";
import { appBaseUrl } from "@/lib/onboarding/one-time-token";
import { describeNotification, excerpt } from "@/lib/notifications/messages";
import type { NotificationKindKey } from "@/lib/validation/notifications";

export type NotifyInput = {
  kind: NotificationKindKey;
  teamId: string;
  /** Who caused it; never notified themself. */
  actorId: string;
  recipientIds: readonly string[];
  articleId: string;
  claimId: string;
  commentId?: string | null;
};

/** Where a notification leads: the claim in its article. */
export const claimHref = (articleId: string, claimId: string) => `/articles/${articleId}?claim=${claimId}`;

/**
 * Inside the transaction of the event itself: one Notification for each recipient who is an active member of
 * `teamId` (duplicates and the actor left out), so it exists exactly when the event commits; and, when mail is
 * configured (SMTP_URL, MAIL_FROM), an email at once for each of them who wants this kind by email as it happens
 * (Account → Notifications; assignments are mailed by queueAssignmentNotices, digests by the daily job).
 * The audit row the caller writes in the same transaction announces the change, which is what makes open bells
 * count again. Output: the ids of the people notified. Throws what the database throws.
 */
export async function notify(tx: Prisma.TransactionClient, input: NotifyInput): Promise<string[]> {
  const ids = [...new Set(input.recipientIds)].filter((id) => id !== input.actorId);
  if (ids.length === 0) return [];
  const people = await tx.user.findMany({
    where: { id: { in: ids }, disabled: false, memberships: { some: { teamId: input.teamId } } },
    select: { id: true, email: true, emailMuted: true, emailDigest: true },
  });
  if (people.length === 0) return [];
  await tx.notification.createMany({
    data: people.map((p) => ({
      recipientId: p.id,
      teamId: input.teamId,
      kind: input.kind,
      articleId: input.articleId,
      claimId: input.claimId,
      commentId: input.commentId ?? null,
      actorId: input.actorId,
    })),
  });
  const mailNow = people.filter((p) => input.kind !== "assignment" && !p.emailDigest && !p.emailMuted.includes(input.kind));
  if (mailNow.length > 0) await mailNotifications(tx, input, mailNow);
  return people.map((p) => p.id);
}

async function mailNotifications(tx: Prisma.TransactionClient, input: NotifyInput, people: { email: string }[]) {
  const [claim, actor, comment] = await readAll(tx, [
    () => tx.claim.findUniqueOrThrow({ where: { id: input.claimId }, select: { exact: true, article: { select: { title: true } } } }),
    () => tx.user.findUnique({ where: { id: input.actorId }, select: { name: true } }),
    async () => (input.commentId ? tx.comment.findUnique({ where: { id: input.commentId }, select: { body: true } }) : null),
  ]);
  const sentence = describeNotification({ kind: input.kind, actor: actor?.name ?? null, articleTitle: claim.article.title });
  const text = [
    `${sentence}:`,
    "",
    `“${excerpt(claim.exact)}”`,
    ...(comment ? ["", excerpt(comment.body, 500)] : []),
    "",
    `${appBaseUrl()}${claimHref(input.articleId, input.claimId)}`,
    "",
    "You get this because this notice is on under Account → Notifications.",
  ].join("\n");
  for (const person of people) await queueMail(tx, { to: person.email, subject: excerpt(sentence, 200), text });
}

/**
 * The people who work on a claim: its assignees, whoever wrote its verdict, and the independent reviewers of a
 * double review. Input: a transaction client and the claim id. Output: user ids (may repeat).
 */
export async function claimReviewerIds(tx: Prisma.TransactionClient, claimId: string): Promise<string[]> {
  const claim = await tx.claim.findUniqueOrThrow({
    where: { id: claimId },
    select: { verdictById: true, assignments: { select: { reviewerId: true } }, reviews: { select: { reviewerId: true } } },
  });
  return [
    ...claim.assignments.map((a) => a.reviewerId),
    ...claim.reviews.map((r) => r.reviewerId),
    ...(claim.verdictById ? [claim.verdictById] : []),
  ];
}

/** The active editors and admins of a team (those who settle disputes). Output: user ids. */
export async function teamEditorIds(tx: Prisma.TransactionClient, teamId: string): Promise<string[]> {
  const rows = await tx.membership.findMany({
    where: { teamId, role: { in: [...SIGN_OFF_ROLES] }, user: { disabled: false } },
    select: { userId: true },
  });
  return rows.map((r) => r.userId);
}
