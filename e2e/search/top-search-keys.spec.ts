import { expect, test, type Page } from "../fixtures/test";
import { signIn } from "../fixtures/auth";
import { createDesk } from "../fixtures/factories";
import { focusOf, openPreviewWithPanelHeld, tabUntil } from "../fixtures/keyboard";
import { createClaim } from "../../lib/claims/create-claim";
import { targetFor } from "../../lib/claims/test-helpers";

// keys33: on the article page, what is typed in the top bar's search box (or any text field) is the field's: the
// page's single-key shortcuts neither run nor swallow a key while focus is in a text field, and a claim panel that
// arrives meanwhile does not pull focus away from it. Keyboard alone: no pointer event, no focus() call.
test.describe.configure({ timeout: 120_000 });

const SENTENCE = "The UK currently spends around 2.3 per cent of gross national product on defence";
// Every single-key shortcut of the article page, and a few keys that are none.
const TYPED = "jk /? amx svce Enter";

async function openDesk(page: Page, query = "") {
  const desk = await createDesk();
  const claim = await createClaim({ userId: desk.reviewer.id, articleId: desk.article.id, target: targetFor(desk.article.body, SENTENCE) });
  await signIn(page, desk.reviewer);
  await page.goto(`/articles/${desk.article.id}${query.replace("CLAIM", claim.id)}`);
  await expect(page.getByTestId("article-body")).toBeVisible();
  return { desk, claim };
}

/** Nothing a shortcut opens is showing: no help, no evidence form, no text caret; the comment box (if any) is empty. */
async function expectNoShortcutRan(page: Page) {
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeHidden();
  await expect(page.getByLabel("Source URL")).toHaveCount(0);
  await expect(page.getByTestId("text-caret")).toHaveCount(0);
  const comment = page.getByTestId("claim-panel").getByLabel("Comment", { exact: true });
  if (await comment.count()) await expect(comment).toHaveValue("");
}

test("every key typed in the top search box lands there with no claim open", async ({ page }) => {
  await openDesk(page);
  const box = page.locator("#top-search");
  await tabUntil(page, (f) => f.id === "top-search", { what: "the top search box" });
  await page.keyboard.type(TYPED);
  await expect(box).toHaveValue(TYPED);
  await expect(box).toBeFocused();
  await expectNoShortcutRan(page);
  await expect(page.getByTestId("claim-panel")).toHaveCount(0);
});

test("every key typed in the top search box lands there while a claim is open", async ({ page }) => {
  await openDesk(page, "?claim=CLAIM");
  const panel = page.getByTestId("claim-panel");
  await expect(panel).toBeVisible();
  const box = page.locator("#top-search");
  await tabUntil(page, (f) => f.id === "top-search", { back: true, what: "the top search box" });
  await page.keyboard.type(TYPED);
  await expect(box).toHaveValue(TYPED);
  await expect(box).toBeFocused();
  await expectNoShortcutRan(page);
  await expect(panel.getByTestId("claim-quote")).toContainText(SENTENCE);
});

test("a claim's panel arriving while the reader types in the top search box leaves focus and the keys there", async ({ page }) => {
  const { claim } = await openDesk(page);
  // The claim's panel is held back until the reader is typing in the search box.
  const release = await openPreviewWithPanelHeld(page, claim.id);
  const box = page.locator("#top-search");
  await tabUntil(page, (f) => f.id === "top-search", { back: true, what: "the top search box" });
  await page.keyboard.type("jk ");
  release();
  await expect(page.getByTestId("claim-panel")).toBeVisible();
  await page.keyboard.type("svce ?");
  await expect(box).toHaveValue("jk svce ?");
  await expect(box).toBeFocused();
  await expectNoShortcutRan(page);
});

test("a panel key pressed while the claim loads is let go once the reader types in another field", async ({ page }) => {
  const { claim } = await openDesk(page);
  const release = await openPreviewWithPanelHeld(page, claim.id);
  // "c" would take the text typed next to the comment box once the panel shows; the reader goes to search instead.
  await page.keyboard.press("c");
  const box = page.locator("#top-search");
  await tabUntil(page, (f) => f.id === "top-search", { back: true, what: "the top search box" });
  await page.keyboard.type("defence budget");
  await expect(box).toHaveValue("defence budget");
  release();
  await expect(page.getByTestId("claim-panel")).toBeVisible();
  await expect(box).toBeFocused();
  await expect(box).toHaveValue("defence budget");
  await expectNoShortcutRan(page);
  expect((await focusOf(page)).id).toBe("top-search");
});
