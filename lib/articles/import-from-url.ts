import { db, type DbClient } from "@/lib/db";
import { requireTeamRole } from "@/lib/access/require";
import { createArticle, importPermission, type CreatedArticle } from "@/lib/articles/create-article";
import { MAX_IMPORT_BYTES } from "@/lib/articles/import/limits";
import { fetchPage } from "@/lib/fetch/fetch-page";
import { AppError } from "@/lib/http/errors";
import type { TImportArticleFromUrl } from "@/lib/validation/articles";

const unprocessable = (message: string) => new AppError("unprocessable", message, { url: [message] });
const MAX_URL_CHARS = 2048;

/**
 * Imports the article at `input.url` into team `teamId`: checks that the user may import there (editors and
 * admins) before anything is fetched, fetches the page through the SSRF-safe fetcher (fetchPage: public
 * addresses only unless FETCH_ALLOW_ADDRESSES says otherwise; redirects, 2 MiB and 15 s limits; charset
 * sniffing), runs the HTML (or plain text) extraction, and stores the article with the page's final URL as its
 * source and the fetch (addresses, status, type, SHA-256, time) beside version 1 (createArticle). Given title,
 * byline and date win over what the page says. Returns `{ id, title }`.
 * @throws AppError 403 `forbidden` (as createArticle); 422 `unprocessable` on `url` when the page cannot be
 * fetched (see fetchPage), answers with an error status, or is not HTML or text; 422 from the import itself.
 */
export async function importArticleFromUrl(
  { userId, teamId, input }: { userId: string; teamId: string; input: TImportArticleFromUrl },
  client: DbClient = db,
): Promise<CreatedArticle> {
  await requireTeamRole(importPermission(userId, teamId), client);
  const page = await fetchPage(input.url, { maxBytes: MAX_IMPORT_BYTES });
  if (page.status >= 400) throw unprocessable(`The page answered with an error (HTTP ${page.status}). Check the address.`);
  const format =
    page.contentType === "text/plain" ? "text" : /^(text\/html|application\/xhtml\+xml|)$/.test(page.contentType) ? "html" : null;
  if (!format) throw unprocessable(`That address serves ${page.contentType}, not a web page. Import web pages or paste the text.`);
  return createArticle(
    {
      userId,
      teamId,
      input: {
        format,
        content: page.text,
        title: input.title,
        byline: input.byline,
        publishedAt: input.publishedAt,
        sourceUrl: page.finalUrl.length <= MAX_URL_CHARS ? page.finalUrl : input.url,
      },
      fetched: page,
    },
    client,
  );
}
