import { afterAll, describe, expect, it } from "vitest";
import { testDb, unique } from "@/e2e/fixtures/factories";
import type { AppError } from "@/lib/http/errors";
import {
  checkLoginLock,
  markLoginSucceeded,
  recordLoginAttempt,
  releaseLoginAttempt,
  reserveLoginAttempt,
} from "@/lib/users/login-attempts";

afterAll(async () => {
  await testDb().$disconnect();
});

const fail = (email: string, ip: string, times: number) =>
  Promise.all(Array.from({ length: times }, () => recordLoginAttempt(email, ip, false)));

describe("sign-in limits counted in PostgreSQL", () => {
  it("locks an account after 10 failures in 15 minutes, with the minutes to wait", async () => {
    const email = `${unique("lock")}@test.factdesk.test`;
    await fail(email, unique("ip"), 9);
    expect((await checkLoginLock(email, unique("ip"))).locked).toBe(false);
    await fail(email, unique("ip"), 1);
    const lock = await checkLoginLock(email, unique("ip"));
    expect(lock).toMatchObject({ locked: true, message: "Too many failed sign-in attempts. Try again in 15 minutes." });
    // The lock lifts once the oldest failure leaves the window.
    expect((await checkLoginLock(email, unique("ip"), new Date(Date.now() + 15 * 60_000 + 1000))).locked).toBe(false);
    const later = await checkLoginLock(email, unique("ip"), new Date(Date.now() + 10 * 60_000));
    expect(later.locked && later.message).toBe("Too many failed sign-in attempts. Try again in 5 minutes.");
  });

  it("starts the count afresh after a successful sign-in", async () => {
    const email = `${unique("reset")}@test.factdesk.test`;
    await fail(email, "10.0.0.1", 8);
    await new Promise((resolve) => setTimeout(resolve, 5)); // order the rows in time
    await recordLoginAttempt(email, "10.0.0.1", true);
    await fail(email, "10.0.0.1", 5);
    expect((await checkLoginLock(email, "10.0.0.1")).locked).toBe(false);
  });

  it("limits one address trying many accounts", async () => {
    const ip = unique("ip");
    await Promise.all(Array.from({ length: 50 }, (_, i) => recordLoginAttempt(`${unique(`spray${i}`)}@test.factdesk.test`, ip, false)));
    expect((await checkLoginLock(`${unique("fresh")}@test.factdesk.test`, ip)).locked).toBe(true);
    expect((await checkLoginLock(`${unique("fresh")}@test.factdesk.test`, unique("ip"))).locked).toBe(false);
  });

  it("lets 40 parallel attempts on one account through only as far as the 10 allowed", async () => {
    const email = `${unique("race")}@test.factdesk.test`;
    const results = await Promise.all(Array.from({ length: 40 }, () => reserveLoginAttempt({ email, ip: unique("ip") })));
    expect(results.filter((r) => !r.locked)).toHaveLength(10);
    const refused = results.filter((r) => r.locked);
    expect(refused).toHaveLength(30);
    expect(refused[0]).toMatchObject({ message: "Too many failed sign-in attempts. Try again in 15 minutes." });
    // Each granted attempt is already a failure on record; the refused ones left nothing.
    expect(await testDb().loginAttempt.count({ where: { email } })).toBe(10);
  });

  it("makes a flood on one account wait its turn in memory, refusing what does not fit, with 429", async () => {
    const email = `${unique("flood")}@test.factdesk.test`;
    const results = await Promise.allSettled(Array.from({ length: 150 }, () => reserveLoginAttempt({ email, ip: unique("ip") })));
    const granted = results.filter((r) => r.status === "fulfilled" && !r.value.locked);
    const refused = results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason as AppError);
    expect(granted).toHaveLength(10);
    // One runs, 100 wait their turn, the other 49 are turned away at once.
    expect(refused).toHaveLength(49);
    expect(refused[0]).toMatchObject({ status: 429, message: "Too many sign-in attempts at once. Try again in a moment." });
    expect(await testDb().loginAttempt.count({ where: { email } })).toBe(10);
  });

  it("lets 60 parallel attempts from one address through only as far as the 50 allowed, and no other address is affected", async () => {
    const ip = unique("ip");
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) => reserveLoginAttempt({ email: `${unique(`flood${i}`)}@test.factdesk.test`, ip })),
    );
    expect(results.filter((r) => !r.locked)).toHaveLength(50);
    expect((await reserveLoginAttempt({ email: `${unique("other")}@test.factdesk.test`, ip: unique("ip") })).locked).toBe(false);
  });

  it("a succeeded attempt starts the count afresh; a released one never counted", async () => {
    const email = `${unique("mark")}@test.factdesk.test`;
    const ip = unique("ip");
    const granted = [];
    for (let i = 0; i < 9; i++) granted.push(await reserveLoginAttempt({ email, ip }));
    const released = await reserveLoginAttempt({ email, ip });
    if (released.locked) throw new Error("the 10th attempt must be granted");
    await releaseLoginAttempt(released.attemptId);
    const last = await reserveLoginAttempt({ email, ip });
    if (last.locked) throw new Error("a released attempt must not count");
    expect((await checkLoginLock(email, ip)).locked).toBe(true);
    await markLoginSucceeded(last.attemptId);
    expect((await checkLoginLock(email, ip)).locked).toBe(false);
    // A success cannot be released.
    await releaseLoginAttempt(last.attemptId);
    expect(await testDb().loginAttempt.count({ where: { email, success: true } })).toBe(1);
  });
});
