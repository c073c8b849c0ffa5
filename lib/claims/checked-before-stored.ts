// Stored "checked before" answers of suggestions (issue #21 item 5). At 1,000,000 claims with a verdict one lookup of a
// text nothing reads like costs ~0.5 s (bench/checked-before.ts), so the suggestions list cannot ask about every open
// suggestion per request (900 suggestions: ~7 minutes, past statement_timeout → 503). Instead each suggestion keeps
// its answer (Suggestion.checkedBefore*), computed ahead by a job when suggestions are stored. Verdict changes keep
// the answers up from the claim's side (triggers of migration checked_before_reverse): a claim that gains a verdict
// becomes the answer of the open suggestions it ranks first for; a claim that loses it makes only the suggestions it
// answered pending, and queues this job. A request looks up only a few pending answers itself. Readers of the article
// hear about changed answers on NOTIFY channel factdesk_suggestions (SUGGESTIONS_CHANNEL, lib/live/change-listener.ts).
import { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";
import { db, inTransaction, type DbClient } from "@/lib/db";
import { config } from "@/lib/config";
import { defineJob } from "@/lib/jobs/define";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { ZId } from "@/lib/validation/fields";

/** At most this many lookups in one suggestions-list request (the ones never computed first, then by score). */
export const CHECKED_BEFORE_REQUEST_LOOKUPS = 8;

/**
 * Time all the lookups of one request may take together, ms; a lookup past it is cancelled and left to the job. A
 * lookup takes a few ms on a desk of up to ~100,000 claims with a verdict, so all CHECKED_BEFORE_REQUEST_LOOKUPS fit;
 * at 1,000,000 a text nothing reads like takes ~0.5 s (bench/checked-before.ts): the page should not wait on it, and
 * the page's re-reads while answers are pending each cost at most this much of the database's time.
 */
export const CHECKED_BEFORE_REQUEST_BUDGET_MS = 500;

const QUERY_CANCELED = "57014";
const DEADLOCK_DETECTED = "40P01";
const LOCK_NOT_AVAILABLE = "55P03";

/** Whether `error` (or one of its causes) is PostgreSQL's error `sqlState`, however Prisma's adapter wrapped it. */
function hasSqlState(error: unknown, sqlState: string): boolean {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (code === sqlState) return true;
    const meta = (e as { meta?: { code?: unknown; driverAdapterError?: { cause?: { originalCode?: unknown } } } }).meta;
    if (meta?.code === sqlState || meta?.driverAdapterError?.cause?.originalCode === sqlState) return true;
    if (sqlState === QUERY_CANCELED && e instanceof Error && /canceling statement due to statement timeout/.test(e.message)) return true;
  }
  return false;
}
const isStatementTimeout = (error: unknown) => hasSqlState(error, QUERY_CANCELED);
// A lookup that waited past lock_timeout (for a verdict transaction in flight) or lost a deadlock with one: not an
// error of the reader's, the answer is looked up again later.
const isLockWait = (error: unknown) => hasSqlState(error, DEADLOCK_DETECTED) || hasSqlState(error, LOCK_NOT_AVAILABLE);

// The advisory lock verdict triggers hold (shared) while their transaction runs (migration checked_before_reverse).
const VERDICTS_LOCK_CLASS = 21005;

type Looked = {
  version: number;
  suggestionArticleId: string;
  bodyHash: string;
  teamId: string;
  claimId: string | null;
  similarity: number | null;
  sameWords: boolean | null;
  exact: string | null;
  verdictAt: string | null;
  articleId: string | null;
};

