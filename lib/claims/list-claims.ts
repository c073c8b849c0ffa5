import { db } from "@/lib/db";
import { articleScope } from "@/lib/claims/access";
import { claimSelect, toClaimDTO, type ClaimDTO } from "@/lib/claims/dto";
import { notFound } from "@/lib/http/errors";

/** Every claim of an article in text order; 404 unless the user is in the article's team. */
export async function listClaims({ articleId, userId }: { articleId: string; userId: string }): Promise<ClaimDTO[]> {
  const article = await db.article.findFirst({
    where: { id: articleId, ...articleScope(userId) },
    select: { claims: { select: claimSelect, orderBy: [{ start: "asc" }, { end: "desc" }, { createdAt: "asc" }] } },
  });
  if (!article) throw notFound("That article");
  return article.claims.map(toClaimDTO);
}
