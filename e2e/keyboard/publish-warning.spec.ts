import { expect, test, type Page } from "../fixtures/test";
import { signIn } from "../fixtures/auth";
import { createDesk } from "../fixtures/factories";
import { seedFactCheck } from "../../lib/publish/test-helpers";

// keys30: the claimant warning is an alert dialog (WAI-ARIA APG "alertdialog"): focus moves into it as it opens, Tab
// and Shift+Tab stay inside it, Escape cancels it and focus goes back to "Publish report". Keyboard only.
test.describe.configure({ timeout: 120_000 });

const focusedText = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      text: el && el !== document.body ? (el.textContent ?? "").trim() : "",
      inWarning: Boolean(el?.closest("[data-testid=claimant-warning]")),
    };
  });

async function tabTo(page: Page, text: string, limit = 150) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    if ((await focusedText(page)).text === text) return;
  }
  throw new Error(`never reached "${text}" by Tab`);
}

test("the claimant warning takes focus, keeps Tab inside, and Escape cancels it back to Publish report", async ({ page }) => {
  const desk = await createDesk();
  await seedFactCheck(desk);
  await signIn(page, desk.editor);
  await page.goto(`/articles/${desk.article.id}`);
  await expect(page.getByTestId("article-body")).toBeVisible();

  await tabTo(page, "Publish report");
  await page.keyboard.press("Enter");
  const warning = page.getByRole("alertdialog", { name: "Claims without a claimant" });
  await expect(warning).toBeVisible();
  // Focus is in the dialog at once, on its least destructive answer.
  await expect.poll(() => focusedText(page)).toEqual({ text: "Cancel", inWarning: true });
  // Tab and Shift+Tab go round its two buttons, never out of it.
  for (const [key, text] of [
    ["Tab", "Publish anyway"],
    ["Tab", "Cancel"],
    ["Tab", "Publish anyway"],
    ["Shift+Tab", "Cancel"],
    ["Shift+Tab", "Publish anyway"],
  ] as const) {
    await page.keyboard.press(key);
    await expect.poll(() => focusedText(page), `${key} → ${text}`).toEqual({ text, inWarning: true });
  }
  // Escape cancels (nothing is published) and focus goes back to the button that opened it.
  await page.keyboard.press("Escape");
  await expect(warning).toHaveCount(0);
  await expect(page.getByTestId("publish-state")).toContainText("Not published");
  await expect(page.getByRole("button", { name: "Publish report" })).toBeFocused();
});
