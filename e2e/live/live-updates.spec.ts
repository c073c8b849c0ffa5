import { expect, test, type Page } from "../fixtures/test";
import { createClaim } from "../../lib/claims/create-claim";
import { targetFor } from "../../lib/claims/test-helpers";
import { freePort } from "../../scripts/lib/free-port";
import { signIn, signInByApi } from "../fixtures/auth";
import { createDesk } from "../fixtures/factories";
import { startInstance } from "../fixtures/processes";

const CLAIM = "The UK currently spends around 2.3 per cent of gross national product on defence";

/** Marks the page so a test can tell a live update from a reload. */
async function markPage(page: Page) {
  await page.evaluate(() => ((window as unknown as { untouched: boolean }).untouched = true));
}
const stillSamePage = (page: Page) => page.evaluate(() => (window as unknown as { untouched?: boolean }).untouched === true);

test("a verdict set through instance A appears live in a browser on instance B", async ({ browser, baseURL, playwright }) => {
  test.setTimeout(90_000);
  const desk = await createDesk();
  const claim = await createClaim({ userId: desk.reviewer.id, articleId: desk.article.id, target: targetFor(desk.article.body, CLAIM) });

  const instanceB = await startInstance(await freePort());
  try {
    const onB = await (await browser.newContext({ baseURL: instanceB.baseURL })).newPage();
    await signIn(onB, desk.reviewer2);
    await onB.goto(`/articles/${desk.article.id}`);
    await expect(onB.getByTestId("live-status")).toContainText("Live");
    await markPage(onB);

    // Someone opening the article on instance A shows up on B.
    const onA = await (await browser.newContext({ baseURL })).newPage();
    await signIn(onA, desk.reviewer);
    await onA.goto(`/articles/${desk.article.id}`);
    await expect(onB.getByTestId("viewers")).toContainText(desk.reviewer.name);

    const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL! } });
    await signInByApi(api, desk.reviewer);
    const response = await api.put(`/api/v1/claims/${claim.id}/verdict`, {
      data: { verdict: "misleading", explanation: "A share of GDP, not GNP." },
    });
    expect(response.status()).toBe(200);

    const highlight = onB.getByTestId("article-body").locator(".hl[data-ids]", { hasText: CLAIM });
    await expect(highlight).toHaveAttribute("data-verdict", "misleading", { timeout: 5000 });
    await onB.getByRole("tab", { name: "Activity" }).click();
    await expect(onB.getByTestId("activity-feed")).toContainText(`${desk.reviewer.name} proposed a verdict: Misleading`);
    expect(await stillSamePage(onB)).toBe(true);

    await onA.close();
    await expect(onB.getByTestId("viewers")).toHaveCount(0, { timeout: 10_000 });
    await api.dispose();
  } finally {
    await instanceB.stop();
  }
});

test("a live connection cut and restored receives what changed while it was away", async ({ browser, playwright, baseURL }) => {
  test.setTimeout(90_000);
  const desk = await createDesk();
  const claim = await createClaim({ userId: desk.reviewer.id, articleId: desk.article.id, target: targetFor(desk.article.body, CLAIM) });
  // The reader is connected to an instance of their own, which then goes away and comes back.
  const port = await freePort();
  let instance = await startInstance(port);
  try {
    const page = await (await browser.newContext({ baseURL: instance.baseURL })).newPage();
    await signIn(page, desk.reviewer2);
    await page.goto(`/articles/${desk.article.id}`);
    await expect(page.getByTestId("live-status")).toContainText("Live");
    await markPage(page);

    await instance.stop();
    await expect(page.getByTestId("live-status")).toContainText("Reconnecting");

    const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL! } });
    await signInByApi(api, desk.reviewer);
    expect((await api.put(`/api/v1/claims/${claim.id}/status`, { data: { status: "in_review" } })).status()).toBe(200);
    expect((await api.post(`/api/v1/claims/${claim.id}/comments`, { data: { body: "Written while you were away." } })).status()).toBe(201);
    await api.dispose();

    instance = await startInstance(port, instance.secret);
    await expect(page.getByTestId("live-status")).toContainText("Live", { timeout: 15_000 });
    const highlight = page.getByTestId("article-body").locator(".hl[data-ids]", { hasText: CLAIM });
    await expect(highlight).toHaveAttribute("data-status", "in_review");
    await page.getByRole("tab", { name: "Activity" }).click();
    await expect(page.getByTestId("activity-feed")).toContainText(`${desk.reviewer.name} commented`);
    await expect(page.getByTestId("activity-feed")).toContainText(`${desk.reviewer.name} changed the status to in review`);
    expect(await stillSamePage(page)).toBe(true);
  } finally {
    await instance.stop();
  }
});

test("Needs me shows a new assignment without a reload", async ({ page, playwright, baseURL }) => {
  const desk = await createDesk();
  const claim = await createClaim({ userId: desk.reviewer.id, articleId: desk.article.id, target: targetFor(desk.article.body, CLAIM) });
  await signIn(page, desk.reviewer2);
  await page.goto("/queue");
  await expect(page.getByText("Nothing assigned to you.")).toBeVisible();
  await markPage(page);
  const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL! } });
  await signInByApi(api, desk.editor);
  expect(
    (await api.put(`/api/v1/claims/${claim.id}/assignees`, { data: { reviewerIds: [desk.reviewer2.id], dueAt: "2030-05-01" } })).status(),
  ).toBe(200);
  await api.dispose();
  await expect(page.getByTestId("queue")).toContainText("due 2030-05-01", { timeout: 5000 });
  expect(await stillSamePage(page)).toBe(true);
});
