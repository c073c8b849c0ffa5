// Accepting and dismissing suggestions: scoped to the writer's role, one transaction, one claim.
import { storeCheckedBefore } from "@/lib/claims/checked-before-stored";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createArticle, createDesk, createTeam, createUser, testDb } from "@/e2e/fixtures/factories";
import { outcomeOf } from "@/e2e/fixtures/errors";
import { withChangeBeforeWriting } from "@/lib/access/test-helpers";
import { acceptSuggestion, dismissSuggestion, listSuggestions } from "@/lib/claims/suggested";
import { createClaim } from "@/lib/claims/create-claim";
import { targetFor } from "@/lib/claims/test-helpers";
import { setClaimVerdict } from "@/lib/claims/update-claim";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/http/errors";

type Desk = Awaited<ReturnType<typeof createDesk>>;
let desk: Desk;
let intruder: Awaited<ReturnType<typeof createUser>>;
beforeAll(async () => {
  desk = await createDesk();
  intruder = await createUser((await createTeam()).id, "admin", "intruder");
});
afterAll(async () => {
  await testDb().$disconnect();
});

/** An open suggestion on a fresh copy of the sample article (its own, so tests do not share one). */
async function openSuggestion(teamId = desk.team.id, userId = desk.reviewer.id) {
  const article = await createArticle(teamId);
  const [first] = await listSuggestions({ articleId: article.id, userId });
  if (!first) throw new Error("The sample article should have suggestions");
  return { articleId: article.id, suggestionId: first.id };
}
const suggestionRow = (id: string) =>
  testDb().suggestion.findUniqueOrThrow({ where: { id }, select: { claimId: true, dismissedAt: true } });
const claimsOn = (articleId: string) => testDb().claim.count({ where: { articleId } });
const setRole = (d: Desk, userId: string, role: Role) =>
  testDb().membership.updateMany({ where: { userId, teamId: d.team.id }, data: { role } });
const ROLLBACK = new Error("roll back");

