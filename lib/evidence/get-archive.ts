import { db } from "@/lib/db";
import { claimScope } from "@/lib/access/scope";
import { diffTexts, type DiffPart } from "@/lib/articles/versions";

export type SnapshotDTO = {
  id: string;
  url: string;
  finalUrl: string | null;
  status: number | null;
  contentType: string;
  sha256: string | null;
  text: string;
  error: string | null;
  fetchedAt: string;
};

export type EvidenceArchiveDTO = {
  id: string;
  articleId: string;
  claimId: string;
  title: string;
  url: string;
  excerpt: string;
  excerptFound: boolean | null;
  archiveError: string | null;
  sourceFlag: "changed" | "gone" | null;
  sourceCheckedAt: string | null;
  /** The archive taken when the evidence was added (or its URL changed); null while none succeeded. */
  archive: SnapshotDTO | null;
  /** The newest check that found the source changed or gone, when it is flagged now; else null. */
  check: SnapshotDTO | null;
  /** Archive → check, paragraph then word by word (diffTexts, as for article versions), when the source changed. */
  diff: { parts: DiffPart[]; stats: { added: number; removed: number } } | null;
};

const snapshotSelect = {
  id: true,
  url: true,
  finalUrl: true,
  status: true,
  contentType: true,
  sha256: true,
  text: true,
  error: true,
  fetchedAt: true,
} as const;

type SnapshotRow = Omit<SnapshotDTO, "fetchedAt"> & { fetchedAt: Date };
const toSnapshotDTO = (row: SnapshotRow | null | undefined): SnapshotDTO | null =>
  row ? { ...row, fetchedAt: row.fetchedAt.toISOString() } : null;

/**
 * The archive of evidence `evidenceId` for `userId` (any role in its team): what was fetched when it was added,
 * the check that flagged it (when flagged), and the text diff between them when the source changed. Removed
 * evidence too (its card offers Undo). Null when the evidence does not exist or is not in the user's teams
 * (the page answers 404 for both).
 */
export async function getEvidenceArchive({
  userId,
  evidenceId,
}: {
  userId: string;
  evidenceId: string;
}): Promise<EvidenceArchiveDTO | null> {
  const evidence = await db.evidence.findFirst({
    where: { id: evidenceId, claim: claimScope(userId) },
    select: {
      id: true,
      claimId: true,
      claim: { select: { articleId: true } },
      title: true,
      url: true,
      excerpt: true,
      excerptFound: true,
      archiveError: true,
      archivedAt: true,
      sourceFlag: true,
      sourceCheckedAt: true,
    },
  });
  if (!evidence) return null;
  const [archiveRow, checkRow] = await Promise.all([
    evidence.archivedAt
      ? db.evidenceSnapshot.findFirst({
          where: { evidenceId, purpose: "archive", error: null },
          orderBy: { fetchedAt: "desc" },
          select: snapshotSelect,
        })
      : null,
    evidence.sourceFlag
      ? db.evidenceSnapshot.findFirst({ where: { evidenceId, purpose: "check" }, orderBy: { fetchedAt: "desc" }, select: snapshotSelect })
      : null,
  ]);
  const archive = toSnapshotDTO(archiveRow);
  const check = toSnapshotDTO(checkRow);
  return {
    id: evidence.id,
    articleId: evidence.claim.articleId,
    claimId: evidence.claimId,
    title: evidence.title,
    url: evidence.url,
    excerpt: evidence.excerpt,
    excerptFound: evidence.excerptFound,
    archiveError: evidence.archivedAt ? null : evidence.archiveError,
    sourceFlag: evidence.sourceFlag,
    sourceCheckedAt: evidence.sourceCheckedAt?.toISOString() ?? null,
    archive,
    check,
    diff: evidence.sourceFlag === "changed" && archive && check ? diffTexts(archive.text, check.text) : null,
  };
}
