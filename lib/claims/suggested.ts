import { createHash } from "node:crypto";
import { recordAudit } from "@/lib/audit/record-audit";
import { describeRange } from "@/lib/anchoring/selectors";
import { db } from "@/lib/db";
import { articleScope, requireArticleWrite } from "@/lib/claims/access";
import { createClaim } from "@/lib/claims/create-claim";
import type { ClaimDTO } from "@/lib/claims/dto";
import { AppError, notFound } from "@/lib/http/errors";
import { extractNumericClaim, suggestClaims, type Suggestion } from "@/lib/suggestions";
import type { Prisma } from "@/lib/generated/prisma/client";
import { findCheckedBefore } from "@/lib/claims/checked-before";

/**
 * The SHA-256 of an article body's UTF-8 bytes, as 64 lowercase hex characters: which version of the text a
 * stored suggestion belongs to.
 */
export const bodyHash = (body: string) => createHash("sha256").update(body).digest("hex");

export type SuggestionDTO = { id: string; start: number; end: number; text: string; score: number; type: string; reason: string };

/**
 * Runs the detector on a version of an article's text and stores the result, so dismissals
 * stick to that version and every app instance shows the same suggestions. Called in the
 * transaction that stores the text (saving a version, creating an article); `found` lets the
 * caller run the detector before taking locks. Suggestions already stored for the same text are kept as they
 * are (with their dismissals). Returns the body's hash (bodyHash), now the article's `suggestionsHash`.
 */
export async function refreshSuggestions(
  tx: Prisma.TransactionClient,
  articleId: string,
  body: string,
  found: readonly Suggestion[] = suggestClaims(body),
): Promise<string> {
  const hash = bodyHash(body);
  await tx.suggestion.createMany({
    data: found.map((s) => ({ articleId, bodyHash: hash, start: s.start, end: s.end, text: s.text, score: s.score, type: s.type, reason: s.reason })),
    skipDuplicates: true,
  });
  await tx.article.update({ where: { id: articleId }, data: { suggestionsHash: hash } });
  return hash;
}

/**
 * Articles stored before suggestions were computed on save (or written straight to the
 * database, like the seed and test fixtures) get theirs once, on first read.
 */
async function storedSuggestionsHash(article: { id: string; body: string; suggestionsHash: string | null }): Promise<string> {
  const hash = bodyHash(article.body);
  if (article.suggestionsHash === hash) return hash;
  return db.$transaction((tx) => refreshSuggestions(tx, article.id, article.body));
}

/**
 * Open suggestions of an article's current text, in text order: not dismissed, not accepted, and not half or
 * more covered by an attached claim. Offsets are UTF-16 code units of the body; `score` is the detector's.
 * Computes and stores the suggestions on first read for articles stored without them.
 * @throws AppError 404 `not_found` when the article does not exist or the user is not in its team.
 */
export async function listSuggestions({ articleId, userId }: { articleId: string; userId: string }): Promise<SuggestionDTO[]> {
  const article = await db.article.findFirst({ where: { id: articleId, ...articleScope(userId) }, select: { id: true, body: true, suggestionsHash: true } });
  if (!article) throw notFound("That article");
  const hash = await storedSuggestionsHash(article);
  const [rows, claims] = await Promise.all([
    db.suggestion.findMany({ where: { articleId, bodyHash: hash, dismissedAt: null, claimId: null }, orderBy: { start: "asc" } }),
    db.claim.findMany({ where: { articleId, anchorStatus: "attached" }, select: { start: true, end: true } }),
  ]);
  // A suggestion most of which a claim already covers is not worth showing twice.
  const covered = (s: { start: number; end: number }) =>
    claims.some((c) => Math.min(c.end, s.end) - Math.max(c.start, s.start) >= (s.end - s.start) / 2);
  return rows.filter((s) => !covered(s)).map(({ id, start, end, text, score, type, reason }) => ({ id, start, end, text, score, type, reason }));
}

async function requireSuggestionWrite(suggestionId: string, userId: string) {
  const suggestion = await db.suggestion.findFirst({ where: { id: suggestionId, article: articleScope(userId) }, select: { id: true, articleId: true, bodyHash: true, start: true, end: true, claimId: true, dismissedAt: true } });
  if (!suggestion) throw notFound("That suggestion");
  const article = await requireArticleWrite(suggestion.articleId, userId);
  return { suggestion, article };
}

/**
 * Turns a suggestion into a claim (createClaim on its span of the current text), exactly once however often it
 * is clicked: the suggestion is taken first, so a second click gets null. Returns the new ClaimDTO, or null when
 * it was already accepted.
 * @throws AppError 404 when the suggestion does not exist or the user is not in its article's team; 403 for a
 * viewer; 409 `conflict` when the text changed since the suggestion was made; whatever createClaim throws (then
 * the suggestion is offered again).
 */
export async function acceptSuggestion({ userId, suggestionId }: { userId: string; suggestionId: string }): Promise<ClaimDTO | null> {
  const { suggestion, article } = await requireSuggestionWrite(suggestionId, userId);
  // A suggestion belongs to one version of the text; its offsets mean nothing in another.
  if (suggestion.bodyHash !== bodyHash(article.body)) {
    throw new AppError("conflict", "The article text has changed since this suggestion was made. Reload to see the current suggestions.");
  }
  // Take the suggestion first (a marker unique to it), so a double click makes one claim.
  const claimed = await db.suggestion.updateMany({ where: { id: suggestionId, claimId: null }, data: { claimId: `pending:${suggestionId}` } });
  if (claimed.count === 0) return null;
  try {
    const claim = await createClaim({ userId, articleId: article.id, target: describeRange(article.body, suggestion.start, suggestion.end) });
    await db.suggestion.update({ where: { id: suggestionId }, data: { claimId: claim.id } });
    return claim;
  } catch (err) {
    await db.suggestion.update({ where: { id: suggestionId }, data: { claimId: null } });
    throw err;
  }
}

/**
 * Dismisses a suggestion for good (for this version of the text), audited as "suggestion.dismissed". Dismissing
 * twice just moves the dismissal time. Returns `{ dismissed: true }`.
 * @throws AppError 404 when the suggestion does not exist or the user is not in its article's team; 403 for a viewer.
 */
export async function dismissSuggestion({ userId, suggestionId }: { userId: string; suggestionId: string }): Promise<{ dismissed: true }> {
  const { suggestion, article } = await requireSuggestionWrite(suggestionId, userId);
  await db.$transaction(async (tx) => {
    await tx.suggestion.update({ where: { id: suggestionId }, data: { dismissedAt: new Date() } });
    await recordAudit(tx, { actorId: userId, teamId: article.teamId, articleId: article.id, entity: "claim", entityId: suggestion.id, action: "suggestion.dismissed", after: { start: suggestion.start, end: suggestion.end } });
  });
  return { dismissed: true };
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
