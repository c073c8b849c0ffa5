import { db } from "@/lib/db";
import { PRESENCE_CHANNEL } from "@/lib/live/change-listener";

/** Readers count as present while their stream's heartbeat is younger than this. */
export const PRESENCE_TTL_SECONDS = 40;

export type Viewer = { id: string; name: string };

async function announce(articleId: string) {
  await db.$executeRaw`SELECT pg_notify(${PRESENCE_CHANNEL}, ${JSON.stringify({ articleId })})`;
}

/**
 * Records that `userId` is reading the article now (creates or refreshes their presence row's `seenAt`);
 * with `announceIt`, tells every instance's readers (NOTIFY on the presence channel) so they refresh the viewer list.
 * Does no access check: the stream that calls it has done it. Throws whatever the database throws.
 */
export async function markPresent(articleId: string, userId: string, announceIt: boolean): Promise<void> {
  await db.articlePresence.upsert({
    where: { articleId_userId: { articleId, userId } },
    create: { articleId, userId },
    update: { seenAt: new Date() },
  });
  if (announceIt) await announce(articleId);
}

/**
 * Removes the user's presence on the article (their stream ended) and announces it, so others' viewer lists
 * drop them at once rather than after PRESENCE_TTL_SECONDS. Throws whatever the database throws.
 */
export async function markAbsent(articleId: string, userId: string): Promise<void> {
  await db.articlePresence.deleteMany({ where: { articleId, userId } });
  await announce(articleId);
}

/**
 * Who is reading the article now: users whose stream sent a heartbeat in the last PRESENCE_TTL_SECONDS (40 s),
 * longest-unseen first, as `{ id, name }`. Does no access check: only streams of the article's members call it.
 */
export async function listViewers(articleId: string): Promise<Viewer[]> {
  const since = new Date(Date.now() - PRESENCE_TTL_SECONDS * 1000);
  const rows = await db.articlePresence.findMany({
    where: { articleId, seenAt: { gt: since } },
    orderBy: { seenAt: "asc" },
    select: { user: { select: { id: true, name: true } } },
  });
  return rows.map((r) => r.user);
}
