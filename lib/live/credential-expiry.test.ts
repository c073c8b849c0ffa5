import { describe, expect, it } from "vitest";
import { delayUntil, MAX_TIMER_MS } from "@/lib/live/credential-expiry";

describe("delayUntil", () => {
  it("waits until the deadline, never less than nothing, and a day at a time for a far or no deadline", () => {
    const now = Date.UTC(2026, 0, 1);
    expect(delayUntil(now + 2_500, now)).toBe(2_500);
    expect(delayUntil(now - 1_000, now)).toBe(0);
    // A year-long token: past setTimeout's 2^31 - 1 ms, which would fire at once.
    expect(delayUntil(now + 365 * 86_400_000, now)).toBe(MAX_TIMER_MS);
    expect(delayUntil(Infinity, now)).toBe(MAX_TIMER_MS);
    expect(MAX_TIMER_MS).toBeLessThan(2 ** 31 - 1);
  });
});
