// Suggestions stored per version of an article's text. They live with the article because
// saving and creating articles refresh them; lib/claims/suggested.ts lists and accepts them.
import { createHash } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import { suggestClaims, type Suggestion } from "@/lib/suggestions";
import { queueCheckedBefore } from "@/lib/claims/checked-before-stored";

/** sha256 of an article body, hex: names the version of the text suggestions were computed for. */
export const bodyHash = (body: string) => createHash("sha256").update(body).digest("hex");

/**
 * Runs the detector on a version of an article's text and stores the result, so dismissals
 * stick to that version and every app instance shows the same suggestions. Called in the
 * transaction that stores the text (saving a version, creating an article); `found` lets the
 * caller run the detector before taking locks. Also queues, in that transaction, the job that looks up their
 * "checked before" answers (lib/claims/checked-before-stored.ts), so they are known before anyone opens the article.
 */
export async function refreshSuggestions(
  tx: Prisma.TransactionClient,
  articleId: string,
  body: string,
  found: readonly Suggestion[] = suggestClaims(body),
): Promise<string> {
  const hash = bodyHash(body);
  await tx.suggestion.createMany({
    data: found.map((s) => ({
      articleId,
      bodyHash: hash,
      start: s.start,
      end: s.end,
      text: s.text,
      score: s.score,
      type: s.type,
      reason: s.reason,
    })),
    skipDuplicates: true,
  });
  // Suggestions of this text stored earlier (the text was this before) were not kept up while another text was current
  // (verdict triggers only touch the current text's): their answers are looked up again.
  await tx.$executeRaw`
    UPDATE "Suggestion" SET "checkedBeforePending" = true, "checkedBeforeVersion" = "checkedBeforeVersion" + 1
    WHERE "articleId" = ${articleId} AND "bodyHash" = ${hash} AND NOT "checkedBeforePending"`;
  await tx.article.update({ where: { id: articleId }, data: { suggestionsHash: hash } });
  if (found.length > 0) await queueCheckedBefore(tx, { articleId, bodyHash: hash });
  return hash;
}
