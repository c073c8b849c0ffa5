import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDesk, createTeam, createUser, testDb } from "@/e2e/fixtures/factories";
import { listArticleActivity } from "@/lib/audit/list-activity";
import { assignReviewers, listQueue } from "@/lib/claims/assignments";
import { createClaim } from "@/lib/claims/create-claim";
import { setArticleDoubleReview, setClaimDoubleReview } from "@/lib/claims/double-review";
import { getClaim } from "@/lib/claims/get-claim";
import { submitReviewVerdict } from "@/lib/claims/review-verdicts";
import { targetFor } from "@/lib/claims/test-helpers";
import { setClaimStatus, setClaimVerdict } from "@/lib/claims/update-claim";
import { outcomeOf } from "@/e2e/fixtures/errors";

let desk: Awaited<ReturnType<typeof createDesk>>;
let intruder: Awaited<ReturnType<typeof createUser>>;
beforeAll(async () => {
  desk = await createDesk();
  intruder = await createUser((await createTeam()).id, "editor", "intruder");
});
afterAll(async () => {
  await testDb().$disconnect();
});

async function doubleReviewedClaim(phrase: string) {
  const claim = await createClaim({ userId: desk.reviewer.id, articleId: desk.article.id, target: targetFor(desk.article.body, phrase) });
  await setClaimDoubleReview({ userId: desk.editor.id, claimId: claim.id, required: true });
  return claim;
}