/**
 * Computes and stores the "checked before" answer of one pending suggestion (Suggestion.checkedBeforePending):
 * findCheckedBefore's claim with limit 1 (SQL function factdesk_checked_before: same words first, then the most alike
 * of at least 0.45) or none, with its similarity (0..1, pg_trgm) and its rank for the text (same words, verdict time),
 * so later verdicts can be compared with it (migration checked_before_reverse). Two transactions: the first waits for
 * the team's verdict transactions in flight (their advisory lock, released at once); the second reads the
 * suggestion's version and looks up in one snapshot, then locks the suggestion and the chosen claim without waiting
 * (SKIP LOCKED), checks the claim is unchanged, and stores the answer only if the version is still the one read. A
 * verdict committed meanwhile thus leaves the suggestion pending (its trigger moved the version on), never wrongly
 * known. The lookup always gives way to verdicts: it never waits for a row lock, so it cannot deadlock with a verdict
 * transaction that rewrites the suggestion (a trigger) and then changes the chosen claim (review 28). When the lookup
 * stored nothing because something overtook it (version moved on, chosen claim changed, either row held by a verdict
 * transaction or another lookup), it queues checkedBeforeJob for the suggestion's text in the same transaction, to run
 * CHECKED_BEFORE_GAVE_WAY_RETRY_MS later (not at once: the job's own run would loop while the row stays held), so the answer converges without anyone reading the list (a running job's run is replaced by
 * a new one: graphile-worker clears the key of a job that has started). Does nothing for a suggestion that is not
 * pending. `timeoutMs` (optional) bounds the whole call, both transactions together: each statement runs with `SET
 * LOCAL statement_timeout` to what is left of it. Output: whether an answer was stored.
 * @throws the database's error (statement_timeout: SQLSTATE 57014; waiting for a verdict transaction's advisory
 * lock past lock_timeout: 55P03).
 */
