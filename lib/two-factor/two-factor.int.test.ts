import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDesk, createTeam, createUser, testDb, type TestUser } from "@/e2e/fixtures/factories";
import { outcomeOf } from "@/e2e/fixtures/errors";
import { db } from "@/lib/db";
import { checkSession, startSession } from "@/lib/sessions/sessions";
import { getTeamTwoFactor, setTeamTwoFactor } from "@/lib/teams/two-factor-policy";
import {
  beginTwoFactorEnrolment,
  confirmTwoFactorEnrolment,
  disableTwoFactor,
  replaceRecoveryCodes,
  twoFactorStatus,
} from "@/lib/two-factor/enrolment";
import { checkSecondFactor } from "@/lib/two-factor/second-factor";
import { changeOwnPassword } from "@/lib/users/change-password";
import { verifyCredentials } from "@/lib/users/sign-in";

beforeAll(() => {
  process.env.NEXTAUTH_SECRET ??= "integration-test-secret-integration";
});
afterAll(async () => {
  await db.$disconnect();
  await testDb().$disconnect();
});

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);
const codeAt = (secret: string, date: Date) => generate({ secret, epoch: seconds(date) });

/** A user with two-factor on: the secret (as an app holds it) and the recovery codes. */
async function enrolled(user: TestUser, now = new Date(), keepSessionId?: string) {
  const { secret } = await beginTwoFactorEnrolment({ userId: user.id });
  const { recoveryCodes } = await confirmTwoFactorEnrolment({ userId: user.id, code: await codeAt(secret, now), now, keepSessionId });
  return { secret, recoveryCodes };
}

describe("two-factor enrolment", () => {
  it("stores the secret sealed, turns on only with a right code, and shows ten recovery codes once", async () => {
    const team = await createTeam();
    const user = await createUser(team.id, "editor");
    const { secret, qr, uri } = await beginTwoFactorEnrolment({ userId: user.id });
    expect(uri).toContain(encodeURIComponent(user.email));
    expect(qr.size).toBeGreaterThan(20);
    const row = await testDb().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.totpSecret).not.toContain(secret);
    expect(row.totpEnabledAt).toBeNull();
    // Waiting for its first code, the secret is not yet asked for at sign-in.
    expect(await checkSecondFactor(user.id, undefined)).toBe("not_enrolled");

    expect(await outcomeOf(confirmTwoFactorEnrolment({ userId: user.id, code: "000000" }))).toBe("unprocessable");
    const other = await startSession({ userId: user.id, userAgent: "", ip: "1" });
    const mine = await startSession({ userId: user.id, userAgent: "", ip: "2" });
    const now = new Date();
    const { recoveryCodes } = await confirmTwoFactorEnrolment({
      userId: user.id,
      code: await codeAt(secret, now),
      keepSessionId: mine.id,
      now,
    });
    expect(recoveryCodes).toHaveLength(10);
    const stored = await testDb().recoveryCode.findMany({ where: { userId: user.id } });
    expect(stored).toHaveLength(10);
    expect(JSON.stringify(stored)).not.toContain(recoveryCodes[0]!.replace(/-/g, ""));
    expect(await checkSession(other.secret)).toBeNull();
    expect(await checkSession(mine.secret)).not.toBeNull();
    expect(await twoFactorStatus({ userId: user.id })).toMatchObject({ enabled: true, recoveryCodesLeft: 10, requiredByTeam: false });
    expect(await outcomeOf(beginTwoFactorEnrolment({ userId: user.id }))).toBe("conflict");
  });
});

describe("the second factor at sign-in", () => {
  it("accepts a current code once: the same code again is refused, even from two requests at once", async () => {
    const user = await createUser((await createTeam()).id, "reviewer");
    const t = new Date();
    const { secret } = await enrolled(user, t);
    expect(await checkSecondFactor(user.id, undefined)).toBe("missing");
    expect(await checkSecondFactor(user.id, "123")).toBe("invalid");
    // The enrolment used this step's code; the next step's is still within the drift allowed.
    const next = await codeAt(secret, new Date(t.getTime() + 30_000));
    const raced = await Promise.all([checkSecondFactor(user.id, next), checkSecondFactor(user.id, next)]);
    expect(raced.sort()).toEqual(["invalid", "ok"]);
    expect(await checkSecondFactor(user.id, next)).toBe("invalid");
    expect(await checkSecondFactor(user.id, await codeAt(secret, t))).toBe("invalid");
  });

  it("accepts each recovery code once, typed any way, and no longer after new codes are made", async () => {
    const user = await createUser((await createTeam()).id, "reviewer");
    const { recoveryCodes } = await enrolled(user);
    const [first, second] = recoveryCodes;
    expect(await checkSecondFactor(user.id, first!.toUpperCase().replace(/-/g, " "))).toBe("ok");
    expect(await checkSecondFactor(user.id, first)).toBe("invalid");
    expect((await twoFactorStatus({ userId: user.id })).recoveryCodesLeft).toBe(9);
    const raced = await Promise.all([checkSecondFactor(user.id, second), checkSecondFactor(user.id, second)]);
    expect(raced.sort()).toEqual(["invalid", "ok"]);

    const fresh = await replaceRecoveryCodes({ userId: user.id });
    expect(await checkSecondFactor(user.id, recoveryCodes[2])).toBe("invalid");
    expect(await checkSecondFactor(user.id, fresh.recoveryCodes[0])).toBe("ok");
    // Another account's code is not this account's.
    const other = await createUser((await createTeam()).id, "reviewer");
    const { recoveryCodes: theirs } = await enrolled(other);
    expect(await checkSecondFactor(user.id, theirs[0])).toBe("invalid");
  });
});

