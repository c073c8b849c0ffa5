import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { notFound } from "@/lib/http/errors";
import { claimHref } from "@/lib/notifications/notify";
import { describeNotification, excerpt } from "@/lib/notifications/messages";
import { NOTIFICATION_PAGE_SIZE, type NotificationKindKey } from "@/lib/validation/notifications";

export type NotificationDTO = {
  id: string;
  kind: NotificationKindKey;
  /** One sentence: who did what where. */
  text: string;
  /** The claim's quote, cut to 140 characters. */
  exact: string;
  /** The comment's text for a mention or reply (cut to 200 characters), "" once it is deleted; null for other kinds. */
  comment: string | null;
  actor: string | null;
  articleId: string;
  claimId: string;
  createdAt: string;
  readAt: string | null;
  /** Opens the claim in its article. */
  href: string;
};

export type NotificationPage = { items: NotificationDTO[]; unread: number; nextCursor: string | null };

const select = {
  id: true,
  kind: true,
  createdAt: true,
  readAt: true,
  articleId: true,
  claimId: true,
  actor: { select: { name: true } },
  claim: { select: { exact: true, article: { select: { title: true } } } },
  comment: { select: { body: true, deletedAt: true } },
} satisfies Prisma.NotificationSelect;

/**
 * The caller's own notifications in `teamId`, leaving out the kinds they turned off in-app. The team condition
 * includes the caller's membership, so a person who left a team no longer sees its notifications.
 */
async function ownScope(userId: string, teamId: string): Promise<Prisma.NotificationWhereInput> {
  const me = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { inAppMuted: true } });
  return {
    recipientId: userId,
    teamId,
    team: { archivedAt: null, memberships: { some: { userId } } },
    ...(me.inAppMuted.length > 0 ? { kind: { notIn: me.inAppMuted } } : {}),
  };
}

/**
 * A page of the caller's notifications in their active team, newest first (NOTIFICATION_PAGE_SIZE a page;
 * `cursor` is the last id of the previous page, `unreadOnly` for the unread ones), with the unread count.
 * `countOnly` answers the count with no items (the bell). Never another person's: the query is scoped to
 * `userId` as recipient. Output: NotificationPage.
 */
export async function listNotifications({
  userId,
  teamId,
  unreadOnly = false,
  cursor,
  countOnly = false,
}: {
  userId: string;
  teamId: string;
  unreadOnly?: boolean;
  cursor?: string;
  countOnly?: boolean;
}): Promise<NotificationPage> {
  const scope = await ownScope(userId, teamId);
  const unread = await db.notification.count({ where: { ...scope, readAt: null } });
  if (countOnly) return { items: [], unread, nextCursor: null };
  const rows = await db.notification.findMany({
    where: { ...scope, ...(unreadOnly ? { readAt: null } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: NOTIFICATION_PAGE_SIZE + 1,
    ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    select,
  });
  const page = rows.slice(0, NOTIFICATION_PAGE_SIZE);
  return {
    items: page.map((row) => ({
      id: row.id,
      kind: row.kind,
      text: describeNotification({ kind: row.kind, actor: row.actor?.name ?? null, articleTitle: row.claim?.article.title ?? "" }),
      exact: excerpt(row.claim?.exact ?? ""),
      comment: row.comment ? (row.comment.deletedAt ? "" : excerpt(row.comment.body, 200)) : null,
      actor: row.actor?.name ?? null,
      articleId: row.articleId ?? "",
      claimId: row.claimId ?? "",
      createdAt: row.createdAt.toISOString(),
      readAt: row.readAt?.toISOString() ?? null,
      href: row.articleId && row.claimId ? claimHref(row.articleId, row.claimId) : "/notifications",
    })),
    unread,
    nextCursor: rows.length > NOTIFICATION_PAGE_SIZE ? page[page.length - 1]!.id : null,
  };
}

/**
 * Marks one of the caller's notifications read (a second call changes nothing). Output: its id and when it was
 * read (ISO 8601). @throws AppError 404 when it is not the caller's, in their active team: another person's
 * notification looks exactly like one that does not exist.
 */
export async function markNotificationRead({
  userId,
  teamId,
  notificationId,
}: {
  userId: string;
  teamId: string;
  notificationId: string;
}): Promise<{ id: string; readAt: string }> {
  const own = { id: notificationId, recipientId: userId, teamId, team: { memberships: { some: { userId } } } };
  await db.notification.updateMany({ where: { ...own, readAt: null }, data: { readAt: new Date() } });
  const row = await db.notification.findFirst({ where: own, select: { id: true, readAt: true } });
  if (!row?.readAt) throw notFound("That notification");
  return { id: row.id, readAt: row.readAt.toISOString() };
}

/** Marks all of the caller's unread notifications in their active team read. Output: how many changed. */
export async function markAllNotificationsRead({ userId, teamId }: { userId: string; teamId: string }): Promise<{ count: number }> {
  const { count } = await db.notification.updateMany({
    where: { recipientId: userId, teamId, readAt: null, team: { memberships: { some: { userId } } } },
    data: { readAt: new Date() },
  });
  return { count };
}
