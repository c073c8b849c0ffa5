// The Team page tells an admin which way to bring people in and what each role may do (from lib/access/roles.ts,
// the lists the server's checks read), keeps every invitation link made in this visit, and its rating scale fits a
// phone without sideways scrolling.
import path from "node:path";
import { expect, test, type Page } from "../fixtures/test";
import { signIn } from "../fixtures/auth";
import { createDesk } from "../fixtures/factories";
import { describeRole, ROLES } from "../../lib/access/roles";

async function shoot(page: Page, name: string) {
  const dir = process.env.SHOTS_DIR;
  if (!dir) return;
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: path.join(dir, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

test("an admin reads which way to bring people in and what each role may do", async ({ page }) => {
  const desk = await createDesk();
  await signIn(page, desk.admin);
  await page.goto("/team");

  await expect(page.getByTestId("add-member-hint")).toContainText("one-time password");
  await expect(page.getByTestId("invite-hint")).toContainText("chooses their own password");
  // One line a role, the words built from the server's role lists.
  const guide = page.getByTestId("role-guide");
  for (const role of ROLES) {
    const { who, also } = describeRole(role);
    await expect(guide.getByTestId(`role-${role}`)).toContainText(who);
    for (const right of also) await expect(guide.getByTestId(`role-${role}`)).toContainText(right);
  }
  await expect(guide.getByTestId("role-reviewer")).toContainText("the fact-checker");
  await expect(guide.getByTestId("role-reviewer")).toContainText("mark claims");
  await expect(guide.getByTestId("role-viewer")).not.toContainText("mark claims");
});

test("inviting three people in a row keeps all three links listed, each with its person, until the page is left", async ({ page }) => {
  const desk = await createDesk();
  await signIn(page, desk.admin);
  await page.goto("/team");
  const people = ["one", "two", "three"].map((n) => `${n}.${desk.team.id}@invited.test`);
  for (const email of people) {
    await page.getByLabel("Email to invite").fill(email);
    await page.getByRole("button", { name: "Invite", exact: true }).click();
    await expect(page.getByTestId(`invitation-${email}`)).toBeVisible();
  }
  const shown = page.getByTestId("invitation-link");
  await expect(shown).toHaveCount(3);
  for (const email of people) await expect(shown.filter({ hasText: email })).toHaveCount(1);
  const links = await shown.locator("input").evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
  expect(new Set(links).size).toBe(3);
  for (const link of links) expect(link).toMatch(/\/join\?token=/);
  await shoot(page, "team-bring-in");

  // Left and come back: the links were shown once and are gone (not stored anywhere new).
  await page.goto("/articles");
  await page.goto("/team");
  await expect(page.getByTestId(`invitation-${people[0]}`)).toBeVisible();
  await expect(page.getByTestId("invitation-link")).toHaveCount(0);
});

test("the rating scale fits a 390 px screen: every control visible without sideways scrolling", async ({ page }) => {
  const desk = await createDesk();
  await signIn(page, desk.admin);
  await page.setViewportSize({ width: 390, height: 900 });
  await page.goto("/team");
  const form = page.getByRole("form", { name: "Team options" });
  // The box around the scale's table (the one that scrolled sideways before).
  const scale = form.locator("table").locator("..");
  await expect(scale).toBeVisible();
  const overflow = await scale.evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  for (const control of [
    form.getByLabel("Value for True", { exact: true }),
    form.getByLabel("True is no rating", { exact: true }),
    form.getByRole("button", { name: "Remove True", exact: true }),
  ]) {
    await control.scrollIntoViewIfNeeded();
    const box = (await control.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
  }
  await expect(scale.getByText("No rating", { exact: true }).first()).toBeVisible();
  if (process.env.SHOTS_DIR) await scale.screenshot({ path: path.join(process.env.SHOTS_DIR, "rating-scale-390.png") });
});
