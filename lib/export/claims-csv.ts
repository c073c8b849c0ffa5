// CSV of an article's claims, one row per claim, for spreadsheets and archives.
// RFC 4180: CRLF line ends, fields with a comma, quote, CR or LF in double quotes, quotes
// doubled. Spreadsheet formula injection (OWASP "CSV injection"): a cell starting with
// = + - @ tab or CR would be run as a formula by Excel/LibreOffice/Sheets, so it gets a
// leading apostrophe, which those programs show as plain text.
import { db } from "@/lib/db";
import { articleScope } from "@/lib/access/scope";
import { statusLabel } from "@/lib/claims/verdicts";
import { notFound } from "@/lib/http/errors";
import { TEXT_ORDER } from "@/lib/claims/dto";
import { loadClaimRecords } from "@/lib/claims/load-records";
import { proposedByPeople } from "@/lib/claims/record-words";
import { byTagName } from "@/lib/tags/tag-rules";

const byTagName_ = (a: string, b: string) => byTagName({ name: a }, { name: b });

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell (RFC 4180): null and undefined become empty, numbers their decimal form; a cell holding a comma,
 * double quote, CR or LF is quoted with quotes doubled. A cell starting with = + - @ tab or CR gets a leading
 * apostrophe first, so spreadsheets show it as text instead of running it as a formula (OWASP "CSV injection").
 * Negative numbers are therefore written as '-5.
 */
export function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? "" : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows of cells as CSV text (csvCell for each cell): comma-separated, each row ending in CRLF, including the last. */
export function toCsv(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

export const CLAIMS_CSV_HEADER = [
  "claim_id",
  "claim",
  "start",
  "end",
  "status",
  "verdict",
  "explanation",
  "verdict_by",
  "assignees",
  "evidence_urls",
  "comments",
  "created_at",
  "updated_at",
  "tags",
  "verdict_via",
] as const;

export type ClaimsCsv = { filename: string; csv: string };

/**
 * GET /api/v1/articles/{id}/claims.csv, for every member of the article's team: a header row
 * (CLAIMS_CSV_HEADER) and one row per claim in text order, with UTF-16 offsets, status label, verdict (empty
 * without one), assignees and evidence URLs joined by "; ", the count of comments not deleted, ISO 8601
 * dates, and the claim's tag names by name joined by "; ". From the claim's record (lib/claims/record.ts), `verdict_by`
 * names whom the desk credits with the verdict (both reviewers of an agreed double review, "; "-joined; else its
 * author, settling editor or importer) and `verdict_via` how it came about: written, agreed, settled or imported (empty
 * without a verdict, or for one from before the record was kept, whose verdict_by is its writer). New columns go
 * last, so older readers keep their positions. `filename` is "claims-<slug of the title, at most 60 characters>.csv".
 * @throws AppError 404 `not_found` when the article does not exist or the user is not in its team.
 */
export async function exportClaimsCsv({ articleId, userId }: { articleId: string; userId: string }): Promise<ClaimsCsv> {
  const article = await db.article.findFirst({
    where: { id: articleId, ...articleScope(userId) },
    select: {
      id: true,
      title: true,
      claims: {
        orderBy: TEXT_ORDER,
        select: {
          id: true,
          exact: true,
          start: true,
          end: true,
          status: true,
          verdictLabel: true,
          verdictOrdinal: true,
          verdictExplanation: true,
          createdAt: true,
          updatedAt: true,
          verdictBy: { select: { name: true } },
          assignments: { select: { reviewer: { select: { name: true } } }, orderBy: { createdAt: "asc" } },
          evidence: { where: { deletedAt: null, url: { not: "" } }, select: { url: true }, orderBy: { createdAt: "asc" } },
          commentCount: true,
          tags: { select: { tag: { select: { name: true } } } },
        },
      },
    },
  });
  if (!article) throw notFound("That article");
  // The verdict row names only its last writer (the second reviewer of an agreement, the importer).
  const records = await loadClaimRecords(article.claims.filter((c) => c.verdictOrdinal !== null).map((c) => c.id));
  const rows = article.claims.map((c) => {
    const proposed = records.get(c.id)?.proposed;
    const verdictBy = proposed
      ? proposedByPeople(proposed)
          .map((person) => person.name)
          .join("; ")
      : c.verdictBy?.name;
    return [
      c.id,
      c.exact,
      c.start,
      c.end,
      statusLabel(c.status),
      c.verdictOrdinal === null ? "" : c.verdictLabel,
      c.verdictOrdinal === null ? "" : c.verdictExplanation,
      c.verdictOrdinal === null ? "" : verdictBy,
      c.assignments.map((a) => a.reviewer.name).join("; "),
      c.evidence.map((e) => e.url).join("; "),
      c.commentCount,
      c.createdAt.toISOString(),
      c.updatedAt.toISOString(),
      c.tags
        .map((t) => t.tag.name)
        .sort(byTagName_)
        .join("; "),
      c.verdictOrdinal === null ? "" : proposed?.via,
    ];
  });
  const slug =
    article.title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 60) || "article";
  return { filename: `claims-${slug}.csv`, csv: toCsv([CLAIMS_CSV_HEADER, ...rows]) };
}
