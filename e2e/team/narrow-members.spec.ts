// The Team page on a phone: each member's email address reads on one or two lines (not a few letters a line), and
// the page does not scroll sideways; from 1024 px up it is the same table as before.
import path from "node:path";
import { expect, test, type Page } from "../fixtures/test";
import { signIn } from "../fixtures/auth";
import { createDesk } from "../fixtures/factories";

// The second cell of each member row (the email), chosen by position so the same test runs on the old table.
const EMAIL_CELLS = "tr[data-testid^='member-'] > td:nth-child(2)";

/** Lines each member's email takes: its box height over the computed line height. */
async function emailLines(page: Page): Promise<number[]> {
  return page.locator(EMAIL_CELLS).evaluateAll((cells) =>
    cells.map((cell) => {
      const range = document.createRange();
      range.selectNodeContents(cell);
      const lineHeight = parseFloat(getComputedStyle(cell).lineHeight);
      return Math.round(range.getBoundingClientRect().height / lineHeight);
    }),
  );
}

test("the member list reads well at 390 px and is unchanged at 1024 px", async ({ page }) => {
  const desk = await createDesk();
  await signIn(page, desk.admin);
  await page.goto("/team");
  await expect(page.getByTestId(`member-${desk.viewer.email}`)).toBeVisible();

  await page.setViewportSize({ width: 390, height: 900 });
  const narrow = await emailLines(page);
  expect(narrow.length).toBeGreaterThanOrEqual(5);
  for (const lines of narrow) expect(lines).toBeLessThanOrEqual(2);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expect(page.getByTestId(`member-${desk.viewer.email}`)).toContainText("Account: active");
  if (process.env.SHOTS_DIR) await page.screenshot({ path: path.join(process.env.SHOTS_DIR, "team-390.png"), fullPage: true });

  for (const width of [1024, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    await expect(page.getByRole("columnheader", { name: "Email" })).toBeVisible();
    expect(
      await page
        .locator(EMAIL_CELLS)
        .first()
        .evaluate((cell) => getComputedStyle(cell).display),
    ).toBe("table-cell");
    for (const lines of await emailLines(page)) expect(lines).toBeLessThanOrEqual(width === 1440 ? 1 : 2);
    if (process.env.SHOTS_DIR) await page.screenshot({ path: path.join(process.env.SHOTS_DIR, `team-${width}.png`), fullPage: true });
  }
});
