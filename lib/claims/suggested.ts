import { recordAudit } from "@/lib/audit/record-audit";
import { isMostlyCovered } from "@/lib/claims/suggestion-cover";
import { describeRange } from "@/lib/anchoring/selectors";
import { db, inTransaction, type DbClient } from "@/lib/db";
import { articleScope } from "@/lib/access/scope";
import { requireArticleWrite } from "@/lib/access/require";
import { WRITE_ROLES } from "@/lib/access/roles";
import { createClaimOnText, type CheckedText } from "@/lib/claims/create-claim";
import type { AnsweredClaim, ClaimAnswer } from "@/lib/claims/dto";
import { AppError, notFound } from "@/lib/http/errors";
import { extractNumericClaim } from "@/lib/suggestions";
import { bodyHash, refreshSuggestions } from "@/lib/articles/stored-suggestions";
import { findCheckedBefore, type CheckedBeforeDTO } from "@/lib/claims/checked-before";
import { lookUpCheckedBeforeWithinBudget, queueCheckedBeforeUnlessWaiting } from "@/lib/claims/checked-before-stored";
import { runHeavy } from "@/lib/workers/pool";
import { decodeCursor, encodeCursor } from "@/lib/pagination/cursor";
import { z } from "zod";
import { ZId } from "@/lib/validation/fields";

/**
 * `checkedBefore`: the team's nearest earlier verdict on a claim that reads alike (findCheckedBefore with limit 1), or
 * null, as stored for the suggestion (lib/claims/checked-before-stored.ts). `checkedBeforePending`: true when that
 * answer is not known against the team's latest verdicts yet (never looked up, or its claim lost its verdict: then
 * `checkedBefore` is the earlier answer); a background job is finding it, announces it on the article's live stream,
 * and a later read shows it.
 */
export type SuggestionDTO = {
  id: string;
  start: number;
  end: number;
  text: string;
  score: number;
  type: string;
  reason: string;
  checkedBefore: CheckedBeforeDTO | null;
  checkedBeforePending: boolean;
};

/**
 * Articles stored before suggestions were computed on save (or written straight to the
 * database, like the seed and test fixtures) get theirs once, on first read.
 */
async function storedSuggestionsHash(article: { id: string; body: string; suggestionsHash: string | null }): Promise<string> {
  const hash = bodyHash(article.body);
  if (article.suggestionsHash === hash) return hash;
  // The detector runs in a worker thread, before the transaction: no connection waits on it.
  const found = await runHeavy("suggestClaims", { body: article.body }, { what: "That article" });
  return inTransaction(db, (tx) => refreshSuggestions(tx, article.id, article.body, found));
}

type OpenRow = { id: string; start: number; end: number; text: string; score: number; type: string; reason: string };
type StoredRow = OpenRow & {
  checkedBeforePending: boolean;
  checkedBeforeAt: Date | null;
  claimId: string | null;
  exact: string | null;
  verdictLabel: string | null;
  verdictOrdinal: number | null;
  similarity: number | null;
  articleId: string | null;
  title: string | null;
};

// The open suggestions of one version of an article's text with their stored answers: one statement, the claim and
// its article joined (so the verdict shown is the claim's current one). An answer whose claim lost its verdict since
// is shown as none (it is pending anyway: the verdict trigger made it so).
const readOpenSuggestions = (articleId: string, hash: string) => db.$queryRaw<StoredRow[]>`
  SELECT s."id", s."start", s."end", s."text", s."score", s."type", s."reason", s."checkedBeforePending", s."checkedBeforeAt",
         c."id" AS "claimId", c."exact", c."verdictLabel", c."verdictOrdinal", s."checkedBeforeSimilarity" AS "similarity",
         ca."id" AS "articleId", ca."title"
  FROM "Suggestion" s
  LEFT JOIN "Claim" c ON c."id" = s."checkedBeforeClaimId" AND c."verdictOrdinal" IS NOT NULL
  LEFT JOIN "Article" ca ON ca."id" = c."articleId"
  WHERE s."articleId" = ${articleId} AND s."bodyHash" = ${hash} AND s."dismissedAt" IS NULL AND s."claimId" IS NULL
  ORDER BY s."start", s."id"`;

