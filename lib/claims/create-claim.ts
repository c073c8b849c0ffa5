import { db } from "@/lib/db";
import { checkTarget } from "@/lib/anchoring/selectors";
import { requireArticleWrite } from "@/lib/claims/access";
import { claimSelect, toClaimDTO, type ClaimDTO } from "@/lib/claims/dto";
import { recordClaimAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/http/errors";
import { extractNumericClaim } from "@/lib/suggestions";
import type { TCreateClaim } from "@/lib/validation/claims";

/** Stores a new claim after checking its selectors against the article text as it is now. */
export async function createClaim({ userId, articleId, target }: TCreateClaim & { userId: string }): Promise<ClaimDTO> {
  const article = await requireArticleWrite(articleId, userId);
  const check = checkTarget(article.body, target);
  if (!check.ok) throw new AppError("unprocessable", check.reason, { target: [check.reason] });
  const claim = await db.$transaction(async (tx) => {
    const created = await tx.claim.create({
      data: {
        articleId,
        exact: target.quote.exact,
        prefix: target.quote.prefix,
        suffix: target.quote.suffix,
        start: target.position.start,
        end: target.position.end,
        requiresDoubleReview: article.requiresDoubleReview,
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
