import { diffArrays, diffWordsWithSpace } from "diff";
import { db } from "@/lib/db";
import { articleScope } from "@/lib/access/scope";
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

type VersionRow = {
  number: number;
  title: string;
  size: number;
  contentHash: string;
  createdAt: Date;
  createdBy: { id: string; name: string } | null;
};
// `size` is kept by the database (trigger factdesk_article_version_size): the list never reads bodies.
const versionSelect = {
  number: true,
  title: true,
  size: true,
  contentHash: true,
  createdAt: true,
  createdBy: { select: { id: true, name: true } },
} as const;

function toSummary(row: VersionRow, currentVersion: number): VersionSummaryDTO {
  return {
    number: row.number,
    title: row.title,
    contentHash: row.contentHash,
    size: row.size,
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

/**
 * Every version of an article, newest first: number, title, content hash (SHA-256 hex), size in UTF-16 code
 * units of the body, author (null for versions older than authorship), creation time (ISO 8601), and whether it
 * is the current one.
 * @throws AppError 404 `not_found` when the article does not exist or the user is not in its team.
 */
export async function listVersions({ articleId, userId }: { articleId: string; userId: string }): Promise<VersionSummaryDTO[]> {
  const article = await requireArticle(articleId, userId);
  const rows = await db.articleVersion.findMany({ where: { articleId }, orderBy: { number: "desc" }, select: versionSelect });
  return rows.map((row) => toSummary(row, article.version));
}

/**
 * One version of an article (`number` from 1) with its body and stored blocks (unvalidated Json; parse it with
 * parseBlocks against the body), plus the summary fields of listVersions.
 * @throws AppError 404 `not_found` when the article does not exist, the user is not in its team, or there is no
 * such version.
 */
export async function getVersion({
  articleId,
  number,
  userId,
}: {
  articleId: string;
  number: number;
  userId: string;
}): Promise<VersionDTO> {
  const article = await requireArticle(articleId, userId);
  const row = await db.articleVersion.findUnique({
    where: { articleId_number: { articleId, number } },
    select: { ...versionSelect, body: true, blocks: true },
  });
  if (!row) throw notFound(`Version ${number}`);
  return { ...toSummary(row, article.version), body: row.body, blocks: row.blocks };
}

const countWords = (text: string) => text.split(/\s+/).filter(Boolean).length;
const wordSet = (text: string) => new Set(text.toLowerCase().split(/\W+/).filter(Boolean));

/** Share of words two paragraphs have in common (Jaccard): above PAIRED they are one paragraph edited. */
function likeness(a: string, b: string): number {
  const x = wordSet(a);
  const y = wordSet(b);
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  return shared / Math.max(1, x.size + y.size - shared);
}
const PAIRED = 0.4;
// Myers' diff takes time proportional to length × edits: a long paragraph with its words
// reordered would hold the server for a minute. Past this many word edits the paragraph is
// shown as removed and added whole, which is what a reader would make of it anyway.
const MAX_WORD_EDITS = 1000;
// The same bound for the paragraph-level pass (a body of thousands of one-line paragraphs).
const MAX_PARAGRAPH_EDITS = 2000;

/** The whitespace both texts end with, unless taking it would leave either side empty. */
function commonTrailingSpace(a: string, b: string): string {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n] && /\s/.test(a[a.length - 1 - n]!)) n++;
  // Never empty a side: a change is at least one visible character.
  return n > 0 && n < a.length && n < b.length ? a.slice(a.length - n) : "";
}

/**
 * Word changes inside one paragraph, as runs a reader takes in at once: "removed: Sir Keir
 * Starmer has called for / added: The prime minister urged", not word by word. Built on
 * diffWordsWithSpace, because plain diffWords moves spaces between parts and the parts would
 * no longer rebuild the texts; a space alone between two changes joins both sides of the run.
 * Null when the paragraph changed too much to compare (MAX_WORD_EDITS).
 */
function wordChanges(before: string, after: string): DiffPart[] | null {
  const changes = diffWordsWithSpace(before, after, { maxEditLength: MAX_WORD_EDITS });
  if (!changes) return null;
  const out: DiffPart[] = [];
  let removed = "";
  let added = "";
  const flush = () => {
    // Whitespace both sides of a run end with is unchanged text, not part of the change.
    const tail = removed && added ? commonTrailingSpace(removed, added) : "";
    if (removed) out.push({ kind: "removed", text: removed.slice(0, removed.length - tail.length) });
    if (added) out.push({ kind: "added", text: added.slice(0, added.length - tail.length) });
    if (tail) out.push({ kind: "same", text: tail });
    removed = added = "";
  };
  changes.forEach((change, i) => {
    if (change.removed) removed += change.value;
    else if (change.added) added += change.value;
    else if ((removed || added) && /^\s+$/.test(change.value) && (changes[i + 1]?.added || changes[i + 1]?.removed)) {
      removed += change.value;
      added += change.value;
    } else {
      flush();
      out.push({ kind: "same", text: change.value });
    }
  });
  flush();
  return out;
}

