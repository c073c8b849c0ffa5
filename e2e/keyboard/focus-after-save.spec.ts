import { expect, test, type Page } from "../fixtures/test";
import { signIn } from "../fixtures/auth";
import { createDesk } from "../fixtures/factories";
import { createClaim } from "../../lib/claims/create-claim";
import { targetFor } from "../../lib/claims/test-helpers";

// ux30: saving evidence, posting a comment or proposing a verdict by keyboard dropped focus to <body> (the submit
// button is disabled while the action runs, or the form closes), so the next Tab started again at the top of the
// page and the claim's shortcuts had lost their place. By keyboard alone: no click, fill or focus().
test.describe.configure({ timeout: 120_000 });

const SENTENCE = "The UK currently spends around 2.3 per cent of gross national product on defence";

/** The focused element, described; `body` when focus has fallen to the page. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return "body";
    return `${el.tagName.toLowerCase()} ${el.getAttribute("aria-label") ?? el.textContent?.trim().slice(0, 40) ?? ""}`;
  });

const focusVisible = (page: Page) => page.evaluate(() => document.activeElement?.matches(":focus-visible") ?? false);

test("focus stays in the claim panel after saving evidence, commenting and proposing a verdict by keyboard", async ({ page }) => {
  const desk = await createDesk();
  const claim = await createClaim({ userId: desk.editor.id, articleId: desk.article.id, target: targetFor(desk.article.body, SENTENCE) });
  await signIn(page, desk.reviewer);
  await page.goto(`/articles/${desk.article.id}?claim=${claim.id}`);
  const panel = page.getByTestId("claim-panel");
  await expect(panel.getByRole("button", { name: "Add evidence" })).toBeVisible();

  // Evidence: Enter in the title field saves; focus goes to "Add evidence", ready for the next source.
  await page.keyboard.press("e");
  await expect(panel.getByLabel("Source URL")).toBeFocused();
  await page.keyboard.type("https://www.gov.uk/government/statistics/defence-departmental-resources-2024");
  await page.keyboard.press("Tab");
  await page.keyboard.type("MOD: Defence departmental resources 2024");
  await page.keyboard.press("Enter");
  await expect(panel.getByTestId("evidence-list")).toContainText("MOD: Defence departmental resources 2024");
  await expect.poll(() => focused(page)).toBe("button Add evidence");
  expect(await focusVisible(page)).toBe(true);
  // And Cancel on a new one does the same.
  await page.keyboard.press("Enter");
  await expect(panel.getByLabel("Source URL")).toBeFocused();
  for (let i = 0; i < 15 && (await focused(page)) !== "button Cancel"; i++) await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await expect.poll(() => focused(page)).toBe("button Add evidence");

  // Comment: Tab to the button, Enter; focus goes back to the (emptied) comment box.
  await page.keyboard.press("c");
  await page.keyboard.type("NATO counts GDP, not GNP.");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await expect(panel.getByTestId("comment-thread")).toContainText("NATO counts GDP");
  await expect.poll(() => focused(page)).toBe("textarea Comment");

  // Verdict: Tab to "Propose verdict", Enter; focus stays on the verdict form's button.
  await page.keyboard.press("Escape");
  await page.keyboard.press("Enter");
  await expect(panel.getByLabel("Verdict", { exact: true })).toBeVisible();
  await page.keyboard.press("v");
  await page.keyboard.type("Misleading");
  await page.keyboard.press("Tab");
  await page.keyboard.type("A share of GDP, not of gross national product.");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await expect(panel.getByTestId("verdict-card")).toContainText("Misleading");
  await expect.poll(() => focused(page)).not.toBe("body");
  expect(await focusVisible(page)).toBe(true);
  // The shortcuts still work from there: s reaches the status stepper.
  await page.keyboard.press("Escape");
  await expect(panel).toHaveCount(0);
});

/** Tabs until the focused element is described as `target` (see `focused`). */
async function tabTo(page: Page, target: string, limit = 60) {
  for (let i = 0; i < limit; i++) {
    if ((await focused(page)) === target) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`${target} never reached by Tab`);
}

// The same fault where a button gives way to a form and back (claimant, numbers, assignees, an evidence card):
// opening removed the button and closing removed the form, each time leaving focus on <body>.
test("focus moves into the claimant, numbers and assignment forms and back to their buttons, by keyboard", async ({ page }) => {
  const desk = await createDesk();
  const claim = await createClaim({ userId: desk.editor.id, articleId: desk.article.id, target: targetFor(desk.article.body, SENTENCE) });
  await signIn(page, desk.editor);
  await page.goto(`/articles/${desk.article.id}?claim=${claim.id}`);
  const panel = page.getByTestId("claim-panel");
  await expect(panel.getByRole("button", { name: "Assign reviewers" })).toBeVisible();
  await page.keyboard.press("s"); // into the panel: the status stepper
  await expect.poll(() => focused(page)).not.toBe("body");

  await tabTo(page, "button Assign reviewers");
  await page.keyboard.press("Enter");
  await expect.poll(() => focused(page)).toMatch(/^input /);
  await tabTo(page, "button Cancel");
  await page.keyboard.press("Enter");
  await expect.poll(() => focused(page)).toBe("button Assign reviewers");

  await page.keyboard.press("Shift+Tab");
  await tabTo(page, "button Add");
  await page.keyboard.press("Enter");
  await expect.poll(() => focused(page)).toBe("input Claimant name");
  await page.keyboard.type("Keir Starmer");
  await page.keyboard.press("Enter");
  await expect(panel.getByText("Keir Starmer")).toBeVisible();
  await expect.poll(() => focused(page)).toBe("button Edit");

  // The sentence's numbers are read from it when the claim is made: edit them.
  await tabTo(page, "button Edit numbers");
  await page.keyboard.press("Enter");
  await expect.poll(() => focused(page)).toBe("input Value");
  await page.keyboard.press("Control+A");
  await page.keyboard.type("2.4");
  await page.keyboard.press("Enter");
  await expect(panel.getByTestId("numeric")).toContainText("2.4");
  await expect.poll(() => focused(page)).toBe("button Edit numbers");
  expect(await focusVisible(page)).toBe(true);
});
