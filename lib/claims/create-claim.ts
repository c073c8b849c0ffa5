import { createId } from "@paralleldrive/cuid2";
import { db, inOneStatement, inTransaction, type DbClient } from "@/lib/db";
import { insertClaimInOneStatement } from "@/lib/claims/change-claim-sql";
import { targetToStore } from "@/lib/anchoring/selectors";
import { requireArticleWrite, type WritableArticle } from "@/lib/access/require";
import { claimSelect, toClaimDTO, withCheckedBy, type AnsweredClaim, type ClaimAnswer } from "@/lib/claims/dto";
import { recordClaimAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/http/errors";
import { extractNumericClaim } from "@/lib/suggestions";
import type { TCreateClaim } from "@/lib/validation/claims";
import { lockArticleText } from "@/lib/articles/lock-article";

/**
 * Stores a new claim on an article after placing and checking its W3C target against the article text as it is
 * now (targetToStore: the quote with any prefix/suffix at its UTF-16 position, or found by the quote alone when
 * no position was sent), on the words the selection rules give (selectionRange: whitespace trimmed, graphemes
 * whole; the returned target, with canonical 32-character context, says which), with the article's double-review
 * setting and the numbers the detector reads from the quote; audited as "claim.created". Returns the new claim as
 * a CheckedClaimDTO (no verdict yet), or only `{ id }` for `answer: "id"` (ClaimAnswer: a caller that reads it again).
 * @throws AppError 404 when the article does not exist or the user is not in its team; 403 for a viewer;
 * 422 `unprocessable` when the target does not describe the text (the reason quotes what the article has there),
 * a quote without position occurs nowhere or in several places (the reason says how many), or the selection is
 * only whitespace (reason in `fields.target`); 409 `conflict`
 * when a new version of the text was saved while the reader was selecting.
 * Runs in `client` when it is a transaction (so a caller can compose it with other writes).
 */
export async function createClaim<A extends ClaimAnswer = "claim">(
  input: TCreateClaim & { userId: string; answer?: A },
  client: DbClient = db,
): Promise<AnsweredClaim<A>> {
  return (await createClaimOnText(input, client)).claim;
}

/** The article's text a claim was checked against and stored on: its body and the text version (Article.version). */
export type CheckedText = { body: string; version: number };

/**
 * createClaim, also answering the article text it checked the claim against (`text`), so a caller that reads the
 * claim next (its panel: getClaimView's `articleText`) need not read the text (~100 KB) a second time.
 * `checked`: the article as requireArticleWrite just read it for `userId` on `client` (acceptSuggestion reads it to
 * check the suggestion), so it is not read again; the store below still refuses a text version other than its
 * `version`. Output: `{ claim, text }`. @throws as createClaim.
 */
export async function createClaimOnText<A extends ClaimAnswer = "claim">(
  { userId, articleId, target: sent, answer, checked }: TCreateClaim & { userId: string; answer?: A; checked?: WritableArticle },
  client: DbClient = db,
): Promise<{ claim: AnsweredClaim<A>; text: CheckedText }> {
  // Read and check, then one statement that stores the claim only if the text is still the version checked
  // (issue #21). When it stores nothing (a new version, lost access), the full path below says why.
  const read = checked?.id === articleId ? checked : await requireArticleWrite(articleId, userId, client);
  const first = targetToStore(read.body, sent);
  if (!first.ok) throw new AppError("unprocessable", first.reason, { target: [first.reason] });
  const quote = first.target.quote;
  const stored = await inOneStatement(client, (c) =>
    insertClaimInOneStatement(
      c,
      userId,
      {
        id: createId(),
        articleId,
        articleVersion: read.version,
        exact: quote.exact,
        prefix: quote.prefix,
        suffix: quote.suffix,
        start: first.target.position.start,
        end: first.target.position.end,
        numeric: extractNumericClaim(quote.exact) ?? null,
      },
      answer,
    ),
  );
  if (stored) return { claim: stored, text: { body: read.body, version: read.version } };
  const { created: claim, text } = await inTransaction(client, async (tx) => {
    const article = await requireArticleWrite(articleId, userId, tx);
    const checked = targetToStore(article.body, sent);
    if (!checked.ok) throw new AppError("unprocessable", checked.reason, { target: [checked.reason] });
    const { target } = checked;
    // Saving a new version locks the article row; sharing that lock means the text checked
    // above is still the text when the claim is stored, or the reader is told to reload.
    const current = await lockArticleText(tx, articleId);
    if (!current || current.body !== article.body) {
      throw new AppError(
        "conflict",
        "The article text was changed while you were selecting. Reload the article and select the words again.",
      );
    }
    const created = await tx.claim.create({
      data: {
        articleId,
        exact: target.quote.exact,
        prefix: target.quote.prefix,
        suffix: target.quote.suffix,
        start: target.position.start,
        end: target.position.end,
        requiresDoubleReview: article.requiresDoubleReview,
        anchorVersion: current.version,
        numeric: extractNumericClaim(target.quote.exact) ?? undefined,
        createdById: userId,
        updatedById: userId,
      },
      select: claimSelect,
    });
    await recordClaimAudit(
      tx,
      userId,
      { id: created.id, teamId: article.teamId, articleId },
      {
        action: "claim.created",
        after: { exact: created.exact, start: created.start, end: created.end, status: created.status, version: created.version },
      },
    );
    return { created, text: { body: current.body, version: current.version } };
  });
  // A new claim has no verdict yet: nothing to read from its record.
  return { claim: (answer === "id" ? { id: claim.id } : withCheckedBy(toClaimDTO(claim), null)) as AnsweredClaim<A>, text };
}
