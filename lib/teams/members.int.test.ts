import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDesk, createTeam, createUser, testDb, unique } from "@/e2e/fixtures/factories";
import { db } from "@/lib/db";
import { outcomeOf } from "@/e2e/fixtures/errors";
import { addMember, listMembers, listMyTeams, resetPassword, updateMember } from "@/lib/teams/members";
import { loadSessionUser } from "@/lib/users/session-user";
import { verifyCredentials } from "@/lib/users/sign-in";

let desk: Awaited<ReturnType<typeof createDesk>>;
beforeAll(async () => {
  desk = await createDesk();
});
afterAll(async () => {
  await db.$disconnect();
  await testDb().$disconnect();
});

describe("team administration", () => {
  it("lets an admin add a new person, whose one-time password works", async () => {
    const email = `${unique("new")}@test.factdesk.test`.toLowerCase();
    const added = await addMember({ teamId: desk.team.id, userId: desk.admin.id, email, name: "New Person", role: "reviewer" });
    expect(added.password).toEqual(expect.any(String));
    expect(await verifyCredentials(email, added.password!)).toMatchObject({ email });
    expect(await outcomeOf(addMember({ teamId: desk.team.id, userId: desk.admin.id, email, name: "Again", role: "viewer" }))).toBe(
      "conflict",
    );
  });

  it("adds an existing account to a second team without a new password, and the person can switch", async () => {
    const other = await createTeam();
    const admin = await createUser(other.id, "admin");
    const joined = await addMember({ teamId: other.id, userId: admin.id, email: desk.reviewer.email, name: "ignored", role: "editor" });
    expect(joined.password).toBeNull();
    expect((await listMyTeams({ userId: desk.reviewer.id })).map((t) => t.id)).toEqual([desk.team.id, other.id]);
    expect(await loadSessionUser(desk.reviewer.id, other.id)).toMatchObject({ teamId: other.id, role: "editor" });
    expect(await loadSessionUser(desk.reviewer.id, (await createTeam()).id)).toMatchObject({ teamId: desk.team.id, role: "reviewer" });
  });

  it("changes roles, disables accounts and resets passwords; only admins, never against themselves", async () => {
    const members = await listMembers({ teamId: desk.team.id, userId: desk.viewer.id });
    const viewerMember = members.find((m) => m.userId === desk.viewer.id)!;
    const adminMember = members.find((m) => m.userId === desk.admin.id)!;
    for (const actor of [desk.editor, desk.reviewer, desk.viewer]) {
      expect(await outcomeOf(updateMember({ teamId: desk.team.id, userId: actor.id, memberId: viewerMember.id, role: "editor" }))).toBe(
        "forbidden",
      );
      expect(await outcomeOf(resetPassword({ teamId: desk.team.id, userId: actor.id, memberId: viewerMember.id }))).toBe("forbidden");
    }
    const outsider = await createUser((await createTeam()).id, "admin", "outsider");
    expect(await outcomeOf(updateMember({ teamId: desk.team.id, userId: outsider.id, memberId: viewerMember.id, role: "admin" }))).toBe(
      "not_found",
    );
    expect(await outcomeOf(updateMember({ teamId: desk.team.id, userId: desk.admin.id, memberId: adminMember.id, disabled: true }))).toBe(
      "unprocessable",
    );

    expect((await updateMember({ teamId: desk.team.id, userId: desk.admin.id, memberId: viewerMember.id, role: "reviewer" })).role).toBe(
      "reviewer",
    );
    expect((await updateMember({ teamId: desk.team.id, userId: desk.admin.id, memberId: viewerMember.id, disabled: true })).disabled).toBe(
      true,
    );
    expect(await verifyCredentials(desk.viewer.email, desk.viewer.password)).toBeNull();
    expect(await loadSessionUser(desk.viewer.id)).toBeNull();
    await updateMember({ teamId: desk.team.id, userId: desk.admin.id, memberId: viewerMember.id, disabled: false });

    const reset = await resetPassword({ teamId: desk.team.id, userId: desk.admin.id, memberId: viewerMember.id });
    expect(await verifyCredentials(desk.viewer.email, desk.viewer.password)).toBeNull();
    expect(await verifyCredentials(desk.viewer.email, reset.password)).toMatchObject({ id: desk.viewer.id });
    const audit = await testDb().auditEvent.findMany({ where: { teamId: desk.team.id, entity: "membership" } });
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["member.updated", "member.password-reset"]));
    expect(JSON.stringify(audit.map((a) => [a.before, a.after]))).not.toContain(reset.password);
  });
});
