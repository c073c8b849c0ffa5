// Team administration writes are scoped to the actor still being an admin of that team.
import { afterAll, describe, expect, it } from "vitest";
import { createDesk, createTeam, createUser, testDb, unique } from "@/e2e/fixtures/factories";
import { outcomeOf } from "@/e2e/fixtures/errors";
import { withChangeBeforeWriting } from "@/lib/access/test-helpers";
import { acceptInvitation } from "@/lib/onboarding/invitations";
import { addMember, resetPassword, updateMember } from "@/lib/teams/members";
import { verifyCredentials } from "@/lib/users/sign-in";

afterAll(async () => {
  await testDb().$disconnect();
});

type Desk = Awaited<ReturnType<typeof createDesk>>;
const memberIdOf = async (desk: Desk, userId: string) =>
  (await testDb().membership.findFirstOrThrow({ where: { userId, teamId: desk.team.id } })).id;
const demoteAdmin = (desk: Desk) => () =>
  testDb().membership.updateMany({ where: { userId: desk.admin.id, teamId: desk.team.id }, data: { role: "editor" } });
const roleOf = async (memberId: string) => (await testDb().membership.findUniqueOrThrow({ where: { id: memberId } })).role;

describe("team administration after the admin lost their rights", () => {
  it("does not change a role or disable an account", async () => {
    const desk = await createDesk();
    const viewer = await memberIdOf(desk, desk.viewer.id);
    const update = () => updateMember({ teamId: desk.team.id, userId: desk.admin.id, memberId: viewer, role: "editor", disabled: true });
    expect(await outcomeOf(withChangeBeforeWriting(demoteAdmin(desk), update))).toBe("forbidden");
    expect(await roleOf(viewer)).toBe("viewer");
    expect((await testDb().user.findUniqueOrThrow({ where: { id: desk.viewer.id } })).disabled).toBe(false);
  });

  it("does not reset a password", async () => {
    const desk = await createDesk();
    const viewer = await memberIdOf(desk, desk.viewer.id);
    const reset = () => resetPassword({ teamId: desk.team.id, userId: desk.admin.id, memberId: viewer });
    expect(await outcomeOf(withChangeBeforeWriting(demoteAdmin(desk), reset))).toBe("forbidden");
    expect(await verifyCredentials(desk.viewer.email, desk.viewer.password)).toMatchObject({ id: desk.viewer.id });
  });

  it("does not add a member", async () => {
    const desk = await createDesk();
    const email = `${unique("late")}@test.factdesk.test`.toLowerCase();
    const add = () => addMember({ teamId: desk.team.id, userId: desk.admin.id, email, role: "admin" });
    expect(await outcomeOf(withChangeBeforeWriting(demoteAdmin(desk), add))).toBe("forbidden");
    expect(await testDb().invitation.count({ where: { email } })).toBe(0);
  });
});

describe("team administration from outside", () => {
  it("refuses another team's admin (404) and a viewer (403) adding members or resetting passwords", async () => {
    const desk = await createDesk();
    const outsider = await createUser((await createTeam()).id, "admin", "outsider");
    const viewer = await memberIdOf(desk, desk.viewer.id);
    const email = `${unique("sneak")}@test.factdesk.test`.toLowerCase();
    expect(await outcomeOf(addMember({ teamId: desk.team.id, userId: outsider.id, email, role: "admin" }))).toBe("not_found");
    expect(await outcomeOf(addMember({ teamId: desk.team.id, userId: desk.viewer.id, email, role: "admin" }))).toBe("forbidden");
    expect(await outcomeOf(resetPassword({ teamId: desk.team.id, userId: outsider.id, memberId: viewer }))).toBe("not_found");
    expect(await testDb().user.count({ where: { email } })).toBe(0);
    expect(await verifyCredentials(desk.viewer.email, desk.viewer.password)).toMatchObject({ id: desk.viewer.id });
  });

  it("refuses an admin naming their own team but another team's member (404)", async () => {
    const desk = await createDesk();
    const other = await createDesk();
    const theirs = await memberIdOf(other, other.viewer.id);
    expect(await outcomeOf(updateMember({ teamId: desk.team.id, userId: desk.admin.id, memberId: theirs, role: "admin" }))).toBe(
      "not_found",
    );
    expect(await outcomeOf(resetPassword({ teamId: desk.team.id, userId: desk.admin.id, memberId: theirs }))).toBe("not_found");
    expect(await roleOf(theirs)).toBe("viewer");
  });
});

describe("account-wide changes across teams", () => {
  it("an admin of one team cannot take over or lock out a member of another by adding their address", async () => {
    const mine = await createDesk();
    const theirs = await createDesk();
    // The other team's admin, invited to my team by address and accepting with their own password.
    const { url } = await addMember({ teamId: mine.team.id, userId: mine.admin.id, email: theirs.admin.email, role: "viewer" });
    const token = new URL(url).searchParams.get("token")!;
    await acceptInvitation({ token, email: theirs.admin.email, name: "Any Name", password: theirs.admin.password }, "198.51.100.7");
    const member = await testDb().membership.findUniqueOrThrow({
      where: { userId_teamId: { userId: theirs.admin.id, teamId: mine.team.id } },
    });
    const before = await testDb().user.findUniqueOrThrow({ where: { id: theirs.admin.id } });

    const reset = await outcomeOf(resetPassword({ teamId: mine.team.id, userId: mine.admin.id, memberId: member.id }));
    const disable = await outcomeOf(updateMember({ teamId: mine.team.id, userId: mine.admin.id, memberId: member.id, disabled: true }));
    expect({ reset, disable }).toEqual({ reset: "forbidden", disable: "forbidden" });
    const after = await testDb().user.findUniqueOrThrow({ where: { id: theirs.admin.id } });
    expect({ hash: after.passwordHash, disabled: after.disabled }).toEqual({ hash: before.passwordHash, disabled: false });
    expect(await verifyCredentials(theirs.admin.email, theirs.admin.password)).not.toBeNull();

    // A role in my own team is still mine to change.
    expect((await updateMember({ teamId: mine.team.id, userId: mine.admin.id, memberId: member.id, role: "reviewer" })).role).toBe(
      "reviewer",
    );
  });

  it("an admin of every team the person is in may reset their password", async () => {
    const desk = await createDesk();
    const second = await createTeam();
    await testDb().membership.createMany({
      data: [
        { teamId: second.id, userId: desk.admin.id, role: "admin" },
        { teamId: second.id, userId: desk.viewer.id, role: "viewer" },
      ],
    });
    const { password } = await resetPassword({
      teamId: desk.team.id,
      userId: desk.admin.id,
      memberId: await memberIdOf(desk, desk.viewer.id),
    });
    expect(await verifyCredentials(desk.viewer.email, password)).not.toBeNull();
  });
});
