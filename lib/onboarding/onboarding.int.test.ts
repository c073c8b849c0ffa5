// Setup link, invitations and password reset links against the real database: single use, expiry,
// bound to one address, and refused from every intruder's side.
import { afterAll, describe, expect, it } from "vitest";
import { createDesk, createTeam, createUser, testDb, unique } from "@/e2e/fixtures/factories";
import { outcomeOf } from "@/e2e/fixtures/errors";
import { db } from "@/lib/db";
import {
  acceptInvitation,
  inviteMember,
  listInvitations,
  readInvitation,
  resendInvitation,
  revokeInvitation,
} from "@/lib/onboarding/invitations";
import { oneTimeTokenHash, newOneTimeToken } from "@/lib/onboarding/one-time-token";
import { completePasswordReset, requestPasswordReset, resetLinkIsLive } from "@/lib/onboarding/password-reset";
import { completeSetup, createSetupLink } from "@/lib/onboarding/setup-link";
import { checkLoginLock } from "@/lib/users/login-attempts";
import { verifyCredentials } from "@/lib/users/sign-in";

afterAll(async () => {
  await testDb().$disconnect();
});

const NEW_PASSWORD = "a brand new long password";
// The client address acceptInvitation counts a wrong password against (TEST-NET-3).
const IP = "203.0.113.7";
const tokenOf = (url: string) => new URL(url).searchParams.get("token")!;
const address = () => `${unique("person").toLowerCase()}@newsroom.test`;

describe("the setup link", () => {
  it("is not offered, and an old one is refused, once an admin exists outside the demo desk", async () => {
    await createDesk();
    expect(await createSetupLink()).toBeNull();
    const token = newOneTimeToken();
    await testDb().setupToken.create({ data: { tokenHash: oneTimeTokenHash(token), expiresAt: new Date(Date.now() + 3600_000) } });
    const email = address();
    const setup = { token, teamName: "Late desk", name: "Late Admin", email, password: NEW_PASSWORD };
    expect(await outcomeOf(completeSetup(setup))).toBe("not_found");
    expect(await testDb().user.count({ where: { email } })).toBe(0);
  });

  it("refuses unknown tokens without touching the database", async () => {
    const setup = { token: "not-a-token", teamName: "Desk", name: "A", email: address(), password: NEW_PASSWORD };
    expect(await outcomeOf(completeSetup(setup))).toBe("not_found");
  });
});

