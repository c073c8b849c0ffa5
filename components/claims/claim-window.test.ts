import { describe, expect, it } from "vitest";
import { FIRST_WINDOW, MAX_ROWS, PAGE, showEarlier, showMore, windowFor } from "@/components/claims/claim-window";

describe("claim list window", () => {
  it("keeps the window while the cursor is in it, and moves it to a cursor outside it", () => {
    expect(windowFor(FIRST_WINDOW, 10, 1000)).toEqual({ from: 0, to: PAGE });
    expect(windowFor(FIRST_WINDOW, 900, 1000)).toEqual({ from: 900 - PAGE, to: 900 + PAGE });
    expect(windowFor(FIRST_WINDOW, 999, 1000)).toEqual({ from: 999 - PAGE, to: 1000 });
    expect(windowFor({ from: 500, to: 620 }, 3, 1000)).toEqual({ from: 0, to: 3 + PAGE });
  });

  it("clamps to a shorter list, keeping a page of rows", () => {
    expect(windowFor({ from: 400, to: 580 }, -1, 30)).toEqual({ from: 0, to: 30 });
    expect(windowFor({ from: 400, to: 580 }, -1, 450)).toEqual({ from: 390, to: 450 });
    expect(windowFor({ from: 0, to: 5 }, -1, 1000)).toEqual({ from: 0, to: PAGE });
  });

  it("grows a page at a time and never renders more than MAX_ROWS", () => {
    let w = FIRST_WINDOW;
    for (let i = 0; i < 30; i++) {
      w = showMore(w, 1000);
      expect(w.to - w.from).toBeLessThanOrEqual(MAX_ROWS);
    }
    expect(w).toEqual({ from: 1000 - MAX_ROWS, to: 1000 });
    for (let i = 0; i < 30; i++) {
      w = showEarlier(w);
      expect(w.to - w.from).toBeLessThanOrEqual(MAX_ROWS);
    }
    expect(w).toEqual({ from: 0, to: MAX_ROWS });
  });

  it("is its own fixed point, so the list keeps it without rendering again and again", () => {
    for (const [kept, cursor, count] of [
      [FIRST_WINDOW, 900, 1000],
      [{ from: 400, to: 580 }, -1, 30],
      [FIRST_WINDOW, -1, 5],
    ] as const) {
      const once = windowFor(kept, cursor, count);
      expect(windowFor(once, cursor, count)).toEqual(once);
    }
  });
});
