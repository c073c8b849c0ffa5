// Attacks on adding a claim at once (issue #21, add-claim-at-once.spec.ts): what a reader under deadline does while the
// drawn claim ("Saving the claim…") waits for the server.
import { expect, test, type Page } from "../fixtures/test";
import { signIn } from "../fixtures/auth";
import { createDesk, testDb } from "../fixtures/factories";
import { holdActions } from "../fixtures/hold-actions";
import { addClaimHeld, makeReviewerViewer } from "../fixtures/adding-claim";
import { selectInArticle } from "../fixtures/selection";
import { createClaim } from "../../lib/claims/create-claim";
import { targetFor } from "../../lib/claims/test-helpers";
import { PHRASES } from "../../lib/publish/test-helpers";

const NEW = "to deter Russia from attacking Ukraine";

/** Requests the page sends for a drawn claim's id ("pending:<key>"), which no stored claim has. */
function pendingReads(page: Page): string[] {
  const seen: string[] = [];
  page.on("request", (request) => {
    if (/\/api\/v1\/claims\/pending/i.test(decodeURIComponent(request.url()))) seen.push(request.url());
  });
  return seen;
}

test("clicking the drawn claim while it saves asks the server nothing about it, and its panel still follows", async ({ page }) => {
  const { body, release } = await addClaimHeld(page, NEW);
  const sent = pendingReads(page);
  const drawn = body.locator(".hl[data-active]");
  await expect(drawn).toHaveText(NEW);
  await drawn.click();
  await expect(page.getByTestId("claim-preview")).toContainText("Saving the claim…");
  release();
  const panel = page.getByTestId("claim-panel");
  await expect(panel.getByTestId("claim-quote")).toContainText(NEW);
  await expect(page.getByTestId("claims-sidebar").getByRole("alert")).toHaveCount(0);
  expect(sent).toEqual([]);
});

test("keys pressed while a refused claim saved never land on the claim that was open before", async ({ page }) => {
  const desk = await createDesk();
  const open = await createClaim({
    userId: desk.reviewer.id,
    articleId: desk.article.id,
    target: targetFor(desk.article.body, PHRASES.plain),
  });
  await signIn(page, desk.reviewer);
  await page.goto(`/articles/${desk.article.id}?claim=${open.id}`);
  await expect(page.getByTestId("claim-panel").getByTestId("claim-quote")).toContainText(PHRASES.plain);

  const release = await holdActions(page);
  await selectInArticle(page, NEW);
  await page.keyboard.press("a");
  await expect(page.getByTestId("claim-preview")).toContainText("Saving the claim…");
  // Meant for the new claim: s then 2 (In review).
  await page.keyboard.press("s");
  await page.keyboard.press("2");
  // The server refuses it: an admin made the reviewer a viewer meanwhile.
  await makeReviewerViewer(desk);
  release();
  await expect(page.getByTestId("claims-sidebar").getByRole("alert").first()).toContainText("Viewers can read claims");
  await expect(page.getByTestId("claim-preview")).toHaveCount(0);
  // The claim open before shows again, untouched: no status change was tried on it (its panel says nothing).
  const panel = page.getByTestId("claim-panel");
  await expect(panel.getByTestId("claim-quote")).toContainText(PHRASES.plain);
  await expect(panel.getByRole("radio", { name: /Unreviewed/ })).toHaveAttribute("aria-checked", "true");
  await page.waitForLoadState("networkidle");
  await expect(panel.getByRole("alert")).toHaveCount(0);
  await expect(page.getByTestId("claims-sidebar").getByRole("alert")).toHaveCount(1);
  expect((await testDb().claim.findUniqueOrThrow({ where: { id: open.id }, select: { status: true } })).status).toBe("unreviewed");
});

test("j while a claim saves opens the next claim, as with a claim open; the saved one joins the list unopened", async ({ page }) => {
  const { desk, release } = await addClaimHeld(page, NEW, { stored: PHRASES.plain });
  // The list is behind the drawn claim's preview: j must show where it went, not move a hidden cursor.
  await page.keyboard.press("j");
  const panel = page.getByTestId("claim-panel");
  await expect(panel.getByTestId("claim-quote")).toContainText(PHRASES.plain);
  release();
  // Stored: in the text as a claim of its own; the panel stays on the claim j opened, and the list (hidden behind it)
  // holds the new one when the reader closes the panel.
  await expect(page.getByTestId("article-body").locator(".hl[data-ids]:not([data-ids^=pending])", { hasText: NEW })).toHaveCount(1);
  await expect(panel.getByTestId("claim-quote")).toContainText(PHRASES.plain);
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("claim-list")).toContainText(NEW);
  expect(await testDb().claim.count({ where: { articleId: desk.article.id } })).toBe(2);
});