describe("invitations", () => {
  it("join the invited address once, with the invited role, and are audited", async () => {
    const desk = await createDesk();
    const email = address();
    const sent = await inviteMember({ teamId: desk.team.id, userId: desk.admin.id, email, role: "editor" });
    expect(sent.mailed).toBe(false);
    const token = tokenOf(sent.url);
    expect(await readInvitation(token)).toEqual({ email, role: "editor", teamName: desk.team.name });
    const accept = { token, email, name: "New Editor", password: NEW_PASSWORD };
    expect(await acceptInvitation(accept, IP)).toMatchObject({ email, teamId: desk.team.id });
    const member = await testDb().membership.findFirstOrThrow({ where: { teamId: desk.team.id, user: { email } } });
    expect(member.role).toBe("editor");
    expect(await verifyCredentials(email, NEW_PASSWORD)).toBeTruthy();
    // Reuse of the same link.
    expect(await outcomeOf(acceptInvitation(accept, IP))).toBe("not_found");
    const actions = await testDb().auditEvent.findMany({ where: { teamId: desk.team.id, entity: "invitation" }, select: { action: true } });
    expect(actions.map((a) => a.action).sort()).toEqual(["invitation.accepted", "invitation.created"]);
  });

  it("refuse another address, an expired link, a revoked link and a link replaced by Resend", async () => {
    const desk = await createDesk();
    const email = address();
    const first = await inviteMember({ teamId: desk.team.id, userId: desk.admin.id, email, role: "reviewer" });
    const other = { token: tokenOf(first.url), email: address(), name: "Someone Else", password: NEW_PASSWORD };
    expect(await outcomeOf(acceptInvitation(other, IP))).toBe("not_found");

    const resent = await resendInvitation({ teamId: desk.team.id, userId: desk.admin.id, invitationId: first.invitation.id });
    const replaced = { token: tokenOf(first.url), email, name: "Invitee", password: NEW_PASSWORD };
    expect(await outcomeOf(acceptInvitation(replaced, IP))).toBe("not_found");

    const later = new Date(Date.now() + 8 * 86_400_000);
    expect(await outcomeOf(acceptInvitation({ ...replaced, token: tokenOf(resent.url) }, IP, db, later))).toBe("not_found");

    await revokeInvitation({ teamId: desk.team.id, userId: desk.admin.id, invitationId: first.invitation.id });
    expect(await outcomeOf(acceptInvitation({ ...replaced, token: tokenOf(resent.url) }, IP))).toBe("not_found");
    expect(await testDb().user.count({ where: { email } })).toBe(0);
  });

  it("let an existing account join only with its own password", async () => {
    const desk = await createDesk();
    const elsewhere = await createTeam();
    const person = await createUser(elsewhere.id, "reviewer");
    const sent = await inviteMember({ teamId: desk.team.id, userId: desk.admin.id, email: person.email, role: "viewer" });
    const token = tokenOf(sent.url);
    const join = { token, email: person.email, name: "Any Name" };
    expect(await outcomeOf(acceptInvitation({ ...join, password: "not their password" }, IP))).toBe("unprocessable");
    expect(await acceptInvitation({ ...join, password: person.password }, IP)).toMatchObject({ teamId: desk.team.id });
  });

  it("count an existing account's wrong password as a failed sign-in: the account locks here and at sign-in alike", async () => {
    const desk = await createDesk();
    const elsewhere = await createTeam();
    const person = await createUser(elsewhere.id, "reviewer");
    const sent = await inviteMember({ teamId: desk.team.id, userId: desk.admin.id, email: person.email, role: "viewer" });
    const token = tokenOf(sent.url);
    // Ten guesses, each from another address, so only the per-account limit (10 in 15 minutes) can stop them.
    for (let guess = 1; guess <= 10; guess++) {
      const ip = `198.51.100.${guess}`;
      const attempt = { token, email: person.email, name: "Any Name", password: `wrong guess number ${guess}` };
      expect(await outcomeOf(acceptInvitation(attempt, ip)), `guess ${guess}`).toBe("unprocessable");
    }
    expect(
      await outcomeOf(acceptInvitation({ token, email: person.email, name: "Any Name", password: person.password }, "198.51.100.99")),
    ).toBe("too_many_requests");
    expect((await checkLoginLock(person.email, "198.51.100.100")).locked).toBe(true);
    expect(await testDb().membership.count({ where: { userId: person.id, teamId: desk.team.id } })).toBe(0);
  });

  it("are refused from every intruder's side: another team's admin, an editor, a viewer", async () => {
    const desk = await createDesk();
    const other = await createDesk();
    const sent = await inviteMember({ teamId: desk.team.id, userId: desk.admin.id, email: address(), role: "viewer" });
    const ref = { teamId: desk.team.id, invitationId: sent.invitation.id };
    for (const intruder of [other.admin, desk.editor, desk.viewer]) {
      const expected = intruder === other.admin ? "not_found" : "forbidden";
      expect(await outcomeOf(inviteMember({ teamId: desk.team.id, userId: intruder.id, email: address(), role: "admin" }))).toBe(expected);
      expect(await outcomeOf(resendInvitation({ ...ref, userId: intruder.id }))).toBe(expected);
      expect(await outcomeOf(revokeInvitation({ ...ref, userId: intruder.id }))).toBe(expected);
      expect(await outcomeOf(listInvitations({ teamId: desk.team.id, userId: intruder.id }))).toBe(expected);
    }
    // Another team's admin cannot touch this team's invitation through their own team either.
    expect(await outcomeOf(revokeInvitation({ teamId: other.team.id, userId: other.admin.id, invitationId: sent.invitation.id }))).toBe(
      "not_found",
    );
    expect(await listInvitations({ teamId: desk.team.id, userId: desk.admin.id })).toHaveLength(1);
  });
});

describe("password reset links", () => {
  async function resetLinkFor(email: string, ip = unique("ip")) {
    await requestPasswordReset({ email, ip });
    // The link is mailed; the test reads the row the mail was made from and makes a known token for it.
    const row = await testDb().passwordReset.findFirstOrThrow({ where: { user: { email } }, orderBy: { createdAt: "desc" } });
    const token = newOneTimeToken();
    await testDb().passwordReset.update({ where: { id: row.id }, data: { tokenHash: oneTimeTokenHash(token) } });
    return token;
  }

  it("set a new password once, end the sessions, and refuse reuse, another address and expiry", async () => {
    const desk = await createDesk();
    const token = await resetLinkFor(desk.reviewer.email);
    expect(await outcomeOf(completePasswordReset({ token, email: desk.editor.email, password: NEW_PASSWORD }))).toBe("not_found");
    const later = new Date(Date.now() + 31 * 60_000);
    expect(await outcomeOf(completePasswordReset({ token, email: desk.reviewer.email, password: NEW_PASSWORD }, later))).toBe("not_found");
    expect(await resetLinkIsLive(token)).toBe(true);
    await completePasswordReset({ token, email: desk.reviewer.email, password: NEW_PASSWORD });
    expect(await verifyCredentials(desk.reviewer.email, NEW_PASSWORD)).toBeTruthy();
    expect(await outcomeOf(completePasswordReset({ token, email: desk.reviewer.email, password: "yet another long password" }))).toBe(
      "not_found",
    );
    expect(await resetLinkIsLive(token)).toBe(false);
  });

  it("answer alike for an unknown address and make nothing", async () => {
    const before = await testDb().passwordReset.count();
    await expect(requestPasswordReset({ email: address(), ip: unique("ip") })).resolves.toBeUndefined();
    expect(await testDb().passwordReset.count()).toBe(before);
  });

  it("are limited per client address", async () => {
    const ip = unique("ip");
    const outcomes: string[] = [];
    for (let i = 0; i < 7; i++) outcomes.push(await outcomeOf(requestPasswordReset({ email: address(), ip })));
    expect(outcomes.filter((o) => o === "too_many_requests").length).toBeGreaterThan(0);
    expect(outcomes.slice(0, 5)).toEqual(["ok", "ok", "ok", "ok", "ok"]);
  });
});
