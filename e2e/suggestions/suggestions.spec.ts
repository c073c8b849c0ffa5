import { expect, test } from "../fixtures/test";
import { createArticle, createDesk, testDb } from "../fixtures/factories";
import { signIn } from "../fixtures/auth";
import { createClaim } from "../../lib/claims/create-claim";
import { targetFor } from "../../lib/claims/test-helpers";
import { setClaimVerdict } from "../../lib/claims/update-claim";

const CLAIM = "The UK currently spends around 2.3 per cent of gross national product on defence";

test("suggestions: the 2.3 per cent sentence is suggested with its numbers; accepting makes one claim; a dismissal survives reload", async ({
  page,
}) => {
  const desk = await createDesk();
  // The desk already gave a verdict on the same figure in another article.
  const earlier = await createArticle(desk.team.id, { title: "Defence spending explained" });
  const old = await createClaim({ userId: desk.reviewer.id, articleId: earlier.id, target: targetFor(earlier.body, CLAIM) });
  await setClaimVerdict({ userId: desk.reviewer.id, claimId: old.id, verdict: "misleading", explanation: "A share of GDP, not GNP." });

  await signIn(page, desk.reviewer);
  await page.goto(`/articles/${desk.article.id}`);
  const suggestion = page.getByTestId("article-body").locator(".sg", { hasText: "2.3 per cent of gross national product" });
  await expect(suggestion).toHaveCount(1);
  for (const figure of ["2.5 per cent", "5 per cent", "3 per cent", "3.5 per cent"]) {
    await expect(page.getByTestId("article-body").locator(".sg", { hasText: figure }).first()).toBeVisible();
  }
  // Checked before: said by the API (pages in text order, issue #21), listed at the top of the sidebar, marked in
  // the text, said on the card.
  const api = await page.request.get(`/api/v1/articles/${desk.article.id}/suggestions`);
  const listed = ((await api.json()) as { suggestions: { text: string; checkedBefore: { verdict: string } | null }[] }).suggestions;
  expect(listed.filter((s) => s.checkedBefore !== null)).toEqual([
    expect.objectContaining({ text: CLAIM, checkedBefore: expect.objectContaining({ verdict: "Misleading" }) }),
  ]);
  const checkedList = page.getByTestId("checked-before-suggestions");
  await expect(checkedList.getByRole("button")).toHaveCount(1);
  await expect(checkedList).toContainText("Misleading");
  await expect(checkedList).toContainText("Checked before in Defence spending explained");
  await expect(suggestion).toHaveAttribute("data-checked", "");
  await expect(suggestion).toHaveAttribute("title", "Checked before: Misleading");
  await checkedList.getByRole("button").click();
  const card = page.getByTestId("suggestion-card");
  await expect(card.getByTestId("suggestion-checked-before")).toContainText("Checked before: Misleading");
  await expect(card.locator("blockquote")).toHaveText(CLAIM);
  await expect(card.getByTestId("suggestion-numeric")).toContainText(
    "about 2.3 percent of gross national product · defence spending · UK · current",
  );
  await expect(card.getByTestId("checked-before")).toContainText("Misleading");
  await expect(card.getByTestId("checked-before")).toContainText("Defence spending explained");

  await page.keyboard.press("a");
  const panel = page.getByTestId("claim-panel");
  await expect(panel.getByTestId("claim-quote")).toContainText("2.3 per cent of gross national product");
  await expect(panel.getByTestId("numeric")).toContainText("gross national product");
  await expect(panel.getByTestId("checked-before")).toContainText("Misleading");
  await page.keyboard.press("a"); // a second press must not make a second claim
  expect(await testDb().claim.count({ where: { articleId: desk.article.id } })).toBe(1);
  await expect(suggestion).toHaveCount(0);

  // Dismiss the Zelensky suggestion, then reload: it stays dismissed.
  await page.keyboard.press("Escape");
  const zelensky = page.getByTestId("article-body").locator(".sg", { hasText: "Zelensky said on Monday" });
  await zelensky.click();
  await expect(page.getByTestId("suggestion-card")).toBeVisible();
  await page.keyboard.press("x");
  await expect(zelensky).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId("article-body").locator(".sg", { hasText: "2.5 per cent" }).first()).toBeVisible();
  await expect(page.getByTestId("article-body").locator(".sg", { hasText: "Zelensky said on Monday" })).toHaveCount(0);
  await expect(page.getByTestId("article-body").locator(".hl[data-ids]", { hasText: "2.3 per cent" })).toHaveCount(1);
});