const storedAnswer = (r: StoredRow): CheckedBeforeDTO | null =>
  r.claimId === null || r.similarity === null
    ? null
    : {
        claimId: r.claimId,
        exact: r.exact!,
        verdict: r.verdictLabel!,
        verdictOrdinal: r.verdictOrdinal!,
        similarity: Number(r.similarity.toFixed(3)),
        article: { id: r.articleId!, title: r.title! },
      };

/**
 * Open suggestions of an article's current text: not dismissed, not accepted, and not half or more covered by an
 * attached claim. Suggestions the team has checked before (an earlier verdict on a claim that reads alike, see
 * findCheckedBefore) come first, most alike first, each with that verdict in `checkedBefore`; the rest follow in
 * text order with `checkedBefore: null`. Offsets are UTF-16 code units of the body; `score` is the detector's.
 * The answers are stored per suggestion and kept up by verdict triggers (lib/claims/checked-before-stored.ts). Bounded
 * work per request: pending answers (never looked up, or their claim lost its verdict) are looked up here only within
 * a budget
 * (CHECKED_BEFORE_REQUEST_LOOKUPS lookups, CHECKED_BEFORE_REQUEST_BUDGET_MS in all; never computed ones first, then
 * by score); the rest come with `checkedBeforePending: true` and a job is queued to find them when none waits already.
 * Computes and stores the suggestions on first read for articles stored without them.
 * @throws AppError 404 `not_found` when the article does not exist or the user is not in its team.
 */
export async function listSuggestions({ articleId, userId }: { articleId: string; userId: string }): Promise<SuggestionDTO[]> {
  const article = await db.article.findFirst({
    where: { id: articleId, ...articleScope(userId) },
    select: { id: true, teamId: true, body: true, suggestionsHash: true },
  });
  if (!article) throw notFound("That article");
  const hash = await storedSuggestionsHash(article);
  const [rows, claims] = await Promise.all([
    readOpenSuggestions(articleId, hash),
    db.claim.findMany({ where: { articleId, anchorStatus: "attached" }, select: { start: true, end: true } }),
  ]);
  // A suggestion most of which a claim already covers is not worth showing twice.
  const covered = (s: { start: number; end: number }) => claims.some((c) => isMostlyCovered(s, c));
  let open = rows.filter((s) => !covered(s));
  const wanted = open
    .filter((s) => s.checkedBeforePending)
    .sort((a, b) => (a.checkedBeforeAt === null ? 0 : 1) - (b.checkedBeforeAt === null ? 0 : 1) || b.score - a.score);
  if (wanted.length > 0) {
    const done = await lookUpCheckedBeforeWithinBudget(wanted.map((s) => s.id));
    if (done.size > 0) {
      const fresh = new Map((await readOpenSuggestions(articleId, hash)).map((r) => [r.id, r]));
      open = open.map((s) => (done.has(s.id) ? (fresh.get(s.id) ?? s) : s));
    }
    // Only when no job is there for them: a read moves no job forward and writes nothing it does not need.
    if (done.size < wanted.length) await queueCheckedBeforeUnlessWaiting(db, { articleId, bodyHash: hash });
  }
  const listed = open.map((r) => ({
    id: r.id,
    start: r.start,
    end: r.end,
    text: r.text,
    score: r.score,
    type: r.type,
    reason: r.reason,
    checkedBefore: storedAnswer(r),
    checkedBeforePending: r.checkedBeforePending,
  }));
  return listed.sort(byRank);
}

// Pages follow text order (start, then id: every suggestion has exactly one place), a key that never changes while a
// client pages. The checked-before-first ranking of listSuggestions is not a stable key (a colleague's verdict on a
// look-alike claim moves a suggestion into that group), so a cursor over it could skip suggestions.
const ZSuggestionCursor = z.tuple([z.number().int().min(0).max(2_147_483_647), ZId]);
type SuggestionKey = z.infer<typeof ZSuggestionCursor>;
const suggestionKey = (s: SuggestionDTO): SuggestionKey => [s.start, s.id];
const compareSuggestionKeys = (a: SuggestionKey, b: SuggestionKey) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0);
// listSuggestions' ranking: checked before first (most alike first), then text order.
const byRank = (a: SuggestionDTO, b: SuggestionDTO) =>
  (a.checkedBefore ? 0 : 1) - (b.checkedBefore ? 0 : 1) ||
  (b.checkedBefore?.similarity ?? 0) - (a.checkedBefore?.similarity ?? 0) ||
  compareSuggestionKeys(suggestionKey(a), suggestionKey(b));

