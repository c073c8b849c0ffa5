import { expect, test, type Page } from "../fixtures/test";
import { createDesk, testDb } from "../fixtures/factories";
import { signIn } from "../fixtures/auth";
import { selectInArticle } from "../fixtures/selection";
import { addComment } from "../../lib/claims/comments";
import { createClaim } from "../../lib/claims/create-claim";
import { targetFor } from "../../lib/claims/test-helpers";

const MOVES = "a US security guarantee would be the only way to prevent Moscow";
const REWORDED = {
  from: "he would be prepared to put a peacekeeping force into Ukraine",
  to: "he has refused to rule out sending a peacekeeping force into Ukraine",
};
const REWRITTEN = { from: "The UK currently spends around 2.3 per cent", to: "Britain spends about 2.4 per cent" };
const DROPPED = { from: "Sir Keir Starmer has called for the US", to: "The prime minister urged Washington" };
const UPDATE = "Update: this article was corrected on Tuesday.";

// Screenshots for a person to look at, only when asked for (VERSIONS_SHOTS=/some/dir).
const shot = (page: Page, name: string) =>
  process.env.VERSIONS_SHOTS ? page.screenshot({ path: `${process.env.VERSIONS_SHOTS}/${name}.png`, fullPage: false }) : Promise.resolve();

test("versions: an editor edits the text; claims move or wait for a person, who attaches, selects or orphans them; the diff shows the change", async ({
  browser,
}) => {
  test.setTimeout(90_000); // two people, many steps: a loaded machine needs more than the default
  const desk = await createDesk();
  const body = desk.article.body;
  const claim = async (phrase: string) =>
    createClaim({ userId: desk.reviewer.id, articleId: desk.article.id, target: targetFor(body, phrase) });
  const moves = await claim(MOVES);
  const reworded = await claim(REWORDED.from);
  const rewritten = await claim(REWRITTEN.from);
  const dropped = await claim(DROPPED.from);
  await addComment({ userId: desk.reviewer.id, claimId: dropped.id, body: "Check against the transcript." });

  // The reviewer has the article open while the editor works.
  const reviewer = await (await browser.newContext()).newPage();
  await signIn(reviewer, desk.reviewer);
  await reviewer.goto(`/articles/${desk.article.id}`);
  await expect(reviewer.getByText("Version 1", { exact: true })).toBeVisible();
  await expect(reviewer.getByRole("link", { name: "Edit text" })).toHaveCount(0);
  await expect(reviewer.getByTestId("article-body").locator(`.hl[data-ids~="${dropped.id}"]`).first()).toBeVisible();

  const editor = await (await browser.newContext()).newPage();
  await signIn(editor, desk.editor);
  await editor.goto(`/articles/${desk.article.id}`);
  await editor.getByRole("link", { name: "Edit text" }).click();
  const text = editor.getByRole("textbox", { name: /Article text/ });
  const markdown = await text.inputValue();
  expect(markdown).toContain(REWORDED.from);
  await text.fill(
    `${UPDATE}\n\n${markdown.replace(REWORDED.from, REWORDED.to).replace(REWRITTEN.from, REWRITTEN.to).replace(DROPPED.from, DROPPED.to)}`,
  );
  await shot(editor, "edit-page");
  await editor.getByRole("button", { name: "Save as version 2" }).click();
  await expect(editor.getByTestId("version-saved")).toContainText("Version 2 saved: 1 claim moved, 3 need re-anchoring");
  await expect(editor.getByText("Version 2", { exact: true })).toBeVisible();

  // Live: the reviewer's page picks up the new text and the claims waiting for a person.
  const needs = reviewer.getByTestId("claims-needs-reanchoring");
  await expect(needs).toContainText("Needs re-anchoring (3)");
  const article = reviewer.getByTestId("article-body");
  await expect(article).toContainText(UPDATE);
  await expect(article.locator(`.hl[data-ids~="${moves.id}"]`).first()).toHaveText(/a US security guarantee/);
  for (const id of [reworded.id, rewritten.id, dropped.id]) await expect(article.locator(`.hl[data-ids~="${id}"]`)).toHaveCount(0);
  await shot(reviewer, "claim-list-groups");

  // 1. Attach to the suggested candidate.
  await needs.locator(`[data-claim-id="${reworded.id}"]`).click();
  const section = reviewer.getByTestId("reanchor-section");
  await expect(reviewer.getByTestId("claim-quote")).toContainText(REWORDED.from);
  const candidate = section.getByTestId("anchor-candidates").locator("li").first();
  await expect(candidate).toContainText("rule out sending a peacekeeping force into Ukraine");
  await expect(candidate).toContainText("% match");
  await candidate.hover();
  await shot(reviewer, "needs-reanchoring");
  await candidate.getByRole("button", { name: "Attach here" }).click();
  await expect(article.locator(`.hl[data-ids~="${reworded.id}"]`).first()).toContainText("peacekeeping force into Ukraine");
  await reviewer.keyboard.press("Escape");
  await expect(needs).toContainText("Needs re-anchoring (2)");

  // 2. Select the right words and use the selection.
  await needs.locator(`[data-claim-id="${rewritten.id}"]`).click();
  await expect(section).toBeVisible();
  await selectInArticle(reviewer, REWRITTEN.to);
  await section.getByRole("button", { name: "Use my selection" }).click();
  await expect(article.locator(`.hl[data-ids~="${rewritten.id}"]`)).toHaveText(REWRITTEN.to);
  await reviewer.keyboard.press("Escape");
  await expect(needs).toContainText("Needs re-anchoring (1)");

  // 3. Orphan the claim whose sentence is gone: still listed, with its comment.
  await needs.locator(`[data-claim-id="${dropped.id}"]`).click();
  await section.getByRole("button", { name: "Mark orphaned" }).click();
  await expect(section.getByRole("button", { name: "Restore" })).toBeVisible();
  const orphaned = reviewer.getByTestId("claims-orphaned");
  await reviewer.keyboard.press("Escape");
  await expect(orphaned).toContainText("Orphaned (1)");
  await expect(needs).toHaveCount(0);
  const listed = orphaned.locator(`[data-claim-id="${dropped.id}"]`);
  await expect(listed).toContainText(DROPPED.from);
  await expect(listed.getByLabel("1 comment", { exact: true })).toBeVisible();
  await listed.click();
  await expect(reviewer.getByTestId("claim-panel")).toContainText("Check against the transcript.");
  await expect(section.getByRole("button", { name: "Restore" })).toBeVisible();

  const stored = await testDb().claim.findMany({
    where: { articleId: desk.article.id },
    select: { id: true, anchorStatus: true, anchorMethod: true },
  });
  expect(Object.fromEntries(stored.map((c) => [c.id, [c.anchorStatus, c.anchorMethod]]))).toEqual({
    [moves.id]: ["attached", "exact-quote"],
    [reworded.id]: ["attached", "manual"],
    [rewritten.id]: ["attached", "manual"],
    [dropped.id]: ["orphaned", null],
  });

  // The versions page: both versions, and what changed between them.
  await reviewer.goto(`/articles/${desk.article.id}/versions`);
  await expect(reviewer.getByTestId("version-table").locator("tbody tr")).toHaveCount(2);
  await expect(reviewer.getByTestId("version-table")).toContainText(desk.editor.name);
  const diff = reviewer.getByTestId("version-diff");
  await expect(diff.locator("ins", { hasText: "Britain" }).first()).toBeVisible();
  await expect(diff.locator("del", { hasText: "currently" }).first()).toBeVisible();
  await expect(diff.locator("ins", { hasText: "corrected on Tuesday" })).toHaveCount(1);
  await shot(reviewer, "versions-diff");
  await reviewer.getByRole("link", { name: "Read", exact: true }).last().click();
  await expect(reviewer.getByTestId("version-text")).toContainText(REWRITTEN.from);
});

