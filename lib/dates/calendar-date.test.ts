import { describe, expect, it } from "vitest";
import { isOverdue, todayIn } from "@/lib/dates/calendar-date";

// 2026-12-11 02:00 UTC is still 2026-12-10 in Los Angeles and already 2026-12-11 in Tokyo.
const NOW = new Date("2026-12-11T02:00:00Z");

describe("calendar dates against the clock", () => {
  it("take today from the team's time zone, not the server's", () => {
    expect(todayIn("UTC", NOW)).toBe("2026-12-11");
    expect(todayIn("America/Los_Angeles", NOW)).toBe("2026-12-10");
    expect(todayIn("Asia/Tokyo", NOW)).toBe("2026-12-11");
    expect(todayIn("Not/AZone", NOW)).toBe("2026-12-11"); // unknown: UTC, never a failed page
  });

  it("call a due date overdue once its day has ended in that zone", () => {
    expect(isOverdue("2026-12-10", "UTC", NOW)).toBe(true);
    expect(isOverdue("2026-12-10", "America/Los_Angeles", NOW)).toBe(false); // still the 10th there
    expect(isOverdue("2026-12-11", "Asia/Tokyo", NOW)).toBe(false);
    expect(isOverdue("2026-12-09", "America/Los_Angeles", NOW)).toBe(true);
  });
});
