import { expect, test, type Page } from "../fixtures/test";
import { signIn } from "../fixtures/auth";
import { createArticle, createDesk, testDb } from "../fixtures/factories";

const BODY =
  "The council will spend 40 million pounds on new buses next year. Unemployment fell to 4 per cent, the lowest in a decade. " +
  "Crime doubled in the city centre since 2019. The mayor said rents rose by a third.";
const QUOTES = [
  "The council will spend 40 million pounds on new buses next year",
  "Unemployment fell to 4 per cent, the lowest in a decade",
  "Crime doubled in the city centre since 2019",
  "rents rose by a third",
];

async function seed() {
  const desk = await createDesk();
  const article = await createArticle(desk.team.id, { title: "Council budget, checked", body: BODY });
  const claims = [];
  for (const quote of QUOTES) {
    const start = BODY.indexOf(quote);
    claims.push(
      await testDb().claim.create({
        data: {
          articleId: article.id,
          exact: quote,
          prefix: BODY.slice(Math.max(0, start - 32), start),
          suffix: BODY.slice(start + quote.length, start + quote.length + 32),
          start,
          end: start + quote.length,
          status: "unreviewed",
          createdById: desk.editor.id,
          updatedById: desk.editor.id,
        },
      }),
    );
  }
  return { desk, article, claims };
}

const row = (page: Page, id: string) => page.getByTestId("claim-list").locator(`[data-claim-id="${id}"]`);

test("a reviewer tags claims with the keyboard, filters the claim list by the tag, and the URL keeps the view", async ({ page }) => {
  test.setTimeout(90_000); // many steps: a loaded machine needs more than the default
  const { desk, article, claims } = await seed();
  await signIn(page, desk.reviewer);
  await page.goto(`/articles/${article.id}`);

  // First claim: type a new name, Enter creates the tag.
  await row(page, claims[0]!.id).click();
  const panel = page.getByTestId("claim-panel");
  const box = panel.getByRole("combobox", { name: "Add a tag to this claim" });
  await box.focus();
  await page.keyboard.type("Transport");
  await page.keyboard.press("Enter");
  await expect(panel.getByTestId("claim-tags").getByTestId("tag-chip")).toHaveText(["Transport×"]);
  await expect(box).toHaveValue("");
  await panel.getByRole("button", { name: "Close claim (Esc)" }).click();

  // Second claim: type part of the name, ↓ picks the existing tag, Enter adds it (no second tag is made).
  await row(page, claims[1]!.id).click();
  const box2 = page.getByTestId("claim-panel").getByRole("combobox", { name: "Add a tag to this claim" });
  await box2.focus();
  await page.keyboard.type("tran");
  await expect(page.getByRole("listbox", { name: "Matching tags" }).getByRole("option", { name: "Transport" })).toBeVisible();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("claim-panel").getByTestId("claim-tags").getByTestId("tag-chip")).toHaveText(["Transport×"]);
  await page.getByTestId("claim-panel").getByRole("button", { name: "Close claim (Esc)" }).click();
  expect(await testDb().tag.count({ where: { teamId: desk.team.id } })).toBe(1);

  // The list shows the chips; filter by the tag.
  await expect(row(page, claims[0]!.id).getByTestId("tag-chip")).toHaveText("Transport");
  await page.getByRole("combobox", { name: "Filter by tag" }).selectOption("Transport");
  await expect(page).toHaveURL(/[?&]tag=Transport/);
  await expect(page.getByTestId("claim-list").locator("[data-claim-id]")).toHaveCount(2);
  await expect(row(page, claims[2]!.id)).toHaveCount(0);

  // Combined with status, and shared: a reload (or the same URL elsewhere) shows the same view.
  // Disputed is one of the statuses to choose, not a second checkbox beside the select.
  await expect(page.getByRole("combobox", { name: "Filter by status" }).locator("option", { hasText: "Disputed" })).toHaveCount(1);
  await expect(page.getByRole("group", { name: "Filter claims" }).getByRole("checkbox", { name: /disputed/i })).toHaveCount(0);
  await page.getByRole("combobox", { name: "Filter by status" }).selectOption("unreviewed");
  await expect(page).toHaveURL(/status=unreviewed/);
  await page.reload();
  await expect(page.getByRole("combobox", { name: "Filter by tag" })).toHaveValue("Transport");
  await expect(page.getByRole("combobox", { name: "Filter by status" })).toHaveValue("unreviewed");
  await expect(page.getByTestId("claim-list").locator("[data-claim-id]")).toHaveCount(2);

  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(page.getByTestId("claim-list").locator("[data-claim-id]")).toHaveCount(4);
  await expect(page).not.toHaveURL(/tag=/);
});

