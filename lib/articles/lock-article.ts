import type { Prisma } from "@/lib/generated/prisma/client";

export type LockedArticleText = { body: string; version: number };

/**
 * The article's current text and version number, read under a share lock (FOR SHARE) on its row inside the
 * caller's transaction. Saving a new version takes the row FOR UPDATE, so while this lock is held the
 * text cannot change: writes that placed something on the text (a claim, an import, a chosen
 * anchor) either see the text they checked against or find out it changed. Null when the
 * article is gone. Does no access check: the caller has done it.
 */
export async function lockArticleText(tx: Prisma.TransactionClient, articleId: string): Promise<LockedArticleText | null> {
  const [row] = await tx.$queryRaw<LockedArticleText[]>`SELECT "body", "version" FROM "Article" WHERE "id" = ${articleId} FOR SHARE`;
  return row ?? null;
}
