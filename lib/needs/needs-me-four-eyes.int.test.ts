// Needs me offers an editor a verdict to sign off only when the server would take the sign-off: the four-eyes rule
// (lib/claims/workflow.ts statusChangeRefusal) refuses it to the verdict's author and to everyone who gave one of the
// claim's independent review verdicts, such as the first reviewer of an agreed double review, whose name the verdict
// row does not carry; and under double review a sign-off waits until both reviews are in and agree or an editor
// settled them (signOffWaitRefusal), so a verdict written before the reviews is nobody's to sign off yet. The top bar's
// count (countOnly) leaves out the same claims. Failed before the fix for the waiting claims: they were listed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDesk, testDb } from "@/e2e/fixtures/factories";
import { db } from "@/lib/db";
import { PHRASES } from "@/lib/publish/test-helpers";
import { agreeInDoubleReview, proposeThenRequireDoubleReview, settleDispute } from "@/lib/claims/record-fixture";
import { submitReviewVerdict } from "@/lib/claims/review-verdicts";
import { setClaimStatus } from "@/lib/claims/update-claim";
import { listNeedsMe } from "@/lib/needs/needs-me";

let desk: Awaited<ReturnType<typeof createDesk>>;
type Name = "editorFirst" | "editorSecond" | "reviewersOnly" | "editorReviewedAdminSettled" | "noReview" | "oneReview" | "unsettled";
const ids: Record<Name, string> = {
  editorFirst: "",
  editorSecond: "",
  reviewersOnly: "",
  editorReviewedAdminSettled: "",
  noReview: "",
  oneReview: "",
  unsettled: "",
};
const nameOf = (claimId: string) => Object.keys(ids).find((name) => ids[name as keyof typeof ids] === claimId) ?? claimId;

/** The sign-offs Needs me lists for `userId`, by name, and the count the top bar shows them. */
async function signOffs(userId: string): Promise<{ listed: string[]; count: number | undefined }> {
  const needs = await listNeedsMe({ userId, teamId: desk.team.id });
  const { counts } = await listNeedsMe({ userId, teamId: desk.team.id, countOnly: true });
  const listed = needs.items.filter((i) => i.kind === "sign_off").map((i) => nameOf(i.claimId));
  return { listed: listed.sort(), count: counts.sign_off };
}

const ROLLBACK = new Error("rollback");
/** Whether the server takes `userId`'s sign-off of `claimId` (tried in a transaction that is then rolled back). */
async function serverTakesSignOff(userId: string, claimId: string): Promise<boolean> {
  try {
    await db.$transaction(async (tx) => {
      await setClaimStatus({ userId, claimId, status: "verified" }, tx);
      throw ROLLBACK;
    });
  } catch (error) {
    if (error === ROLLBACK) return true;
    // 403: the four-eyes rule; 409: the sign-off waits for the double review (no version is sent, so never a stale one).
    if ([403, 409].includes((error as { status?: number }).status ?? 0)) return false;
    throw error;
  }
  throw new Error("unreachable");
}

beforeAll(async () => {
  desk = await createDesk();
  ids.editorFirst = await agreeInDoubleReview(desk, [desk.editor, desk.reviewer], PHRASES.verified);
  ids.editorSecond = await agreeInDoubleReview(desk, [desk.reviewer, desk.editor], PHRASES.unverifiable);
  ids.reviewersOnly = await agreeInDoubleReview(desk, [desk.reviewer, desk.reviewer2], PHRASES.proposed);
  ids.editorReviewedAdminSettled = await settleDispute(desk, PHRASES.doubleReview, {
    reviewers: [desk.editor, desk.reviewer],
    settler: desk.admin,
  });
  // Verdicts written before double review was switched on: no review in, one in, and two that differ (the claim then
  // taken out of Disputed and back to its old verdict, which no editor set after the reviews).
  ids.noReview = await proposeThenRequireDoubleReview(desk, "Marco Rubio led a delegation to Saudi Arabia");
  ids.oneReview = await proposeThenRequireDoubleReview(desk, "Volodymyr Zelensky said on Monday");
  await submitReviewVerdict({ userId: desk.reviewer2.id, claimId: ids.oneReview, verdict: "mostly_true", explanation: "NATO." });
  ids.unsettled = await proposeThenRequireDoubleReview(desk, "Stewart McDonald");
  await submitReviewVerdict({ userId: desk.reviewer2.id, claimId: ids.unsettled, verdict: "false", explanation: "Never said." });
  await submitReviewVerdict({ userId: desk.reviewer.id, claimId: ids.unsettled, verdict: "true", explanation: "He did." });
  await setClaimStatus({ userId: desk.admin.id, claimId: ids.unsettled, status: "not_check_worthy" });
  await setClaimStatus({ userId: desk.admin.id, claimId: ids.unsettled, status: "verdict_proposed" });
});
afterAll(async () => {
  await testDb().$disconnect();
});

describe("Needs me's sign-offs and the four-eyes rule", () => {
  it("leave out a verdict the editor gave one of the independent verdicts on, in the list and in the count", async () => {
    expect(await signOffs(desk.editor.id)).toEqual({ listed: ["reviewersOnly"], count: 1 });
  });

  it("still offer it to an editor who did not review it", async () => {
    expect(await signOffs(desk.admin.id)).toEqual({ listed: ["editorFirst", "editorSecond", "reviewersOnly"], count: 3 });
  });

  it("list exactly the verdicts the server lets each editor sign off", async () => {
    for (const editor of [desk.editor, desk.admin]) {
      const { listed } = await signOffs(editor.id);
      for (const [name, claimId] of Object.entries(ids)) {
        expect({ editor: editor.name, name, listed: listed.includes(name) }).toEqual({
          editor: editor.name,
          name,
          listed: await serverTakesSignOff(editor.id, claimId),
        });
      }
    }
  });
});
