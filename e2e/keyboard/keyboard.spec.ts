import { expect, test, type Page } from "../fixtures/test";
import { signIn } from "../fixtures/auth";
import { createDesk } from "../fixtures/factories";
import { createClaim } from "../../lib/claims/create-claim";
import { targetFor } from "../../lib/claims/test-helpers";
import { PHRASES, seedFactCheck } from "../../lib/publish/test-helpers";
import { publishReport } from "../../lib/publish/publish-report";

// Issue #19: everything here by keyboard alone (page.keyboard; no click, no mouse event).
// Each key press is a round trip to the browser; on a loaded machine a walk through the page takes a while.
test.describe.configure({ timeout: 120_000 });

const SENTENCE = "The UK currently spends around 2.3 per cent of gross national product on defence";
const FIRST = "Sir Keir Starmer has called for the US to provide a “backstop”";

const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      tag: el?.tagName ?? "",
      text: el?.textContent?.trim() ?? "",
      starts: el?.dataset.starts ?? null,
      inPanel: Boolean(el?.closest("[data-testid=claim-panel]")),
      id: el?.id ?? "",
    };
  });

/** Tab until the focused element matches, at most `limit` presses (fails the test otherwise). */
async function tabTo(page: Page, matches: (f: Awaited<ReturnType<typeof focused>>) => boolean, limit = 60) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    if (matches(await focused(page))) return;
  }
  throw new Error("never reached by Tab");
}

async function deskWithClaims(phrases: string[]) {
  const desk = await createDesk();
  const claims = [];
  for (const phrase of phrases) {
    claims.push(
      await createClaim({
        userId: desk.reviewer.id,
        articleId: desk.article.id,
        target: targetFor(desk.article.body, phrase),
      }),
    );
  }
  return { desk, claims };
}

test("Enter presses buttons, status pills and follows links on the article page", async ({ page }) => {
  const { desk } = await deskWithClaims([SENTENCE]);
  await signIn(page, desk.reviewer);
  await page.goto(`/articles/${desk.article.id}`);
  await expect(page.getByTestId("article-body")).toBeVisible();

  await tabTo(page, (f) => f.starts !== null);
  await page.keyboard.press("Enter");
  const panel = page.getByTestId("claim-panel");
  await expect(panel.getByTestId("claim-quote")).toContainText(SENTENCE);

  await tabTo(page, (f) => f.text === "Add evidence");
  await page.keyboard.press("Enter");
  await expect(panel.getByLabel("Source URL")).toBeFocused();

  await tabTo(page, (f) => f.text === "Close ✕");
  await page.keyboard.press("Enter");
  await expect(panel).toHaveCount(0);

  await page.goto(`/articles/${desk.article.id}`);
  await tabTo(page, (f) => f.text.startsWith("Needs me"));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/queue$/);
});

test("s then 1–5 or the arrow keys sets the status, as the shortcuts dialog says", async ({ page }) => {
  const { desk } = await deskWithClaims([SENTENCE]);
  await signIn(page, desk.reviewer);
  await page.goto(`/articles/${desk.article.id}`);
  await expect(page.getByTestId("article-body")).toBeVisible();
  await page.keyboard.press("j");
  await page.keyboard.press("Enter");
  const panel = page.getByTestId("claim-panel");
  await expect(panel.getByTestId("claim-quote")).toContainText(SENTENCE);

  await page.keyboard.press("?");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toContainText("1–5");
  await page.keyboard.press("Escape");

  await page.keyboard.press("s");
  await page.keyboard.press("2");
  await expect(panel.getByRole("radio", { name: /In review/ })).toHaveAttribute("aria-checked", "true");
  await expect(panel.getByRole("radio", { name: /In review/ })).toBeFocused();
  await page.keyboard.press("ArrowLeft");
  await expect(panel.getByRole("radio", { name: /Unreviewed/ })).toHaveAttribute("aria-checked", "true");
  await expect(panel.getByRole("radio", { name: /Unreviewed/ })).toBeFocused();
  await page.keyboard.press("ArrowRight");
  await expect(panel.getByRole("radio", { name: /In review/ })).toHaveAttribute("aria-checked", "true");
});

test("highlights are one Tab stop, arrows walk the claims in text order, focus goes to the panel and back", async ({ page }) => {
  const { desk, claims } = await deskWithClaims([SENTENCE, FIRST, "2.3 per cent"]);
  await signIn(page, desk.reviewer);
  await page.goto(`/articles/${desk.article.id}`);
  await expect(page.getByTestId("article-body")).toBeVisible();

  await page.keyboard.press("Tab");
  expect((await focused(page)).text).toBe("Skip to content");

  await tabTo(page, (f) => f.starts !== null);
  // Text order: FIRST comes first in the article, then the sentence, then "2.3 per cent" inside it.
  expect((await focused(page)).starts).toBe(claims[1]!.id);
  await page.keyboard.press("ArrowRight");
  expect((await focused(page)).starts).toBe(claims[0]!.id);
  await page.keyboard.press("ArrowRight");
  expect((await focused(page)).starts).toBe(claims[2]!.id);
  await page.keyboard.press("ArrowRight");
  expect((await focused(page)).starts).toBe(claims[2]!.id);
  await page.keyboard.press("ArrowLeft");
  expect((await focused(page)).starts).toBe(claims[0]!.id);

  await page.keyboard.press("Enter");
  const panel = page.getByTestId("claim-panel");
  await expect(panel.getByTestId("claim-quote")).toContainText(SENTENCE);
  await expect.poll(async () => (await focused(page)).inPanel).toBe(true);
  await page.keyboard.press("Escape");
  await expect(panel).toHaveCount(0);
  await expect.poll(async () => (await focused(page)).starts).toBe(claims[0]!.id);

  // Shift+Tab from the next stop comes back to the one the reader was on: one stop for all.
  await page.keyboard.press("Shift+Tab");
  expect((await focused(page)).starts).toBeNull();
  await page.keyboard.press("Tab");
  expect((await focused(page)).starts).toBe(claims[0]!.id);
});

