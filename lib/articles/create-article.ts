import { db, inTransaction, type DbClient } from "@/lib/db";
import { importArticle } from "@/lib/articles/import";
import { recordArticleAudit } from "@/lib/audit/record-audit";
import { refreshSuggestions } from "@/lib/articles/stored-suggestions";
import { suggestClaims } from "@/lib/suggestions";
import { requireTeamRole } from "@/lib/access/require";
import { SIGN_OFF_ROLES } from "@/lib/access/roles";
import { AppError, forbidden } from "@/lib/http/errors";
import type { TImportArticle } from "@/lib/validation/articles";
import { firstCharacters, readInstant } from "@/lib/validation/fields";

export type CreatedArticle = { id: string; title: string };

const NO_TITLE = "Give the article a title: none was found in what you imported.";

/**
 * Imports an article into team `teamId` (the user's active team) from pasted or uploaded text, HTML or Markdown
 * (`input`, checked by ZImportArticle; importArticle enforces the 2 MB limit). Only the team's editors and admins
 * may; the role is read from the membership row (not the session), so a demotion takes effect at once. The
 * article, its stored suggestions, the author of its first version (which a database trigger creates) and the
 * "article.imported" audit row are written in one transaction. Given title, byline and date win over what the
 * import found; the title is cut to 300 characters. Returns `{ id, title }`.
 * @throws AppError 403 `forbidden` when the user is not in the team or is not an editor or admin there;
 * 422 `unprocessable` when the content is empty, too long or unreadable (from importArticle), or when no title
 * was given or found (`fields.title`).
 * Runs in `client` when it is a transaction (so a caller can compose it with other writes).
 */
export async function createArticle(
  { userId, teamId, input }: { userId: string; teamId: string; input: TImportArticle },
  client: DbClient = db,
): Promise<CreatedArticle> {
  const mayImport = {
    teamId,
    userId,
    roles: SIGN_OFF_ROLES,
    outsider: forbidden("You are not a member of that team."),
    message: "Only editors and admins can import articles.",
  };
  // Checked before the import and the detector, and again in the transaction that writes.
  await requireTeamRole(mayImport, client);

  const imported = importArticle({ format: input.format, content: input.content });
  const title = input.title ?? imported.title;
  if (!title) throw new AppError("unprocessable", NO_TITLE, { title: [NO_TITLE] });
  const sourceUrl = input.sourceUrl ?? null;
  const data = {
    teamId,
    // Cut by characters (never half an emoji); a page's own date only when the field rules accept it.
    title: firstCharacters(title, 300),
    byline: input.byline ?? (imported.byline ? firstCharacters(imported.byline, 200) : null),
    source: sourceUrl ? new URL(sourceUrl).hostname.replace(/^www\./, "") : null,
    sourceUrl,
    publishedAt: input.publishedAt ?? (imported.publishedAt ? readInstant(imported.publishedAt) : null),
    standfirst: imported.standfirst ? firstCharacters(imported.standfirst, 1000) : null,
    body: imported.body,
    blocks: imported.blocks,
  };

  // The detector runs before the transaction, so no connection is held while it thinks.
  const suggestions = suggestClaims(data.body);
  return inTransaction(client, async (tx) => {
    await requireTeamRole(mayImport, tx);
    // The team's default (Team page): new articles may start with independent double review on.
    const team = await tx.team.findUniqueOrThrow({ where: { id: teamId }, select: { doubleReviewDefault: true } });
    const article = await tx.article.create({
      data: { ...data, requiresDoubleReview: team.doubleReviewDefault },
      select: { id: true, title: true },
    });
    await refreshSuggestions(tx, article.id, data.body, suggestions);
    // The trigger wrote version 1 without an author; naming it once is the only change it allows.
    await tx.articleVersion.updateMany({ where: { articleId: article.id, number: 1, createdById: null }, data: { createdById: userId } });
    await recordArticleAudit(
      tx,
      userId,
      { id: article.id, teamId },
      {
        action: "article.imported",
        after: {
          format: input.format,
          title: data.title,
          sourceUrl,
          paragraphs: imported.blocks.paragraphs.length,
          characters: imported.body.length,
        },
      },
    );
    return article;
  });
}
