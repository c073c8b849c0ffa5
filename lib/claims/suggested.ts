import { recordAudit } from "@/lib/audit/record-audit";
import { describeRange } from "@/lib/anchoring/selectors";
import { db } from "@/lib/db";
import { articleScope } from "@/lib/access/scope";
import { requireArticleWrite } from "@/lib/access/require";
import { createClaim } from "@/lib/claims/create-claim";
import type { ClaimDTO } from "@/lib/claims/dto";
import { AppError, notFound } from "@/lib/http/errors";
import { extractNumericClaim } from "@/lib/suggestions";
import { bodyHash, refreshSuggestions } from "@/lib/articles/stored-suggestions";
import { findCheckedBefore } from "@/lib/claims/checked-before";

export type SuggestionDTO = { id: string; start: number; end: number; text: string; score: number; type: string; reason: string };

/**
 * Articles stored before suggestions were computed on save (or written straight to the
 * database, like the seed and test fixtures) get theirs once, on first read.
 */
async function storedSuggestionsHash(article: { id: string; body: string; suggestionsHash: string | null }): Promise<string> {
  const hash = bodyHash(article.body);
  if (article.suggestionsHash === hash) return hash;
  return db.$transaction((tx) => refreshSuggestions(tx, article.id, article.body));
}

/** Open suggestions of an article: not dismissed, not accepted, not already covered by a claim. */
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

/** Turns a suggestion into a claim, exactly once however often it is clicked. */
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

export async function dismissSuggestion({ userId, suggestionId }: { userId: string; suggestionId: string }): Promise<{ dismissed: true }> {
  const { suggestion, article } = await requireSuggestionWrite(suggestionId, userId);
  await db.$transaction(async (tx) => {
    await tx.suggestion.update({ where: { id: suggestionId }, data: { dismissedAt: new Date() } });
    await recordAudit(tx, { actorId: userId, teamId: article.teamId, articleId: article.id, entity: "claim", entityId: suggestion.id, action: "suggestion.dismissed", after: { start: suggestion.start, end: suggestion.end } });
  });
  return { dismissed: true };
}

/** What the suggestion card shows: the numbers read from it and earlier verdicts on look-alikes. */
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