export async function storeCheckedBefore(suggestionId: string, timeoutMs?: number): Promise<boolean> {
  const deadline = timeoutMs === undefined ? undefined : performance.now() + timeoutMs;
  const options = { maxWait: 10_000, timeout: (timeoutMs ?? config.databaseStatementTimeoutMs) * 3 + 10_000 };
  const limit = async (tx: DbClient) => {
    if (deadline === undefined) return;
    const left = Math.max(1, Math.floor(deadline - performance.now()));
    await tx.$executeRaw(Prisma.raw(`SET LOCAL statement_timeout = ${left}`));
  };
  const waited = await inTransaction(
    db,
    async (tx) => {
      await limit(tx);
      const team = await tx.$queryRaw<{ teamId: string }[]>`
        SELECT a."teamId" FROM "Suggestion" s JOIN "Article" a ON a."id" = s."articleId" WHERE s."id" = ${suggestionId} AND s."checkedBeforePending"`;
      if (!team[0]) return false;
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${VERDICTS_LOCK_CLASS}::int, hashtext(${team[0].teamId}))`;
      return true;
    },
    options,
  );
  if (!waited) return false;
  return inTransaction(
    db,
    async (tx) => {
      await limit(tx);
      const [looked] = await tx.$queryRaw<Looked[]>`
        SELECT s."checkedBeforeVersion" AS "version", s."articleId" AS "suggestionArticleId", s."bodyHash",
               a."teamId", m."claimId", m."similarity"::float8 AS "similarity",
               (factdesk_claim_words(s."text") <> md5('')::uuid AND factdesk_claim_words(s."text") = factdesk_claim_words(c."exact")
                AND similarity(c."exact", s."text") >= 0.45) AS "sameWords",
               c."exact", c."verdictAt"::text AS "verdictAt", c."articleId"
        FROM "Suggestion" s JOIN "Article" a ON a."id" = s."articleId"
        LEFT JOIN LATERAL factdesk_checked_before(a."teamId", s."text", '', 1) AS m ON true
        LEFT JOIN "Claim" c ON c."id" = m."claimId"
        WHERE s."id" = ${suggestionId} AND s."checkedBeforePending"`;
      if (!looked) return false;
      const gaveWay = async () => {
        // A moment later, not at once: the job's own run gives way here too, and requeued for now it was taken again as
        // soon as it ended, for as long as the row stayed held (each run also announcing to the article's readers).
        const runAt = new Date(Date.now() + CHECKED_BEFORE_GAVE_WAY_RETRY_MS);
        await queueCheckedBefore(tx, { articleId: looked.suggestionArticleId, bodyHash: looked.bodyHash }, { runAt });
        return false;
      };
      // Row locks are taken only now and never waited for (SKIP LOCKED), the suggestion's first: a lookup that waited
      // here while holding the other could deadlock with the editor's verdict (review 28). A row someone holds is a
      // verdict transaction in flight, or another lookup of the same suggestion (a request's and the job's): either
      // way this lookup gives way, and the queued job looks again after them.
      const locked = await tx.$queryRaw<{ version: number; pending: boolean }[]>`
        SELECT "checkedBeforeVersion" AS "version", "checkedBeforePending" AS "pending" FROM "Suggestion"
        WHERE "id" = ${suggestionId} FOR NO KEY UPDATE SKIP LOCKED`;
      if (!locked[0]) return gaveWay();
      if (!locked[0].pending) return false;
      if (locked[0].version !== looked.version) return gaveWay();
      if (looked.claimId !== null) {
        // Newest row version (READ COMMITTED re-checks a row changed since the lookup's snapshot); held to commit, so
        // a verdict taken back now waits and then finds this answer to forget. A claim a verdict transaction holds
        // is skipped (no row): the lookup gives way.
        const same = await tx.$queryRaw<{ id: string }[]>`
          SELECT c."id" FROM "Claim" c JOIN "Article" a ON a."id" = c."articleId"
          WHERE c."id" = ${looked.claimId} AND c."verdictOrdinal" IS NOT NULL AND c."exact" = ${looked.exact}
            AND c."verdictAt"::text IS NOT DISTINCT FROM ${looked.verdictAt} AND c."articleId" = ${looked.articleId}
            AND a."teamId" = ${looked.teamId}
          FOR SHARE OF c SKIP LOCKED`;
        if (same.length === 0) return gaveWay();
      }
      const stored = await tx.$executeRaw`
        UPDATE "Suggestion" SET "checkedBeforeClaimId" = ${looked.claimId}, "checkedBeforeSimilarity" = ${looked.similarity},
          "checkedBeforeSameWords" = ${looked.claimId === null ? null : looked.sameWords === true},
          "checkedBeforeVerdictAt" = ${looked.verdictAt}::timestamp(3), "checkedBeforePending" = false,
          "checkedBeforeVersion" = "checkedBeforeVersion" + 1, "checkedBeforeAt" = now()
        WHERE "id" = ${suggestionId} AND "checkedBeforeVersion" = ${looked.version} AND "checkedBeforePending"`;
      return stored > 0;
    },
    options,
  );
}

/**
 * Looks up, within one request's budget, the answers of `suggestionIds` (in the order given; the caller puts the most
 * wanted first): at most CHECKED_BEFORE_REQUEST_LOOKUPS lookups (storeCheckedBefore), whose statements, in both of each
 * lookup's transactions, run with `SET LOCAL statement_timeout` to what is left of `budgetMs` (ms; default and what
 * requests use: CHECKED_BEFORE_REQUEST_BUDGET_MS) for the whole call (never more than the app's own statement_timeout). Waiting for a pooled connection is not counted
 * (Prisma's maxWait, up to 10 s, when the pool is exhausted). A lookup cancelled by that timeout, or by lock_timeout or a deadlock while a verdict transaction
 * was in flight, ends the request's lookups without an error. Output: the
 * ids whose answer was stored; the others are for the job (queueCheckedBefore).
 * @throws the database's errors other than that statement timeout.
 */
export async function lookUpCheckedBeforeWithinBudget(
  suggestionIds: readonly string[],
  budgetMs = CHECKED_BEFORE_REQUEST_BUDGET_MS,
): Promise<Set<string>> {
  const done = new Set<string>();
  const started = performance.now();
  for (const id of suggestionIds.slice(0, CHECKED_BEFORE_REQUEST_LOOKUPS)) {
    const left = Math.floor(budgetMs - (performance.now() - started));
    if (left < 20) break;
    const timeout = Math.min(left, config.databaseStatementTimeoutMs);
    try {
      if (await storeCheckedBefore(id, timeout)) done.add(id);
    } catch (error) {
      if (isStatementTimeout(error) || isLockWait(error)) break;
      throw error;
    }
  }
  return done;
}

/** How long after a lookup gave way (a row held) the job that looks again runs, ms. */
export const CHECKED_BEFORE_GAVE_WAY_RETRY_MS = 2_000;

/** While a job runs long, its answers so far are announced at most this often, ms (each makes open pages re-read). */
const ANNOUNCE_EVERY_MS = 5_000;

/** Announces to the article's readers (any instance: NOTIFY) that its suggestions' answers changed. */
async function announceAnswers(articleId: string): Promise<void> {
  await db.$executeRaw`SELECT factdesk_checked_before_notify(${articleId})`;
}

/**
 * Looks up the pending answers (Suggestion.checkedBeforePending) of an article's suggestions that are not dismissed
 * and not accepted, of the article's current text (`bodyHash`); highest score first, one lookup each
 * (storeCheckedBefore). Announces them on the article's live stream (SUGGESTIONS_CHANNEL) when done, and every ANNOUNCE_EVERY_MS meanwhile.
 * Idempotent: two runs (two instances, a retry) store the same answers, the version check lets one write each.
 * Output: how many lookups stored an answer.
 * A lookup that waits past lock_timeout for a verdict transaction of the team (or loses a deadlock with one) ends the
 * run: the answers stored so far are announced, and the rest are left pending for the retry.
 * @throws Error when a lookup waited past lock_timeout for verdict transactions (the job is retried); the database's
 * other errors.
 */
export async function refreshCheckedBefore({ articleId, bodyHash }: { articleId: string; bodyHash: string }): Promise<number> {
  const pending = await db.$queryRaw<{ id: string }[]>`
    SELECT s."id" FROM "Suggestion" s
    WHERE s."articleId" = ${articleId} AND s."bodyHash" = ${bodyHash} AND s."checkedBeforePending"
      AND s."dismissedAt" IS NULL AND s."claimId" IS NULL
    ORDER BY s."score" DESC, s."id"`;
  let stored = 0;
  let unannounced = 0;
  let announced = performance.now();
  let skipped = 0;
  for (const [index, { id }] of pending.entries()) {
    try {
      if (await storeCheckedBefore(id)) {
        stored++;
        unannounced++;
      }
    } catch (error) {
      if (!isLockWait(error)) throw error;
      // Every further lookup of the team would wait for the same verdict transaction, lock_timeout each (and queue
      // the team's other verdict saves behind its exclusive request meanwhile): the retry does the rest.
      skipped = pending.length - index;
      break;
    }
    if (unannounced > 0 && performance.now() - announced >= ANNOUNCE_EVERY_MS) {
      await announceAnswers(articleId);
      announced = performance.now();
      unannounced = 0;
    }
  }
  // Also when nothing was left: a reader may have seen these pending before a request looked them up.
  await announceAnswers(articleId);
  // The job runs again later (graphile-worker's retry) for those; the others are stored.
  if (skipped > 0) throw new Error(`A "checked before" lookup waited too long on verdicts being written; ${skipped} left for the retry`);
  return stored;
}

/** Background job: refreshCheckedBefore for one version of an article's text. */
export const checkedBeforeJob = defineJob({
  name: "suggestions.checked-before",
  payload: z.object({ articleId: ZId, bodyHash: z.string().regex(/^[0-9a-f]{64}$/) }),
  maxAttempts: 5,
  async run(payload) {
    await refreshCheckedBefore(payload);
  },
});

/**
 * Queues checkedBeforeJob for a version of an article's text (one waiting job per article: queueing again while it
 * waits replaces it, run time included). `runAt`: not before then (default: now). With a transaction client the job
 * exists only if that transaction commits. Output: the job id.
 */
export function queueCheckedBefore(
  client: DbClient,
  { articleId, bodyHash }: { articleId: string; bodyHash: string },
  { runAt }: { runAt?: Date } = {},
): Promise<string> {
  return enqueueJob(client, checkedBeforeJob, { articleId, bodyHash }, { jobKey: `checked-before:${articleId}`, runAt });
}

/**
 * Queues checkedBeforeJob for a version of an article's text only when no job for it is waiting or running already
 * (none for the article, one for another version of its text, or one that failed for good: attempts used up). For
 * readers: a read that leaves answers pending must not move a waiting job to now (a lookup that gave way, a retry's
 * back-off) nor write anything when the job is there. Two readers at once may both queue: the second replaces the
 * first (one job per article). Output: the id of the job queued, or null when one was there.
 */
export async function queueCheckedBeforeUnlessWaiting(
  client: DbClient,
  { articleId, bodyHash }: { articleId: string; bodyHash: string },
): Promise<string | null> {
  const waiting = await client.$queryRaw<{ id: string }[]>`
    SELECT id::text AS id FROM graphile_worker._private_jobs
    WHERE key = ${`checked-before:${articleId}`} AND attempts < max_attempts AND payload->>'bodyHash' = ${bodyHash}`;
  if (waiting.length > 0) return null;
  return queueCheckedBefore(client, { articleId, bodyHash });
}