/**
 * Compares two texts paragraph by paragraph ("\n\n"), then word by word inside paragraphs that were
 * edited (paired when they share at least 40% of their words), so an inserted paragraph shows as one addition
 * rather than words smeared across its neighbours, and a long article with a small edit diffs quickly. Removed
 * and unchanged parts joined give the old text exactly; unchanged and added parts, the new text. `stats` counts
 * whitespace-separated words added and removed. Past 2,000 paragraph edits the whole text shows as replaced,
 * past 1,000 word edits a paragraph does. Pure; never throws.
 */
export function diffTexts(before: string, after: string): Pick<VersionDiffDTO, "parts" | "stats"> {
  const parts: DiffPart[] = [];
  const sides = { old: false, new: false };
  const push = (kind: DiffPart["kind"], text: string) => {
    if (text === "") return;
    const last = parts[parts.length - 1];
    if (last?.kind === kind) last.text += text;
    else parts.push({ kind, text });
  };
  // The paragraph break before a block belongs to whichever sides already have text.
  const separate = (onOld: boolean, onNew: boolean) => {
    const o = onOld && sides.old;
    const n = onNew && sides.new;
    push(o && n ? "same" : o ? "removed" : "added", o || n ? "\n\n" : "");
    if (onOld) sides.old = true;
    if (onNew) sides.new = true;
  };
  const removed = (p: string) => (separate(true, false), push("removed", p));
  const added = (p: string) => (separate(false, true), push("added", p));

  const changes = diffArrays(before.split("\n\n"), after.split("\n\n"), { maxEditLength: MAX_PARAGRAPH_EDITS });
  if (!changes) {
    push("removed", before);
    push("added", after);
    return { parts, stats: { added: countWords(after), removed: countWords(before) } };
  }
  for (let i = 0; i < changes.length; i++) {
    const change = changes[i]!;
    if (!change.added && !change.removed) {
      for (const p of change.value) {
        separate(true, true);
        push("same", p);
      }
      continue;
    }
    const next = changes[i + 1];
    const olds = change.removed ? change.value : [];
    const news = change.added ? change.value : next?.added && change.removed ? (i++, next.value) : [];
    let from = 0;
    for (const p of news) {
      const match = olds.findIndex((o, j) => j >= from && likeness(o, p) >= PAIRED);
      if (match === -1) {
        added(p);
        continue;
      }
      olds.slice(from, match).forEach(removed);
      separate(true, true);
      const words = wordChanges(olds[match]!, p);
      if (words) for (const c of words) push(c.kind, c.text);
      else {
        push("removed", olds[match]!);
        push("added", p);
      }
      from = match + 1;
    }
    olds.slice(from).forEach(removed);
  }
  const stats = { added: 0, removed: 0 };
  for (const part of parts) if (part.kind !== "same") stats[part.kind] += countWords(part.text);
  return { parts, stats };
}

/**
 * The difference between versions `from` and `to` of an article (either order; `from` is shown as the old
 * side): both summaries and diffTexts's parts and word counts.
 * @throws AppError 404 `not_found` when the article does not exist, the user is not in its team, or either
 * version does not exist; 422 `unprocessable` when `from` equals `to`.
 */
export async function diffVersions({
  articleId,
  from,
  to,
  userId,
}: {
  articleId: string;
  from: number;
  to: number;
  userId: string;
}): Promise<VersionDiffDTO> {
  const article = await requireArticle(articleId, userId);
  if (from === to) throw new AppError("unprocessable", "Choose two different versions to compare.");
  const rows = await db.articleVersion.findMany({
    where: { articleId, number: { in: [from, to] } },
    select: { ...versionSelect, body: true },
  });
  const older = rows.find((r) => r.number === from);
  const newer = rows.find((r) => r.number === to);
  if (!older) throw notFound(`Version ${from}`);
  if (!newer) throw notFound(`Version ${to}`);
  return { from: toSummary(older, article.version), to: toSummary(newer, article.version), ...diffTexts(older.body, newer.body) };
}

/**
 * How many claims a save will re-anchor (attached or waiting for a person), for the editor's notice.
 * Does no access check: call it only for an article the caller has already loaded for this user.
 */
export function countAnchoredClaims(articleId: string): Promise<number> {
  return db.claim.count({ where: { articleId, anchorStatus: { in: ["attached", "needs_review"] } } });
}
