import { expect, test } from "../fixtures/test";
import { signIn } from "../fixtures/auth";
import { createDesk } from "../fixtures/factories";

// Keyboard first on the Team page's rating scale: "Remove" took its own button away and focus fell to <body> (the next
// Tab started again at "Skip to content"); "+ Add a rating" left focus on the button below the new, empty label.
test("removing or adding a rating with the keyboard keeps focus in the scale", async ({ page }) => {
  test.setTimeout(120_000);
  const desk = await createDesk();
  await signIn(page, desk.admin);
  await page.goto("/team");

  await page.getByRole("button", { name: "Remove Misleading" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("row").filter({ has: page.getByRole("textbox", { name: /Label for rating/ }) })).toHaveCount(5);
  // The rating that took its place, "Mostly false", now third.
  await expect(page.getByRole("textbox", { name: "Label for rating 3" })).toBeFocused();
  await expect(page.getByRole("textbox", { name: "Label for rating 3" })).toHaveValue("Mostly false");

  await page.getByRole("button", { name: "Remove Unverifiable" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("textbox", { name: "Label for rating 4" })).toBeFocused();

  await page.getByRole("button", { name: "+ Add a rating" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("textbox", { name: "Label for rating 5" })).toBeFocused();
  await page.keyboard.type("Half true");
  await expect(page.getByRole("textbox", { name: "Label for rating 5" })).toHaveValue("Half true");
});