/**
 * One page of listSuggestions' suggestions (same rules, each with its `checkedBefore`), in text order (start, then
 * id): `limit` suggestions from `cursor` (a previous page's nextCursor, which continues after that page's last
 * suggestion, so suggestions dismissed, accepted or newly checked before between pages never repeat or go missing).
 * Clients that want the checked-before ones first sort by `checkedBefore`, as listSuggestions does for a whole list. `nextCursor` is null on the last page.
 * @throws AppError 404 `not_found` when the article does not exist or the user is not in its team.
 * @throws AppError 422 `unprocessable` (field `cursor`) for a cursor this list did not give out.
 */
export async function listSuggestionPage({
  articleId,
  userId,
  cursor,
  limit,
}: {
  articleId: string;
  userId: string;
  cursor: string | null;
  limit: number;
}): Promise<{ suggestions: SuggestionDTO[]; nextCursor: string | null }> {
  const after = cursor ? decodeCursor(cursor, ZSuggestionCursor) : null;
  const all = (await listSuggestions({ articleId, userId })).sort((x, y) => compareSuggestionKeys(suggestionKey(x), suggestionKey(y)));
  const from = after ? all.findIndex((s) => compareSuggestionKeys(suggestionKey(s), after) > 0) : 0;
  const suggestions = from < 0 ? [] : all.slice(from, from + limit);
  const more = from >= 0 && from + limit < all.length;
  return { suggestions, nextCursor: more ? encodeCursor(suggestionKey(suggestions.at(-1)!)) : null };
}

async function requireSuggestionWrite(suggestionId: string, userId: string, client: DbClient) {
  const suggestion = await client.suggestion.findFirst({
    where: { id: suggestionId, article: articleScope(userId) },
    select: { id: true, articleId: true, bodyHash: true, start: true, end: true, claimId: true, dismissedAt: true },
  });
  if (!suggestion) throw notFound("That suggestion");
  const article = await requireArticleWrite(suggestion.articleId, userId, client);
  return { suggestion, article };
}

const ALREADY_A_CLAIM = "This suggestion is already a claim.";

/**
 * Turns a suggestion into a claim, exactly once however often it is clicked: the claim and the
 * suggestion's link to it are written in one transaction (the caller's `tx` when given).
 * Input: the user, the suggestion, `answer` (ClaimAnswer). Output: the new claim (CheckedClaimDTO; only `{ id }` for
 * `answer: "id"`, for a caller that reads it again its own way). Throws 404 when the
 * suggestion is not in the user's teams, 403 for a viewer, 409 "This suggestion is already a
 * claim." when it was accepted before (or by a concurrent click), 409 when the article text
 * changed since the suggestion was made, and createClaim's errors.
 */
export async function acceptSuggestion<A extends ClaimAnswer = "claim">(
  input: { userId: string; suggestionId: string; answer?: A },
  tx: DbClient = db,
): Promise<AnsweredClaim<A>> {
  return (await acceptSuggestionOnText(input, tx)).claim;
}

/**
 * acceptSuggestion, also answering the article text the claim was checked against (`text`, as createClaimOnText), so
 * the page's answer (acceptSuggestionView) does not read the text (~100 KB) again; the text read to check the
 * suggestion is the one the claim is placed on. Output: `{ claim, text }`. @throws as acceptSuggestion.
 */
