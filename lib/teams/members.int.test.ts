import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDesk, createTeam, createUser, testDb, unique } from "@/e2e/fixtures/factories";
import { outcomeOf } from "@/e2e/fixtures/errors";
import { addMember, listMembers, listMyTeams, resetPassword, updateMember } from "@/lib/teams/members";
import { loadSessionUser } from "@/lib/users/session-user";
import { verifyCredentials } from "@/lib/users/sign-in";
import { acceptInvitation } from "@/lib/onboarding/invitations";

let desk: Awaited<ReturnType<typeof createDesk>>;
beforeAll(async () => {
  desk = await createDesk();
});
afterAll(async () => {
  await testDb().$disconnect();
});

describe("team administration", () => {
  it("adding a new address invites it: no account until the person accepts with a password they choose", async () => {
    const email = `${unique("new")}@test.factdesk.test`.toLowerCase();
    const added = await addMember({ teamId: desk.team.id, userId: desk.admin.id, email, role: "reviewer" });
    expect(added).toMatchObject({ invitation: { email, role: "reviewer" }, url: expect.stringContaining("/join?token=") });
    expect(await testDb().user.count({ where: { email } })).toBe(0);
    const token = new URL(added.url).searchParams.get("token")!;
    await acceptInvitation({ token, email, name: "New Person", password: "a long chosen password" }, "198.51.100.7");
    expect(await verifyCredentials(email, "a long chosen password")).toMatchObject({ email });
    expect(await outcomeOf(addMember({ teamId: desk.team.id, userId: desk.admin.id, email, role: "viewer" }))).toBe("conflict");
  });

  it("adding an existing account invites it: not a member until it accepts with its own password, then it can switch", async () => {
    const other = await createTeam();
    const admin = await createUser(other.id, "admin");
    const joined = await addMember({ teamId: other.id, userId: admin.id, email: desk.reviewer.email, role: "editor" });
    expect(await testDb().membership.count({ where: { userId: desk.reviewer.id, teamId: other.id } })).toBe(0);
    expect((await listMyTeams({ userId: desk.reviewer.id })).map((t) => t.id)).toEqual([desk.team.id]);
    const token = new URL(joined.url).searchParams.get("token")!;
    expect(
      await outcomeOf(
        acceptInvitation({ token, email: desk.reviewer.email, name: "Any Name", password: "not their password" }, "198.51.100.7"),
      ),
    ).toBe("unprocessable");
    await acceptInvitation({ token, email: desk.reviewer.email, name: "Any Name", password: desk.reviewer.password }, "198.51.100.7");
    expect((await listMyTeams({ userId: desk.reviewer.id })).map((t) => t.id)).toEqual([desk.team.id, other.id]);
    expect(await loadSessionUser(desk.reviewer.id, other.id)).toMatchObject({ teamId: other.id, role: "editor" });
    expect(await loadSessionUser(desk.reviewer.id, (await createTeam()).id)).toMatchObject({ teamId: desk.team.id, role: "reviewer" });
  });

  it("answers alike whether or not the address has an account anywhere (no account enumeration)", async () => {
    const other = await createTeam();
    const admin = await createUser(other.id, "admin");
    const fresh = `${unique("fresh")}@test.factdesk.test`.toLowerCase();
    const answers = [
      await addMember({ teamId: other.id, userId: admin.id, email: desk.viewer.email, role: "viewer" }),
      await addMember({ teamId: other.id, userId: admin.id, email: fresh, role: "viewer" }),
    ];
    const shape = (answer: unknown): unknown =>
      answer !== null && typeof answer === "object"
        ? Object.fromEntries(Object.entries(answer).map(([k, v]) => [k, shape(v)]))
        : typeof answer;
    expect(shape(answers[0])).toEqual(shape(answers[1]));
    expect(answers.map((a) => [a.invitation.role, a.invitation.expired, a.mailed])).toEqual([
      ["viewer", false, answers[1]!.mailed],
      ["viewer", false, answers[1]!.mailed],
    ]);
    expect(answers[0]).not.toHaveProperty("password");
    expect(answers[0]).not.toHaveProperty("member");
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
