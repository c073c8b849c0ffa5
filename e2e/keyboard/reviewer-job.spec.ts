import { expect, test, type Page } from "../fixtures/test";
import { signIn } from "../fixtures/auth";
import { createDesk } from "../fixtures/factories";

// Issue #19: a reviewer's whole job on the sample article, and the editor's sign-off, without one
// mouse event: only page.keyboard (no click, no fill, no focus()).
test.describe.configure({ timeout: 180_000 });

const SENTENCE = "The UK currently spends around 2.3 per cent of gross national product on defence";

const active = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { label: el?.getAttribute("aria-label") ?? "", text: el?.textContent?.trim() ?? "", starts: el?.dataset.starts ?? null };
  });

async function tabUntil(page: Page, matches: (a: Awaited<ReturnType<typeof active>>) => boolean, limit = 80) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    if (matches(await active(page))) return;
  }
  throw new Error("never reached by Tab");
}

test("a reviewer checks the 2.3 per cent sentence and an editor signs it off, by keyboard alone", async ({ browser }) => {
  const desk = await createDesk();
  const reviewer = await browser.newPage();
  await signIn(reviewer, desk.reviewer);
  await reviewer.goto(`/articles/${desk.article.id}`);
  await expect(reviewer.getByTestId("article-body")).toBeVisible();

  // Find the sentence with the text caret and make it a claim.
  await reviewer.keyboard.press("m");
  const paragraph = () =>
    reviewer.evaluate(() => {
      const node = window.getSelection()?.focusNode;
      return (node instanceof Element ? node : node?.parentElement)?.closest("[data-start]")?.textContent ?? "";
    });
  for (let i = 0; i < 40 && !(await paragraph()).includes("2.3 per cent"); i++) await reviewer.keyboard.press("Control+ArrowDown");
  await reviewer.keyboard.press(".");
  await reviewer.keyboard.press("a");
  const panel = reviewer.getByTestId("claim-panel");
  await expect(panel.getByTestId("claim-quote")).toContainText(SENTENCE);

  // Status.
  await reviewer.keyboard.press("s");
  await reviewer.keyboard.press("2");
  await expect(panel.getByRole("radio", { name: /In review/ })).toHaveAttribute("aria-checked", "true");

  // Evidence.
  await reviewer.keyboard.press("e");
  await expect(panel.getByLabel("Source URL")).toBeFocused();
  await reviewer.keyboard.type("https://www.gov.uk/government/statistics/defence-departmental-resources-2024");
  await reviewer.keyboard.press("Tab");
  await reviewer.keyboard.type("MOD: Defence departmental resources 2024");
  await reviewer.keyboard.press("Tab");
  await reviewer.keyboard.type("UK defence spending was 2.33% of GDP in 2024/25 on the NATO definition.");
  await reviewer.keyboard.press("Tab");
  await reviewer.keyboard.press("ArrowDown");
  await reviewer.keyboard.press("ArrowDown");
  await expect(panel.getByLabel("Stance")).toHaveValue("context");
  await reviewer.keyboard.press("Shift+Tab");
  await reviewer.keyboard.press("Shift+Tab");
  await reviewer.keyboard.press("Enter");
  await expect(panel.getByTestId("evidence-list")).toContainText("MOD: Defence departmental resources 2024");

  // Comment.
  await reviewer.keyboard.press("Escape");
  await expect(panel).toHaveCount(0);
  await reviewer.keyboard.press("Enter");
  await expect(panel).toBeVisible();
  await reviewer.keyboard.press("c");
  await reviewer.keyboard.type("NATO counts GDP, not GNP.");
  await reviewer.keyboard.press("Tab");
  await reviewer.keyboard.press("Enter");
  await expect(panel.getByTestId("comment-thread")).toContainText("NATO counts GDP");

  // Verdict.
  await reviewer.keyboard.press("Escape");
  await reviewer.keyboard.press("Enter");
  await expect(panel).toBeVisible();
  await reviewer.keyboard.press("v");
  await expect(panel.getByLabel("Verdict", { exact: true })).toBeFocused();
  await reviewer.keyboard.type("Misleading");
  await expect(panel.getByLabel("Verdict", { exact: true })).toHaveValue("misleading");
  await reviewer.keyboard.press("Tab");
  await reviewer.keyboard.type("The figure is about right, but it is a share of GDP, not gross national product.");
  await reviewer.keyboard.press("Tab");
  await reviewer.keyboard.press("Enter");
  await expect(panel.getByTestId("verdict-card")).toContainText("Misleading");

  // The editor signs it off: Tab to the highlight, Enter, s, 4.
  const editor = await browser.newPage();
  await signIn(editor, desk.editor);
  await editor.goto(`/articles/${desk.article.id}`);
  await expect(editor.getByTestId("article-body")).toBeVisible();
  await tabUntil(editor, (a) => a.starts !== null);
  await editor.keyboard.press("Enter");
  const editorPanel = editor.getByTestId("claim-panel");
  await expect(editorPanel.getByTestId("verdict-card")).toContainText("Misleading");
  await editor.keyboard.press("s");
  await editor.keyboard.press("4");
  await expect(editorPanel.getByRole("radio", { name: /Verified/ })).toHaveAttribute("aria-checked", "true");
  await expect(editor.getByTestId("article-body").locator(".hl[data-status=verified]")).toContainText("2.3 per cent");
});
