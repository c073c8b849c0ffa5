// The articles list below 1024 px: one card per article (title, status counts, assignees) instead of a table that
// scrolls sideways; from 1024 px up, the table. The page never scrolls sideways.
import { expect, test } from "../fixtures/test";
import { signIn } from "../fixtures/auth";
import { createDesk, testDb } from "../fixtures/factories";
import { createClaim } from "../../lib/claims/create-claim";
import { targetFor } from "../../lib/claims/test-helpers";
import { assignReviewers } from "../../lib/claims/assignments";
import { PHRASES } from "../../lib/publish/test-helpers";

test("below 1024 px each article is a card with its title, status counts and assignees; from 1024 px a table", async ({ page }) => {
  // Four widths, each a page load, plus seeding: more than 30 s on a loaded 2-core machine.
  test.setTimeout(90_000);
  const desk = await createDesk();
  const claim = await createClaim({
    userId: desk.reviewer.id,
    articleId: desk.article.id,
    target: targetFor(desk.article.body, PHRASES.verified),
  });
  await assignReviewers({ userId: desk.editor.id, claimId: claim.id, reviewerIds: [desk.reviewer2.id], dueAt: "2026-12-01" });
  // A second claim, disputed: with the due day, the cell of flags is at its widest.
  await testDb().claim.create({
    data: {
      articleId: desk.article.id,
      exact: "x",
      prefix: "",
      suffix: "",
      start: 0,
      end: 1,
      status: "disputed",
      createdById: desk.editor.id,
      updatedById: desk.editor.id,
    },
  });
  await signIn(page, desk.editor);

  for (const width of [390, 820]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto("/articles");
    const card = page.getByTestId("article-card");
    await expect(card).toHaveCount(1);
    await expect(page.getByRole("table")).toBeHidden();
    await expect(card.getByRole("link", { name: desk.article.title })).toBeVisible();
    await expect(card).toContainText("0/2 done · 1 unreviewed, 1 disputed");
    await expect(card).toContainText(desk.reviewer2.name);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
  }
  for (const width of [1024, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    await expect(page.getByRole("table")).toBeVisible();
    await expect(page.getByTestId("article-card")).toBeHidden();
    await expect(page.getByRole("row", { name: new RegExp(desk.reviewer2.name) })).toBeVisible();
    // The table itself does not scroll sideways either (its last column, due day and flags, wraps).
    const table = page.getByRole("table").locator("..");
    expect(await table.evaluate((box) => box.scrollWidth <= box.clientWidth)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
  }
});

test("on a phone the sort and filters fold behind one line, so the first articles are on the first screen", async ({ page }) => {
  const desk = await createDesk();
  await signIn(page, desk.editor);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/articles");
  const filters = page.getByTestId("article-filters");
  const form = page.getByRole("form", { name: "Sort and filter articles" });
  await expect(filters.locator("summary")).toHaveText("Sort and filter · Recently updated");
  await expect(form.getByLabel("Sort")).toBeHidden();
  await expect(page.getByTestId("article-card").first()).toBeInViewport();

  // Opened, applied: the line says what is on.
  await filters.locator("summary").click();
  await form.getByLabel("overdue").check();
  await form.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/overdue=1/);
  await expect(page.getByTestId("article-filters").locator("summary")).toHaveText("Sort and filter · Recently updated · 1 filter on");

  // From 768 px the form always shows, and the line does not.
  for (const width of [820, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    await expect(form.getByLabel("Sort")).toBeVisible();
    await expect(filters.locator("summary")).toBeHidden();
  }
});
