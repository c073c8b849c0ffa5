import { db, inTransaction, type DbClient } from "@/lib/db";
import { refuseDeepImport } from "@/lib/http/nesting";
import { refuseReplacementCharsetHtml } from "@/lib/fetch/charset";
import { runHeavy } from "@/lib/workers/pool";
import { recordArticleAudit } from "@/lib/audit/record-audit";
import { refreshSuggestions } from "@/lib/articles/stored-suggestions";
import { requireTeamRole } from "@/lib/access/require";
import { SIGN_OFF_ROLES } from "@/lib/access/roles";
import { AppError, forbidden } from "@/lib/http/errors";
import type { TImportArticle } from "@/lib/validation/articles";
import { firstCharacters, readInstant } from "@/lib/validation/fields";
import type { FetchedPage } from "@/lib/fetch/fetch-page";
import type { PdfField } from "@/lib/articles/import/pdf";
import { detectLanguage, suggestionsAvailable } from "@/lib/text/language";

export type CreatedArticle = { id: string; title: string };

/**
 * What createArticle imports: pasted or uploaded text, HTML or Markdown (ZImportArticle), or a PDF's bytes with
 * the same metadata fields (`field`: the form field a PDF's errors belong to, default `content`).
 */
export type ArticleImportInput =
  TImportArticle | (Omit<TImportArticle, "format" | "content"> & { format: "pdf"; bytes: Uint8Array; field?: PdfField });

/** What the server fetched when the text came from a URL (see fetchPage): kept with version 1. */
export type FetchProvenance = Pick<FetchedPage, "url" | "finalUrl" | "status" | "contentType" | "sha256" | "fetchedAt">;

/** Who may import into `teamId`: its editors and admins (requireTeamRole's spec, shared with URL imports). */
export function importPermission(userId: string, teamId: string) {
  return {
    teamId,
    userId,
    roles: SIGN_OFF_ROLES,
    outsider: forbidden("You are not a member of that team."),
    message: "Only editors and admins can import articles.",
  };
}

const NO_TITLE = "Give the article a title: none was found in what you imported.";

/**
 * Imports an article into team `teamId` (the user's active team) from pasted or uploaded text, HTML or Markdown
 * (`input`, checked by ZImportArticle; importArticle enforces the 2 MB limit), or from a PDF's bytes (importPdf:
 * 20 MB, 300 pages; the body's blocks then say where each page begins). Only the team's editors and admins
 * may; the role is read from the membership row (not the session), so a demotion takes effect at once. The
 * article, its stored suggestions, the author of its first version (which a database trigger creates) and the
 * "article.imported" audit row are written in one transaction, and with `fetched` (an import from a URL) the
 * fetch's provenance (ArticleFetch: addresses, status, type, SHA-256, time) beside version 1. Given title, byline and date win over what the
 * import found; the title is cut to 300 characters. The article's language is detected (detectLanguage) and
 * suggestions are only computed where the detector reads the language (suggestionsAvailable). Returns `{ id, title }`.
 * @throws AppError 403 `forbidden` when the user is not in the team or is not an editor or admin there;
 * 422 `unprocessable` when the content is empty, too long or unreadable (from importArticle or importPdf: a PDF
 * that is damaged, protected by a password, too long, or has no text layer), or when no title
 * was given or found (`fields.title`), or when uploaded HTML declares a character set browsers refuse to decode
 * (refuseReplacementCharsetHtml, on `content`).
 * Runs in `client` when it is a transaction (so a caller can compose it with other writes).
 */
export async function createArticle(
  { userId, teamId, input, fetched }: { userId: string; teamId: string; input: ArticleImportInput; fetched?: FetchProvenance },
  client: DbClient = db,
): Promise<CreatedArticle> {
  const mayImport = importPermission(userId, teamId);
  // Checked before the import and the detector, and again in the transaction that writes.
  await requireTeamRole(mayImport, client);

  // The nesting scan is linear and cheap: a page nested too deep is refused here at once, not after waiting
  // its turn in the worker pool behind other imports (importArticle checks again, for its other callers).
  if (input.format !== "pdf") refuseDeepImport(input.format, input.content);
  // A fetched page was decoded by its declared character set already (fetchPage); an uploaded file was read as UTF-8
  // by the browser, so one that declares a character set browsers refuse to decode would import as noise.
  if (input.format === "html" && !fetched) refuseReplacementCharsetHtml(input.content);
  // Parsing and the detector run in a worker thread with a time budget (lib/workers/pool.ts), so a big or
  // hostile import never stalls the instance's other requests, and no connection is held meanwhile.
  const { imported, suggestions: detected } =
    input.format === "pdf"
      ? await runHeavy("importPdfAndSuggest", { bytes: input.bytes, field: input.field }, { what: "That PDF" })
      : await runHeavy("importAndSuggest", { format: input.format, content: input.content }, { what: "That import" });
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
    language: detectLanguage(imported.body),
  };

  // The worker ran the detector with the import; its suggestions are kept only where it reads the language.
  const suggestions = suggestionsAvailable(data.language) ? detected : [];
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
    if (fetched) {
      const version = await tx.articleVersion.findUniqueOrThrow({
        where: { articleId_number: { articleId: article.id, number: 1 } },
        select: { id: true },
      });
      const { url: requestedUrl, finalUrl, status, contentType, sha256, fetchedAt } = fetched;
      await tx.articleFetch.create({ data: { versionId: version.id, requestedUrl, finalUrl, status, contentType, sha256, fetchedAt } });
    }
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
          ...(fetched ? { fetchedFrom: fetched.finalUrl, sha256: fetched.sha256 } : {}),
          paragraphs: imported.blocks.paragraphs.length,
          ...(imported.blocks.pages ? { pages: imported.blocks.pages.at(-1)!.page } : {}),
          characters: imported.body.length,
        },
      },
    );
    return article;
  });
}
