import { db } from "@/lib/db";
import { PRESENCE_CHANNEL } from "@/lib/live/change-listener";

/** Readers count as present while their stream's heartbeat is younger than this. */
export const PRESENCE_TTL_SECONDS = 40;

export type Viewer = { id: string; name: string };

async function announce(articleId: string) {
  await db.$executeRaw`SELECT pg_notify(${PRESENCE_CHANNEL}, ${JSON.stringify({ articleId })})`;
}

export async function markPresent(articleId: string, userId: string, announceIt: boolean): Promise<void> {
  await db.articlePresence.upsert({
    where: { articleId_userId: { articleId, userId } },
    create: { articleId, userId },
    update: { seenAt: new Date() },
  });
  if (announceIt) await announce(articleId);
}

export async function markAbsent(articleId: string, userId: string): Promise<void> {
  await db.articlePresence.deleteMany({ where: { articleId, userId } });
  await announce(articleId);
}

export async function listViewers(articleId: string): Promise<Viewer[]> {
  const since = new Date(Date.now() - PRESENCE_TTL_SECONDS * 1000);
  const rows = await db.articlePresence.findMany({
    where: { articleId, seenAt: { gt: since } },
    orderBy: { seenAt: "asc" },
    select: { user: { select: { id: true, name: true } } },
  });
  return rows.map((r) => r.user);
}
