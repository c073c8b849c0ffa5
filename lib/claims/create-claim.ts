import { db } from "@/lib/db";
import { targetToStore } from "@/lib/anchoring/selectors";
import { requireArticleWrite } from "@/lib/claims/access";
import { claimSelect, toClaimDTO, type ClaimDTO } from "@/lib/claims/dto";
import { recordClaimAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/http/errors";
import { extractNumericClaim } from "@/lib/suggestions";
import type { TCreateClaim } from "@/lib/validation/claims";
import { lockArticleText } from "@/lib/articles/lock-article";

/**
 * Stores a new claim after checking its selectors against the article text as it is now, on
 * the words the selection rules give (lib/anchoring/selectors.ts selectionRange: whitespace
 * trimmed, graphemes whole), which is what the returned claim's target says.
 * Throws 404 (not the user's article), 403 (viewer), 422 (the target does not describe the
 * text, or selects nothing but whitespace), 409 (the text changed meanwhile).
 */
export async function createClaim({ userId, articleId, target: sent }: TCreateClaim & { userId: string }): Promise<ClaimDTO> {
  const article = await requireArticleWrite(articleId, userId);
  const checked = targetToStore(article.body, sent);
  if (!checked.ok) throw new AppError("unprocessable", checked.reason, { target: [checked.reason] });
  const { target } = checked;
  const claim = await db.$transaction(async (tx) => {
    // Saving a new version locks the article row; sharing that lock means the text checked
    // above is still the text when the claim is stored, or the reader is told to reload.
    const current = await lockArticleText(tx, articleId);
    if (!current || current.body !== article.body) {
      throw new AppError("conflict", "The article text was changed while you were selecting. Reload the article and select the words again.");
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
    await recordClaimAudit(tx, userId, { id: created.id, teamId: article.teamId, articleId }, {
      action: "claim.created",
      after: { exact: created.exact, start: created.start, end: created.end, status: created.status, version: created.version },
    });
    return created;
  });
  return toClaimDTO(claim);
}