describe("independent double review", () => {
  it("keeps an editor who gave the first of two agreeing verdicts from signing it off (four-eyes)", async () => {
    const claim = await doubleReviewedClaim("a lasting peace agreement to end the war in Ukraine");
    const otherEditor = await createUser(desk.team.id, "editor", "second-editor");
    await submitReviewVerdict({
      userId: desk.editor.id,
      claimId: claim.id,
      verdict: "mostly_true",
      explanation: "Matches the official readout.",
    });
    await submitReviewVerdict({
      userId: desk.reviewer.id,
      claimId: claim.id,
      verdict: "mostly_true",
      explanation: "The readout says the same.",
    });
    const agreed = await getClaim({ claimId: claim.id, userId: desk.editor.id });
    expect(agreed).toMatchObject({ status: "verdict_proposed", verdict: { by: { id: desk.reviewer.id } } });
    expect(await outcomeOf(setClaimStatus({ userId: desk.editor.id, claimId: claim.id, status: "verified" }))).toBe("forbidden");
    expect((await getClaim({ claimId: claim.id, userId: desk.editor.id })).status).toBe("verdict_proposed");
    expect((await setClaimStatus({ userId: otherEditor.id, claimId: claim.id, status: "verified" })).status).toBe("verified");
  });

  it("keeps each verdict private until both are in, then shows them side by side", async () => {
    const claim = await doubleReviewedClaim("Marco Rubio led a delegation to Saudi Arabia");
    expect(
      await outcomeOf(
        setClaimVerdict({ userId: desk.reviewer.id, claimId: claim.id, verdict: "true", explanation: "Reported by the State Department." }),
      ),
    ).toBe("unprocessable");

    await submitReviewVerdict({
      userId: desk.reviewer.id,
      claimId: claim.id,
      verdict: "true",
      explanation: "State Department readout confirms it.",
    });
    const forAuthor = await getClaim({ claimId: claim.id, userId: desk.reviewer.id });
    expect(forAuthor.doubleReview).toMatchObject({ required: true, submitted: 1, mine: true });
    expect(forAuthor.doubleReview.visible.map((r) => r.reviewer.id)).toEqual([desk.reviewer.id]);
    for (const other of [desk.reviewer2, desk.editor, desk.admin, desk.viewer]) {
      const seen = await getClaim({ claimId: claim.id, userId: other.id });
      expect(seen.doubleReview).toMatchObject({ submitted: 1, visible: [] });
      expect(JSON.stringify(seen.events)).not.toContain("State Department readout");
      const feed = await listArticleActivity({ articleId: desk.article.id, userId: other.id });
      expect(JSON.stringify(feed)).not.toContain("State Department readout");
    }

    await submitReviewVerdict({
      userId: desk.reviewer2.id,
      claimId: claim.id,
      verdict: "true",
      explanation: "Saudi foreign ministry statement too.",
    });
    const after = await getClaim({ claimId: claim.id, userId: desk.viewer.id });
    expect(after.status).toBe("verdict_proposed");
    expect(after.verdict).toMatchObject({ label: "True", ordinal: 5 });
    expect(after.doubleReview.visible.map((r) => r.verdict.label)).toEqual(["True", "True"]);
    expect(
      await outcomeOf(
        submitReviewVerdict({ userId: desk.reviewer.id, claimId: claim.id, verdict: "false", explanation: "Changing my mind now." }),
      ),
    ).toBe("conflict");
  });

  it("puts disagreeing verdicts in Disputed for an editor, who settles it; another editor signs off", async () => {
    const claim = await doubleReviewedClaim("Volodymyr Zelensky said on Monday");
    await submitReviewVerdict({
      userId: desk.reviewer.id,
      claimId: claim.id,
      verdict: "true",
      explanation: "He said so at a press conference.",
    });
    await submitReviewVerdict({
      userId: desk.reviewer2.id,
      claimId: claim.id,
      verdict: "misleading",
      explanation: "He said it on Sunday, not Monday.",
    });
    expect((await getClaim({ claimId: claim.id, userId: desk.editor.id })).status).toBe("disputed");

    expect(
      await outcomeOf(
        setClaimVerdict({ userId: desk.reviewer.id, claimId: claim.id, verdict: "true", explanation: "I still think it is true." }),
      ),
    ).toBe("forbidden");
    expect(await outcomeOf(setClaimStatus({ userId: desk.editor.id, claimId: claim.id, status: "verified" }))).toBe("unprocessable");
    const settled = await setClaimVerdict({
      userId: desk.editor.id,
      claimId: claim.id,
      verdict: "mostly_true",
      explanation: "Said on Monday in Bristol; the wording differs slightly.",
    });
    expect(settled.status).toBe("verdict_proposed");
    expect(await outcomeOf(setClaimStatus({ userId: desk.editor.id, claimId: claim.id, status: "verified" }))).toBe("forbidden");
    expect((await setClaimStatus({ userId: desk.admin.id, claimId: claim.id, status: "verified" })).status).toBe("verified");
    const actions = (await getClaim({ claimId: claim.id, userId: desk.editor.id })).events.map((e) => e.action);
    expect(actions).toEqual([
      "claim.created",
      "claim.double-review",
      "review.submitted",
      "review.submitted",
      "claim.adjudicated",
      "claim.verified",
    ]);
  });

  it("resolves exactly once when both verdicts arrive together", async () => {
    const claim = await doubleReviewedClaim("Stewart McDonald");
    await Promise.all([
      submitReviewVerdict({
        userId: desk.reviewer.id,
        claimId: claim.id,
        verdict: "false",
        explanation: "He was never given a state honour.",
      }),
      submitReviewVerdict({
        userId: desk.reviewer2.id,
        claimId: claim.id,
        verdict: "true",
        explanation: "He received the Order of Merit.",
      }),
    ]);
    const after = await getClaim({ claimId: claim.id, userId: desk.editor.id });
    expect(after.status).toBe("disputed");
    expect(after.version).toBe(3);
  });

  it("refuses an editor's direct verdict until both independent verdicts are in, as the panel does", async () => {
    const claim = await doubleReviewedClaim("The UK currently spends around 2.3 per cent");
    const direct = (userId: string) =>
      setClaimVerdict({ userId, claimId: claim.id, verdict: "false", explanation: "Ministry of Defence figures say otherwise." });
    expect(await outcomeOf(direct(desk.editor.id))).toBe("conflict");
    expect(await outcomeOf(direct(desk.admin.id))).toBe("conflict");
    await submitReviewVerdict({ userId: desk.reviewer.id, claimId: claim.id, verdict: "mostly_true", explanation: "NATO's estimate." });
    expect(await outcomeOf(direct(desk.editor.id))).toBe("conflict");
    const unchanged = await getClaim({ claimId: claim.id, userId: desk.editor.id });
    expect(unchanged).toMatchObject({ verdict: null, doubleReview: { submitted: 1 } });
    await submitReviewVerdict({ userId: desk.reviewer2.id, claimId: claim.id, verdict: "mostly_true", explanation: "Same source." });
    expect((await direct(desk.editor.id)).verdict).toMatchObject({ key: "false" });
  });

  it("applies an article's requirement to its open claims and to new ones; only editors set it", async () => {
    expect(await outcomeOf(setArticleDoubleReview({ userId: desk.reviewer.id, articleId: desk.article.id, required: true }))).toBe(
      "forbidden",
    );
    expect(await outcomeOf(setArticleDoubleReview({ userId: intruder.id, articleId: desk.article.id, required: true }))).toBe("not_found");
    await setArticleDoubleReview({ userId: desk.editor.id, articleId: desk.article.id, required: true });
    const claim = await createClaim({
      userId: desk.reviewer.id,
      articleId: desk.article.id,
      target: targetFor(desk.article.body, "Alistair Carmichael"),
    });
    expect((await getClaim({ claimId: claim.id, userId: desk.reviewer.id })).doubleReview.required).toBe(true);
    await setArticleDoubleReview({ userId: desk.editor.id, articleId: desk.article.id, required: false });
  });
});