export async function acceptSuggestionOnText<A extends ClaimAnswer = "claim">(
  { userId, suggestionId, answer }: { userId: string; suggestionId: string; answer?: A },
  tx: DbClient = db,
): Promise<{ claim: AnsweredClaim<A>; text: CheckedText }> {
  return inTransaction(tx, async (t) => {
    // Two accepts of one suggestion queue here; the second then reads the first one's link. Only a member of the
    // suggestion's team takes the lock: an outsider never waits on (or holds) another newsroom's rows.
    // The locked row is the suggestion read, in requireSuggestionWrite's scope (a member, the team not archived: else
    // 404 for the suggestion); requireArticleWrite then checks the role.
    const [suggestion] = await t.$queryRaw<{ articleId: string; bodyHash: string; start: number; end: number; claimId: string | null }[]>`
      SELECT s."articleId", s."bodyHash", s."start", s."end", s."claimId" FROM "Suggestion" s JOIN "Article" a ON a.id = s."articleId"
      JOIN "Team" tm ON tm.id = a."teamId" AND tm."archivedAt" IS NULL
      JOIN "Membership" m ON m."teamId" = a."teamId" AND m."userId" = ${userId}
      WHERE s."id" = ${suggestionId} FOR UPDATE OF s`;
    if (!suggestion) throw notFound("That suggestion");
    const article = await requireArticleWrite(suggestion.articleId, userId, t);
    if (suggestion.claimId !== null) throw new AppError("conflict", ALREADY_A_CLAIM);
    // A suggestion belongs to one version of the text; its offsets mean nothing in another.
    if (suggestion.bodyHash !== bodyHash(article.body)) {
      throw new AppError("conflict", "The article text has changed since this suggestion was made. Reload to see the current suggestions.");
    }
    const { claim, text } = await createClaimOnText(
      { userId, articleId: article.id, target: describeRange(article.body, suggestion.start, suggestion.end), answer, checked: article },
      t,
    );
    const linked = await t.suggestion.updateMany({
      where: { id: suggestionId, claimId: null, article: articleScope(userId, WRITE_ROLES) },
      data: { claimId: claim.id },
    });
    if (linked.count === 0) {
      await requireSuggestionWrite(suggestionId, userId, t);
      throw new AppError("conflict", ALREADY_A_CLAIM);
    }
    return { claim, text };
  });
}

/**
 * Dismisses a suggestion for good (for this version of the text), audited as "suggestion.dismissed". Dismissing
 * twice just moves the dismissal time. Returns `{ dismissed: true }`.
 * @throws AppError 404 when the suggestion does not exist or the user is not in its article's team; 403 for a viewer.
 */
export async function dismissSuggestion(
  { userId, suggestionId }: { userId: string; suggestionId: string },
  tx: DbClient = db,
): Promise<{ dismissed: true }> {
  return inTransaction(tx, async (t) => {
    const { suggestion, article } = await requireSuggestionWrite(suggestionId, userId, t);
    const { count } = await t.suggestion.updateMany({
      where: { id: suggestionId, article: articleScope(userId, WRITE_ROLES) },
      data: { dismissedAt: new Date() },
    });
    if (count === 0) {
      await requireSuggestionWrite(suggestionId, userId, t);
      throw notFound("That suggestion");
    }
    await recordAudit(t, {
      actorId: userId,
      teamId: article.teamId,
      articleId: article.id,
      entity: "claim",
      entityId: suggestion.id,
      action: "suggestion.dismissed",
      after: { start: suggestion.start, end: suggestion.end },
    });
    return { dismissed: true as const };
  });
}

/**
 * What the suggestion card shows: the numbers read from its text (extractNumericClaim; null when it states
 * none) and up to 3 earlier verdicts on look-alike claims of the team (findCheckedBefore). Read-only; viewers too.
 * @throws AppError 404 `not_found` when the suggestion does not exist or the user is not in its article's team.
 */
export async function getSuggestionInfo({ userId, suggestionId }: { userId: string; suggestionId: string }) {
  const suggestion = await db.suggestion.findFirst({
    where: { id: suggestionId, article: articleScope(userId) },
    select: { text: true, article: { select: { teamId: true } } },
  });
  if (!suggestion) throw notFound("That suggestion");
  return {
    numeric: extractNumericClaim(suggestion.text),
    checkedBefore: await findCheckedBefore({ teamId: suggestion.article.teamId, text: suggestion.text }),
  };
}