test("versions: a second save from a stale page is refused with who saved in between; the typed text stays", async ({ browser }) => {
  const desk = await createDesk();
  const first = await (await browser.newContext()).newPage();
  const second = await (await browser.newContext()).newPage();
  await signIn(first, desk.editor);
  await signIn(second, desk.admin);
  for (const page of [first, second]) await page.goto(`/articles/${desk.article.id}/edit`);
  const typed = (page: Page) => page.getByRole("textbox", { name: /Article text/ });
  await typed(first).fill(`First edit.\n\n${await typed(first).inputValue()}`);
  await first.getByRole("button", { name: "Save as version 2" }).click();
  await expect(first.getByTestId("version-saved")).toBeVisible();

  const mine = `Second edit.\n\n${await typed(second).inputValue()}`;
  await typed(second).fill(mine);
  await second.getByRole("button", { name: "Save as version 2" }).click();
  await expect(second.locator("form").getByRole("alert")).toContainText(`${desk.editor.name} saved version 2`);
  await expect(typed(second)).toHaveValue(mine);

  // Leaving with unsaved text asks first; staying keeps every word.
  const asked = new Promise<string>((resolve) =>
    second.once("dialog", (dialog) => void dialog.dismiss().then(() => resolve(dialog.type()))),
  );
  await second.getByRole("link", { name: "Cancel" }).click({ noWaitAfter: true });
  expect(await asked).toBe("beforeunload");
  await expect(typed(second)).toHaveValue(mine);

  // Reviewers cannot edit the text; empty text is refused before anything is sent.
  const reviewer = await (await browser.newContext()).newPage();
  await signIn(reviewer, desk.reviewer);
  await reviewer.goto(`/articles/${desk.article.id}/edit`);
  await expect(reviewer.getByText("Only an editor can change the article text.")).toBeVisible();
  await typed(second).fill("   ");
  await second.getByRole("button", { name: "Save as version 2" }).click();
  await expect(second.locator("form").getByRole("alert")).toContainText("The article text is empty");
  expect(await testDb().articleVersion.count({ where: { articleId: desk.article.id } })).toBe(2);
});

test("versions: text over a megabyte gets the length limit's message, not a network error", async ({ page }) => {
  const desk = await createDesk();
  await signIn(page, desk.editor);
  await page.goto(`/articles/${desk.article.id}/edit`);
  // 400,000 three-byte characters: 1.2 MB, past Next's default 1 MB server-action body.
  await page.getByRole("textbox", { name: /Article text/ }).fill("語".repeat(400_000));
  await page.getByRole("button", { name: "Save as version 2" }).click();
  await expect(page.locator("form").getByRole("alert").first()).toHaveText("The article text is 400,000 characters; the limit is 300,000.");
  expect(await testDb().articleVersion.count({ where: { articleId: desk.article.id } })).toBe(1);
});