describe("the team's two-factor rule", () => {
  it("admins set it only with their own two-factor on; it makes sessions of unenrolled admins and editors must-enrol", async () => {
    const desk = await createDesk();
    expect(await outcomeOf(setTeamTwoFactor({ teamId: desk.team.id, userId: desk.editor.id, required: true }))).toBe("forbidden");
    const outsider = await createUser((await createTeam()).id, "admin");
    expect(await outcomeOf(setTeamTwoFactor({ teamId: desk.team.id, userId: outsider.id, required: true }))).toBe("not_found");
    expect(await outcomeOf(setTeamTwoFactor({ teamId: desk.team.id, userId: desk.admin.id, required: true }))).toBe("unprocessable");

    await enrolled(desk.admin);
    const editorSession = await startSession({ userId: desk.editor.id, userAgent: "", ip: "1" });
    const reviewerSession = await startSession({ userId: desk.reviewer.id, userAgent: "", ip: "1" });
    const policy = await setTeamTwoFactor({ teamId: desk.team.id, userId: desk.admin.id, required: true });
    expect(policy.required).toBe(true);
    expect(policy.people.filter((p) => !p.enrolled).map((p) => p.userId)).toEqual([desk.editor.id]);
    expect(await outcomeOf(getTeamTwoFactor({ teamId: desk.team.id, userId: desk.reviewer.id }))).toBe("forbidden");

    expect((await checkSession(editorSession.secret))?.mustEnrolTwoFactor).toBe(true);
    expect((await checkSession(reviewerSession.secret))?.mustEnrolTwoFactor).toBe(false);
    await enrolled(desk.editor, new Date(), editorSession.id);
    expect((await checkSession(editorSession.secret))?.mustEnrolTwoFactor).toBe(false);
    // Required of them, they cannot turn it off.
    expect(await outcomeOf(disableTwoFactor({ userId: desk.editor.id }))).toBe("forbidden");
    expect((await twoFactorStatus({ userId: desk.editor.id })).requiredByTeam).toBe(true);
    const audit = await testDb().auditEvent.findMany({ where: { teamId: desk.team.id, entity: "team" } });
    expect(audit.map((a) => [a.action, a.after])).toEqual([["team.two-factor-rule", { requireTwoFactor: true }]]);
  });

  it("turning two-factor off deletes the secret and codes and ends other sessions", async () => {
    const user = await createUser((await createTeam()).id, "editor");
    await enrolled(user);
    const other = await startSession({ userId: user.id, userAgent: "", ip: "1" });
    const mine = await startSession({ userId: user.id, userAgent: "", ip: "2" });
    await disableTwoFactor({ userId: user.id, keepSessionId: mine.id });
    expect(await checkSecondFactor(user.id, undefined)).toBe("not_enrolled");
    expect(await testDb().recoveryCode.count({ where: { userId: user.id } })).toBe(0);
    expect((await testDb().user.findUniqueOrThrow({ where: { id: user.id } })).totpSecret).toBeNull();
    expect(await checkSession(other.secret)).toBeNull();
    expect(await checkSession(mine.secret)).not.toBeNull();
  });
});

describe("changing my own password", () => {
  it("needs the current one (a wrong one is a failed sign-in), ends other sessions and keeps this one", async () => {
    const desk = await createDesk();
    const me = desk.reviewer;
    const other = await startSession({ userId: me.id, userAgent: "", ip: "1" });
    const mine = await startSession({ userId: me.id, userAgent: "", ip: "2" });
    const input = { currentPassword: "not my password", newPassword: "a much longer new passphrase" };
    expect(await outcomeOf(changeOwnPassword({ userId: me.id, teamId: me.teamId, keepSessionId: mine.id, ip: "192.0.2.9", input }))).toBe(
      "unprocessable",
    );
    expect(await testDb().loginAttempt.count({ where: { email: me.email, ip: "192.0.2.9", success: false } })).toBe(1);
    expect(await checkSession(other.secret)).not.toBeNull();

    const done = await changeOwnPassword({
      userId: me.id,
      teamId: me.teamId,
      keepSessionId: mine.id,
      ip: "192.0.2.9",
      input: { ...input, currentPassword: me.password },
    });
    expect(done.endedSessions).toBe(1);
    expect(await checkSession(other.secret)).toBeNull();
    expect(await checkSession(mine.secret)).not.toBeNull();
    expect(await verifyCredentials(me.email, me.password)).toBeNull();
    expect(await verifyCredentials(me.email, input.newPassword)).toMatchObject({ id: me.id });
    const hash = (await testDb().user.findUniqueOrThrow({ where: { id: me.id } })).passwordHash;
    expect(hash).toMatch(/^\$argon2id\$/);
  });

  it("stops checking while the account is locked", async () => {
    const desk = await createDesk();
    const me = desk.editor;
    await testDb().loginAttempt.createMany({
      data: Array.from({ length: 10 }, () => ({ email: me.email, ip: "192.0.2.10", success: false })),
    });
    const input = { currentPassword: me.password, newPassword: "a much longer new passphrase" };
    expect(await outcomeOf(changeOwnPassword({ userId: me.id, teamId: me.teamId, ip: "192.0.2.11", input }))).toBe("too_many_requests");
    expect(await verifyCredentials(me.email, me.password)).toMatchObject({ id: me.id });
  });
});
