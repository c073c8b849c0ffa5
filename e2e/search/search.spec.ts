import { expect, test } from "../fixtures/test";
import { signIn } from "../fixtures/auth";
import { createArticle, createDesk, createTeam, createUser, testDb, unique } from "../fixtures/factories";

const marker = () =>
  `quillon${unique("s")
    .slice(-8)
    .replace(/[^a-z]/g, "x")}`;

test("the top bar's search box finds a claim by a phrase and opens it in its article", async ({ page }) => {
  const desk = await createDesk();
  const word = marker();
  const body = `The ${word} bridge cost nine million pounds to build.\n\nIt opened in spring.`;
  const article = await createArticle(desk.team.id, { title: "Bridge costs", body });
  const exact = `The ${word} bridge cost nine million pounds`;
  const claim = await testDb().claim.create({
    data: {
      articleId: article.id,
      exact,
      prefix: "",
      suffix: body.slice(exact.length, exact.length + 32),
      start: 0,
      end: exact.length,
      createdById: desk.reviewer.id,
      updatedById: desk.reviewer.id,
    },
  });
  await signIn(page, desk.reviewer);
  await page.goto("/articles");
  const box = page.getByRole("searchbox", { name: /search articles/i });
  await box.fill(`"${word} bridge" -tunnel`);
  await box.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=/);
  const results = page.getByTestId("search-results");
  await expect(results.locator("li")).toHaveCount(2);
  await expect(page.getByTestId("search-count")).toHaveText("2 results");
  const claimHit = results.locator('li[data-kind="claim"]');
  await expect(claimHit.locator("mark").first()).toHaveText(word);
  await claimHit.getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/articles/${article.id}\\?claim=${claim.id}`));
});

test("the search API answers only with the caller's team's content", async ({ page }) => {
  const desk = await createDesk();
  const word = marker();
  await createArticle(desk.team.id, { title: `The ${word} report`, body: "Text." });
  const intruder = await createUser((await createTeam()).id, "admin", "intruder");
  await signIn(page, intruder);
  const theirs = await page.request.get(`/api/v1/search?q=${word}`);
  expect(theirs.status()).toBe(200);
  expect(await theirs.json()).toMatchObject({ hits: [], total: 0, totalIsLowerBound: false });
  await page.goto(`/search?q=${word}`);
  await expect(page.getByTestId("search-empty")).toBeVisible();

  const bad = await page.request.get(`/api/v1/search?q=${word}&page=0`);
  expect(bad.status()).toBe(422);
});
