// A claim with every relation its panel reads, for tests and benches of the claim read (issue #21). Kept apart from
// test-helpers.ts because it imports lib/db: tests that route lib/db through a statement counter import it late.
import { testDb } from "@/e2e/fixtures/factories";
import { assignReviewers } from "@/lib/claims/assignments";
import { addComment, deleteComment } from "@/lib/claims/comments";
import { addEvidence } from "@/lib/claims/evidence";
import { createClaim } from "@/lib/claims/create-claim";
import { targetFor } from "@/lib/claims/test-helpers";
import { setClaimStatus } from "@/lib/claims/update-claim";
import { tagClaim } from "@/lib/tags/tags";
import { parseInput } from "@/lib/validation/parse";
import { ZAssignReviewers } from "@/lib/validation/team";
import { ZAddEvidence } from "@/lib/validation/claims";

type Desk = {
  team: { id: string };
  editor: { id: string };
  reviewer: { id: string };
  reviewer2: { id: string };
  article: { id: string; body: string };
};

/**
 * Creates, on `desk.article`, a claim on the text `quote` with every relation populated: 5 comments (one deleted),
 * 3 evidence, 2 tags, an assignment due 2020-01-01 (ISO date), 2 review verdicts, 2 corrections, a claimant, first
 * appearance, numbers and a published snapshot, and about 20 audit events (status changes back and forth).
 * Output: the claim's id. Throws whatever the writes throw (e.g. 404 when `quote` is not in the article).
 */
export async function seedFullClaim(desk: Desk, quote: string): Promise<string> {
  const claimId = (await createClaim({ userId: desk.editor.id, articleId: desk.article.id, target: targetFor(desk.article.body, quote) }))
    .id;
  await assignReviewers({
    userId: desk.editor.id,
    ...parseInput(ZAssignReviewers, { claimId, reviewerIds: [desk.reviewer.id], dueAt: "2020-01-01" }),
  });
  await tagClaim({ userId: desk.editor.id, claimId, name: "Defence" });
  await tagClaim({ userId: desk.editor.id, claimId, name: "Budget" });
  const comments = [];
  for (let i = 0; i < 5; i++) {
    comments.push(await addComment({ userId: i % 2 ? desk.editor.id : desk.reviewer.id, claimId, body: `Note ${i}`, mentionIds: [] }));
  }
  await deleteComment({ userId: desk.reviewer.id, commentId: comments[0]!.id });
  for (let i = 0; i < 3; i++) {
    await addEvidence({
      userId: desk.reviewer.id,
      ...parseInput(ZAddEvidence, {
        claimId,
        url: `https://example.org/report-${i}`,
        title: `Report ${i}`,
        stance: i === 2 ? "contradicts" : "supports",
        sourceType: "primary",
        retrievedAt: "2026-11-30",
      }),
    });
  }
  for (let i = 0; i < 4; i++) {
    await setClaimStatus({ userId: desk.reviewer.id, claimId, status: i % 2 ? "unreviewed" : "in_review" });
  }
  const db = testDb();
  await db.reviewVerdict.createMany({
    data: [
      { claimId, reviewerId: desk.reviewer.id, ordinal: 1, label: "True", key: "true", explanation: "Matches the report." },
      { claimId, reviewerId: desk.reviewer2.id, ordinal: 2, label: "Mostly true", key: "mostly_true", explanation: "Close." },
    ],
  });
  await db.reportCorrection.createMany({
    data: [
      { articleId: desk.article.id, claimId, kind: "correction", note: "Fixed the figure.", createdById: desk.editor.id },
      { articleId: desk.article.id, claimId, kind: "update", note: "Said which year.", createdById: desk.editor.id },
    ],
  });
  await db.claim.update({
    where: { id: claimId },
    data: {
      requiresDoubleReview: true,
      claimantName: "Keir Starmer",
      claimantKind: "person",
      claimantDescription: "Prime Minister",
      firstAppearanceUrl: "https://example.org/speech",
      firstAppearedAt: new Date("2026-11-01T00:00:00Z"),
      numeric: { value: 2.3, unit: "percent", approximate: true },
      publishedSnapshot: { status: "verified", label: "True" },
    },
  });
  await db.article.update({ where: { id: desk.article.id }, data: { reportPublishedAt: new Date("2026-11-29T12:00:00Z") } });
  return claimId;
}