test("a claim added while another saves: both stay drawn, and clicking the first shows it until its panel opens", async ({ page }) => {
  const { desk, body, release } = await addClaimHeld(page, NEW);
  await selectInArticle(page, PHRASES.plain);
  await page.keyboard.press("a");
  await expect(body.locator(".hl[data-active]")).toHaveText(PHRASES.plain);
  const first = body.locator(".hl").filter({ hasText: NEW });
  await expect(first).toHaveCount(1);
  await first.click();
  const preview = page.getByTestId("claim-preview");
  await expect(preview).toContainText(NEW);
  await expect(preview).toContainText("Saving the claim…");
  await expect(body.locator(".hl").filter({ hasText: PHRASES.plain })).toHaveCount(1);
  release();
  await expect(page.getByTestId("claim-panel").getByTestId("claim-quote")).toContainText(NEW);
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("claim-list")).toContainText(PHRASES.plain);
  expect(await testDb().claim.count({ where: { articleId: desk.article.id } })).toBe(2);
});

test("where a claim being added overlaps a stored one, the spot's menu lists both, and picking it shows it saving", async ({ page }) => {
  const { release } = await addClaimHeld(page, "fly to the US", { stored: PHRASES.plain });
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("claim-preview")).toHaveCount(0);
  await page.getByTestId("article-body").locator(".hl[data-overlap]", { hasText: "fly" }).click();
  const menu = page.getByRole("menu", { name: "Claims at this spot" });
  await expect(menu.getByRole("menuitem")).toHaveCount(2);
  await menu.getByRole("menuitem", { name: /^“fly to the US”/ }).click();
  await expect(page.getByTestId("claim-preview")).toContainText("Saving the claim…");
  release();
  await expect(page.getByTestId("claim-panel").getByTestId("claim-quote").locator("mark")).toHaveText("fly to the US");
});

test("a second claim added while the first saves, its answer lost, is stored once when the reader adds it again", async ({ page }) => {
  const desk = await createDesk();
  await signIn(page, desk.reviewer);
  await page.goto(`/articles/${desk.article.id}`);
  const body = page.getByTestId("article-body");

  // The first action waits for `release`; the second reaches the server, but its answer never reaches the page.
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let actions = 0;
  await page.route("**/*", async (route) => {
    const request = route.request();
    if (request.method() !== "POST" || !request.headers()["next-action"]) return route.fallback();
    const n = ++actions;
    if (n === 1) await released;
    if (n !== 2) return route.fallback();
    await route.fetch();
    await route.abort("connectionreset");
  });

  await selectInArticle(page, NEW);
  await page.keyboard.press("a");
  await expect(body.locator(".hl[data-active]")).toHaveText(NEW);
  await selectInArticle(page, PHRASES.plain);
  await page.keyboard.press("a");
  await expect(body.locator(".hl[data-active]")).toHaveText(PHRASES.plain);
  release();
  await expect(page.getByTestId("claim-list")).toContainText(NEW);
  await expect(page.getByTestId("claim-preview")).toHaveCount(0);
  // "Could not reach Factdesk": the reader selects the second claim's words again and adds it again. (The page selects
  // them itself, but the live update that brings the stored claim in redraws the text under that selection.)
  await selectInArticle(page, PHRASES.plain);
  await page.keyboard.press("a");
  await expect(page.getByTestId("claim-panel").getByTestId("claim-quote")).toContainText(PHRASES.plain);
  expect(await testDb().claim.count({ where: { articleId: desk.article.id, exact: PHRASES.plain } })).toBe(1);
  expect(await testDb().claim.count({ where: { articleId: desk.article.id } })).toBe(2);
});

test("words selected while the first claim saves stay selected, ready to add, when its panel opens", async ({ page }) => {
  const { desk, release } = await addClaimHeld(page, NEW);
  // The next claim's words, selected while the first saves.
  await selectInArticle(page, PHRASES.plain);
  release();
  await expect(page.getByTestId("claim-panel").getByTestId("claim-quote")).toContainText(NEW);
  expect(await page.evaluate(() => window.getSelection()?.toString())).toBe(PHRASES.plain);
  await page.getByRole("button", { name: "+ Add claim" }).click();
  await expect(page.getByTestId("claim-panel").getByTestId("claim-quote")).toContainText(PHRASES.plain);
  expect(await testDb().claim.count({ where: { articleId: desk.article.id } })).toBe(2);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("refused while the drawer showed it: the drawer goes, the reason shows and the words are selected again", async ({ page }) => {
    const { desk, body, release } = await addClaimHeld(page, NEW);
    await makeReviewerViewer(desk);
    release();
    await expect(page.getByTestId("claims-sidebar").getByRole("alert")).toBeVisible();
    await expect(page.getByTestId("claim-preview")).toHaveCount(0);
    await expect(body.locator(".hl[data-active]")).toHaveCount(0);
    await expect(body).not.toHaveAttribute("inert");
    expect(await page.evaluate(() => window.getSelection()?.toString())).toBe(NEW);
    await expect(page.getByRole("button", { name: "+ Add claim" })).toBeVisible();
  });
});
