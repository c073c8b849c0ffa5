import AsyncLock from "async-lock";
import { refuseDeepImport } from "@/lib/http/nesting";
import { recordArticleAudit } from "@/lib/audit/record-audit";
import { db, inTransaction, type DbClient } from "@/lib/db";
import { requireArticleEditor } from "@/lib/access/require";
import { SIGN_OFF_ROLES } from "@/lib/access/roles";
import { articleScope } from "@/lib/access/scope";
import { bodyHash as contentHash, refreshSuggestions } from "@/lib/articles/stored-suggestions";
import { AppError } from "@/lib/http/errors";
import { suggestionsAvailable } from "@/lib/text/language";
import { runHeavy } from "@/lib/workers/pool";
import { carryPages, parseBlocks, plainBlocks } from "@/lib/articles/blocks";
import { hasVerdict, summarize, type SaveSummary, type StoredAnchor } from "@/lib/articles/reanchor-plan";
import { writeAnchorUpdates } from "@/lib/articles/write-anchors";

export type SaveVersionInput = { articleId: string; userId: string; baseVersion: number; title?: string; markdown: string };
export type SaveVersionResult = SaveSummary & { version: number; saved: boolean };

const time = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", second: "2-digit", timeZone: "UTC" });
// Saving re-anchors every claim inside one transaction; a big article may need more than
// Prisma's 5-second default, and a second save waits for the row lock meanwhile.
const TRANSACTION = { timeout: 60_000, maxWait: 10_000 } as const;

/** JSON with sorted keys: PostgreSQL's jsonb reorders keys, so stored and fresh blocks compare by content. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

async function staleVersionError(tx: DbClient, articleId: string, current: number): Promise<AppError> {
  const newer = await tx.articleVersion.findUnique({
    where: { articleId_number: { articleId, number: current } },
    select: { createdAt: true, createdBy: { select: { name: true } } },
  });
  const who = newer?.createdBy?.name ?? "Someone";
  const when = newer ? ` at ${time.format(newer.createdAt)} UTC` : "";
  return new AppError(
    "conflict",
    `${who} saved version ${current} of this article${when}, after the version you started from. ` +
      "Copy your changes, reload to see their text, then apply yours again.",
  );
}

// Saves of one article take turns in this process before they parse anything or take a connection:
// ten saves at once otherwise parsed ten times and held ten connections waiting for one row lock,
// and reads of other articles waited behind them. The first to finish wins; the next finds the
// version moved on and answers 409 at once (the quick check below), without the heavy work.
const saveTurns = new AsyncLock({ maxPending: 50, timeout: 20_000 });
const SAVE_BUSY = "Another save of this article is still running. Nothing was changed; reload in a moment to see its text.";

/** Runs `work` in this article's turn; 409 `conflict` when the turn did not come within 20 s (or 50 already wait). */
async function inSaveTurn<T>(articleId: string, work: () => Promise<T>): Promise<T> {
  let started = false;
  try {
    return await saveTurns.acquire(`save:${articleId}`, () => {
      started = true;
      return work();
    });
  } catch (err) {
    throw started ? err : new AppError("conflict", SAVE_BUSY, undefined, { "Retry-After": "5" });
  }
}

type LockedArticle = { id: string; teamId: string; title: string; body: string; blocks: unknown; version: number; language: string | null };

const EDITORS_ONLY = "Only an editor can change the article text.";

/**
 * Saves the editor's Markdown (and optional new title; a leading "# Heading" stays body text) as a new,
 * immutable version `baseVersion + 1` and moves every attached or waiting claim onto it (planReanchor), with its
 * suggestions and audit rows. All or nothing, in one transaction of up to 60 s: the article row is locked FOR
 * UPDATE, so two saves cannot both build on the same version, and claims never point into a body that was not
 * stored. Saves of one article take turns within this process (409 when a turn does not come within 20 s), and a
 * save from a version that is no longer current is refused before any parsing. Returns the version number, whether anything was saved (`saved: false` when text, title and structure
 * are unchanged) and the re-anchoring counts.
 * @throws AppError 404 when the article does not exist or the user is not in its team; 403 unless the user is
 * an editor or admin there; 422 `unprocessable` when the Markdown is empty or over the import limit; 409
 * `conflict` when `baseVersion` is not the current version (names who saved the newer one, and when).
 * Runs in `client` when it is a transaction (so a caller can compose it with other writes).
 */
export async function saveArticleVersion(
  { articleId, userId, baseVersion, title, markdown }: SaveVersionInput,
  client: DbClient = db,
): Promise<SaveVersionResult> {
  // Fail fast, before the import and the detector: the check is repeated under the lock.
  await requireArticleEditor(articleId, userId, EDITORS_ONLY, client);
  return inSaveTurn(articleId, () => saveInTurn({ articleId, userId, baseVersion, title, markdown }, client));
}

