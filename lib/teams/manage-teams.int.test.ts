// Team administration: create, rename, archive, options; audited; refused from the intruder's side.
import { afterAll, describe, expect, it } from "vitest";
import { createArticle, createDesk, testDb } from "@/e2e/fixtures/factories";
import { outcomeOf } from "@/e2e/fixtures/errors";
import { db } from "@/lib/db";
import { listMyTeams } from "@/lib/teams/members";
import { archiveTeam, createTeam, getTeamOptions, renameTeam, updateTeamOptions } from "@/lib/teams/manage-teams";
import { ZTeamOptions } from "@/lib/validation/team-admin";
import { defaultRatingScale } from "@/lib/teams/rating-scale";
import { loadSessionUser } from "@/lib/users/session-user";
import { verdictForClaim } from "@/lib/teams/team-scale";
import { createClaim } from "@/lib/claims/create-claim";
import { targetFor } from "@/lib/claims/test-helpers";
import { addComment } from "@/lib/claims/comments";
import { tagClaim } from "@/lib/tags/tags";

afterAll(async () => {
  await testDb().$disconnect();
});

const actionsOf = async (teamId: string) =>
  (await testDb().auditEvent.findMany({ where: { teamId, entity: "team" }, orderBy: { id: "asc" }, select: { action: true } })).map(
    (a) => a.action,
  );

describe("team administration", () => {
  it("creates, renames and archives teams, each audited; archived teams vanish for members", async () => {
    const desk = await createDesk();
    const team = await createTeam({ userId: desk.admin.id, name: "Politics desk" });
    expect((await listMyTeams({ userId: desk.admin.id })).map((t) => t.name)).toContain("Politics desk");
    await renameTeam({ teamId: team.id, userId: desk.admin.id, name: "Politics and policy" });
    expect(await outcomeOf(archiveTeam({ teamId: team.id, userId: desk.admin.id, confirmName: "Politics desk" }))).toBe("unprocessable");
    await archiveTeam({ teamId: team.id, userId: desk.admin.id, confirmName: "Politics and policy" });
    expect(await actionsOf(team.id)).toEqual(["team.created", "team.renamed", "team.archived"]);
    expect((await listMyTeams({ userId: desk.admin.id })).map((t) => t.id)).not.toContain(team.id);
    expect((await loadSessionUser(desk.admin.id, team.id))?.teamId).toBe(desk.team.id);
  });

  // Found in review: the claim write check (one SQL join) did not ask whether the team is archived, so comments,
  // tags and evidence could still be added to an archived team's claims through the API.
  it("refuses writes to an archived team's claims", async () => {
    const desk = await createDesk();
    const claim = await createClaim({
      userId: desk.reviewer.id,
      articleId: desk.article.id,
      target: targetFor(desk.article.body, "The UK currently spends around 2.3 per cent"),
    });
    await createTeam({ userId: desk.admin.id, name: "Where the admin goes next" });
    await archiveTeam({ teamId: desk.team.id, userId: desk.admin.id, confirmName: desk.team.name });
    expect(await outcomeOf(addComment({ userId: desk.reviewer.id, claimId: claim.id, body: "Still here?" }))).toBe("not_found");
    expect(await outcomeOf(tagClaim({ userId: desk.reviewer.id, claimId: claim.id, name: "late" }))).toBe("not_found");
    expect(await testDb().comment.count({ where: { claimId: claim.id } })).toBe(0);
  });

  it("will not archive an admin's only team", async () => {
    const desk = await createDesk();
    expect(await outcomeOf(archiveTeam({ teamId: desk.team.id, userId: desk.admin.id, confirmName: desk.team.name }))).toBe(
      "unprocessable",
    );
  });

  it("refuses every act to editors, reviewers, viewers (403) and other teams' admins (404)", async () => {
    const desk = await createDesk();
    const other = await createDesk();
    const options = { doubleReviewDefault: true, requireSso: false, ratingScale: defaultRatingScale() };
    for (const intruder of [desk.editor, desk.reviewer, desk.viewer, other.admin]) {
      const expected = intruder === other.admin ? "not_found" : "forbidden";
      expect(await outcomeOf(renameTeam({ teamId: desk.team.id, userId: intruder.id, name: "Taken" }))).toBe(expected);
      expect(await outcomeOf(archiveTeam({ teamId: desk.team.id, userId: intruder.id, confirmName: desk.team.name }))).toBe(expected);
      expect(await outcomeOf(updateTeamOptions({ teamId: desk.team.id, userId: intruder.id, ...options }))).toBe(expected);
    }
    expect(await outcomeOf(createTeam({ userId: desk.editor.id, name: "Editor's own" }))).toBe("forbidden");
    expect((await testDb().team.findUniqueOrThrow({ where: { id: desk.team.id } })).name).toBe(desk.team.name);
  });

  it("changes the rating scale without touching stored verdicts; new verdicts take the new label", async () => {
    const desk = await createDesk();
    const article = await createArticle(desk.team.id);
    const claim = await testDb().claim.create({
      data: {
        articleId: article.id,
        exact: "x",
        prefix: "",
        suffix: "",
        start: 0,
        end: 1,
        verdictOrdinal: 1,
        verdictLabel: "False",
        createdById: desk.editor.id,
        updatedById: desk.editor.id,
      },
    });
    const scale = defaultRatingScale().map((e) => (e.key === "false" ? { ...e, label: "Pants on fire", colour: "#ff0000" } : e));
    const reordered = [scale[5]!, ...scale.slice(0, 5)];
    await updateTeamOptions({
      teamId: desk.team.id,
      userId: desk.admin.id,
      doubleReviewDefault: true,
      requireSso: false,
      ratingScale: reordered,
    });
    const read = await getTeamOptions({ teamId: desk.team.id, userId: desk.viewer.id });
    expect(read.ratingScale.map((e) => e.key)).toEqual(reordered.map((e) => e.key));
    expect(read.doubleReviewDefault).toBe(true);
    expect((await testDb().claim.findUniqueOrThrow({ where: { id: claim.id } })).verdictLabel).toBe("False");
    expect(await verdictForClaim(db, claim.id, "false")).toEqual({ key: "false", ordinal: 1, label: "Pants on fire" });
    expect(await actionsOf(desk.team.id)).toContain("team.options");
  });

  it("sets how often evidence sources are checked (weekly by default), keeps it when omitted, refuses other intervals", async () => {
    const desk = await createDesk();
    const options = { doubleReviewDefault: false, requireSso: false, ratingScale: defaultRatingScale() };
    expect((await getTeamOptions({ teamId: desk.team.id, userId: desk.viewer.id })).sourceCheckDays).toBe(7);
    await updateTeamOptions({ teamId: desk.team.id, userId: desk.admin.id, ...options, sourceCheckDays: 30 });
    await updateTeamOptions({ teamId: desk.team.id, userId: desk.admin.id, ...options });
    expect((await getTeamOptions({ teamId: desk.team.id, userId: desk.viewer.id })).sourceCheckDays).toBe(30);
    expect(ZTeamOptions.safeParse({ ...options, sourceCheckDays: 3 }).success).toBe(false);
    expect(await outcomeOf(updateTeamOptions({ teamId: desk.team.id, userId: desk.editor.id, ...options, sourceCheckDays: 1 }))).toBe(
      "forbidden",
    );
  });
});
