// Review writes (status, verdict, double review, independent verdicts, assignment) are scoped to the writer's
// team role, versioned where the claim is, and composable.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDesk, createTeam, createUser, testDb } from "@/e2e/fixtures/factories";
import { outcomeOf } from "@/e2e/fixtures/errors";
import { withChangeBeforeWriting } from "@/lib/access/test-helpers";
import { assignReviewers } from "@/lib/claims/assignments";
import { createClaim } from "@/lib/claims/create-claim";
import { setArticleDoubleReview, setClaimDoubleReview } from "@/lib/claims/double-review";
import { submitReviewVerdict } from "@/lib/claims/review-verdicts";
import { targetFor } from "@/lib/claims/test-helpers";
import { setClaimStatus, setClaimVerdict } from "@/lib/claims/update-claim";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/http/errors";

type Desk = Awaited<ReturnType<typeof createDesk>>;
let intruder: Awaited<ReturnType<typeof createUser>>;
beforeAll(async () => {
  intruder = await createUser((await createTeam()).id, "editor", "intruder");
});
afterAll(async () => {
  await testDb().$disconnect();
});

const PHRASE = "Marco Rubio led a delegation to Saudi Arabia";
const claimOf = async (desk: Desk, phrase = PHRASE) =>
  createClaim({ userId: desk.reviewer.id, articleId: desk.article.id, target: targetFor(desk.article.body, phrase) });
const stored = (id: string) =>
  testDb().claim.findUniqueOrThrow({ where: { id }, select: { version: true, requiresDoubleReview: true, status: true } });
const setRole = (desk: Desk, userId: string, role: Role) =>
  testDb().membership.updateMany({ where: { userId, teamId: desk.team.id }, data: { role } });
const ROLLBACK = new Error("roll back");

