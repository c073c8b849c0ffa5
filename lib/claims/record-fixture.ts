// Claims whose verdict came about each way the record tells apart (lib/claims/record.ts): agreed in a double review,
// settled after a dispute, imported; and one whose verdict predates its double review. For the tests of every place that says who checked a verdict. Kept apart from
// test-helpers.ts because it imports lib/db: tests that route lib/db through a statement counter import it late.
import { createArticle, type createDesk } from "@/e2e/fixtures/factories";
import { exportAnnotations } from "@/lib/annotations/export-annotations";
import { importAnnotations } from "@/lib/annotations/import-annotations";
import { createClaim } from "@/lib/claims/create-claim";
import { setClaimDoubleReview } from "@/lib/claims/double-review";
import { submitReviewVerdict } from "@/lib/claims/review-verdicts";
import { targetFor } from "@/lib/claims/test-helpers";
import { setClaimStatus, setClaimVerdict } from "@/lib/claims/update-claim";
import { urn, type W3CCollection } from "@/lib/annotations/w3c";

type Desk = Awaited<ReturnType<typeof createDesk>>;
type Member = { id: string };

/** A claim `desk.editor` put under double review on `phrase` of `desk.article`. Output: its id. */
async function doubleReviewClaim(desk: Desk, phrase: string): Promise<string> {
  const claim = await createClaim({ userId: desk.editor.id, articleId: desk.article.id, target: targetFor(desk.article.body, phrase) });
  await setClaimDoubleReview({ userId: desk.editor.id, claimId: claim.id, required: true });
  return claim.id;
}

/**
 * A double-review claim on `phrase` where `reviewers[0]` and then `reviewers[1]` both give "mostly_true": its verdict
 * is the agreed one, status Verdict proposed, written under the second reviewer's name. Output: the claim's id.
 */
export async function agreeInDoubleReview(desk: Desk, reviewers: [Member, Member], phrase: string): Promise<string> {
  const claimId = await doubleReviewClaim(desk, phrase);
  await submitReviewVerdict({ userId: reviewers[0].id, claimId, verdict: "mostly_true", explanation: "MoD: 2.33% of GDP." });
  await submitReviewVerdict({ userId: reviewers[1].id, claimId, verdict: "mostly_true", explanation: "NATO agrees." });
  return claimId;
}

/**
 * A double-review claim on `phrase` where `reviewers` (default desk.reviewer, then desk.reviewer2) disagree and
 * `settler` (an editor or admin, default desk.editor) settles it ("unverifiable"): status Verdict proposed.
 * Output: the claim's id.
 */
export async function settleDispute(
  desk: Desk,
  phrase: string,
  { reviewers = [desk.reviewer, desk.reviewer2], settler = desk.editor }: { reviewers?: [Member, Member]; settler?: Member } = {},
): Promise<string> {
  const claimId = await doubleReviewClaim(desk, phrase);
  await submitReviewVerdict({ userId: reviewers[0].id, claimId, verdict: "false", explanation: "Never said." });
  await submitReviewVerdict({ userId: reviewers[1].id, claimId, verdict: "unverifiable", explanation: "Cannot know." });
  await setClaimVerdict({ userId: settler.id, claimId, verdict: "unverifiable", explanation: "No assessment exists." });
  return claimId;
}

/**
 * A claim on `phrase` whose verdict ("mostly_true") desk.reviewer wrote before desk.editor switched double review on:
 * Verdict proposed, its sign-off waiting for the two independent reviews. Output: the claim's id.
 */
export async function proposeThenRequireDoubleReview(desk: Desk, phrase: string): Promise<string> {
  const claim = await createClaim({ userId: desk.reviewer.id, articleId: desk.article.id, target: targetFor(desk.article.body, phrase) });
  await setClaimVerdict({ userId: desk.reviewer.id, claimId: claim.id, verdict: "mostly_true", explanation: "MoD figures." });
  await setClaimDoubleReview({ userId: desk.editor.id, claimId: claim.id, required: true });
  return claim.id;
}

/**
 * A verdict desk.reviewer wrote on `phrase` ("mostly_true") and desk.editor signed off, exported as W3C and imported
 * by `importer` into a new article of the team: Verdict proposed there, written under the importer's name.
 * `edit` may change the exported file first (e.g. drop the verdict's creator, as files from other tools do).
 * Output: the new article's and claim's ids, and the file as imported.
 */
export async function importVerdict(
  desk: Desk,
  importer: Member,
  phrase: string,
  edit: (file: W3CCollection) => void = () => {},
): Promise<{ articleId: string; claimId: string; file: W3CCollection }> {
  const source = await createClaim({ userId: desk.reviewer.id, articleId: desk.article.id, target: targetFor(desk.article.body, phrase) });
  await setClaimVerdict({ userId: desk.reviewer.id, claimId: source.id, verdict: "mostly_true", explanation: "MoD figures." });
  await setClaimStatus({ userId: desk.editor.id, claimId: source.id, status: "verified" });
  const file = await exportAnnotations({ articleId: desk.article.id, userId: desk.editor.id, baseUrl: "https://factdesk.example.org" });
  file.first.items = file.first.items.filter((item) => item.id === urn("claim", source.id));
  file.total = file.first.items.length;
  edit(file);
  const copy = await createArticle(desk.team.id);
  const imported = await importAnnotations({ userId: importer.id, articleId: copy.id, document: file });
  return { articleId: copy.id, claimId: imported.claimIds[0]!, file };
}
