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
 * "checked before" answers (lib/claims/checked-before-stored.ts), so they are known before anyone opens the article;
 * answers stored for this text while another text was current become pending (the verdict triggers keep up only the
 * current text's), those of the current text (a save of the title only) stay known.
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
  // (verdict triggers only touch the current text's): their answers are looked up again. Not when this text is the
  // current one (a save of the title or structure only): the triggers kept those answers up.
  await tx.$executeRaw`
    UPDATE "Suggestion" s SET "checkedBeforePending" = true, "checkedBeforeVersion" = s."checkedBeforeVersion" + 1
    FROM "Article" a
    WHERE a."id" = s."articleId" AND a."suggestionsHash" IS DISTINCT FROM ${hash}
      AND s."articleId" = ${articleId} AND s."bodyHash" = ${hash} AND NOT s."checkedBeforePending"`;
  await tx.article.update({ where: { id: articleId }, data: { suggestionsHash: hash } });
  if (found.length > 0) await queueCheckedBefore(tx, { articleId, bodyHash: hash });
  return hash;
}
