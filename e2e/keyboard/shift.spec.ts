import { expect, test, type Page } from "../fixtures/test";
import { signIn } from "../fixtures/auth";
import { pointerEventsSeen, recordPointerEvents } from "../fixtures/keyboard";
import { createDesk } from "../fixtures/factories";
import { createClaim } from "../../lib/claims/create-claim";
import { targetFor } from "../../lib/claims/test-helpers";
import { assignReviewers } from "../../lib/claims/assignments";

// ux30: a fact-checker's whole shift and the editor's sign-off and publishing, by keyboard alone: page.keyboard only,
// and the page itself checks that no pointer event ever reached it. Focus is never left on <body> after a step
// (the next Tab would start again at the top of the page) and is always visible.
test.describe.configure({ timeout: 240_000 });

const ASSIGNED = "The UK currently spends around 2.3 per cent of gross national product on defence";
const OTHER = "The Prime Minister is to fly to the US next week";

type Focus = { text: string; body: boolean; visible: boolean };
const focusOf = (page: Page): Promise<Focus> =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const body = !el || el === document.body;
    return {
      text: body ? "" : `${el.getAttribute("aria-label") ?? ""} ${el.textContent ?? ""}`.trim().slice(0, 120),
      body,
      visible: !body && el.matches(":focus-visible"),
    };
  });

/** Focus is on an element (not <body>) and shows its ring. */
async function expectFocusKept(page: Page, after: string) {
  await expect.poll(async () => (await focusOf(page)).body, `focus after ${after}`).toBe(false);
  expect((await focusOf(page)).visible, `focus ring after ${after}`).toBe(true);
}

async function tabTo(page: Page, matches: (text: string) => boolean, limit = 150) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    const focus = await focusOf(page);
    if (!focus.body && matches(focus.text)) return expect(focus.visible, `focus ring on "${focus.text}"`).toBe(true);
  }
  throw new Error("never reached by Tab");
}

test("a fact-checker's shift and the editor's sign-off and publishing, by keyboard alone", async ({ browser }) => {
  const desk = await createDesk();
  const assigned = await createClaim({
    userId: desk.editor.id,
    articleId: desk.article.id,
    target: targetFor(desk.article.body, ASSIGNED),
  });
  await createClaim({ userId: desk.editor.id, articleId: desk.article.id, target: targetFor(desk.article.body, OTHER) });
  await assignReviewers({ userId: desk.editor.id, claimId: assigned.id, reviewerIds: [desk.reviewer.id], dueAt: "2026-12-01" });

  const page = await browser.newPage();
  await recordPointerEvents(page);
  await signIn(page, desk.reviewer);
  await page.goto("/articles");

  // Find the assigned claim: the top bar's Needs me, then the claim.
  await tabTo(page, (t) => t.startsWith("Needs me"));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Needs me" })).toBeVisible();
  await tabTo(page, (t) => t.includes("2.3 per cent"));
  await page.keyboard.press("Enter");
  const panel = page.getByTestId("claim-panel");
  await expect(panel.getByTestId("claim-quote")).toContainText("2.3 per cent");
  await expectFocusKept(page, "opening the assigned claim");

  // Walk the claims; the shortcuts list opens and closes with focus back where it was.
  await page.keyboard.press("j");
  await expect(panel.getByTestId("claim-quote")).not.toContainText("2.3 per cent");
  await page.keyboard.press("k");
  await expect(panel.getByTestId("claim-quote")).toContainText("2.3 per cent");
  const before = await focusOf(page);
  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();
  await expect(panel).toBeVisible();
  expect((await focusOf(page)).text).toBe(before.text);

  // Escape closes the claim and leaves focus on its highlight.
  await page.keyboard.press("Escape");
  await expect(panel).toHaveCount(0);
  expect((await focusOf(page)).text).toContain("2.3 per cent");

  // A new claim from a selection made with Shift+arrows.
  await page.keyboard.press("m");
  const caretIn = () =>
    page.evaluate(() => {
      const node = window.getSelection()?.focusNode;
      return (node instanceof Element ? node : node?.parentElement)?.closest("[data-start]")?.textContent ?? "";
    });
  for (let i = 0; i < 40 && !(await caretIn()).startsWith("Earlier on Monday"); i++) await page.keyboard.press("Control+ArrowDown");
  for (let i = 0; i < 4; i++) await page.keyboard.press("Shift+Control+ArrowRight");
  await expect.poll(() => page.evaluate(() => String(window.getSelection()).trim())).toBe("Earlier on Monday,");
  await page.keyboard.press("a");
  await expect(panel.getByTestId("claim-quote")).toContainText("Earlier on Monday");
  await expectFocusKept(page, "adding the claim");

  // Evidence.
  await page.keyboard.press("e");
  await expect(panel.getByLabel("Source URL")).toBeFocused();
  await page.keyboard.type("https://www.gov.uk/government/news/pm-statement");
  await page.keyboard.press("Tab");
  await page.keyboard.type("PM statement, 17 February");
  await page.keyboard.press("Enter");
  await expect(panel.getByTestId("evidence-list")).toContainText("PM statement, 17 February");
  await expectFocusKept(page, "saving evidence");

  // A comment that mentions the editor.
  await page.keyboard.press("c");
  await page.keyboard.type(`Please look @${desk.editor.name.slice(0, 6)}`);
  await expect(
    page.getByRole("listbox", { name: "People to mention" }).getByRole("option", { name: new RegExp(desk.editor.name) }),
  ).toBeVisible();
  await page.keyboard.press("Enter");
  await page.keyboard.type("at the date.");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await expect(panel.getByTestId("comment-thread")).toContainText(`Please look @${desk.editor.name} at the date.`);
  await expectFocusKept(page, "posting the comment");

  // A verdict: proposing it is the request for sign-off (Needs me lists it for editors).
  await page.keyboard.press("Escape");
  await page.keyboard.press("Enter");
  await expect(panel.getByLabel("Verdict", { exact: true })).toBeVisible();
  await page.keyboard.press("v");
  await page.keyboard.type("Misleading");
  await page.keyboard.press("Tab");
  await page.keyboard.type("Downing Street spoke on Tuesday, not Monday.");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await expect(panel.getByTestId("verdict-card")).toContainText("Misleading");
  await expectFocusKept(page, "proposing the verdict");
  expect(await pointerEventsSeen(page)).toEqual([]);

  // The editor: Needs me lists the verdict to sign off; sign it off, then publish the report.
  const editor = await browser.newPage();
  await recordPointerEvents(editor);
  await signIn(editor, desk.editor);
  await editor.goto("/queue");
  await tabTo(editor, (t) => t.includes("Earlier on Monday"));
  await editor.keyboard.press("Enter");
  const editorPanel = editor.getByTestId("claim-panel");
  await expect(editorPanel.getByTestId("verdict-card")).toContainText("Misleading");
  await editor.keyboard.press("s");
  await editor.keyboard.press("4");
  await expect(editorPanel.getByRole("radio", { name: /Verified/ })).toHaveAttribute("aria-checked", "true");
  await editor.keyboard.press("Escape");
  await tabTo(editor, (t) => t === "Publish report");
  await editor.keyboard.press("Enter");
  await expect(editor.getByTestId("claimant-warning")).toBeVisible();
  await editor.keyboard.press("Tab");
  await expect(editor.getByRole("button", { name: "Publish anyway" })).toBeFocused();
  await editor.keyboard.press("Enter");
  await expect(editor.getByTestId("publish-state")).toContainText("Published");
  await expectFocusKept(editor, "publishing");
  expect(await pointerEventsSeen(editor)).toEqual([]);
});