async function saveInTurn(
  { articleId, userId, baseVersion, title, markdown }: SaveVersionInput,
  client: DbClient,
): Promise<SaveVersionResult> {
  // A save from a version that is no longer current fails under the lock anyway: say so before the heavy work.
  const current = await client.article.findUnique({ where: { id: articleId }, select: { version: true } });
  if (current && current.version > baseVersion) throw await staleVersionError(client, articleId, current.version);
  // The title comes from its own field: a leading "# Heading" the editor wrote is body text.
  // Too deep a nesting is refused at once (a linear scan), not after waiting for a worker thread.
  refuseDeepImport("markdown", markdown);
  // Parsing and the detector are the slow part: in a worker thread (lib/workers/pool.ts), before taking the lock.
  const { imported, suggestions } = await runHeavy(
    "importAndSuggest",
    { format: "markdown", content: markdown, leadingHeading: "body" },
    { what: "That version" },
  );
  const newBody = imported.body;
  const newTitle = title?.trim() || null;

  return inTransaction(
    client,
    async (tx) => {
      const [article] = await tx.$queryRaw<LockedArticle[]>`
      SELECT "id", "teamId", "title", "body", "blocks", "version", "language" FROM "Article" WHERE "id" = ${articleId} FOR UPDATE`;
      if (!article) throw new AppError("not_found", "That article no longer exists.");
      // The role may have changed since the check above (or while the lock was awaited).
      await requireArticleEditor(articleId, userId, EDITORS_ONLY, tx);
      if (baseVersion > article.version)
        throw new AppError(
          "conflict",
          `There is no version ${baseVersion} yet: the current version is ${article.version}. Reload and edit that.`,
        );
      if (article.version !== baseVersion) throw await staleVersionError(tx, articleId, article.version);

      const nextTitle = newTitle ?? article.title;
      const hash = contentHash(newBody);
      // Stored blocks of null mean plain paragraphs, which is what the editor gives back for them.
      const oldBlocks = parseBlocks(article.blocks, article.body) ?? plainBlocks(article.body);
      // The editor knows nothing of PDF pages: they are carried over from the text before the edit.
      const blocks = oldBlocks.pages ? { ...imported.blocks, pages: carryPages(article.body, newBody, oldBlocks.pages) } : imported.blocks;
      const unchanged = hash === contentHash(article.body) && nextTitle === article.title && canonical(blocks) === canonical(oldBlocks);
      if (unchanged) return { version: article.version, saved: false, attached: 0, moved: 0, needsReview: 0, unchanged: 0 };

      const number = article.version + 1;
      await tx.articleVersion.create({
        data: { articleId, number, title: nextTitle, body: newBody, blocks, contentHash: hash, createdById: userId },
      });

      const claims = await tx.claim.findMany({
        where: { articleId, anchorStatus: { in: ["attached", "needs_review"] } },
        select: {
          id: true,
          exact: true,
          prefix: true,
          suffix: true,
          start: true,
          end: true,
          anchorStatus: true,
          anchorVersion: true,
          anchorConfidence: true,
          anchorMethod: true,
          status: true,
          verdictOrdinal: true,
        },
      });
      const oldVersions = [...new Set(claims.filter((c) => c.anchorStatus === "needs_review").map((c) => c.anchorVersion))];
      const versionBodies = await tx.articleVersion.findMany({
        where: { articleId, number: { in: oldVersions } },
        select: { number: true, body: true },
      });
      // Re-anchoring thousands of claims is CPU work: in a worker thread, so other requests keep being answered.
      const updates = await runHeavy(
        "planReanchor",
        {
          claims: claims.map((c) => ({ ...c, hasVerdict: hasVerdict(c) }) as StoredAnchor),
          current: { version: article.version, body: article.body },
          bodies: new Map(versionBodies.map((v) => [v.number, v.body])),
          newBody,
          newVersion: number,
        },
        { what: "Re-anchoring the claims on that version" },
      );
      const summary = summarize(updates);

      const written = await tx.article.updateMany({
        where: { id: articleId, version: article.version, ...articleScope(userId, SIGN_OFF_ROLES) },
        data: { title: nextTitle, body: newBody, blocks, version: number },
      });
      if (written.count === 0) {
        await requireArticleEditor(articleId, userId, EDITORS_ONLY, tx);
        throw new AppError("not_found", "That article no longer exists.");
      }
      // The article's row goes first, so a reader's live stream learns of the new text before the claims.
      await recordArticleAudit(
        tx,
        userId,
        { id: articleId, teamId: article.teamId },
        {
          action: "article.version_saved",
          before: { version: article.version, title: article.title, contentHash: contentHash(article.body) },
          after: { version: number, title: nextTitle, contentHash: hash, ...summary },
        },
      );
      await writeAnchorUpdates(
        tx,
        { articleId, teamId: article.teamId, userId, version: number, updates },
        new Map(claims.map((c) => [c.id, c])),
      );
      await refreshSuggestions(tx, articleId, newBody, suggestionsAvailable(article.language) ? suggestions : []);
      return { version: number, saved: true, ...summary };
    },
    TRANSACTION,
  );
}