describe("acceptSuggestion", () => {
  it("makes one claim and links it; accepting again is a 409 that says so", async () => {
    const { articleId, suggestionId } = await openSuggestion();
    const claim = await acceptSuggestion({ userId: desk.reviewer.id, suggestionId });
    expect((await suggestionRow(suggestionId)).claimId).toBe(claim.id);
    const again = await acceptSuggestion({ userId: desk.editor.id, suggestionId }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(again).toBeInstanceOf(AppError);
    expect(again).toMatchObject({ code: "conflict", message: "This suggestion is already a claim." });
    expect(await claimsOn(articleId)).toBe(1);
  });

  it("makes exactly one claim when two people accept at once; the other hears 409", async () => {
    const { articleId, suggestionId } = await openSuggestion();
    const outcomes = await Promise.all(
      [desk.reviewer, desk.reviewer2].map((u) => outcomeOf(acceptSuggestion({ userId: u.id, suggestionId }))),
    );
    expect(outcomes.sort()).toEqual(["conflict", "ok"]);
    expect(await claimsOn(articleId)).toBe(1);
    const claim = await testDb().claim.findFirstOrThrow({ where: { articleId } });
    expect((await suggestionRow(suggestionId)).claimId).toBe(claim.id);
  });

  it("refuses a viewer (403) and another team's admin (404), and leaves the suggestion open", async () => {
    const { articleId, suggestionId } = await openSuggestion();
    expect(await outcomeOf(acceptSuggestion({ userId: desk.viewer.id, suggestionId }))).toBe("forbidden");
    expect(await outcomeOf(acceptSuggestion({ userId: intruder.id, suggestionId }))).toBe("not_found");
    expect(await suggestionRow(suggestionId)).toEqual({ claimId: null, dismissedAt: null });
    expect(await claimsOn(articleId)).toBe(0);
  });

  it("refuses a reviewer made a viewer after the check: no claim, and the suggestion stays open", async () => {
    const own = await createDesk();
    const { articleId, suggestionId } = await openSuggestion(own.team.id, own.reviewer.id);
    const outcome = await outcomeOf(
      withChangeBeforeWriting(
        () => setRole(own, own.reviewer.id, "viewer"),
        () => acceptSuggestion({ userId: own.reviewer.id, suggestionId }),
      ),
    );
    expect(outcome).toBe("forbidden");
    expect(await suggestionRow(suggestionId)).toEqual({ claimId: null, dismissedAt: null });
    expect(await claimsOn(articleId)).toBe(0);
  });

  it("is one transaction: in a caller's transaction that rolls back, neither the claim nor the link remain", async () => {
    const { articleId, suggestionId } = await openSuggestion();
    await db
      .$transaction(async (tx) => {
        await acceptSuggestion({ userId: desk.reviewer.id, suggestionId }, tx);
        throw ROLLBACK;
      })
      .catch((e: unknown) => {
        if (e !== ROLLBACK) throw e;
      });
    expect(await suggestionRow(suggestionId)).toEqual({ claimId: null, dismissedAt: null });
    expect(await claimsOn(articleId)).toBe(0);
    expect((await acceptSuggestion({ userId: desk.reviewer.id, suggestionId })).articleId).toBe(articleId);
  });
});

describe("dismissSuggestion", () => {
  it("refuses a viewer (403) and another team's admin (404)", async () => {
    const { suggestionId } = await openSuggestion();
    expect(await outcomeOf(dismissSuggestion({ userId: desk.viewer.id, suggestionId }))).toBe("forbidden");
    expect(await outcomeOf(dismissSuggestion({ userId: intruder.id, suggestionId }))).toBe("not_found");
    expect((await suggestionRow(suggestionId)).dismissedAt).toBeNull();
  });

  it("refuses a reviewer made a viewer after the check, and the suggestion stays open", async () => {
    const own = await createDesk();
    const { suggestionId } = await openSuggestion(own.team.id, own.reviewer.id);
    const outcome = await outcomeOf(
      withChangeBeforeWriting(
        () => setRole(own, own.reviewer.id, "viewer"),
        () => dismissSuggestion({ userId: own.reviewer.id, suggestionId }),
      ),
    );
    expect(outcome).toBe("forbidden");
    expect((await suggestionRow(suggestionId)).dismissedAt).toBeNull();
  });
});

describe("listSuggestions and earlier verdicts", () => {
  it("lists a suggestion the desk has checked before first, with that verdict; the rest in text order", async () => {
    const own = await createDesk();
    const claimText = "The UK currently spends around 2.3 per cent of gross national product on defence";
    const before = await listSuggestions({ articleId: own.article.id, userId: own.reviewer.id });
    expect(before.every((s) => s.checkedBefore === null)).toBe(true);
    expect(before[0]!.text).not.toBe(claimText);
    // What the request left pending (its lookups stop at a time budget, which a loaded machine spends) the job
    // stores: done here, so the answer below comes from the verdict, not from how fast this machine is.
    for (const s of before) if (s.checkedBeforePending) await storeCheckedBefore(s.id);

    const earlier = await createArticle(own.team.id, { title: "Defence spending explained" });
    const old = await createClaim({ userId: own.reviewer.id, articleId: earlier.id, target: targetFor(earlier.body, claimText) });
    await setClaimVerdict({ userId: own.reviewer.id, claimId: old.id, verdict: "misleading", explanation: "A share of GDP, not GNP." });

    const after = await listSuggestions({ articleId: own.article.id, userId: own.reviewer.id });
    expect(after[0]).toMatchObject({
      text: claimText,
      checkedBefore: { claimId: old.id, verdict: "Misleading", article: { id: earlier.id, title: "Defence spending explained" } },
    });
    const rest = after.slice(1);
    expect(rest.every((s) => s.checkedBefore === null)).toBe(true);
    expect(rest.map((s) => s.start)).toEqual([...rest.map((s) => s.start)].sort((a, b) => a - b));
    expect(after).toHaveLength(before.length);
  });
});
