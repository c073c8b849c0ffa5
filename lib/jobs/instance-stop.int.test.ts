// break33 (review): stop() must not wait out a back-off that began after it was called. When stop() comes while an
// attempt to start the runner is under way and that attempt fails, the loop still sleeps its full back-off (up to
// 30 s in production) before it sees `stopping`: shutdown waits, and the timer (not unref'd) keeps the process up.
// Fake timers: no wall clock is read. Fails on integrate: `stopped` stays false until an hour of fake time passes.
import { afterEach, expect, it, vi } from "vitest";
import { startJobsForThisInstance } from "./instance";

const savedUrl = process.env.DATABASE_URL;
afterEach(() => {
  process.env.DATABASE_URL = savedUrl;
  vi.restoreAllMocks();
  vi.useRealTimers();
});

it("stops at once when stop() comes while a start attempt is under way and that attempt fails", async () => {
  vi.spyOn(console, "error").mockImplementation(() => {});
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
  // startJobRunner then fails at once, before touching the database.
  delete process.env.DATABASE_URL;
  const handle = await startJobsForThisInstance({ jobs: [], recurring: [], retryMs: [0, 3_600_000] });
  expect(handle).not.toBeNull();
  // The first attempt failed; the loop waits 0 ms, then makes its second attempt.
  vi.advanceTimersByTime(0);
  await Promise.resolve(); // the loop resumes and calls startJobRunner, which is now "under way"
  let stopped = false;
  void handle!.stop().then(() => (stopped = true));
  // Let every microtask run (no timer is advanced): the failed second attempt must not start a new wait.
  for (let i = 0; i < 50; i++) await Promise.resolve();
  const stoppedAtOnce = stopped;
  await vi.advanceTimersByTimeAsync(3_600_000); // let the loop end either way
  expect(stoppedAtOnce).toBe(true);
});
