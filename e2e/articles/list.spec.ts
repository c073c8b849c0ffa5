import { expect, test } from "../fixtures/test";
import { signIn } from "../fixtures/auth";
import { createArticle, createDesk, testDb } from "../fixtures/factories";

test("the articles list filters and sorts from the URL, so a view can be shared", async ({ page }) => {
  const desk = await createDesk();
  const disputed = await createArticle(desk.team.id, { title: "Disputed figures", body: "Some text." });
  await testDb().claim.create({
    data: {
      articleId: disputed.id,
      exact: "Some",
      prefix: "",
      suffix: " text.",
      start: 0,
      end: 4,
      status: "disputed",
      createdById: desk.editor.id,
      updatedById: desk.editor.id,
    },
  });
  await signIn(page, desk.reviewer);
  await page.goto("/articles");
  await expect(page.getByRole("link", { name: "Disputed figures" })).toBeVisible();
  await expect(page.getByRole("link", { name: desk.article.title })).toBeVisible();

  const filters = page.getByRole("form", { name: "Sort and filter articles" });
  // One box for disputed claims (it was also among "Has claims that are", doing the same).
  await expect(filters.getByRole("checkbox", { name: /disputed/i })).toHaveCount(1);
  await filters.getByLabel("disputed", { exact: true }).check();
  await filters.getByRole("combobox", { name: "Sort" }).selectOption("open");
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/disputed=1/);
  await expect(page).toHaveURL(/sort=open/);
  await expect(page.getByRole("link", { name: "Disputed figures" })).toBeVisible();
  await expect(page.getByRole("link", { name: desk.article.title })).toHaveCount(0);

  // The same URL in a fresh page shows the same view.
  const shared = page.url();
  await page.goto("/articles");
  await page.goto(shared);
  await expect(filters.getByLabel("disputed", { exact: true })).toBeChecked();
  await expect(page.getByRole("link", { name: "Disputed figures" })).toBeVisible();
  await expect(page.getByRole("link", { name: desk.article.title })).toHaveCount(0);

  await page.goto("/articles?report=published&disputed=1");
  await expect(page.getByTestId("articles-empty")).toHaveText("No articles match these filters.");
});
