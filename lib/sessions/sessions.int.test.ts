import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDesk, testDb } from "@/e2e/fixtures/factories";
import { outcomeOf } from "@/e2e/fixtures/errors";
import {
  checkSession,
  endMySession,
  endOtherSessions,
  endSession,
  listMySessions,
  SESSION_IDLE_SECONDS,
  startSession,
} from "@/lib/sessions/sessions";
import { resetPassword, updateMember } from "@/lib/teams/members";

let desk: Awaited<ReturnType<typeof createDesk>>;
beforeAll(async () => {
  desk = await createDesk();
});
afterAll(async () => {
  await testDb().$disconnect();
});

const FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:132.0) Gecko/20100101 Firefox/132.0";
const memberId = async (userId: string) => (await testDb().membership.findFirstOrThrow({ where: { userId, teamId: desk.team.id } })).id;

describe("server-side sessions", () => {
  it("keep only the hash of the cookie's secret and find the session by it", async () => {
    const started = await startSession({ userId: desk.reviewer.id, userAgent: FIREFOX, ip: "203.0.113.7" });
    const row = await testDb().session.findUniqueOrThrow({ where: { id: started.id } });
    expect(JSON.stringify(row)).not.toContain(started.secret);
    expect(await checkSession(started.secret)).toEqual({ id: started.id, userId: desk.reviewer.id, mustEnrolTwoFactor: false });
    expect(await checkSession(`${started.secret}x`)).toBeNull();
  });

  it("end on sign-out, and after the idle deadline", async () => {
    const started = await startSession({ userId: desk.reviewer.id, userAgent: FIREFOX, ip: "203.0.113.7" });
    const later = new Date(Date.now() + (SESSION_IDLE_SECONDS + 1) * 1000);
    expect(await checkSession(started.secret, later)).toBeNull();
    await endSession(started.secret);
    expect(await checkSession(started.secret)).toBeNull();
  });

  it("that ended over 30 days ago are deleted at the user's next sign-in", async () => {
    const old = await startSession({ userId: desk.viewer.id, userAgent: FIREFOX, ip: "1", now: new Date(Date.now() - 40 * 86_400_000) });
    const recent = await startSession({ userId: desk.viewer.id, userAgent: FIREFOX, ip: "1", now: new Date(Date.now() - 10 * 86_400_000) });
    await startSession({ userId: desk.viewer.id, userAgent: FIREFOX, ip: "1" });
    const ids = (await testDb().session.findMany({ where: { userId: desk.viewer.id }, select: { id: true } })).map((r) => r.id);
    expect(ids).not.toContain(old.id);
    expect(ids).toContain(recent.id);
  });

  it("move lastSeenAt and the idle deadline at most once a minute", async () => {
    const t0 = new Date("2030-01-01T10:00:00Z");
    const started = await startSession({ userId: desk.reviewer.id, userAgent: FIREFOX, ip: "203.0.113.7", now: t0 });
    await checkSession(started.secret, new Date(t0.getTime() + 30_000));
    expect((await testDb().session.findUniqueOrThrow({ where: { id: started.id } })).lastSeenAt).toEqual(t0);
    const t1 = new Date(t0.getTime() + 61_000);
    await checkSession(started.secret, t1);
    const row = await testDb().session.findUniqueOrThrow({ where: { id: started.id } });
    expect(row.lastSeenAt).toEqual(t1);
    expect(row.expiresAt).toEqual(new Date(t1.getTime() + SESSION_IDLE_SECONDS * 1000));
  });

  it("all end when an admin resets the password, disables the account or takes a role away; re-enabling revives none", async () => {
    const { viewer, editor, reviewer2, admin } = desk;
    const a = await startSession({ userId: reviewer2.id, userAgent: FIREFOX, ip: "1" });
    const b = await startSession({ userId: reviewer2.id, userAgent: FIREFOX, ip: "2" });
    await resetPassword({ teamId: desk.team.id, userId: admin.id, memberId: await memberId(reviewer2.id) });
    expect([await checkSession(a.secret), await checkSession(b.secret)]).toEqual([null, null]);

    const c = await startSession({ userId: viewer.id, userAgent: FIREFOX, ip: "1" });
    await updateMember({ teamId: desk.team.id, userId: admin.id, memberId: await memberId(viewer.id), disabled: true });
    expect(await checkSession(c.secret)).toBeNull();
    await updateMember({ teamId: desk.team.id, userId: admin.id, memberId: await memberId(viewer.id), disabled: false });
    expect(await checkSession(c.secret)).toBeNull();

    // A promotion keeps sessions; a demotion ends them.
    const d = await startSession({ userId: viewer.id, userAgent: FIREFOX, ip: "1" });
    await updateMember({ teamId: desk.team.id, userId: admin.id, memberId: await memberId(viewer.id), role: "editor" });
    expect(await checkSession(d.secret)).not.toBeNull();
    const e = await startSession({ userId: editor.id, userAgent: FIREFOX, ip: "1" });
    await updateMember({ teamId: desk.team.id, userId: admin.id, memberId: await memberId(editor.id), role: "reviewer" });
    expect(await checkSession(e.secret)).toBeNull();
  });

  it("refuse at once when the user is disabled, even with the row untouched", async () => {
    const started = await startSession({ userId: desk.reviewer.id, userAgent: FIREFOX, ip: "1" });
    await testDb().user.update({ where: { id: desk.reviewer.id }, data: { disabled: true } });
    try {
      expect(await checkSession(started.secret)).toBeNull();
    } finally {
      await testDb().user.update({ where: { id: desk.reviewer.id }, data: { disabled: false } });
    }
  });

  it("an admin cannot reset their own password here (it would skip the current-password check)", async () => {
    expect(await outcomeOf(resetPassword({ teamId: desk.team.id, userId: desk.admin.id, memberId: await memberId(desk.admin.id) }))).toBe(
      "unprocessable",
    );
  });

  it("are listed for their owner, this one marked, and ended one by one or all but this one", async () => {
    const owner = desk.admin;
    const mine = await startSession({ userId: owner.id, userAgent: FIREFOX, ip: "198.51.100.1" });
    const phone = await startSession({
      userId: owner.id,
      userAgent:
        "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
      ip: "198.51.100.2",
    });
    const laptop = await startSession({ userId: owner.id, userAgent: FIREFOX, ip: "198.51.100.3" });
    const listed = await listMySessions({ userId: owner.id, currentId: mine.id });
    expect(listed.map((s) => s.id).sort()).toEqual([mine.id, phone.id, laptop.id].sort());
    expect(listed.find((s) => s.id === phone.id)).toMatchObject({ device: "Safari on iPhone", ip: "198.51.100.2", current: false });
    expect(listed.find((s) => s.id === mine.id)).toMatchObject({ device: "Firefox on Windows", current: true });

    // Someone else's session is a 404 and stays live.
    expect(await outcomeOf(endMySession({ userId: desk.reviewer.id, sessionId: phone.id }))).toBe("not_found");
    expect(await checkSession(phone.secret)).not.toBeNull();
    await endMySession({ userId: owner.id, sessionId: phone.id });
    expect(await checkSession(phone.secret)).toBeNull();

    expect(await endOtherSessions({ userId: owner.id, keepSessionId: mine.id })).toBe(1);
    expect(await checkSession(laptop.secret)).toBeNull();
    expect(await checkSession(mine.secret)).not.toBeNull();
    expect((await listMySessions({ userId: owner.id, currentId: mine.id })).map((s) => s.id)).toEqual([mine.id]);
  });
});
