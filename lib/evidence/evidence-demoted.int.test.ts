// Changing evidence is judged on the changer's role (an editor may change anyone's source, a reviewer only their own):
// the write carries it in its own `where`, so an editor demoted or removed after the check changes nothing. The change
// is committed just before the evidence's write statement (withChangeBeforeRowWrite). Before the fix each wrote.
// The claim's status cannot change in between any more: the change holds the claim's row lock from before it judges
// the status, so a sign-off waits for it (lib/evidence/evidence-lock-race.int.test.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDesk, createUser, testDb, type TestUser } from "@/e2e/fixtures/factories";
import { outcomeOf } from "@/e2e/fixtures/errors";
import { withChangeBeforeRowWrite } from "@/lib/access/test-helpers";
import { addEvidence } from "@/lib/claims/evidence";
import { createClaim } from "@/lib/claims/create-claim";
import { targetFor } from "@/lib/claims/test-helpers";
import { setClaimVerdict } from "@/lib/claims/update-claim";
import { editEvidence } from "@/lib/evidence/edit-evidence";

const CLAIM = "The UK currently spends around 2.3 per cent of gross national product on defence";
const fields = {
  url: "https://www.gov.uk/government/statistics/defence-departmental-resources-2024",
  title: "Defence departmental resources: 2024",
  excerpt: "2.3% of GDP",
  stance: "supports" as const,
  sourceType: "primary" as const,
  retrievedAt: new Date("2026-11-01"),
};

let desk: Awaited<ReturnType<typeof createDesk>>;
beforeAll(async () => {
  desk = await createDesk();
});
afterAll(async () => {
  await testDb().$disconnect();
});

/** A claim with desk.reviewer's verdict and one source desk.reviewer added. Output: their ids. */
async function sourced(): Promise<{ claimId: string; evidenceId: string }> {
  const claim = await createClaim({ userId: desk.reviewer.id, articleId: desk.article.id, target: targetFor(desk.article.body, CLAIM) });
  await setClaimVerdict({ userId: desk.reviewer.id, claimId: claim.id, verdict: "mostly_true", explanation: "MoD figures." });
  const evidence = await addEvidence({ userId: desk.reviewer.id, claimId: claim.id, ...fields });
  return { claimId: claim.id, evidenceId: evidence.id };
}

const stored = (id: string) =>
  testDb().evidence.findUniqueOrThrow({ where: { id }, select: { title: true, deletedAt: true, version: true } });
const demote = (user: TestUser) => () => testDb().membership.updateMany({ where: { userId: user.id }, data: { role: "reviewer" } });
const removeFromTeam = (user: TestUser) => () => testDb().membership.deleteMany({ where: { userId: user.id } });

describe("an evidence change judged on a role or status that changed before the write", () => {
  it("an editor changing a reviewer's source: 403 once made a reviewer, 404 once out of the team", async () => {
    for (const [change, expected] of [
      [demote, "forbidden"],
      [removeFromTeam, "not_found"],
    ] as const) {
      const editor = await createUser(desk.team.id, "editor", "demoted");
      const { evidenceId } = await sourced();
      const before = await stored(evidenceId);
      const edit = () => editEvidence({ userId: editor.id, evidenceId, ...fields, title: "Rewritten by the editor" });
      expect(await outcomeOf(withChangeBeforeRowWrite("evidence", change(editor), edit))).toBe(expected);
      expect(await stored(evidenceId)).toEqual(before);
    }
  });
});
