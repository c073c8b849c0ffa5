// Due dates are calendar days in the team's time zone. Before, "2026-12-10T18:00:00-08:00"
// was stored as an instant and shown as due 2026-12-11, "overdue" compared with UTC midnight,
// and "+010000-01-01" was accepted and then broke the claim and My queue with a 500.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDesk, testDb } from "@/e2e/fixtures/factories";
import { assignReviewers, listQueue } from "@/lib/claims/assignments";
import { createClaim } from "@/lib/claims/create-claim";
import { getClaim } from "@/lib/claims/get-claim";
import { targetFor } from "@/lib/claims/test-helpers";
import { outcomeOf } from "@/e2e/fixtures/errors";
import { setTeamTimeZone } from "@/lib/teams/settings";
import { parseInput } from "@/lib/validation/parse";
import { ZAssignReviewers } from "@/lib/validation/team";

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

const assign = async (dueAt: unknown) =>
  assignReviewers({ userId: desk.editor.id, ...parseInput(ZAssignReviewers, { claimId, reviewerIds: [desk.reviewer.id], dueAt }) });

describe("due dates", () => {
  it("keep the day that was written, whatever offset came with it", async () => {
    expect((await assign("2026-12-10T18:00:00-08:00"))[0]!.dueAt).toBe("2026-12-10");
    expect((await getClaim({ claimId, userId: desk.reviewer.id })).assignees[0]!.dueAt).toBe("2026-12-10");
    expect((await listQueue({ userId: desk.reviewer.id }))[0]!.dueAt).toBe("2026-12-10");
  });

  it("are overdue once the day has ended in the team's time zone", async () => {
    await assign("2026-12-10");
    // 02:00 UTC on the 11th: the 10th is over in London, not yet in Los Angeles.
    const now = new Date("2026-12-11T02:00:00Z");
    expect((await listQueue({ userId: desk.reviewer.id, now }))[0]!.overdue).toBe(true);
    await setTeamTimeZone({ userId: desk.admin.id, teamId: desk.team.id, timeZone: "America/Los_Angeles" });
    expect((await listQueue({ userId: desk.reviewer.id, now }))[0]!.overdue).toBe(false);
    expect((await listQueue({ userId: desk.reviewer.id, now: new Date("2026-12-11T08:00:01Z") }))[0]!.overdue).toBe(true);
  });

  it("outside the years 1800-2200 are refused, and the database refuses them too", async () => {
    for (const dueAt of ["+010000-01-01", "-000001-01-01", "2026-02-30"])
      expect(await outcomeOf(assign(dueAt)), dueAt).toBe("unprocessable");
    const assignment = await testDb().assignment.findFirstOrThrow({ where: { claimId } });
    const refused = await testDb()
      .assignment.update({ where: { id: assignment.id }, data: { dueAt: new Date("+010000-01-01T00:00:00Z") } })
      .then(
        () => "stored",
        () => "refused",
      );
    expect(refused).toBe("refused");
    expect((await listQueue({ userId: desk.reviewer.id })).length).toBe(1);
  });
});

describe("the team's time zone", () => {
  it("is set by admins only, and recorded", async () => {
    expect(await outcomeOf(setTeamTimeZone({ userId: desk.editor.id, teamId: desk.team.id, timeZone: "Europe/London" }))).toBe("forbidden");
    expect(await outcomeOf(setTeamTimeZone({ userId: desk.admin.id, teamId: "someone-elses", timeZone: "Europe/London" }))).toBe(
      "not_found",
    );
    expect(await setTeamTimeZone({ userId: desk.admin.id, teamId: desk.team.id, timeZone: "Europe/London" })).toMatchObject({
      timeZone: "Europe/London",
    });
    const audit = await testDb().auditEvent.findFirst({
      where: { teamId: desk.team.id, action: "team.time_zone_set" },
      orderBy: { id: "desc" },
    });
    expect(audit?.after).toEqual({ timeZone: "Europe/London" });
  });
});
