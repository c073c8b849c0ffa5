import { requireArticleEditor } from "@/lib/access/require";
import { SIGN_OFF_ROLES } from "@/lib/access/roles";
import { articleScope } from "@/lib/access/scope";
import { recordArticleAudit } from "@/lib/audit/record-audit";
import { db, inTransaction, type DbClient } from "@/lib/db";
import { notFound } from "@/lib/http/errors";
import type { TUpdateArticleDetails } from "@/lib/validation/articles";

const EDITORS_ONLY = "Only an editor can change the article's details.";

const detailsSelect = { title: true, standfirst: true, byline: true, sourceUrl: true, publishedAt: true, language: true } as const;

export type ArticleDetailsChange = { changed: string[] };

/**
 * Changes an article's details (title, standfirst, byline, source URL, publication date, language) without
 * making a new text version: versions keep the title they were saved with, and claims are untouched. Editors
 * and admins only; fields sent empty are cleared (title cannot be). The source name is taken from the URL's host
 * again. One "article.details_updated" audit row says what changed (before and after); nothing changes and
 * nothing is audited when every field is as it was. Returns the names of the fields that changed.
 * @throws AppError 404 when the article does not exist or the user is not in its team; 403 unless an editor or
 * admin there.
 */
export async function updateArticleDetails(
  { userId, input }: { userId: string; input: TUpdateArticleDetails },
  client: DbClient = db,
): Promise<ArticleDetailsChange> {
  return inTransaction(client, async (tx) => {
    const article = await requireArticleEditor(input.id, userId, EDITORS_ONLY, tx);
    const before = await tx.article.findFirst({ where: { id: input.id, ...articleScope(userId, SIGN_OFF_ROLES) }, select: detailsSelect });
    if (!before) throw notFound("That article");
    const after = {
      title: input.title,
      standfirst: input.standfirst ?? null,
      byline: input.byline ?? null,
      sourceUrl: input.sourceUrl ?? null,
      publishedAt: input.publishedAt ?? null,
      language: input.language ?? null,
    };
    const same = (key: keyof typeof after) =>
      key === "publishedAt" ? before.publishedAt?.getTime() === after.publishedAt?.getTime() : before[key] === after[key];
    const changed = (Object.keys(after) as (keyof typeof after)[]).filter((key) => !same(key));
    if (changed.length === 0) return { changed };
    const source = after.sourceUrl ? new URL(after.sourceUrl).hostname.replace(/^www\./, "") : null;
    await tx.article.updateMany({ where: { id: input.id, ...articleScope(userId, SIGN_OFF_ROLES) }, data: { ...after, source } });
    const pick = (values: Record<string, unknown>) =>
      Object.fromEntries(
        changed.map((key) => [key, values[key] instanceof Date ? (values[key] as Date).toISOString() : (values[key] ?? null)]),
      );
    await recordArticleAudit(tx, userId, article, { action: "article.details_updated", before: pick(before), after: pick(after) });
    return { changed };
  });
}
