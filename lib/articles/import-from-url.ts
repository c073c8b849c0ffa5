import { db, type DbClient } from "@/lib/db";
import { requireTeamRole } from "@/lib/access/require";
import { createArticle, importPermission, type CreatedArticle } from "@/lib/articles/create-article";
import { MAX_IMPORT_BYTES, MAX_PDF_BYTES } from "@/lib/articles/import/limits";
import { fetchPage, isPrivateAddressRefusal, PRIVATE_ADDRESS_REFUSED } from "@/lib/fetch/fetch-page";
import { TEAM_ADMIN_ROLES } from "@/lib/access/roles";
import type { Role } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/http/errors";
import type { TImportArticleFromUrl } from "@/lib/validation/articles";

const unprocessable = (message: string) => new AppError("unprocessable", message, { url: [message] });
const MAX_URL_CHARS = 2048;

/**
 * Imports the article at `input.url` into team `teamId`: checks that the user may import there (editors and
 * admins) before anything is fetched, fetches the page through the SSRF-safe fetcher (fetchPage: public
 * addresses only unless FETCH_ALLOW_ADDRESSES says otherwise; redirects, 2 MiB and 15 s limits; charset
 * sniffing), runs the HTML (or plain text) extraction, or the PDF import for a PDF (by Content-Type
 * application/pdf or the file's own "%PDF-" header; up to 20 MiB, where pages are at most 2 MiB), and stores the article with the page's final URL as its
 * source and the fetch (addresses, status, type, SHA-256, time) beside version 1 (createArticle). Given title,
 * byline and date win over what the page says. Returns `{ id, title }`.
 * @throws AppError 403 `forbidden` (as createArticle); 422 `unprocessable` on `url` when the page cannot be
 * fetched (see fetchPage; a private or internal address says what the user can do about it, by role:
 * privateAddressAdvice), answers with an error status, is over its limit, or is not HTML, text or PDF; 422 from
 * the import itself (a PDF's errors, such as no text layer or a password, on `url` too).
 */
export async function importArticleFromUrl(
  { userId, teamId, input }: { userId: string; teamId: string; input: TImportArticleFromUrl },
  client: DbClient = db,
): Promise<CreatedArticle> {
  const role = await requireTeamRole(importPermission(userId, teamId), client);
  // The larger PDF limit bounds every fetch (the type is only known once the answer comes); a page is then held to its own.
  const page = await fetchPage(input.url, { maxBytes: MAX_PDF_BYTES }).catch((error: unknown) => {
    throw isPrivateAddressRefusal(error) ? unprocessable(privateAddressAdvice(role)) : error;
  });
  if (page.status >= 400) throw unprocessable(`The page answered with an error (HTTP ${page.status}). Check the address.`);
  // By type, or by the file's own header when a server labels a PDF vaguely (application/octet-stream).
  const isPdf = page.contentType === "application/pdf" || page.bytes.subarray(0, 5).toString("latin1") === "%PDF-";
  const format = isPdf
    ? "pdf"
    : page.contentType === "text/plain"
      ? "text"
      : /^(text\/html|application\/xhtml\+xml|)$/.test(page.contentType)
        ? "html"
        : null;
  if (!format)
    throw unprocessable(`That address serves ${page.contentType}, not a web page or a PDF. Import web pages or PDFs, or paste the text.`);
  if (format !== "pdf" && page.bytes.byteLength > MAX_IMPORT_BYTES)
    throw unprocessable("The page is too large to import. Paste the article text instead.");
  const meta = {
    title: input.title,
    byline: input.byline,
    publishedAt: input.publishedAt,
    sourceUrl: page.finalUrl.length <= MAX_URL_CHARS ? page.finalUrl : input.url,
  };
  return createArticle(
    {
      userId,
      teamId,
      input: format === "pdf" ? { ...meta, format, bytes: page.bytes, field: "url" } : { ...meta, format, content: page.text },
      fetched: page,
    },
    client,
  );
}

/**
 * The refusal of a private or internal address, with what this person can do: an admin is told the setting
 * (FETCH_ALLOW_ADDRESSES, README "Configuration"), anyone else to ask an admin. Input: the user's team role.
 */
export function privateAddressAdvice(role: Role): string {
  return TEAM_ADMIN_ROLES.includes(role)
    ? `${PRIVATE_ADDRESS_REFUSED} To allow an intranet address, add it (or its range) to FETCH_ALLOW_ADDRESSES in Factdesk's configuration and restart (README, Configuration).`
    : `${PRIVATE_ADDRESS_REFUSED} If your desk needs this address, ask an admin to allow it.`;
}
