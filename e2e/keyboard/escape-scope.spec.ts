import { expect, test, type Page } from "../fixtures/test";
import { signIn } from "../fixtures/auth";
import { createDesk } from "../fixtures/factories";
import { focusOf, tabUntil } from "../fixtures/keyboard";
import { createClaim } from "../../lib/claims/create-claim";
import { targetFor } from "../../lib/claims/test-helpers";
import { addComment } from "../../lib/claims/comments";

// keys33: Escape closes the innermost layer only (a menu, a dialog, a list, the field being typed in), never also
// the claim panel behind it; the next Escape closes the next layer out. Escape that ends an IME composition belongs
// to the IME. Keyboard alone: no pointer event, no focus() call.
test.describe.configure({ timeout: 120_000 });

const EARLIER = "Sir Keir Starmer has called for the US to provide a “backstop”";
const PART = "The UK currently spends around 2.3 per cent";
const STATEMENT = "The UK currently spends around 2.3 per cent of gross national product on defence";

/** A desk whose article has a claim on each phrase (by its reviewer); signed in as the reviewer, that claim open. */
async function openClaim(page: Page, phrases: string[], open: string) {
  const desk = await createDesk();
  const claims = [];
  for (const phrase of phrases)
    claims.push(await createClaim({ userId: desk.reviewer.id, articleId: desk.article.id, target: targetFor(desk.article.body, phrase) }));
  const opened = claims[phrases.indexOf(open)]!;
  await signIn(page, desk.reviewer);
  await page.goto(`/articles/${desk.article.id}?claim=${opened.id}`);
  const panel = page.getByTestId("claim-panel");
  await expect(panel.getByTestId("claim-quote")).toContainText(open);
  // The panel takes focus as it opens (its heading).
  await expect.poll(async () => (await focusOf(page)).inPanel).toBe(true);
  return { desk, claims, panel };
}

test("Escape in the menu of overlapping claims closes the menu only, focus back on the highlight; the next closes the claim", async ({
  page,
}) => {
  const { claims, panel } = await openClaim(page, [EARLIER, PART, STATEMENT], EARLIER);
  // Back from the panel to the highlights' Tab stop, then along them to where two claims begin.
  await tabUntil(page, (f) => f.starts.length > 0, { back: true, what: "a highlight" });
  await page.keyboard.press("End");
  expect((await focusOf(page)).starts.sort()).toEqual([claims[1]!.id, claims[2]!.id].sort());
  await page.keyboard.press("Enter");
  const menu = page.getByRole("menu", { name: "Claims at this spot" });
  await expect(menu.getByRole("menuitem").first()).toBeFocused();

  await page.keyboard.press("Escape");
  await expect(menu).toHaveCount(0);
  await expect(panel.getByTestId("claim-quote")).toContainText(EARLIER);
  await expect.poll(async () => (await focusOf(page)).starts.length, "focus back on the highlight").toBe(2);

  await page.keyboard.press("Escape");
  await expect(panel).toHaveCount(0);
});