describe("assignment and my queue", () => {
  it("lets editors assign one or two team reviewers with a due date, listed in each one's queue", async () => {
    const first = await createClaim({
      userId: desk.reviewer.id,
      articleId: desk.article.id,
      target: targetFor(desk.article.body, "Downing Street did not rule out"),
    });
    const second = await createClaim({
      userId: desk.reviewer.id,
      articleId: desk.article.id,
      target: targetFor(desk.article.body, "Scottish Labour MP Graeme Downie"),
    });
    await assignReviewers({
      userId: desk.editor.id,
      claimId: first.id,
      reviewerIds: [desk.reviewer.id, desk.reviewer2.id],
      dueAt: "2030-03-02",
    });
    await assignReviewers({ userId: desk.admin.id, claimId: second.id, reviewerIds: [desk.reviewer.id], dueAt: "2030-03-01" });

    expect(await outcomeOf(assignReviewers({ userId: desk.reviewer.id, claimId: first.id, reviewerIds: [desk.reviewer.id] }))).toBe(
      "forbidden",
    );
    expect(await outcomeOf(assignReviewers({ userId: desk.editor.id, claimId: first.id, reviewerIds: [desk.viewer.id] }))).toBe(
      "unprocessable",
    );
    expect(await outcomeOf(assignReviewers({ userId: desk.editor.id, claimId: first.id, reviewerIds: [intruder.id] }))).toBe(
      "unprocessable",
    );
    expect(await outcomeOf(assignReviewers({ userId: intruder.id, claimId: first.id, reviewerIds: [desk.reviewer.id] }))).toBe("not_found");

    const queue = await listQueue({ userId: desk.reviewer.id });
    expect(queue.map((q) => [q.claimId, q.dueAt?.slice(0, 10)])).toEqual([
      [second.id, "2030-03-01"],
      [first.id, "2030-03-02"],
    ]);
    expect((await listQueue({ userId: desk.reviewer2.id })).map((q) => q.claimId)).toEqual([first.id]);
    expect(await listQueue({ userId: intruder.id })).toEqual([]);
    expect((await getClaim({ claimId: first.id, userId: desk.viewer.id })).assignees.map((a) => a.id).sort()).toEqual(
      [desk.reviewer.id, desk.reviewer2.id].sort(),
    );
  });
});
