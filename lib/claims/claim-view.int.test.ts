// The article page's actions answer with a ClaimView and the page updates from it alone (issue #21), so
// the view must say what the page would have read: the claim list's entry exactly as listClaimSummaries
// makes it, the claim as getClaim makes it, and the audit event of the change (the live stream's event
// for it then needs no reload).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDesk, testDb } from "@/e2e/fixtures/factories";
import { assignReviewers } from "@/lib/claims/assignments";
import { addComment } from "@/lib/claims/comments";
import { addEvidence } from "@/lib/claims/evidence";
import { createClaim } from "@/lib/claims/create-claim";
import { findClaimIdOf, getClaimView } from "@/lib/claims/claim-view";
import { getClaim } from "@/lib/claims/get-claim";
import { getClaimCheckedBefore } from "@/lib/claims/checked-before";
import { listClaimSummaries } from "@/lib/claims/list-claims";
import { targetFor } from "@/lib/claims/test-helpers";
import { setClaimStatus } from "@/lib/claims/update-claim";
import { tagClaim } from "@/lib/tags/tags";
import { db } from "@/lib/db";
import { outcomeOf } from "@/e2e/fixtures/errors";
import { parseInput } from "@/lib/validation/parse";
import { ZAssignReviewers } from "@/lib/validation/team";
import { ZAddEvidence } from "@/lib/validation/claims";

type Desk = Awaited<ReturnType<typeof createDesk>>;
let desk: Desk;
let claimId: string;

beforeAll(async () => {
  desk = await createDesk();
  claimId = (
    await createClaim({ userId: desk.editor.id, articleId: desk.article.id, target: targetFor(desk.article.body, "Sir Keir Starmer") })
  ).id;
});
afterAll(async () => {
  await testDb().$disconnect();
});

describe("getClaimView", () => {
  it("answers with the list's entry and the panel's claim as they are after a change", async () => {
    await assignReviewers({
      userId: desk.editor.id,
      ...parseInput(ZAssignReviewers, { claimId, reviewerIds: [desk.reviewer.id], dueAt: "2020-01-01" }),
    });
    await tagClaim({ userId: desk.editor.id, claimId, name: "Defence" });
    await addComment({ userId: desk.reviewer.id, claimId, body: "Which talks?", mentionIds: [] });
    await addEvidence({
      userId: desk.reviewer.id,
      ...parseInput(ZAddEvidence, {
        claimId,
        url: "https://example.org/report",
        title: "A report",
        stance: "supports",
        sourceType: "primary",
        retrievedAt: "2026-11-30",
      }),
    });
    await setClaimStatus({ userId: desk.reviewer.id, claimId, status: "in_review" });

    const view = await getClaimView({ userId: desk.reviewer.id, claimId });
    const listed = (await listClaimSummaries({ articleId: desk.article.id, userId: desk.reviewer.id })).find((c) => c.id === claimId);
    expect(view.summary).toEqual(listed);
    expect(view.summary).toMatchObject({ status: "in_review", overdue: true, counts: { comments: 1, evidence: 1 } });
    const full = await getClaim({ claimId, userId: desk.reviewer.id });
    expect({ ...view.claim, checkedBefore: full.checkedBefore }).toEqual(full);
    expect(view.checkedBefore).toBe("unchanged");
    // The status change's audit event is in the answer: the page knows it has applied it.
    const last = await db.auditEvent.findFirst({ where: { claimId }, orderBy: { id: "desc" }, select: { id: true, action: true } });
    expect(last!.action).toBe("claim.status");
    expect(view.claim.events.map((e) => e.id)).toContain(last!.id.toString());
  });

  it("looks up checked-before verdicts only when asked (a new claim)", async () => {
    const view = await getClaimView({ userId: desk.reviewer.id, claimId, checkedBefore: true });
    expect(view.checkedBefore).toBe("fresh");
  });

  it("leaves a new claim's checked-before verdicts for later; getClaimCheckedBefore then gives the panel's list", async () => {
    // An earlier verdict on the same words in another article of the team.
    const earlier = await db.article.create({ data: { teamId: desk.team.id, title: "Earlier", body: desk.article.body } });
    const old = await createClaim({ userId: desk.editor.id, articleId: earlier.id, target: targetFor(earlier.body, "Sir Keir Starmer") });
    await db.claim.update({ where: { id: old.id }, data: { verdictLabel: "Misleading", verdictOrdinal: 3, verdictAt: new Date() } });
    const view = await getClaimView({ userId: desk.reviewer.id, claimId, checkedBefore: "later" });
    expect(view.checkedBefore).toBe("later");
    expect(view.claim.checkedBefore).toEqual([]);
    const later = await getClaimCheckedBefore({ claimId, userId: desk.reviewer.id });
    expect(later.map((m) => m.claimId)).toContain(old.id);
    expect(later).toEqual((await getClaim({ claimId, userId: desk.reviewer.id })).checkedBefore);
    const outsider = await createDesk();
    expect(await outcomeOf(getClaimCheckedBefore({ claimId, userId: outsider.reviewer.id }))).toBe("not_found");
  });

  it("finds a comment's or evidence's claim only inside the user's teams", async () => {
    const comment = await db.comment.findFirstOrThrow({ where: { claimId }, select: { id: true } });
    const evidence = await db.evidence.findFirstOrThrow({ where: { claimId }, select: { id: true } });
    expect(await findClaimIdOf({ userId: desk.reviewer.id, commentId: comment.id })).toBe(claimId);
    expect(await findClaimIdOf({ userId: desk.reviewer.id, evidenceId: evidence.id })).toBe(claimId);
    const outsider = await createDesk();
    expect(await outcomeOf(findClaimIdOf({ userId: outsider.reviewer.id, commentId: comment.id }))).toBe("not_found");
    expect(await outcomeOf(getClaimView({ userId: outsider.reviewer.id, claimId }))).toBe("not_found");
    // Neither id: nothing is found (never "any row in scope").
    expect(await outcomeOf(findClaimIdOf({ userId: desk.reviewer.id }))).toBe("not_found");
  });
});
