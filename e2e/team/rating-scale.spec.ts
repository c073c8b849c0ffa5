import path from "node:path";
import { expect, test, type Page } from "../fixtures/test";
import { signIn } from "../fixtures/auth";
import { createDesk, createTeam, testDb } from "../fixtures/factories";

// With SHOTS_DIR set, the screens are photographed at four widths for people to look at (nothing asserted).
async function shoot(page: Page, name: string, fullPage = true) {
  const dir = process.env.SHOTS_DIR;
  if (!dir) return;
  for (const width of [1440, 1024, 820, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: path.join(dir, `${name}-${width}.png`), fullPage });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

const CLAIM = "The UK currently spends around 2.3 per cent of gross national product on defence";

test("an admin adds, recolours and removes ratings; the claim list and panel show the team's colours", async ({ browser }) => {
  test.setTimeout(120_000);
  const desk = await createDesk();
  const start = desk.article.body.indexOf(CLAIM);
  expect(start).toBeGreaterThanOrEqual(0);
  // Proposed as "Mostly false" before the team drops that rating: it keeps its label.
  await testDb().claim.create({
    data: {
      articleId: desk.article.id,
      exact: CLAIM,
      prefix: desk.article.body.slice(Math.max(0, start - 32), start),
      suffix: desk.article.body.slice(start + CLAIM.length, start + CLAIM.length + 32),
      start,
      end: start + CLAIM.length,
      status: "verdict_proposed",
      verdictOrdinal: 2,
      verdictLabel: "Mostly false",
      verdictExplanation: "A share of GDP, not of gross national product.",
      verdictById: desk.reviewer.id,
      verdictAt: new Date(),
      createdById: desk.reviewer.id,
      updatedById: desk.reviewer.id,
    },
  });

  const admin = await browser.newPage();
  await signIn(admin, desk.admin);
  await admin.goto("/team");
  const form = admin.getByRole("form", { name: "Team options" });
  await form.getByRole("button", { name: "+ Add a rating" }).click();
  await form.getByLabel("Label for rating 7").fill("Half true");
  await form.getByLabel("Value for Half true").selectOption("3");
  await form.getByLabel("Colour for Half true").fill("#ffd500");
  await form.getByLabel("Colour for False").fill("#000080");
  await form.getByRole("button", { name: "Remove Mostly false" }).click();
  await form.getByRole("button", { name: "Save options" }).click();
  await expect(form.getByRole("status")).toHaveText("Saved.");
  // The server refuses a scale with two ratings of one name, with a sentence the form shows.
  await form.getByLabel("Label for rating 6").fill("true");
  await form.getByRole("button", { name: "Save options" }).click();
  await expect(form.getByRole("alert")).toContainText("different label");
  await shoot(admin, "team-scale");
  await admin.close();

  const page = await browser.newPage();
  await signIn(page, desk.reviewer);
  await page.goto(`/articles/${desk.article.id}`);
  const list = page.getByRole("region", { name: "Claims" });
  const oldBadge = list.getByTestId("verdict-badge").filter({ hasText: "Mostly false" });
  await expect(oldBadge).toBeVisible();
  // No rating of that name any more: the default colour of its value (2), dark text on it.
  await expect(oldBadge).toHaveCSS("background-color", "rgb(194, 87, 26)");
  await oldBadge.click();

  const panel = page.getByTestId("claim-panel");
  const verdictMenu = panel.getByLabel("Verdict", { exact: true });
  await expect(verdictMenu.locator("option")).toHaveText([
    "Choose a verdict…",
    "True",
    "Mostly true",
    "Misleading",
    "False",
    "Unverifiable",
    "Half true",
  ]);
  await verdictMenu.selectOption({ label: "Half true" });
  await panel.getByLabel("Explanation").fill("Half of the spending figure holds on the NATO definition.");
  await panel.getByRole("button", { name: "Update verdict" }).click();
  const badge = panel.getByTestId("verdict-card").getByTestId("verdict-badge");
  await expect(badge).toHaveText("Half true");
  await expect(badge).toHaveCSS("background-color", "rgb(255, 213, 0)");
  await expect(badge).toHaveCSS("color", "rgb(0, 0, 0)");

  // The highlight in the text takes a light tint of the same colour.
  const highlight = page.getByTestId("article-body").locator(".hl[data-ids]", { hasText: CLAIM });
  await expect(highlight).toHaveAttribute("style", /--fill:#/);

  await verdictMenu.selectOption({ label: "False" });
  await panel.getByLabel("Explanation").fill("The figure is a share of GDP; of GNP it is another number.");
  await panel.getByRole("button", { name: "Update verdict" }).click();
  await expect(badge).toHaveText("False");
  // White text on the navy the team chose for False.
  await expect(badge).toHaveCSS("background-color", "rgb(0, 0, 128)");
  await expect(badge).toHaveCSS("color", "rgb(255, 255, 255)");
  // Back in the claim list, the same colours.
  await panel.getByRole("button", { name: "Close claim (Esc)" }).click();
  await expect(list.getByTestId("verdict-badge")).toHaveText(["False"]);
  await expect(list.getByTestId("verdict-badge")).toHaveCSS("background-color", "rgb(0, 0, 128)");
  await page.getByTestId("legend").locator("summary").click();
  await expect(page.getByTestId("legend").getByTestId("verdict-badge")).toHaveText([
    "True",
    "Mostly true",
    "Misleading",
    "False",
    "Unverifiable",
    "Half true",
  ]);
  // The article page scrolls inside its columns: a full-page picture would show only the top.
  await shoot(page, "article-colours", false);
  await page.goto("/stats");
  await expect(page.getByTestId("verdict-totals")).toContainText("1 rated");
  await shoot(page, "stats");
});

test("an admin brings an archived team back from the Team page", async ({ page }) => {
  const desk = await createDesk();
  const archived = await createTeam("Archived election desk");
  await testDb().team.update({ where: { id: archived.id }, data: { archivedAt: new Date() } });
  await testDb().membership.create({ data: { teamId: archived.id, userId: desk.admin.id, role: "admin" } });
  await signIn(page, desk.admin);
  await page.goto("/team");
  const list = page.getByTestId("archived-teams");
  await expect(list).toContainText("Archived election desk");
  await expect(page.getByTestId("team-name")).toBeVisible(); // one live team: no switcher yet
  await shoot(page, "team-archived");
  await list.getByRole("button", { name: "Unarchive Archived election desk" }).click();
  await expect(page.getByRole("status").filter({ hasText: "is back" })).toContainText("Archived election desk is back");
  await expect(list).toBeHidden();
  await expect(page.getByTestId("team-switcher").locator("option", { hasText: "Archived election desk" })).toHaveCount(1);
  const audit = await testDb().auditEvent.findFirst({ where: { teamId: archived.id, action: "team.unarchived" } });
  expect(audit?.actorId).toBe(desk.admin.id);
});
