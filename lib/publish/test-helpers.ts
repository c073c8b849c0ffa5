// Seeds an article with one claim in each interesting state, through the real data layer,
// for the publishing and annotation integration tests.
import { createDesk } from "@/e2e/fixtures/factories";
import { assignReviewers } from "@/lib/claims/assignments";
import { addComment, deleteComment, editComment } from "@/lib/claims/comments";
import { createClaim } from "@/lib/claims/create-claim";
import { setClaimDoubleReview } from "@/lib/claims/double-review";
import { addEvidence } from "@/lib/claims/evidence";
import { submitReviewVerdict } from "@/lib/claims/review-verdicts";
import { targetFor } from "@/lib/claims/test-helpers";
import { setClaimStatus, setClaimVerdict } from "@/lib/claims/update-claim";
import { publishReport } from "@/lib/publish/publish-report";

export type Desk = Awaited<ReturnType<typeof createDesk>>;

export const PHRASES = {
  verified: "The UK currently spends around 2.3 per cent of gross national product on defence",
  unverifiable: "a US security guarantee would be the only way to prevent Moscow from attacking the country again",
  proposed: "Sir Keir Starmer has called for the US to provide a “backstop”",
  doubleReview: "following a meeting with partners in Paris on Monday",
  plain: "The Prime Minister is to fly to the US next week",
} as const;

/** Text that must never leave the desk: a proposed verdict and a private double-review verdict. */
export const SECRETS = {
  proposed: "PROPOSED-ONLY explanation that is not signed off",
  review: "PRIVATE-REVIEW explanation before the second verdict",
} as const;

/**
 * For integration tests: seeds `desk.article` through the real data layer with one claim per interesting
 * state (verified with evidence, threads, an edit, a deletion and assignees; verified Unverifiable; proposed with
 * a secret explanation; one private double-review verdict; not check-worthy), using PHRASES. Returns the five
 * ClaimDTOs. Throws whatever the data layer throws (e.g. when the article lacks a phrase).
 */
export async function seedFactCheck(desk: Desk) {
  const body = desk.article.body;
  const make = (phrase: string) => createClaim({ userId: desk.reviewer.id, articleId: desk.article.id, target: targetFor(body, phrase) });

  const verified = await make(PHRASES.verified);
  await setClaimVerdict({
    userId: desk.reviewer.id,
    claimId: verified.id,
    verdict: "mostly_true",
    explanation: "MoD figures put 2024 spending at 2.3% of GDP; GNP differs slightly.",
  });
  await addEvidence({
    userId: desk.reviewer.id,
    claimId: verified.id,
    url: "https://www.gov.uk/defence-spending",
    title: "Defence departmental resources 2024",
    excerpt: "2.33% of GDP",
    stance: "supports",
    sourceType: "primary",
    retrievedAt: new Date("2026-11-20"),
  });
  await addEvidence({
    userId: desk.editor.id,
    claimId: verified.id,
    url: "https://www.nato.int/cps/en/natohq/topics_49198.htm",
    title: "NATO defence expenditure",
    excerpt: "",
    stance: "context",
    sourceType: "secondary",
    retrievedAt: new Date("2026-11-21"),
  });
  const question = await addComment({ userId: desk.editor.id, claimId: verified.id, body: "Is GNP the right measure here?" });
  const answer = await addComment({
    userId: desk.reviewer.id,
    claimId: verified.id,
    body: "NATO uses GDP, see the link.",
    parentId: question.id,
  });
  await addComment({ userId: desk.editor.id, claimId: verified.id, body: "OK, thanks = fine", parentId: answer.id });
  const edited = await addComment({ userId: desk.reviewer2.id, claimId: verified.id, body: "First draft of a note" });
  await editComment({ userId: desk.reviewer2.id, commentId: edited.id, body: "Edited note, with a comma" });
  const removed = await addComment({ userId: desk.reviewer.id, claimId: verified.id, body: "A comment that was deleted later" });
  await addComment({ userId: desk.editor.id, claimId: verified.id, body: "Reply to the deleted comment", parentId: removed.id });
  await deleteComment({ userId: desk.reviewer.id, commentId: removed.id });
  await assignReviewers({
    userId: desk.editor.id,
    claimId: verified.id,
    reviewerIds: [desk.reviewer.id, desk.reviewer2.id],
    dueAt: "2026-12-01",
  });
  await setClaimStatus({ userId: desk.editor.id, claimId: verified.id, status: "verified" });

  const unverifiable = await make(PHRASES.unverifiable);
  await setClaimVerdict({
    userId: desk.reviewer.id,
    claimId: unverifiable.id,
    verdict: "unverifiable",
    explanation: "No public assessment exists of whether other guarantees would work.",
  });
  await setClaimStatus({ userId: desk.editor.id, claimId: unverifiable.id, status: "verified" });

  const proposed = await make(PHRASES.proposed);
  await setClaimVerdict({ userId: desk.reviewer.id, claimId: proposed.id, verdict: "false", explanation: SECRETS.proposed });

  const doubleReview = await make(PHRASES.doubleReview);
  await setClaimDoubleReview({ userId: desk.editor.id, claimId: doubleReview.id, required: true });
  await submitReviewVerdict({ userId: desk.reviewer.id, claimId: doubleReview.id, verdict: "false", explanation: SECRETS.review });

  const plain = await make(PHRASES.plain);
  await setClaimStatus({ userId: desk.reviewer.id, claimId: plain.id, status: "not_check_worthy" });

  return { verified, unverifiable, proposed, doubleReview, plain };
}

/**
 * For integration tests of what may change after publishing: a new desk (createDesk), seeded by seedFactCheck, its
 * report published by the editor. Output: the desk and the id of its verified claim (PHRASES.verified, with evidence).
 */
export async function publishedFactCheck(): Promise<{ desk: Desk; claimId: string }> {
  const desk = await createDesk();
  const claimId = (await seedFactCheck(desk)).verified.id;
  await publishReport({ userId: desk.editor.id, articleId: desk.article.id });
  return { desk, claimId };
}
