import { expect, test } from "../fixtures/test";
import { createClaim } from "../../lib/claims/create-claim";
import { targetFor } from "../../lib/claims/test-helpers";
import { signIn, signInByApi } from "../fixtures/auth";
import { createDesk } from "../fixtures/factories";

const CLAIM = "The UK currently spends around 2.3 per cent of gross national product on defence";

test("an editor's Needs me and its top-bar count show a proposed verdict without a reload, and it opens the claim", async ({
  page,
  playwright,
  baseURL,
}) => {
  const desk = await createDesk();
  const claim = await createClaim({ userId: desk.reviewer.id, articleId: desk.article.id, target: targetFor(desk.article.body, CLAIM) });
  await signIn(page, desk.editor);
  await page.goto("/queue");
  await expect(page.getByRole("heading", { name: "Needs me" })).toBeVisible();
  await expect(page.getByTestId("needs-sign_off")).toContainText("No verdicts wait for you.");
  await expect(page.getByTestId("needs-me-count")).toHaveText("0");

  const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL! } });
  await signInByApi(api, desk.reviewer);
  const verdict = await api.put(`/api/v1/claims/${claim.id}/verdict`, {
    data: { verdict: "true", explanation: "The MoD's own figures say so.", version: claim.version },
  });
  expect(verdict.status()).toBe(200);
  await api.dispose();

  const section = page.getByTestId("needs-sign_off");
  await expect(section).toContainText(`Proposed by ${desk.reviewer.name}`, { timeout: 5000 });
  await expect(page.getByTestId("needs-me-count")).toHaveText("1", { timeout: 5000 });
  await section.getByRole("link", { name: /The UK currently spends/ }).click();
  await expect(page).toHaveURL(new RegExp(`/articles/${desk.article.id}\\?claim=${claim.id}`));
  await expect(page.getByTestId("claim-panel")).toBeVisible();
});