describe("setClaimDoubleReview", () => {
  it("takes the version the editor saw and refuses a stale one with 409 naming who changed the claim", async () => {
    const desk = await createDesk();
    const claim = await claimOf(desk);
    await setClaimDoubleReview({ userId: desk.admin.id, claimId: claim.id, required: true, version: claim.version });
    const stale = await setClaimDoubleReview({ userId: desk.editor.id, claimId: claim.id, required: false, version: claim.version }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(stale).toBeInstanceOf(AppError);
    expect((stale as AppError).code).toBe("conflict");
    expect((stale as AppError).message).toContain(desk.admin.name);
    expect(await stored(claim.id)).toMatchObject({ version: claim.version + 1, requiresDoubleReview: true });
    // Without a version (older callers), the version just read is the expected one.
    await setClaimDoubleReview({ userId: desk.editor.id, claimId: claim.id, required: false });
    expect(await stored(claim.id)).toMatchObject({ version: claim.version + 2, requiresDoubleReview: false });
  });

  it("refuses another team's editor (404), a viewer and a reviewer (403), and changes nothing", async () => {
    const desk = await createDesk();
    const claim = await claimOf(desk);
    expect(await outcomeOf(setClaimDoubleReview({ userId: intruder.id, claimId: claim.id, required: true }))).toBe("not_found");
    expect(await outcomeOf(setClaimDoubleReview({ userId: desk.viewer.id, claimId: claim.id, required: true }))).toBe("forbidden");
    expect(await outcomeOf(setClaimDoubleReview({ userId: desk.reviewer.id, claimId: claim.id, required: true }))).toBe("forbidden");
    expect(await stored(claim.id)).toMatchObject({ version: 1, requiresDoubleReview: false });
  });

  it("refuses an editor who was made a viewer after the check, and changes nothing", async () => {
    const desk = await createDesk();
    const claim = await claimOf(desk);
    const outcome = await outcomeOf(
      withChangeBeforeWriting(
        () => setRole(desk, desk.editor.id, "viewer"),
        () => setClaimDoubleReview({ userId: desk.editor.id, claimId: claim.id, required: true }),
      ),
    );
    expect(outcome).toBe("forbidden");
    expect(await stored(claim.id)).toMatchObject({ version: 1, requiresDoubleReview: false });
  });

  it("runs in the caller's transaction when given one: rolled back with it", async () => {
    const desk = await createDesk();
    const claim = await claimOf(desk);
    await db
      .$transaction(async (tx) => {
        await setClaimDoubleReview({ userId: desk.editor.id, claimId: claim.id, required: true }, tx);
        throw ROLLBACK;
      })
      .catch((e: unknown) => {
        if (e !== ROLLBACK) throw e;
      });
    expect(await stored(claim.id)).toMatchObject({ version: 1, requiresDoubleReview: false });
    expect(await testDb().auditEvent.count({ where: { claimId: claim.id, action: "claim.double-review" } })).toBe(0);
  });
});

describe("setArticleDoubleReview", () => {
  it("refuses a viewer (403) and another team's editor (404)", async () => {
    const desk = await createDesk();
    expect(await outcomeOf(setArticleDoubleReview({ userId: desk.viewer.id, articleId: desk.article.id, required: true }))).toBe(
      "forbidden",
    );
    expect(await outcomeOf(setArticleDoubleReview({ userId: intruder.id, articleId: desk.article.id, required: true }))).toBe("not_found");
    expect((await testDb().article.findUniqueOrThrow({ where: { id: desk.article.id } })).requiresDoubleReview).toBe(false);
  });

  it("refuses an editor who was made a reviewer after the check: neither the article nor its open claims change", async () => {
    const desk = await createDesk();
    const claim = await claimOf(desk);
    const outcome = await outcomeOf(
      withChangeBeforeWriting(
        () => setRole(desk, desk.editor.id, "reviewer"),
        () => setArticleDoubleReview({ userId: desk.editor.id, articleId: desk.article.id, required: true }),
      ),
    );
    expect(outcome).toBe("forbidden");
    expect((await testDb().article.findUniqueOrThrow({ where: { id: desk.article.id } })).requiresDoubleReview).toBe(false);
    expect(await stored(claim.id)).toMatchObject({ version: 1, requiresDoubleReview: false });
  });
});

describe("submitReviewVerdict", () => {
  it("refuses a reviewer who was made a viewer after the check, and records nothing", async () => {
    const desk = await createDesk();
    const claim = await claimOf(desk);
    await setClaimDoubleReview({ userId: desk.editor.id, claimId: claim.id, required: true });
    const submit = () =>
      submitReviewVerdict({ userId: desk.reviewer.id, claimId: claim.id, verdict: "true", explanation: "The readout says so." });
    expect(await outcomeOf(withChangeBeforeWriting(() => setRole(desk, desk.reviewer.id, "viewer"), submit))).toBe("forbidden");
    expect(await testDb().reviewVerdict.count({ where: { claimId: claim.id } })).toBe(0);
  });

  it("refuses a viewer (403) and another team's editor (404)", async () => {
    const desk = await createDesk();
    const claim = await claimOf(desk);
    await setClaimDoubleReview({ userId: desk.editor.id, claimId: claim.id, required: true });
    for (const [user, code] of [
      [desk.viewer, "forbidden"],
      [intruder, "not_found"],
    ] as const) {
      expect(
        await outcomeOf(submitReviewVerdict({ userId: user.id, claimId: claim.id, verdict: "true", explanation: "The readout says so." })),
      ).toBe(code);
    }
    expect(await testDb().reviewVerdict.count({ where: { claimId: claim.id } })).toBe(0);
  });
});

describe("assignReviewers", () => {
  it("refuses an editor who was made a reviewer after the check, and keeps the assignment as it was", async () => {
    const desk = await createDesk();
    const claim = await claimOf(desk);
    await assignReviewers({ userId: desk.editor.id, claimId: claim.id, reviewerIds: [desk.reviewer.id] });
    const reassign = () => assignReviewers({ userId: desk.editor.id, claimId: claim.id, reviewerIds: [desk.reviewer2.id] });
    expect(await outcomeOf(withChangeBeforeWriting(() => setRole(desk, desk.editor.id, "reviewer"), reassign))).toBe("forbidden");
    expect((await testDb().assignment.findMany({ where: { claimId: claim.id } })).map((a) => a.reviewerId)).toEqual([desk.reviewer.id]);
  });

  it("refuses a viewer (403) and another team's editor (404)", async () => {
    const desk = await createDesk();
    const claim = await claimOf(desk);
    expect(await outcomeOf(assignReviewers({ userId: desk.viewer.id, claimId: claim.id, reviewerIds: [desk.reviewer.id] }))).toBe(
      "forbidden",
    );
    expect(await outcomeOf(assignReviewers({ userId: intruder.id, claimId: claim.id, reviewerIds: [desk.reviewer.id] }))).toBe("not_found");
    expect(await testDb().assignment.count({ where: { claimId: claim.id } })).toBe(0);
  });
});

describe("setClaimStatus and setClaimVerdict", () => {
  it("answer 403, not a 409 blaming someone else, when the writer lost their role after the check", async () => {
    const desk = await createDesk();
    const claim = await claimOf(desk);
    const toViewer = () => setRole(desk, desk.reviewer.id, "viewer");
    expect(
      await outcomeOf(
        withChangeBeforeWriting(toViewer, () => setClaimStatus({ userId: desk.reviewer.id, claimId: claim.id, status: "in_review" })),
      ),
    ).toBe("forbidden");
    await setRole(desk, desk.reviewer.id, "reviewer");
    const verdict = () =>
      setClaimVerdict({ userId: desk.reviewer.id, claimId: claim.id, verdict: "true", explanation: "The readout says so." });
    expect(await outcomeOf(withChangeBeforeWriting(toViewer, verdict))).toBe("forbidden");
    expect(await stored(claim.id)).toMatchObject({ version: 1, status: "unreviewed" });
  });

  it("compose: in a caller's transaction that rolls back, the change is undone with it", async () => {
    const desk = await createDesk();
    const claim = await claimOf(desk);
    await db
      .$transaction(async (tx) => {
        await setClaimStatus({ userId: desk.reviewer.id, claimId: claim.id, status: "in_review", version: 1 }, tx);
        throw ROLLBACK;
      })
      .catch((e: unknown) => {
        if (e !== ROLLBACK) throw e;
      });
    expect(await stored(claim.id)).toMatchObject({ version: 1, status: "unreviewed" });
  });
});

// Found by lib/audit/audit.int.test.ts under load: of 50 writers sending the same change at the same version, one
// read the claim after the winner's write and was refused by the workflow ("already in review", 422) on a state it
// never saw. A stale version is a conflict whatever the rules would say of the claim as it is now.
describe("a change sent with a version someone else has moved on", () => {
  it("is a 409 conflict before any workflow rule is judged on the newer state", async () => {
    const desk = await createDesk();
    const claim = await claimOf(desk);
    await setClaimStatus({ userId: desk.reviewer.id, claimId: claim.id, status: "in_review", version: claim.version });
    const again = { userId: desk.reviewer2.id, claimId: claim.id, version: claim.version };
    expect(await outcomeOf(setClaimStatus({ ...again, status: "in_review" }))).toBe("conflict");
    await setClaimVerdict({
      userId: desk.reviewer.id,
      claimId: claim.id,
      verdict: "true",
      explanation: "Checked.",
      version: claim.version + 1,
    });
    await setClaimStatus({ userId: desk.editor.id, claimId: claim.id, status: "verified", version: claim.version + 2 });
    expect(await outcomeOf(setClaimStatus({ ...again, status: "verified", userId: desk.editor.id }))).toBe("conflict");
    expect(await outcomeOf(setClaimVerdict({ ...again, verdict: "false", explanation: "Not so.", version: claim.version + 1 }))).toBe(
      "conflict",
    );
    expect(await stored(claim.id)).toMatchObject({ version: claim.version + 3, status: "verified" });
  });
});
