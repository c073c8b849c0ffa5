// A correction note on the published report is an editor's to add: an editor demoted (or removed from the team) while
// adding one adds nothing. The demotion is committed as the note's transaction opens (withChangeBeforeWriting), after
// the claim was read; the role is read under a share lock on the membership inside that transaction, so a demotion
// either lands before it (and is seen) or waits for the note. Before the fix the note was written.
import { afterAll, describe, expect, it } from "vitest";
import { createUser, testDb } from "@/e2e/fixtures/factories";
import { outcomeOf } from "@/e2e/fixtures/errors";
import { withChangeBeforeWriting } from "@/lib/access/test-helpers";
import { addCorrectionNote } from "@/lib/publish/corrections";
import { publishedFactCheck } from "@/lib/publish/test-helpers";

afterAll(async () => {
  await testDb().$disconnect();
});

describe("a correction note by an editor whose role changed as they added it", () => {
  it("is refused: 403 once made a reviewer, 404 once out of the team; no note, no audit row", async () => {
    const { desk, claimId } = await publishedFactCheck();
    for (const [change, expected] of [
      ["demote", "forbidden"],
      ["remove", "not_found"],
    ] as const) {
      const editor = await createUser(desk.team.id, "editor", change);
      const alter = () =>
        change === "demote"
          ? testDb().membership.updateMany({ where: { userId: editor.id }, data: { role: "reviewer" } })
          : testDb().membership.deleteMany({ where: { userId: editor.id } });
      const add = () => addCorrectionNote({ userId: editor.id, claimId, kind: "correction", note: `By a ${change}d editor.` });
      expect(await outcomeOf(withChangeBeforeWriting(alter, add))).toBe(expected);
      expect(await testDb().reportCorrection.count({ where: { claimId, createdById: editor.id } })).toBe(0);
      expect(await testDb().auditEvent.count({ where: { claimId, actorId: editor.id } })).toBe(0);
    }
    // An editor who stays one still adds it.
    const note = await addCorrectionNote({ userId: desk.editor.id, claimId, kind: "correction", note: "The figure is for GDP." });
    expect(note.by.id).toBe(desk.editor.id);
  });
});