test("a viewer sees tags but has no way to add them, and the API refuses", async ({ page }) => {
  test.setTimeout(90_000);
  const { desk, article, claims } = await seed();
  const tag = await testDb().tag.create({ data: { teamId: desk.team.id, name: "Economy", nameKey: "economy", color: "emerald" } });
  await testDb().claimTag.create({ data: { claimId: claims[1]!.id, tagId: tag.id } });
  await signIn(page, desk.viewer);
  await page.goto(`/articles/${article.id}?tag=economy`);
  await expect(page.getByTestId("claim-list").locator("[data-claim-id]")).toHaveCount(1);
  await row(page, claims[1]!.id).click();
  await expect(page.getByTestId("claim-panel").getByTestId("tag-chip")).toHaveText("Economy");
  await expect(page.getByRole("combobox", { name: "Add a tag to this claim" })).toHaveCount(0);
  const answer = await page.request.post(`/api/v1/claims/${claims[0]!.id}/tags`, {
    data: { name: "Sneaky" },
    headers: { origin: new URL(page.url()).origin },
  });
  expect(answer.status()).toBe(403);
});

test("an editor tags the article inline, finds it by tag on the articles list, and renames the tag on the Team page", async ({ page }) => {
  test.setTimeout(90_000);
  const { desk, article } = await seed();
  await signIn(page, desk.editor);
  await page.goto(`/articles/${article.id}`);
  const box = page.getByRole("combobox", { name: "Add a tag to this article" });
  await box.fill("Fiscal");
  await box.press("Enter");
  await expect(page.getByTestId("article-tags").getByTestId("tag-chip")).toHaveText(["Fiscal×"]);

  await page.goto("/articles?tag=fiscal");
  const filters = page.getByRole("form", { name: "Sort and filter articles" });
  await expect(filters.getByRole("combobox", { name: "Tag" })).toHaveValue("Fiscal");
  await expect(page.getByRole("link", { name: article.title })).toBeVisible();
  await expect(page.getByRole("link", { name: desk.article.title })).toHaveCount(0);

  await page.goto("/team");
  const tags = page.getByTestId("team-tags");
  await tags.getByRole("button", { name: "Rename" }).click();
  await tags.getByRole("textbox", { name: "New name for Fiscal" }).fill("Budget");
  await tags.getByRole("button", { name: "Save" }).click();
  await expect(tags.getByTestId("tag-chip")).toHaveText(["Budget"]);
  await page.goto("/articles?tag=budget");
  await expect(page.getByRole("link", { name: article.title })).toBeVisible();
});

// Screenshots for a person to look at (not assertions): TAGS_SHOTS=/tmp/dir.
test("screenshots of tag chips and the claim-list filters", async ({ page }) => {
  const dir = process.env.TAGS_SHOTS;
  test.skip(!dir, "set TAGS_SHOTS to a directory to take them");
  const { desk, article, claims } = await seed();
  const colours = [
    ["Transport", "sky"],
    ["Economy", "emerald"],
    ["Crime", "rose"],
    ["Housing", null],
  ] as const;
  const tags = [];
  for (const [name, color] of colours) {
    tags.push(await testDb().tag.create({ data: { teamId: desk.team.id, name, nameKey: name.toLowerCase(), color } }));
  }
  const links: [number, number][] = [
    [0, 0],
    [0, 1],
    [1, 1],
    [2, 2],
    [3, 3],
    [3, 1],
  ];
  for (const [c, t] of links) await testDb().claimTag.create({ data: { claimId: claims[c]!.id, tagId: tags[t]!.id } });
  await testDb().articleTag.create({ data: { articleId: article.id, tagId: tags[1]!.id } });
  await signIn(page, desk.editor);
  for (const width of [1440, 1024, 820, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`/articles/${article.id}?tag=economy`);
    await expect(page.getByTestId("claim-list").locator("[data-claim-id]")).toHaveCount(3);
    await page.screenshot({ path: `${dir}/claims-filtered-${width}.png`, fullPage: width === 390 });
    await page.goto(`/articles/${article.id}?claim=${claims[0]!.id}`);
    await expect(page.getByTestId("claim-panel")).toBeVisible();
    await page.screenshot({ path: `${dir}/claim-panel-${width}.png` });
    await page.goto(`/articles`);
    await page.screenshot({ path: `${dir}/articles-${width}.png` });
  }
  await page.setViewportSize({ width: 1024, height: 900 });
  await page.goto(`/team`);
  await page.getByRole("heading", { name: "Tags" }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${dir}/team-tags-1024.png` });
});