test("with a claim open, j and k open the next and previous claim in text order", async ({ page }) => {
  await deskWithClaims([SENTENCE, FIRST]).then(async ({ desk }) => {
    await signIn(page, desk.reviewer);
    await page.goto(`/articles/${desk.article.id}`);
  });
  await expect(page.getByTestId("article-body")).toBeVisible();
  const quote = page.getByTestId("claim-panel").getByTestId("claim-quote");

  await page.keyboard.press("j");
  await page.keyboard.press("Enter");
  await expect(quote).toContainText(FIRST);
  // The list is behind the panel now: j opens the next claim rather than moving an unseen cursor.
  await page.keyboard.press("j");
  await expect(quote).toContainText(SENTENCE);
  await expect.poll(async () => (await focused(page)).inPanel).toBe(true);
  await page.keyboard.press("k");
  await expect(quote).toContainText(FIRST);
  // Round from the first to the last.
  await page.keyboard.press("k");
  await expect(quote).toContainText(SENTENCE);
});

test("k with no claim selected goes to the last claim, j to the first", async ({ page }) => {
  // Review 26: from no cursor, k went to the second-to-last claim ((-1 - 1 + n) % n).
  const THIRD = "Downing Street did not rule out the prospect of a vote";
  const { desk } = await deskWithClaims([FIRST, SENTENCE, THIRD]);
  await signIn(page, desk.reviewer);
  await page.goto(`/articles/${desk.article.id}`);
  await expect(page.getByTestId("article-body")).toBeVisible();
  const quote = page.getByTestId("claim-panel").getByTestId("claim-quote");
  await page.keyboard.press("k");
  await page.keyboard.press("Enter");
  await expect(quote).toContainText(THIRD);
  await page.reload();
  await expect(page.getByTestId("article-body")).toBeVisible();
  await page.keyboard.press("j");
  await page.keyboard.press("Enter");
  await expect(quote).toContainText(FIRST);
});

test("the text caret makes a claim by keyboard, and says what it does", async ({ page }) => {
  const desk = await createDesk();
  await signIn(page, desk.reviewer);
  await page.goto(`/articles/${desk.article.id}`);
  await expect(page.getByTestId("article-body")).toBeVisible();

  await page.keyboard.press("m");
  const announcer = page.getByTestId("announcer");
  await expect(announcer).toContainText("Text caret on");
  await expect(page.getByTestId("text-caret")).toBeVisible();

  const caretParagraph = () =>
    page.evaluate(() => {
      const node = window.getSelection()?.focusNode;
      const el = node instanceof Element ? node : node?.parentElement;
      return el?.closest("[data-start]")?.textContent ?? "";
    });
  for (let i = 0; i < 40 && !(await caretParagraph()).includes("2.3 per cent"); i++) await page.keyboard.press("Control+ArrowDown");
  expect(await caretParagraph()).toContain("2.3 per cent");

  for (let i = 0; i < 4; i++) await page.keyboard.press("Shift+Control+ArrowRight");
  await expect(announcer).toContainText("Selected: The UK currently spends");
  await page.keyboard.press(".");
  await expect(announcer).toContainText(`Selected: ${SENTENCE}`);

  await page.keyboard.press("a");
  const panel = page.getByTestId("claim-panel");
  await expect(panel.getByTestId("claim-quote")).toContainText(SENTENCE);
  await expect(page.getByTestId("article-body").locator(".hl[data-starts]")).toHaveText(new RegExp(`^${SENTENCE}`));
});

test("the skip link moves focus to the main content", async ({ page }) => {
  const desk = await createDesk();
  await signIn(page, desk.reviewer);
  await page.goto("/articles");
  await page.keyboard.press("Tab");
  expect((await focused(page)).text).toBe("Skip to content");
  await page.keyboard.press("Enter");
  await expect.poll(async () => (await focused(page)).id).toBe("main");
});

test("on the public report, Tab reaches the checked claims and Enter goes to the verdict", async ({ page }) => {
  const desk = await createDesk();
  await seedFactCheck(desk);
  await publishReport({ userId: desk.editor.id, articleId: desk.article.id });
  await page.goto(`/reports/${desk.article.id}`);
  await tabTo(page, (f) => f.starts !== null);
  expect((await focused(page)).text).toBe(PHRASES.unverifiable);
  await page.keyboard.press("ArrowRight");
  expect((await focused(page)).text).toBe(PHRASES.verified);
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("verdict-card").nth(1)).toBeFocused();
});
