// An editor who is demoted (or leaves the team) between the editor check and the write signs off, reopens and settles
// nothing: the write itself carries the role the rules were judged on (CONVENTIONS: put authorization in the query
// itself). The demotion is committed just before the claim's write statement (withChangeBeforeClaimWrite), after
// every check, inside the write's transaction too. Before the fix each of these wrote (outcome "ok").
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDesk, createUser, testDb, type TestUser } from "@/e2e/fixtures/factories";
import { answerFor, outcomeOf } from "@/e2e/fixtures/errors";
import { withChangeBeforeClaimWrite } from "@/lib/access/test-helpers";
import { createClaim } from "@/lib/claims/create-claim";
import { setClaimDoubleReview } from "@/lib/claims/double-review";
import { submitReviewVerdict } from "@/lib/claims/review-verdicts";
import { targetFor } from "@/lib/claims/test-helpers";
import { setClaimStatus, setClaimVerdict } from "@/lib/claims/update-claim";
import type { Role } from "@/lib/generated/prisma/enums";

type Desk = Awaited<ReturnType<typeof createDesk>>;
let desk: Desk;
beforeAll(async () => {
  desk = await createDesk();
});
afterAll(async () => {
  await testDb().$disconnect();
});

const PHRASES = [
  "Marco Rubio led a delegation to Saudi Arabia",
  "The UK currently spends around 2.3 per cent of gross national product on defence",
];
let nextPhrase = 0;

/** A claim desk.reviewer proposed a verdict on (status Verdict proposed). Output: its id. */
async function proposed(): Promise<string> {
  const phrase = PHRASES[nextPhrase++ % PHRASES.length]!;
  const claim = await createClaim({ userId: desk.reviewer.id, articleId: desk.article.id, target: targetFor(desk.article.body, phrase) });
  await setClaimVerdict({ userId: desk.reviewer.id, claimId: claim.id, verdict: "mostly_true", explanation: "MoD figures." });
  return claim.id;
}

/** A claim under double review whose two independent verdicts differ (status Disputed). Output: its id. */
async function disputed(): Promise<string> {
  const phrase = PHRASES[nextPhrase++ % PHRASES.length]!;
  const claim = await createClaim({ userId: desk.reviewer.id, articleId: desk.article.id, target: targetFor(desk.article.body, phrase) });
  await setClaimDoubleReview({ userId: desk.editor.id, claimId: claim.id, required: true });
  await submitReviewVerdict({ userId: desk.reviewer.id, claimId: claim.id, verdict: "false", explanation: "Never said." });
  await submitReviewVerdict({ userId: desk.reviewer2.id, claimId: claim.id, verdict: "unverifiable", explanation: "Cannot know." });
  return claim.id;
}

const stored = (id: string) =>
  testDb().claim.findUniqueOrThrow({ where: { id }, select: { status: true, version: true, verdictLabel: true, verdictById: true } });
const audited = (claimId: string, actorId: string) => testDb().auditEvent.count({ where: { claimId, actorId } });
const demote = (user: TestUser, role: Role) => () => testDb().membership.updateMany({ where: { userId: user.id }, data: { role } });
const removeFromTeam = (user: TestUser) => () => testDb().membership.deleteMany({ where: { userId: user.id } });
const newEditor = () => createUser(desk.team.id, "editor", "demoted");

describe("a sign-off, reopening or settling by an editor demoted after the check", () => {
  it("signs off nothing: 403 when made a reviewer, 404 when removed from the team", async () => {
    for (const [change, expected] of [
      [demote, "forbidden"],
      [removeFromTeam, "not_found"],
    ] as const) {
      const editor = await newEditor();
      const claimId = await proposed();
      const before = await stored(claimId);
      const signOff = () => setClaimStatus({ userId: editor.id, claimId, status: "verified" });
      expect(await outcomeOf(withChangeBeforeClaimWrite(change(editor, "reviewer"), signOff))).toBe(expected);
      expect(await stored(claimId)).toEqual(before);
      expect(await audited(claimId, editor.id)).toBe(0);
    }
  });

  it("the same sign-off goes through when the role stays (the change lands, the write is judged on the same role)", async () => {
    const editor = await newEditor();
    const claimId = await proposed();
    const signOff = () => setClaimStatus({ userId: editor.id, claimId, status: "verified" });
    expect(await outcomeOf(withChangeBeforeClaimWrite(demote(editor, "editor"), signOff))).toBe("ok");
    expect((await stored(claimId)).status).toBe("verified");
  });

  it("reopens nothing: the claim stays verified", async () => {
    const editor = await newEditor();
    const claimId = await proposed();
    await setClaimStatus({ userId: desk.editor.id, claimId, status: "verified" });
    const before = await stored(claimId);
    const reopen = () => setClaimStatus({ userId: editor.id, claimId, status: "verdict_proposed" });
    expect(await answerFor(withChangeBeforeClaimWrite(demote(editor, "reviewer"), reopen))).toEqual({
      status: 403,
      code: "forbidden",
      message: expect.stringMatching(/^Your role in this team changed \(you are now a reviewer\)/) as unknown,
    });
    expect(await stored(claimId)).toEqual(before);
    expect(await audited(claimId, editor.id)).toBe(0);
  });

  it("settles no dispute: the claim stays disputed with no verdict of theirs", async () => {
    const editor = await newEditor();
    const claimId = await disputed();
    const before = await stored(claimId);
    expect(before.status).toBe("disputed");
    const settle = () => setClaimVerdict({ userId: editor.id, claimId, verdict: "unverifiable", explanation: "No assessment exists." });
    expect(await outcomeOf(withChangeBeforeClaimWrite(demote(editor, "reviewer"), settle))).toBe("forbidden");
    expect(await stored(claimId)).toEqual(before);
    expect(await audited(claimId, editor.id)).toBe(0);
  });
});
