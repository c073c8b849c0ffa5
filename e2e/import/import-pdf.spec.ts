import { expect, test, type Locator, type Page } from "../fixtures/test";
import { signIn } from "../fixtures/auth";
import { createDesk, testDb } from "../fixtures/factories";
import { makeTestPdf } from "../../lib/articles/import/test-pdfs";
import { createClaim } from "../../lib/claims/create-claim";
import { targetFor } from "../../lib/claims/test-helpers";
import { setClaimStatus, setClaimVerdict } from "../../lib/claims/update-claim";
import { publishReport } from "../../lib/publish/publish-report";
import { startTestServer, type TestServer } from "../../lib/fetch/test-server";
import { chooseImportTab } from "../fixtures/import-form";

// PDFs are made here with pdf-lib, laid out as a word processor would (lines, paragraph gaps, a word split by a
// hyphen, page numbers at the foot); one is also served by a real HTTP server on loopback, which the app may
// reach because the test deployment allows 127.0.0.1 (FETCH_ALLOW_ADDRESSES in playwright.config.ts).
const SHOTS = process.env.SHOTS_DIR; // e.g. /tmp/pdf-shots: screenshots to look at, not assertions

const PAGES = [
  {
    heading: "Budget report 2024",
    paragraphs: [
      ["The city spent 2.3 billion in 2024, up from 2.1 bil-", "lion the year before, the treasurer told the council."],
      ["Spending on schools rose for a third year running", "and reached"],
    ],
  },
  {
    paragraphs: [
      ["a record 640 million, according to the report.", "Class sizes fell to 24 pupils on average."],
      ["Roads and transport took 12 per cent of the budget."],
    ],
  },
];

let server: TestServer;
let pdf: Buffer;
test.beforeAll(async () => {
  pdf = Buffer.from(await makeTestPdf(PAGES, { author: "City Treasury" }));
  server = await startTestServer();
  server.routes.set("/files/budget.pdf", { type: "application/pdf", body: pdf });
});
test.afterAll(() => server.close());

async function openTab(page: Page, name: string) {
  await page.goto("/articles/new");
  await chooseImportTab(page, name);
}

async function shoot(page: Page, name: string, widths = [1440, 1024, 820, 390], scrollTo?: Locator) {
  if (!SHOTS) return;
  for (const width of widths) {
    await page.setViewportSize({ width, height: 900 });
    await scrollTo?.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png` });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("an editor uploads a PDF; its claims show the page they are on in the list, the panel and the public report", async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  const desk = await createDesk();
  await signIn(page, desk.editor);
  await openTab(page, "Upload file");
  await page.getByLabel("File").setInputFiles({ name: "budget-2024.pdf", mimeType: "application/pdf", buffer: pdf });
  await expect(page.getByTestId("import-file-info")).toContainText("budget-2024.pdf");
  await expect(page.getByTestId("import-file-info")).toContainText("read as PDF");
  await shoot(page, "import-form-pdf");
  await page.getByRole("button", { name: "Import article" }).click();
  await expect(page).toHaveURL(/\/articles\/(?!new)[^/?]+$/);
  const articleId = page.url().split("/").pop()!;

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Budget report 2024");
  const body = page.getByTestId("article-body");
  // Lines joined into paragraphs, the split word whole again, the page numbers gone.
  await expect(body).toContainText("up from 2.1 billion the year before, the treasurer told the council.");
  await expect(body).toContainText("rose for a third year running and reached a record 640 million");
  await expect(body.locator("[data-start]")).toHaveCount(3);

  const article = await testDb().article.findUniqueOrThrow({ where: { id: articleId }, select: { body: true } });
  const make = (phrase: string) => createClaim({ userId: desk.reviewer.id, articleId, target: targetFor(article.body, phrase) });
  const onPage1 = await make("up from 2.1 billion the year before");
  const onPage2 = await make("a record 640 million");
  await make("Roads and transport took 12 per cent");

  await page.reload();
  const rows = page.getByTestId("claim-list").locator("li");
  await expect(rows).toHaveCount(3);
  await expect(rows.getByTestId("claim-page")).toHaveText([/^p\. 1/, /^p\. 2/, /^p\. 2/]);
  await expect(rows.getByTestId("claim-page").first().locator(".sr-only")).toHaveText("page 1");
  await shoot(page, "pdf-article-claims");
  await shoot(page, "pdf-claim-list", [390], rows.first());
  await rows.nth(1).getByRole("button").click();
  await expect(page.getByTestId("claim-panel").getByTestId("claim-page")).toHaveAttribute("data-page", "2");
  await shoot(page, "pdf-claim-panel", [1440, 390]);

  // Verified and published: the public report says the page too, and reads the text in the article's language.
  for (const claim of [onPage1, onPage2]) {
    await setClaimVerdict({ userId: desk.reviewer.id, claimId: claim.id, verdict: "mostly_true", explanation: "The report's table 3." });
    await setClaimStatus({ userId: desk.editor.id, claimId: claim.id, status: "verified" });
  }
  await publishReport({ userId: desk.editor.id, articleId });
  const reader = await (await browser.newContext()).newPage();
  await reader.goto(`/reports/${articleId}`);
  await expect(reader.getByTestId("verdict-card").getByTestId("claim-page")).toHaveText([/^p\. 1/, /^p\. 2/]);
  await expect(reader.getByTestId("report-body")).toHaveAttribute("lang", "en");
  await shoot(reader, "pdf-report", [1440, 390], reader.getByTestId("verdict-card").first());
});

test("a PDF served at a URL imports with its pages; a damaged upload is refused beside the file field, and the API never answers 500", async ({
  page,
}) => {
  const desk = await createDesk();
  await signIn(page, desk.editor);
  await openTab(page, "From a URL");
  await page.getByLabel("Address of the article").fill(`${server.origin}/files/budget.pdf`);
  await page.getByRole("button", { name: "Import article" }).click();
  await expect(page).toHaveURL(/\/articles\/(?!new)[^/?]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Budget report 2024");
  await expect(page.getByTestId("article-body")).toContainText("2.1 billion the year before");

  await openTab(page, "Upload file");
  await page
    .getByLabel("File")
    .setInputFiles({ name: "broken.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.7 not really") });
  await page.getByRole("button", { name: "Import article" }).click();
  await expect(page.locator("#content-error")).toContainText("That PDF could not be read: the file looks damaged.");
  await expect(page).toHaveURL(/\/articles\/new$/);

  // The API answers a 4xx with a message for any bad body, never a 500.
  const api = page.request;
  const headers = { origin: new URL(page.url()).origin };
  for (const [type, data] of [
    ["application/pdf", Buffer.from([0, 1, 2, 3, 4, 5])],
    ["application/pdf", pdf.subarray(0, 400)],
    ["text/plain", Buffer.from("hello")],
  ] as const) {
    const response = await api.post("/api/v1/articles/from-pdf", { headers: { ...headers, "content-type": type }, data });
    expect([response.status(), type]).toEqual([type === "text/plain" ? 415 : 422, type]);
    expect(((await response.json()) as { error: { message: string } }).error.message).not.toBe("");
  }
});
