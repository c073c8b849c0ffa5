import { expect, test, type Page } from "../fixtures/test";
import { signIn } from "../fixtures/auth";
import { createDesk, testDb } from "../fixtures/factories";
import { addComment } from "../../lib/claims/comments";
import { createClaim } from "../../lib/claims/create-claim";
import { targetFor } from "../../lib/claims/test-helpers";
import { setClaimStatus, setClaimVerdict } from "../../lib/claims/update-claim";
import { publishReport } from "../../lib/publish/publish-report";
import { startTestServer, type TestServer } from "../../lib/fetch/test-server";
import { chooseImportTab } from "../fixtures/import-form";

// Pages to import come from a real HTTP server on loopback, which the app may reach because the test
// deployment allows 127.0.0.1 (FETCH_ALLOW_ADDRESSES in playwright.config.ts).
let server: TestServer;
test.beforeAll(async () => {
  server = await startTestServer();
  server.routes.set("/news/rents", {
    body: `<!doctype html><html><head><title>Rents and homes</title><meta name="author" content="Sam Reporter"></head><body><article>
        <h1>Rents and homes</h1>
        <p>The plan has two parts, the minister told parliament on Monday in a long statement.</p>
        <ol><li>Build new homes<ul><li>in the north</li><li>in the south</li></ul></li><li>Cut rents by 10%</li></ol>
        <table><tr><th>Year</th><th>Cases</th></tr><tr><td>2023</td><td>1,204</td></tr><tr><td>2024</td><td>987</td></tr></table>
      </article></body></html>`,
  });
  server.routes.set("/he/budget", {
    body: `<!doctype html><html lang="he"><head><title>תקציב הביטחון</title></head><body><article>
      <h1>תקציב הביטחון</h1>
      <p>הממשלה הודיעה היום כי תקציב הביטחון יגדל בשנה הבאה ב-12% לפחות, כך נמסר בהודעה רשמית.</p>
      <p>לדברי השר, ההחלטה התקבלה לאחר דיון ארוך בממשלה ובוועדת הכספים של הכנסת.</p>
    </article></body></html>`,
  });
});
test.afterAll(() => server.close());

async function importFromUrl(page: Page, url: string) {
  await page.goto("/articles/new");
  await chooseImportTab(page, "From a URL");
  await page.getByLabel("Address of the article").fill(url);
  await page.getByRole("button", { name: "Import article" }).click();
  await expect(page).toHaveURL(/\/articles\/(?!new)[^/?]+$/);
  return page.url().split("/").pop()!;
}

test("an editor imports an article from a URL: nested lists and tables arrive as they were", async ({ page }) => {
  const desk = await createDesk();
  await signIn(page, desk.editor);
  await importFromUrl(page, `${server.origin}/redirect?to=/news/rents`);

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Rents and homes");
  const body = page.getByTestId("article-body");
  await expect(body.locator(":scope > ol > li")).toHaveCount(2);
  await expect(body.locator("ol > li > ul > li")).toHaveText(["in the north", "in the south"]);
  await expect(body.locator("table tr")).toHaveCount(3);
  await expect(body.locator("table th")).toHaveText(["Year", "Cases"]);
  await expect(body.locator("table td").last()).toHaveText("987");
});

async function refusedInternal(page: Page) {
  await page.goto("/articles/new");
  await chooseImportTab(page, "From a URL");
  await page.getByLabel("Address of the article").fill("http://169.254.169.254/latest/meta-data/");
  await page.getByRole("button", { name: "Import article" }).click();
  const refusal = page.getByText("only fetches public web pages");
  await expect(refusal).toBeVisible();
  await expect(page).toHaveURL(/\/articles\/new$/);
  return refusal;
}

test("a URL on the server's own network is refused with a message a person can act on", async ({ page, browser }) => {
  const desk = await createDesk();
  // An editor cannot change the server's settings: they are told to ask an admin.
  await signIn(page, desk.editor);
  const toEditor = await refusedInternal(page);
  await expect(toEditor).toContainText("ask an admin to allow it");
  await expect(toEditor).not.toContainText("FETCH_ALLOW_ADDRESSES");
  // An admin is told the setting that allows it (README, Configuration).
  const admin = await browser.newPage();
  await signIn(admin, desk.admin);
  const toAdmin = await refusedInternal(admin);
  await expect(toAdmin).toContainText("FETCH_ALLOW_ADDRESSES");
  if (process.env.SHOTS_DIR) {
    for (const width of [1440, 390]) {
      await admin.setViewportSize({ width, height: 900 });
      await admin.screenshot({ path: `${process.env.SHOTS_DIR}/import-refused-${width}.png`, fullPage: true });
    }
  }
  await admin.close();
});

test("a Hebrew article and a Hebrew comment lay out right to left in Chromium, and are read as Hebrew", async ({ page, browser }) => {
  const desk = await createDesk();
  await signIn(page, desk.editor);
  const articleId = await importFromUrl(page, `${server.origin}/he/budget`);

  const first = page.getByTestId("article-body").locator("[data-start]", { hasText: "הממשלה הודיעה" });
  await expect(first).toBeVisible();
  expect(await first.evaluate((el) => getComputedStyle(el).direction)).toBe("rtl");
  await expect(page.getByTestId("suggestions-unavailable")).toContainText("Hebrew");

  const { body } = await testDb().article.findUniqueOrThrow({ where: { id: articleId }, select: { body: true } });
  const claim = await createClaim({ userId: desk.editor.id, articleId, target: targetFor(body, "תקציב הביטחון יגדל") });
  await addComment({ userId: desk.editor.id, claimId: claim.id, body: "צריך לבדוק את המספר 12% מול ההודעה." });

  await page.goto(`/articles/${articleId}?claim=${claim.id}`);
  // The panel, not the preview drawn from the list entry while the claim loads (it is replaced when the claim arrives).
  const quote = page.getByTestId("claim-panel").getByTestId("claim-quote");
  await expect(quote).toContainText("תקציב הביטחון יגדל");
  expect(await quote.evaluate((el) => getComputedStyle(el).direction)).toBe("rtl");
  const comment = page.getByTestId("comment-body").first();
  await expect(comment).toContainText("צריך לבדוק");
  expect(await comment.evaluate((el) => getComputedStyle(el).direction)).toBe("rtl");
  // Screen readers read the article's words in its language, on the desk and on the public report.
  await expect(page.locator('[lang="he"]').filter({ hasText: "הממשלה הודיעה" }).first()).toBeVisible();

  await setClaimVerdict({ userId: desk.reviewer.id, claimId: claim.id, verdict: "mostly_true", explanation: "לפי הודעת המשרד." });
  await setClaimStatus({ userId: desk.editor.id, claimId: claim.id, status: "verified" });
  await publishReport({ userId: desk.editor.id, articleId });
  const reader = await (await browser.newContext()).newPage();
  await reader.goto(`/reports/${articleId}`);
  const report = reader.getByTestId("report-body");
  await expect(report).toHaveAttribute("lang", "he");
  await expect(reader.getByRole("heading", { level: 1 })).toHaveAttribute("lang", "he");
  const paragraph = report.locator("[data-start]", { hasText: "הממשלה הודיעה" });
  expect(await paragraph.evaluate((el) => getComputedStyle(el).direction)).toBe("rtl");
  const cardQuote = reader.getByTestId("verdict-card").locator("blockquote");
  await expect(cardQuote).toHaveAttribute("lang", "he");
  expect(await cardQuote.evaluate((el) => getComputedStyle(el).direction)).toBe("rtl");
  // The page's own words stay English.
  await expect(reader.locator("html")).toHaveAttribute("lang", "en");
});
