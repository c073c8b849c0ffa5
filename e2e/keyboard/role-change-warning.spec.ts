import { expect, test, type Page } from "../fixtures/test";
import { signIn } from "../fixtures/auth";
import { createDesk } from "../fixtures/factories";

// keys30: the role-change warning is an alert dialog too (as the claimant warning, publish-warning.spec.ts): focus
// moves into it, Tab stays in it, Escape cancels and focus goes back to the role it came from. Keyboard only.
const focusedText = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      label: el?.getAttribute("aria-label") ?? (el?.textContent ?? "").trim(),
      inWarning: Boolean(el?.closest("[role=alertdialog]")),
    };
  });

test("the role-change warning takes focus, keeps Tab inside, and Escape cancels it back to the role", async ({ page }) => {
  test.setTimeout(90_000);
  const desk = await createDesk();
  await signIn(page, desk.admin);
  await page.goto("/team");
  const label = `Role of ${desk.editor.name}`;
  for (let i = 0; i < 80 && (await focusedText(page)).label !== label; i++) await page.keyboard.press("Tab");
  expect((await focusedText(page)).label).toBe(label);
  // Down from editor is fewer rights: the warning asks first.
  await page.keyboard.press("ArrowDown");
  const warning = page.getByRole("alertdialog", { name: "Confirm role change" });
  await expect(warning).toBeVisible();
  await expect.poll(() => focusedText(page)).toEqual({ label: "Cancel", inWarning: true });
  await page.keyboard.press("Tab");
  await expect.poll(() => focusedText(page)).toEqual({ label: "Change role", inWarning: true });
  await page.keyboard.press("Tab");
  await expect.poll(() => focusedText(page)).toEqual({ label: "Cancel", inWarning: true });
  await page.keyboard.press("Escape");
  await expect(warning).toHaveCount(0);
  await expect(page.getByLabel(label)).toBeFocused();
  await expect(page.getByLabel(label)).toHaveValue("editor");
});
