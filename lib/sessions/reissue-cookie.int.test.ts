import { NextRequest } from "next/server";
import { decode, encode, type JWT } from "next-auth/jwt";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createDesk, testDb } from "@/e2e/fixtures/factories";
import { authOptions } from "@/lib/auth";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { endSession, SESSION_IDLE_SECONDS, startSession } from "@/lib/sessions/sessions";
import { sessionCookieOptions } from "@/lib/users/session-cookie";
import { proxy } from "@/proxy";

// The real path of a browser's session cookie: next-auth's own encode/decode, our jwt callback, the Session row
// in PostgreSQL and the proxy that every page and route GET passes. Time moves with a faked Date (only Date: the
// database client's timers run as usual); SESSION_IDLE_SECONDS is the README's 12 hours.
process.env.NEXTAUTH_SECRET ??= "session-reissue-test-secret-0123456789abcdef";
const SECRET = process.env.NEXTAUTH_SECRET;
const COOKIE = sessionCookieOptions(config.publicUrl).sessionToken;
const HOUR = 3_600_000;

let desk: Awaited<ReturnType<typeof createDesk>>;
beforeAll(async () => {
  desk = await createDesk();
});
afterEach(() => {
  vi.useRealTimers();
});
afterAll(async () => {
  await db.$disconnect();
  await testDb().$disconnect();
});

const jwtCallback = (token: JWT) => authOptions.callbacks!.jwt!({ token, user: undefined as never, account: null });

/** Signs in at the (faked) current time as next-auth does: a Session row, the jwt callback, next-auth's encode. */
async function signIn(userId: string) {
  const started = await startSession({ userId, userAgent: "test", ip: "203.0.113.9" });
  const token = await jwtCallback({ sub: userId, sid: started.secret, checkedAt: 0 });
  return { sessionId: started.id, secret: started.secret, cookie: await encode({ token, secret: SECRET, maxAge: SESSION_IDLE_SECONDS }) };
}

/** One request through the proxy, as a browser holding `cookie` sends it. Output: the cookie the browser then holds. */
async function request(cookie: string, method = "GET", path = "/articles") {
  const response = await proxy(
    new NextRequest(`http://localhost:3000${path}`, { method, headers: { cookie: `${COOKIE.name}=${cookie}` } }),
  );
  const set = response.cookies.get(COOKIE.name);
  return { cookie: set?.value ?? cookie, set };
}

/** What the page, action or route handler then does with the cookie (getServerSession's steps): the session or null. */
async function signedIn(cookie: string): Promise<JWT | null> {
  const token = await decode({ token: cookie, secret: SECRET }).catch(() => null);
  if (!token) return null;
  return Promise.resolve(jwtCallback(token)).catch(() => null);
}

const at = (ms: number) => vi.setSystemTime(new Date(ms));

describe("the session cookie", () => {
  it("keeps an active user signed in past 12 hours after sign-in; the cookie is re-issued at most once per re-check", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const t0 = Date.now() - 14 * HOUR;
    at(t0);
    let { cookie } = await signIn(desk.editor.id);
    // A long shift: a page or read every two hours.
    for (let hour = 2; hour <= 14; hour += 2) {
      at(t0 + hour * HOUR);
      ({ cookie } = await request(cookie));
      expect(await signedIn(cookie), `signed in ${hour} h after sign-in`).toMatchObject({ sub: desk.editor.id });
    }
    const token = await decode({ token: cookie, secret: SECRET });
    expect(token?.exp).toBe(Math.floor((t0 + 14 * HOUR) / 1000) + SESSION_IDLE_SECONDS);
    expect(token?.checkedAt).toBe(t0 + 14 * HOUR);
    // Within SESSION_RECHECK_SECONDS of the last re-issue: no new cookie.
    at(t0 + 14 * HOUR + (config.sessionRecheckSeconds * 1000) / 2);
    expect((await request(cookie)).set).toBeUndefined();
    expect((await request(cookie, "GET", "/api/v1/articles")).set).toBeUndefined();
  });

  it("is re-issued on page and route GETs, never on a POST (a server action), nor on next-auth's own routes", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const t0 = Date.now() - 2 * HOUR;
    at(t0);
    const { cookie } = await signIn(desk.reviewer.id);
    at(t0 + HOUR);
    expect((await request(cookie, "POST")).set).toBeUndefined();
    expect((await request(cookie, "GET", "/api/auth/session")).set).toBeUndefined();
    const set = (await request(cookie, "GET", "/api/v1/articles")).set;
    expect(set).toMatchObject({ name: COOKIE.name, httpOnly: true, sameSite: "lax", path: "/", secure: COOKIE.options.secure });
    expect(set?.expires).toEqual(new Date(t0 + HOUR + SESSION_IDLE_SECONDS * 1000));
  });

  it("still ends after 12 hours without use", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const t0 = Date.now() - 13 * HOUR;
    at(t0);
    const { cookie, secret } = await signIn(desk.viewer.id);
    at(t0 + 12 * HOUR + 60_000);
    const after = await request(cookie);
    expect(after.set).toBeUndefined();
    expect(await signedIn(after.cookie)).toBeNull();
    // Even a cookie that still decoded would find its Session row idle past its deadline.
    const fresh = await encode({ token: { sub: desk.viewer.id, sid: secret, checkedAt: 0 }, secret: SECRET, maxAge: SESSION_IDLE_SECONDS });
    expect((await request(fresh)).set).toBeUndefined();
    expect(await signedIn(fresh)).toBeNull();
  });

  it("ends at once on sign-out or revocation: no cookie is re-issued and the next request is signed out", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const t0 = Date.now() - 3 * HOUR;
    at(t0);
    const signOut = await signIn(desk.admin.id);
    const revoked = await signIn(desk.admin.id);
    at(t0 + HOUR);
    await endSession(signOut.secret);
    await testDb().session.update({ where: { id: revoked.sessionId }, data: { revokedAt: new Date() } });
    for (const { cookie } of [signOut, revoked]) {
      const after = await request(cookie);
      expect(after.set).toBeUndefined();
      expect(await signedIn(after.cookie)).toBeNull();
    }
  });
});
