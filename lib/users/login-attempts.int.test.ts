import { afterAll, describe, expect, it } from "vitest";
import { testDb, unique } from "@/e2e/fixtures/factories";
import { db } from "@/lib/db";
import { checkLoginLock, recordLoginAttempt } from "@/lib/users/login-attempts";

afterAll(async () => {
  await db.$disconnect();
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
});
