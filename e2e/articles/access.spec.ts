import { expect, test } from "../fixtures/test";
import { signIn } from "../fixtures/auth";
import { createDesk, createTeam, createUser } from "../fixtures/factories";

test("the article list and page show the team's article as a reader wants it", async ({ page }) => {
  const desk = await createDesk();
  await signIn(page, desk.reviewer);
  const api = await page.request.get("/api/v1/articles");
  expect(api.status()).toBe(200);
  const { articles, team } = (await api.json()) as { articles: { id: string; title: string }[]; team: { name: string } };
  expect(team.name).toBe(desk.team.name);
  expect(articles.map((a) => a.id)).toEqual([desk.article.id]);

  await page.goto("/articles");
  await page.getByRole("link", { name: desk.article.title }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(desk.article.title);
  await expect(page.getByText("Prime Minister says allies across Europe")).toBeVisible();
  await expect(page.getByText("Source: Test fixture")).toBeVisible();
  await expect(page.getByTestId("article-body").locator("p")).toHaveCount(desk.article.body.split("\n\n").length);
});

test("another team's user gets 404 for this team's article, page and API", async ({ page }) => {
  const desk = await createDesk();
  const intruder = await createUser((await createTeam()).id, "editor", "intruder");
  await signIn(page, intruder);
  const response = await page.goto(`/articles/${desk.article.id}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  const api = await page.request.get(`/api/v1/articles/${desk.article.id}/claims`);
  expect(api.status()).toBe(404);
  const list = (await (await page.request.get("/api/v1/articles")).json()) as { articles: unknown[] };
  expect(list.articles).toEqual([]);
});
