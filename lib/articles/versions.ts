import { diffArrays, diffWords } from "diff";
import { db } from "@/lib/db";
import { articleScope } from "@/lib/claims/access";
import { AppError, notFound } from "@/lib/http/errors";

export type VersionSummaryDTO = {
  number: number;
  title: string;
  contentHash: string;
  /** Characters of body text. */
  size: number;
  createdBy: { id: string; name: string } | null;
  createdAt: string;
  current: boolean;
};

export type VersionDTO = VersionSummaryDTO & { body: string; blocks: unknown };

export type DiffPart = { kind: "same" | "added" | "removed"; text: string };
export type VersionDiffDTO = {
  from: VersionSummaryDTO;
  to: VersionSummaryDTO;
  parts: DiffPart[];
  /** Words added and removed. */
  stats: { added: number; removed: number };
};

type VersionRow = { number: number; title: string; body: string; contentHash: string; createdAt: Date; createdBy: { id: string; name: string } | null };
const versionSelect = { number: true, title: true, body: true, contentHash: true, createdAt: true, createdBy: { select: { id: true, name: true } } } as const;

function toSummary(row: VersionRow, currentVersion: number): VersionSummaryDTO {
  return {
    number: row.number,
    title: row.title,
    contentHash: row.contentHash,
    size: row.body.length,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    current: row.number === currentVersion,
  };
}

async function requireArticle(articleId: string, userId: string) {
  const article = await db.article.findFirst({ where: { id: articleId, ...articleScope(userId) }, select: { id: true, version: true } });
  if (!article) throw notFound("That article");
  return article;
}

/** Every version of an article, newest first; 404 unless the user is in the article's team. */
export async function listVersions({ articleId, userId }: { articleId: string; userId: string }): Promise<VersionSummaryDTO[]> {
  const article = await requireArticle(articleId, userId);
  const rows = await db.articleVersion.findMany({ where: { articleId }, orderBy: { number: "desc" }, select: versionSelect });
  return rows.map((row) => toSummary(row, article.version));
}

export async function getVersion({ articleId, number, userId }: { articleId: string; number: number; userId: string }): Promise<VersionDTO> {
  const article = await requireArticle(articleId, userId);
  const row = await db.articleVersion.findUnique({ where: { articleId_number: { articleId, number } }, select: { ...versionSelect, blocks: true } });
  if (!row) throw notFound(`Version ${number}`);
  return { ...toSummary(row, article.version), body: row.body, blocks: row.blocks };
}

// Word diffs of very different long texts can take a while; past this the diff falls back
// to whole paragraphs, which is still readable.
const WORD_DIFF_TIMEOUT_MS = 3000;

const countWords = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** Compares two texts word by word (paragraph by paragraph when that is too slow). */
export function diffTexts(before: string, after: string): Pick<VersionDiffDTO, "parts" | "stats"> {
  const changes =
    diffWords(before, after, { timeout: WORD_DIFF_TIMEOUT_MS }) ??
    // Paragraphs as tokens: an edited paragraph shows as removed, then added.
    diffParagraphs(before, after);
  const parts: DiffPart[] = changes.map((c) => ({ kind: c.added ? "added" : c.removed ? "removed" : "same", text: c.value }));
  const stats = { added: 0, removed: 0 };
  for (const part of parts) if (part.kind !== "same") stats[part.kind] += countWords(part.text);
  return { parts, stats };
}

function diffParagraphs(before: string, after: string) {
  // Paragraphs are few (hundreds), so this is fast whatever the edit.
  return diffArrays(before.split("\n\n"), after.split("\n\n")).map((c) => ({ ...c, value: c.value.map((p) => `${p}\n\n`).join("") }));
}

export async function diffVersions({ articleId, from, to, userId }: { articleId: string; from: number; to: number; userId: string }): Promise<VersionDiffDTO> {
  const article = await requireArticle(articleId, userId);
  if (from === to) throw new AppError("unprocessable", "Choose two different versions to compare.");
  const rows = await db.articleVersion.findMany({ where: { articleId, number: { in: [from, to] } }, select: versionSelect });
  const older = rows.find((r) => r.number === from);
  const newer = rows.find((r) => r.number === to);
  if (!older) throw notFound(`Version ${from}`);
  if (!newer) throw notFound(`Version ${to}`);
  return { from: toSummary(older, article.version), to: toSummary(newer, article.version), ...diffTexts(older.body, newer.body) };
}

/** The current version number of an article the caller has already been authorised for. */
export async function currentVersionNumber(articleId: string): Promise<number> {
  const article = await db.article.findUnique({ where: { id: articleId }, select: { version: true } });
  return article?.version ?? 1;
}
