import { expect, test } from "../fixtures/test";
import { PHRASES, SECRETS, seedFactCheck } from "../../lib/publish/test-helpers";
import { signIn } from "../fixtures/auth";
import { createDesk } from "../fixtures/factories";
import { formatDate } from "../../components/articles/format";
import { setClaimStatus } from "../../lib/claims/update-claim";
import { publishReport, unpublishReport } from "../../lib/publish/publish-report";

test("an editor publishes the report; anyone can read it without signing in; it shows only verified claims; unpublished it is gone", async ({
  browser,
}, testInfo) => {
  test.setTimeout(90_000);
  const desk = await createDesk();
  const seeded = await seedFactCheck(desk);
  const reportPath = `/reports/${desk.article.id}`;

  // Before publishing: nobody outside sees it.
  const anonymous = await browser.newContext();
  expect((await anonymous.request.get(reportPath)).status()).toBe(404);

  // A reviewer sees the state and the exports, but no publish button; the API refuses them too.
  const reviewerPage = await (await browser.newContext()).newPage();
  await signIn(reviewerPage, desk.reviewer);
  await reviewerPage.goto(`/articles/${desk.article.id}`);
  await expect(reviewerPage.getByTestId("publish-state")).toContainText("Not published · 2 verified claims");
  await expect(reviewerPage.getByRole("button", { name: "Publish report" })).toHaveCount(0);
  await expect(reviewerPage.getByTestId("export-links").getByRole("link")).toHaveCount(3);
  const reportUrl = `/api/v1/articles/${desk.article.id}/report`;
  expect(await reviewerPage.evaluate(async (url) => (await fetch(url, { method: "PUT" })).status, reportUrl)).toBe(403);

  // The editor publishes through the UI.
  const editorPage = await (await browser.newContext()).newPage();
  await signIn(editorPage, desk.editor);
  await editorPage.goto(`/articles/${desk.article.id}`);
  await editorPage.getByRole("button", { name: "Publish report" }).click();
  // No claimant is recorded on either verified claim: a warning first, which does not block.
  const warning = editorPage.getByTestId("claimant-warning");
  await expect(warning).toContainText("None of the 2 verified claims has a claimant recorded");
  if (process.env.SHOTS_DIR) {
    for (const width of [1440, 390]) {
      await editorPage.setViewportSize({ width, height: 900 });
      await warning.scrollIntoViewIfNeeded();
      await editorPage.screenshot({ path: `${process.env.SHOTS_DIR}/claimant-warning-${width}.png` });
    }
    await editorPage.setViewportSize({ width: 1280, height: 720 });
  }
  await warning.getByRole("button", { name: "Cancel" }).click();
  await expect(warning).toHaveCount(0);
  await expect(editorPage.getByTestId("publish-state")).toContainText("Not published");
  await editorPage.getByRole("button", { name: "Publish report" }).click();
  await editorPage.getByTestId("claimant-warning").getByRole("button", { name: "Publish anyway" }).click();
  await expect(editorPage.getByTestId("publish-state")).toContainText(`Published`);
  await expect(editorPage.getByTestId("publish-state")).toContainText(`by ${desk.editor.name}`);
  await editorPage.getByTestId("publish-tools").screenshot({ path: testInfo.outputPath("publish-controls.png") });

  // A reader with no session.
  const reader = await anonymous.newPage();
  const response = await reader.goto(reportPath);
  expect(response?.status()).toBe(200);
  const html = await response!.text();
  await expect(reader).toHaveTitle(/Fact check: US must provide/);
  await expect(reader.getByTestId("verdict-card")).toHaveCount(2);
  await expect(reader.getByTestId("verdict-chip")).toHaveText(["Unverifiable", "Mostly true"]);
  const marks = reader.getByTestId("report-body").locator(".hl");
  await expect(marks).toHaveText([PHRASES.unverifiable, PHRASES.verified]);
  await expect(reader.getByTestId("verdict-card").nth(1)).toContainText("Defence departmental resources 2024");
  await expect(reader.getByTestId("verdict-card").nth(1)).toContainText(
    `Checked by ${desk.reviewer.name} · Signed off by ${desk.editor.name}`,
  );
  await expect(reader.getByRole("link", { name: "NATO defence expenditure" })).toHaveAttribute(
    "href",
    "https://www.nato.int/cps/en/natohq/topics_49198.htm",
  );
  // Nothing unverified in the page's HTML (including the RSC payload), not even ids.
  for (const secret of Object.values(SECRETS)) expect(html).not.toContain(secret);
  for (const hidden of [seeded.proposed, seeded.doubleReview, seeded.plain]) expect(html).not.toContain(hidden.id);
  expect(html).not.toContain("Sign in");

  // The embedded JSON-LD is exactly what the API gives members.
  const embedded = JSON.parse((await reader.locator('script[type="application/ld+json"]').textContent())!) as unknown;
  const api = await editorPage.request.get(`/api/v1/articles/${desk.article.id}/claimreview`);
  expect(api.headers()["content-type"]).toContain("application/ld+json");
  expect(embedded).toEqual(await api.json());
  await reader.setViewportSize({ width: 1440, height: 1100 });
  await reader.screenshot({ path: testInfo.outputPath("public-report.png"), fullPage: false });
  await reader.getByTestId("report-body").locator(".hl").nth(1).click();
  await expect(reader).toHaveURL(new RegExp(`#claim-${seeded.verified.id}$`));

  // The API for outsiders: no session, no ClaimReview.
  expect((await anonymous.request.get(`/api/v1/articles/${desk.article.id}/claimreview`)).status()).toBe(401);

  // Unpublish: the page is gone again.
  editorPage.once("dialog", (dialog) => dialog.accept());
  await editorPage.getByRole("button", { name: "Unpublish" }).click();
  await expect(editorPage.getByTestId("publish-state")).toContainText("Not published");
  expect((await anonymous.request.get(reportPath)).status()).toBe(404);
  expect((await anonymous.request.get("/reports/no-such-article")).status()).toBe(404);
});

