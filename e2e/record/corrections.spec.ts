import { expect, test, type Browser } from "../fixtures/test";
import { articleToMarkdown } from "../../lib/articles/import";
import { saveArticleVersion } from "../../lib/articles/save-version";
import { publishReport } from "../../lib/publish/publish-report";
import { PHRASES, seedFactCheck } from "../../lib/publish/test-helpers";
import { signIn } from "../fixtures/auth";
import { createDesk, testDb, type TestUser } from "../fixtures/factories";

async function deskPage(browser: Browser, user: TestUser, path: string) {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, user);
  await page.goto(path);
  return page;
}

test("reopening a verified claim on a published report asks for a public note; the report keeps it with a dated entry in its corrections log", async ({
  browser,
}, testInfo) => {
  test.setTimeout(90_000);
  const desk = await createDesk();
  const seeded = await seedFactCheck(desk);
  await publishReport({ userId: desk.editor.id, articleId: desk.article.id });
  const editor = await deskPage(browser, desk.editor, `/articles/${desk.article.id}?claim=${seeded.verified.id}`);
  const panel = editor.getByTestId("claim-panel");
  const proposed = panel.getByRole("radio", { name: /Verdict proposed/ });

  // One click no longer withdraws the verdict from the live report: it asks first.
  await proposed.click();
  const dialog = editor.getByTestId("correction-dialog");
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(panel.getByRole("radio", { name: /Verified/ })).toHaveAttribute("aria-checked", "true");
  expect((await testDb().claim.findUniqueOrThrow({ where: { id: seeded.verified.id } })).status).toBe("verified");

  // The server refuses it too, whatever the client does.
  const refused = await editor.request.put(`/api/v1/claims/${seeded.verified.id}/status`, {
    data: { status: "verdict_proposed" },
    headers: { origin: new URL(editor.url()).origin },
  });
  expect(refused.status()).toBe(409);
  expect(((await refused.json()) as { error: { fields: Record<string, string[]> } }).error.fields.confirmCorrection).toHaveLength(1);

  const NOTE = "A reader pointed out the figure is a share of GDP, not GNP; we are re-checking the verdict.";
  await proposed.click();
  await dialog.getByLabel("Correction").check();
  await dialog.getByLabel("Public note").fill(NOTE);
  await dialog.getByRole("button", { name: "Confirm and publish the note" }).click();
  await expect(proposed).toHaveAttribute("aria-checked", "true");
  await expect(panel.getByTestId("report-corrections")).toContainText(NOTE);
  await expect(panel.getByTestId("report-corrections")).toContainText("Readers see the claim as it was last verified");

  const reader = await (await browser.newContext()).newPage();
  await reader.goto(`/reports/${desk.article.id}`);
  await expect(reader.getByTestId("verdict-card")).toHaveCount(2);
  const card = reader.locator(`#claim-${seeded.verified.id}`);
  await expect(card.getByTestId("verdict-chip")).toHaveText("Mostly true");
  await expect(card.getByTestId("correction-state")).toContainText("Being re-checked");
  await expect(card.getByTestId("claim-corrections")).toContainText(`Correction`);
  await expect(card.getByTestId("claim-corrections")).toContainText(NOTE);
  await expect(reader.getByTestId("corrections-log")).toContainText(NOTE);
  await expect(reader.getByTestId("corrections-log")).toContainText(PHRASES.verified);
  const jsonLd = JSON.parse((await reader.getByTestId("claimreview-jsonld").textContent())!) as {
    "@graph": { claimReviewed: string; dateModified?: string }[];
  };
  expect(jsonLd["@graph"].find((r) => r.claimReviewed === PHRASES.verified)?.dateModified).toMatch(/^\d{4}-\d\d-\d\dT/);

  for (const width of [1440, 390]) {
    await reader.setViewportSize({ width, height: 1100 });
    await card.scrollIntoViewIfNeeded();
    await reader.screenshot({ path: testInfo.outputPath(`report-correction-${width}.png`) });
    await reader.getByTestId("corrections-log").scrollIntoViewIfNeeded();
    await reader.screenshot({ path: testInfo.outputPath(`report-corrections-log-${width}.png`) });
  }
});

test("a house-style fix inside a verified claim, then Attach here, asks for a note and the report keeps the checked words", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const desk = await createDesk();
  const seeded = await seedFactCheck(desk);
  await publishReport({ userId: desk.editor.id, articleId: desk.article.id });
  const styled = desk.article.body.replaceAll("per cent", "percent");
  await saveArticleVersion({
    articleId: desk.article.id,
    userId: desk.editor.id,
    baseVersion: 1,
    markdown: articleToMarkdown(styled, null),
  });

  const editor = await deskPage(browser, desk.editor, `/articles/${desk.article.id}?claim=${seeded.verified.id}`);
  const section = editor.getByTestId("reanchor-section");
  await section.getByRole("button", { name: "Attach here" }).first().click();
  const dialog = editor.getByTestId("correction-dialog");
  await expect(dialog).toBeVisible();
  expect((await testDb().claim.findUniqueOrThrow({ where: { id: seeded.verified.id } })).status).toBe("verified");
  const NOTE = "House style: “per cent” is now spelt “percent” in the article.";
  await dialog.getByLabel("Public note").fill(NOTE);
  await dialog.getByRole("button", { name: "Confirm and publish the note" }).click();
  await expect(section).toHaveCount(0);
  await expect(editor.getByTestId("claim-panel").getByRole("radio", { name: /Verdict proposed/ })).toHaveAttribute("aria-checked", "true");

  const reader = await (await browser.newContext()).newPage();
  await reader.goto(`/reports/${desk.article.id}`);
  await expect(reader.getByTestId("verdict-card")).toHaveCount(2);
  const card = reader.locator(`#claim-${seeded.verified.id}`);
  await expect(card).toContainText(PHRASES.verified);
  await expect(card.getByTestId("claim-corrections")).toContainText(`Updated`);
  await expect(reader.getByTestId("corrections-log")).toContainText(NOTE);
});
