import { expect, test, type Page } from "../fixtures/test";
import { signIn } from "../fixtures/auth";
import { createDesk } from "../fixtures/factories";
import { focusOf, tabUntil } from "../fixtures/keyboard";
import { createClaim } from "../../lib/claims/create-claim";
import { targetFor } from "../../lib/claims/test-helpers";

// On a phone (below 768 px) an open claim is a drawer over the whole page. While it shows, what it covers is out of
// reach of the keyboard and of screen readers (inert); Escape closes it and puts focus back on the highlight that
// opened it. At 820 px the drawer covers only the article's right part, and at 1440 px the claim sits beside the
// article: there the article stays reachable. Keyboard alone: no pointer event, no focus() call.
test.describe.configure({ timeout: 120_000 });

const STATEMENT = "The UK currently spends around 2.3 per cent of gross national product on defence";

/** Where focus is, as this spec asks: inside the claims sidebar (the drawer), on nothing, or elsewhere (described). */
const whereFocus = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { at: "nothing" as const, what: "" };
    if (el.closest("[data-testid=claims-sidebar]")) return { at: "drawer" as const, what: "" };
    const label = el.getAttribute("aria-label") || (el.textContent ?? "").trim().slice(0, 60);
    return { at: "outside" as const, what: `${el.tagName.toLowerCase()} “${label}”` };
  });

/** Signs in as the reviewer of a fresh desk with one claim, at `width`, and opens that claim from its highlight by keyboard. */
async function openByKeyboard(page: Page, width: number) {
  const desk = await createDesk();
  const claim = await createClaim({
    userId: desk.reviewer.id,
    articleId: desk.article.id,
    target: targetFor(desk.article.body, STATEMENT),
  });
  await page.setViewportSize({ width, height: width < 1024 ? 844 : 900 });
  await signIn(page, desk.reviewer);
  await page.goto(`/articles/${desk.article.id}`);
  await expect(page.getByTestId("article-body")).toContainText(STATEMENT);
  await tabUntil(page, (f) => f.starts.includes(claim.id), { what: "the claim's highlight" });
  await page.keyboard.press("Enter");
  const panel = page.getByTestId("claim-panel");
  await expect(panel.getByTestId("claim-quote")).toContainText(STATEMENT);
  await expect.poll(async () => (await focusOf(page)).inPanel, "the panel takes focus").toBe(true);
  return { claim, panel };
}

test("at 390 px the open claim's drawer holds the keyboard: Shift+Tab never leaves it, Escape returns to the highlight", async ({
  page,
}, testInfo) => {
  const { claim, panel } = await openByKeyboard(page, 390);
  await page.screenshot({ path: testInfo.outputPath("drawer-390.png") });

  // Around the drawer at least once: backwards through all of it until focus has left the page (the browser's own
  // controls, as with any modal dialog) twice, or 150 presses. Never on anything the drawer covers.
  let leftPage = 0;
  let inDrawer = 0;
  for (let press = 0; press < 150 && leftPage < 2; press++) {
    await page.keyboard.press("Shift+Tab");
    const focus = await whereFocus(page);
    expect(focus.at, `Shift+Tab ${press + 1} reached ${focus.what}, behind the drawer`).not.toBe("outside");
    if (focus.at === "nothing") leftPage++;
    else inDrawer++;
  }
  expect(inDrawer, "Shift+Tab goes through the drawer").toBeGreaterThan(3);
  // Screen readers too: the highlights behind the drawer are inert.
  const highlight = page.locator(`[data-testid=article-body] [data-starts~="${claim.id}"]`);
  expect(await highlight.evaluate((el) => el.closest("[inert]") !== null)).toBe(true);

  await tabUntil(page, (f) => f.name === "Close claim (Esc)", { back: true, what: "the drawer's Close" });
  await page.keyboard.press("Escape");
  await expect(panel).toHaveCount(0);
  await expect.poll(async () => (await focusOf(page)).starts, "focus back on the highlight").toContain(claim.id);
  expect(await highlight.evaluate((el) => el.closest("[inert]") === null)).toBe(true);
});

for (const width of [820, 1440]) {
  test(`at ${width} px the article stays in reach beside the open claim: Shift+Tab from the panel reaches the highlights`, async ({
    page,
  }, testInfo) => {
    const { claim } = await openByKeyboard(page, width);
    await page.screenshot({ path: testInfo.outputPath(`drawer-${width}.png`) });
    await tabUntil(page, (f) => f.starts.includes(claim.id), { back: true, what: "the claim's highlight" });
    expect(
      await page.evaluate(() => document.querySelector("[inert] [data-testid=article-body], [data-testid=article-body][inert]")),
    ).toBeNull();
  });
}