test("after a correction, a new sign-off and republishing, the reader's card and the JSON-LD give the same first publication and last update", async ({
  browser,
}) => {
  // Seeding a fact-check and five data-layer steps take a while on a loaded machine, like the test above.
  test.setTimeout(90_000);
  const desk = await createDesk();
  const seeded = await seedFactCheck(desk);
  const first = await publishReport({ userId: desk.editor.id, articleId: desk.article.id });
  await setClaimStatus({
    userId: desk.editor.id,
    claimId: seeded.verified.id,
    status: "verdict_proposed",
    confirmCorrection: { note: "The figure is for GDP, not GNP.", kind: "correction" },
  });
  await setClaimStatus({ userId: desk.admin.id, claimId: seeded.verified.id, status: "verified" });
  await unpublishReport({ userId: desk.editor.id, articleId: desk.article.id });
  await publishReport({ userId: desk.editor.id, articleId: desk.article.id });

  const reader = await (await browser.newContext()).newPage();
  await reader.goto(`/reports/${desk.article.id}`);
  const graph = JSON.parse((await reader.locator('script[type="application/ld+json"]').textContent())!) as {
    "@graph": { claimReviewed: string; datePublished: string; dateModified?: string }[];
  };
  const review = graph["@graph"].find((r) => r.claimReviewed === PHRASES.verified)!;
  expect(review.datePublished).toBe(first.publishedAt);
  expect(review.dateModified! > review.datePublished).toBe(true);
  const card = reader.locator(`#claim-${seeded.verified.id}`);
  await expect(card.getByTestId("verdict-credit")).toContainText(`Signed off by ${desk.admin.name}`);
  await expect(card.getByTestId("claim-dates")).toContainText(
    `First published ${formatDate(review.datePublished)} · Last updated ${formatDate(review.dateModified!)}`,
  );
  await expect(card.getByTestId("claim-corrections")).toContainText("The figure is for GDP, not GNP.");
});
