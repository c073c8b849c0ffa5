// Stored "checked before" answers of suggestions (issue #21 item 5). At 1,000,000 claims with a verdict one lookup of a
// text nothing reads like costs ~0.5 s (bench/checked-before.ts), so the suggestions list cannot ask about every open
// suggestion per request (900 suggestions: ~7 minutes, past statement_timeout → 503). Instead each suggestion keeps
// its answer (Suggestion.checkedBefore*), computed ahead by a job when suggestions are stored and refreshed when the
// team's verdicts change (Team.verdictsVersion, kept by a trigger on "Claim"); a request looks up only a few itself.
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

function isStatementTimeout(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (code === QUERY_CANCELED) return true;
    const meta = (e as { meta?: { code?: unknown; driverAdapterError?: { cause?: { originalCode?: unknown } } } }).meta;
    if (meta?.code === QUERY_CANCELED || meta?.driverAdapterError?.cause?.originalCode === QUERY_CANCELED) return true;
    if (e instanceof Error && /canceling statement due to statement timeout/.test(e.message)) return true;
  }
  return false;
}

/**
 * Computes and stores the "checked before" answer of one suggestion, in ONE statement: findCheckedBefore's claim with
 * limit 1 (SQL function factdesk_checked_before: same words first, then the most alike of at least 0.45) or none,
 * with its similarity (0..1, pg_trgm) and the team's Team.verdictsVersion read in the same snapshot as the lookup, so
 * a verdict committed meanwhile leaves the answer stale (another version), never wrongly fresh. Does nothing (and
 * looks nothing up) when the stored answer already has the team's current version; a slower writer never replaces a
 * newer version. Output: whether a lookup ran and stored an answer.
 * @throws the database's error (statement_timeout: SQLSTATE 57014).
 */
export async function storeCheckedBefore(client: DbClient, suggestionId: string): Promise<boolean> {
  const stored = await client.$executeRaw`
    WITH q AS (
      SELECT s."id", t."verdictsVersion" AS "v", m."claimId", m."similarity"
      FROM "Suggestion" s JOIN "Article" a ON a."id" = s."articleId" JOIN "Team" t ON t."id" = a."teamId"
      LEFT JOIN LATERAL factdesk_checked_before(a."teamId", s."text", '', 1) AS m ON true
      WHERE s."id" = ${suggestionId} AND s."checkedBeforeVersion" IS DISTINCT FROM t."verdictsVersion"
    )
    UPDATE "Suggestion" s SET "checkedBeforeClaimId" = q."claimId", "checkedBeforeSimilarity" = q."similarity",
      "checkedBeforeVersion" = q."v", "checkedBeforeAt" = now()
    FROM q WHERE s."id" = q."id" AND (s."checkedBeforeVersion" IS NULL OR s."checkedBeforeVersion" < q."v")`;
  return stored > 0;
}

/**
 * Looks up, within one request's budget, the answers of `suggestionIds` (in the order given; the caller puts the most
 * wanted first): at most CHECKED_BEFORE_REQUEST_LOOKUPS lookups, each its own transaction with `SET LOCAL
 * statement_timeout` to what is left of CHECKED_BEFORE_REQUEST_BUDGET_MS (never more than the app's own
 * statement_timeout). A lookup cancelled by that timeout ends the request's lookups without an error. Output: the
 * ids whose answer was stored; the others are for the job (queueCheckedBefore).
 * @throws the database's errors other than that statement timeout.
 */
export async function lookUpCheckedBeforeWithinBudget(suggestionIds: readonly string[]): Promise<Set<string>> {
  const done = new Set<string>();
  const started = performance.now();
  for (const id of suggestionIds.slice(0, CHECKED_BEFORE_REQUEST_LOOKUPS)) {
    const left = Math.floor(CHECKED_BEFORE_REQUEST_BUDGET_MS - (performance.now() - started));
    if (left < 20) break;
    const timeout = Math.min(left, config.databaseStatementTimeoutMs);
    try {
      const stored = await inTransaction(db, async (tx) => {
        await tx.$executeRaw(Prisma.raw(`SET LOCAL statement_timeout = ${timeout}`));
        return storeCheckedBefore(tx, id);
      });
      if (stored) done.add(id);
    } catch (error) {
      if (isStatementTimeout(error)) break;
      throw error;
    }
  }
  return done;
}

/**
 * Refreshes the stored answers of an article's suggestions that are missing or older than the team's verdicts
 * (Suggestion.checkedBeforeVersion ≠ Team.verdictsVersion), for suggestions not dismissed and not accepted, of the
 * article's current text (`bodyHash`); highest score first, one lookup statement each (storeCheckedBefore).
 * Idempotent: runs twice (two instances, a retry) store the same answers. Output: how many lookups stored an answer.
 */
export async function refreshCheckedBefore({ articleId, bodyHash }: { articleId: string; bodyHash: string }): Promise<number> {
  const stale = await db.$queryRaw<{ id: string }[]>`
    SELECT s."id" FROM "Suggestion" s JOIN "Article" a ON a."id" = s."articleId" JOIN "Team" t ON t."id" = a."teamId"
    WHERE s."articleId" = ${articleId} AND s."bodyHash" = ${bodyHash} AND s."dismissedAt" IS NULL AND s."claimId" IS NULL
      AND s."checkedBeforeVersion" IS DISTINCT FROM t."verdictsVersion"
    ORDER BY s."score" DESC, s."id"`;
  let stored = 0;
  for (const { id } of stale) if (await storeCheckedBefore(db, id)) stored++;
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
 * waits replaces it). With a transaction client the job exists only if that transaction commits. Output: the job id.
 */
export function queueCheckedBefore(client: DbClient, { articleId, bodyHash }: { articleId: string; bodyHash: string }): Promise<string> {
  return enqueueJob(client, checkedBeforeJob, { articleId, bodyHash }, { jobKey: `checked-before:${articleId}` });
}
