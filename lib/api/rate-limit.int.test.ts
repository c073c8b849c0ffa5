import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { testDb } from "@/e2e/fixtures/factories";
import { deleteOldWindows, hitRateLimit, windowStartOf } from "@/lib/api/rate-limit";

afterAll(async () => {
  await testDb().$disconnect();
});

const key = () => `test:${randomUUID()}`;

describe("the API rate limit", () => {
  it("allows up to the limit in one minute, then refuses with the seconds left in the window", async () => {
    const k = key();
    const start = new Date("2026-05-04T10:15:00.000Z");
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await hitRateLimit({ key: k, limit: 3, now: new Date(start.getTime() + 20_000 + i) }));
    expect(results.map((r) => [r.count, r.allowed])).toEqual([
      [1, true],
      [2, true],
      [3, true],
      [4, false],
    ]);
    expect(results[3]!.retryAfterSeconds).toBe(40);
  });

  it("starts counting again in the next window", async () => {
    const k = key();
    const minute1 = new Date("2026-05-04T10:20:59.500Z");
    const minute2 = new Date("2026-05-04T10:21:00.000Z");
    expect((await hitRateLimit({ key: k, limit: 1, now: minute1 })).allowed).toBe(true);
    expect((await hitRateLimit({ key: k, limit: 1, now: minute1 })).allowed).toBe(false);
    const next = await hitRateLimit({ key: k, limit: 1, now: minute2 });
    expect(next).toMatchObject({ allowed: true, count: 1, retryAfterSeconds: 60 });
    const rows = await testDb().apiRateWindow.findMany({ where: { key: k }, orderBy: { windowStart: "asc" } });
    expect(rows.map((r) => [r.windowStart.toISOString(), r.count])).toEqual([
      [windowStartOf(minute1).toISOString(), 2],
      [minute2.toISOString(), 1],
    ]);
  });

  it("counts parallel requests exactly: each gets its own number", async () => {
    const k = key();
    const now = new Date("2026-05-04T11:00:30.000Z");
    const n = 40;
    const results = await Promise.all(Array.from({ length: n }, () => hitRateLimit({ key: k, limit: 25, now })));
    expect(results.map((r) => r.count).sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    expect(results.filter((r) => r.allowed)).toHaveLength(25);
    expect(
      (await testDb().apiRateWindow.findUniqueOrThrow({ where: { key_windowStart: { key: k, windowStart: windowStartOf(now) } } })).count,
    ).toBe(n);
  });

  it("keys are independent", async () => {
    const [a, b] = [key(), key()];
    const now = new Date("2026-05-04T12:00:00.000Z");
    await hitRateLimit({ key: a, limit: 1, now });
    expect((await hitRateLimit({ key: b, limit: 1, now })).allowed).toBe(true);
  });

  it("a limit of 0 turns limiting off and writes nothing", async () => {
    const k = key();
    expect((await hitRateLimit({ key: k, limit: 0 })).allowed).toBe(true);
    expect(await testDb().apiRateWindow.count({ where: { key: k } })).toBe(0);
  });

  it("deletes finished windows, keeping the current and previous minute", async () => {
    const k = key();
    const old = new Date("2020-01-01T00:00:00.000Z");
    await hitRateLimit({ key: k, limit: 5, now: old });
    const now = new Date();
    await hitRateLimit({ key: k, limit: 5, now });
    // The first hit of a new window already cleared the old one.
    const rows = await testDb().apiRateWindow.findMany({ where: { key: k } });
    expect(rows.map((r) => r.windowStart.toISOString())).toEqual([windowStartOf(now).toISOString()]);
    expect(await deleteOldWindows(now)).toBe(0);
  });
});
