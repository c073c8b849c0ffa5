import { describe, expect, it } from "vitest";
import { FIRST_WINDOW, GROUP_PAGE, MAX_ROWS, PAGE, showEarlier, showMore, shownRange, windowFor } from "@/components/claims/claim-window";

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

  it("bounds a group of detached claims by its own page, around the cursor when it is in the group", () => {
    const first = { from: 0, to: GROUP_PAGE };
    // 400 claims detached by an edit: a page of them, not all 400.
    expect(windowFor(first, -1, 400, GROUP_PAGE)).toEqual(first);
    expect(windowFor({ from: 0, to: 0 }, -1, 400, GROUP_PAGE)).toEqual(first);
    // j/k onto a detached claim far down the group: its row is rendered, a page either side.
    expect(windowFor(first, 250, 400, GROUP_PAGE)).toEqual({ from: 250 - GROUP_PAGE, to: 250 + GROUP_PAGE });
    expect(windowFor(first, 399, 400, GROUP_PAGE)).toEqual({ from: 399 - GROUP_PAGE, to: 400 });
    // A short group is rendered whole.
    expect(windowFor(first, 3, 7, GROUP_PAGE)).toEqual({ from: 0, to: 7 });
    // Paging through it: never more than three of its pages.
    let w = first;
    for (let i = 0; i < 30; i++) {
      w = showMore(w, 400, GROUP_PAGE);
      expect(w.to - w.from).toBeLessThanOrEqual(3 * GROUP_PAGE);
    }
    expect(w).toEqual({ from: 400 - 3 * GROUP_PAGE, to: 400 });
    for (let i = 0; i < 30; i++) w = showEarlier(w, GROUP_PAGE);
    expect(w).toEqual({ from: 0, to: 3 * GROUP_PAGE });
  });
});

describe("shownRange", () => {
  it("says which rows of the list are rendered, from the top or from further down", () => {
    expect(shownRange({ from: 0, to: 20 }, 300)).toBe("Showing 20 of 300");
    expect(shownRange({ from: 1200, to: 1380 }, 10000)).toBe("Showing 1,201–1,380 of 10,000");
  });
});