test("Escape in the claim's tag field leaves an empty field at once, clears typed text first; the claim stays until the next", async ({
  page,
}) => {
  const { panel } = await openClaim(page, [STATEMENT], STATEMENT);
  const tagField = panel.getByRole("combobox", { name: "Add a tag to this claim" });
  await tabUntil(page, (f) => f.name === "Add a tag to this claim", { what: "the claim's tag field" });

  // Nothing typed: one Escape leaves the field (focus stays in the panel), the claim stays open.
  await page.keyboard.press("Escape");
  await expect(tagField).not.toBeFocused();
  expect(await focusOf(page)).toMatchObject({ body: false, inPanel: true });
  await expect(panel).toBeVisible();

  // Typed text with its list of matches: the first Escape closes the list and clears the text, the field keeps focus.
  await tabUntil(page, (f) => f.name === "Add a tag to this claim", { what: "the claim's tag field" });
  await page.keyboard.type("budget");
  await expect(page.getByRole("listbox", { name: "Matching tags" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("listbox", { name: "Matching tags" })).toHaveCount(0);
  await expect(tagField).toHaveValue("");
  await expect(tagField).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(tagField).not.toBeFocused();
  await expect(panel).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(panel).toHaveCount(0);
});

test("Escape in the article's tag field, outside the claim's panel, leaves that field and the claim stays", async ({ page }) => {
  const { panel } = await openClaim(page, [STATEMENT], STATEMENT);
  const articleTags = page.getByRole("combobox", { name: "Add a tag to this article" });
  await tabUntil(page, (f) => f.name === "Add a tag to this article", { back: true, what: "the article's tag field" });
  await page.keyboard.press("Escape");
  await expect(articleTags).not.toBeFocused();
  await expect(panel).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(panel).toHaveCount(0);
});

test("Escape in the top search box leaves the box with its text, and the claim stays until the next", async ({ page }) => {
  const { panel } = await openClaim(page, [STATEMENT], STATEMENT);
  await tabUntil(page, (f) => f.id === "top-search", { back: true, what: "the top search box" });
  await page.keyboard.type("backstop");
  await page.keyboard.press("Escape");
  await expect(panel).toBeVisible();
  await expect(page.locator("#top-search")).not.toBeFocused();
  // What was typed stays, as in the panel's fields.
  await expect(page.locator("#top-search")).toHaveValue("backstop");
  await page.keyboard.press("Escape");
  await expect(panel).toHaveCount(0);
});

test("one Escape per layer: the shortcuts dialog, the @mention list, the comment field, the verdict field, then the claim", async ({
  page,
}) => {
  const { desk, panel } = await openClaim(page, [STATEMENT], STATEMENT);
  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();
  await expect(panel).toBeVisible();

  await page.keyboard.press("c");
  const comment = panel.getByLabel("Comment", { exact: true });
  await expect(comment).toBeFocused();
  const someone = desk.reviewer2.name.split(" ")[0]!;
  await page.keyboard.type(`Ask @${someone}`);
  const people = page.getByRole("listbox", { name: "People to mention" });
  await expect(people).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(people).toHaveCount(0);
  await expect(comment).toBeFocused();
  await expect(comment).toHaveValue(`Ask @${someone}`);
  await page.keyboard.press("Escape");
  await expect(comment).not.toBeFocused();
  await expect(panel).toBeVisible();

  await page.keyboard.press("v");
  const verdict = panel.getByLabel("Verdict", { exact: true });
  await expect(verdict).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(verdict).not.toBeFocused();
  expect(await focusOf(page)).toMatchObject({ body: false, inPanel: true });
  await expect(panel).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(panel).toHaveCount(0);
});

test("Escape during an IME composition belongs to the IME: the comment field keeps focus and the claim stays", async ({ page }) => {
  const { panel } = await openClaim(page, [STATEMENT], STATEMENT);
  await page.keyboard.press("c");
  const comment = panel.getByLabel("Comment", { exact: true });
  await expect(comment).toBeFocused();
  // Whether the page saw the Escape as part of a composition (the test's own check that the IME is in play).
  await page.evaluate(() => {
    const seen: boolean[] = [];
    (window as unknown as { escapes: boolean[] }).escapes = seen;
    window.addEventListener("keydown", (e) => e.key === "Escape" && seen.push(e.isComposing), true);
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Input.imeSetComposition", { text: "にほん", selectionStart: 3, selectionEnd: 3 });
  await page.keyboard.press("Escape");
  expect(await page.evaluate(() => (window as unknown as { escapes: boolean[] }).escapes)).toEqual([true]);
  await expect(comment).toBeFocused();
  await expect(panel).toBeVisible();
  // The IME commits; then Escape works as ever: out of the field, then the claim closes.
  await cdp.send("Input.insertText", { text: "日本" });
  await expect(comment).toHaveValue("日本");
  await page.keyboard.press("Escape");
  await expect(comment).not.toBeFocused();
  await page.keyboard.press("Escape");
  await expect(panel).toHaveCount(0);
});

test("Escape in a field far down the panel keeps focus where the reader sees it, not on the heading scrolled away", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 640 });
  const { desk, claims, panel } = await openClaim(page, [STATEMENT], STATEMENT);
  for (let i = 1; i <= 12; i++)
    await addComment({ userId: desk.reviewer2.id, claimId: claims[0]!.id, body: `Source ${i}: checked against the departmental tables.` });
  await page.reload();
  await expect(panel.getByText("Source 12:")).toBeVisible();
  await expect.poll(async () => (await focusOf(page)).inPanel).toBe(true);

  await page.keyboard.press("c");
  const comment = panel.getByLabel("Comment", { exact: true });
  await expect(comment).toBeFocused();
  await page.keyboard.type("Still to check");
  await expect(panel.getByRole("heading", { name: "Claim", exact: true })).not.toBeInViewport();
  await page.keyboard.press("Escape");
  await expect(comment).not.toBeFocused();
  await expect(comment).toHaveValue("Still to check");
  expect(await focusOf(page)).toMatchObject({ body: false, inPanel: true });
  // The focused element is on screen, in the sidebar's visible part.
  const onScreen = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const rect = el.getBoundingClientRect();
    const aside = el.closest("aside")!.getBoundingClientRect();
    return rect.bottom > Math.max(0, aside.top) && rect.top < Math.min(innerHeight, aside.bottom);
  });
  expect(onScreen).toBe(true);
  // Tab goes on from there: back into the comment field, with its text.
  await page.keyboard.press("Tab");
  await expect(comment).toBeFocused();
  await page.keyboard.press("Escape");
  await page.keyboard.press("Escape");
  await expect(panel).toHaveCount(0);
});
