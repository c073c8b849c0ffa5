// The Team page tells an admin which way to bring people in and what each role may do (from lib/access/roles.ts,
// the lists the server's checks read), keeps every invitation link made in this visit, and its rating scale fits a
// phone without sideways scrolling.
import path from "node:path";
import { expect, test, type Page } from "../fixtures/test";
import { signIn } from "../fixtures/auth";
import { createDesk, testDb, unique } from "../fixtures/factories";
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

  // People join only by invitation: no form that puts an address into the team at once.
  await expect(page.getByRole("form", { name: "Add member" })).toHaveCount(0);
  await expect(page.getByTestId("invite-hint")).toContainText("chooses their own password");
  await expect(page.getByTestId("invite-hint")).toContainText("only once it accepts");
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

test("adding an address that has an account elsewhere invites it: the admin's answer and page look the same as for a new address, and nobody joins until they accept", async ({
  page,
  baseURL,
}) => {
  const mine = await createDesk();
  const theirs = await createDesk();
  await signIn(page, mine.admin);
  const fresh = `${unique("fresh")}@test.factdesk.test`.toLowerCase();
  const post = (email: string) =>
    page.request.post("/api/v1/team/members", { data: { email, role: "viewer" }, headers: { Origin: baseURL! } });
  const answers = [await post(theirs.reviewer.email), await post(fresh)];
  expect(answers.map((a) => a.status())).toEqual([201, 201]);
  const bodies = (await Promise.all(answers.map((a) => a.json()))) as Record<string, unknown>[];
  const keys = (body: Record<string, unknown>) => [Object.keys(body).sort(), Object.keys(body.invitation as object).sort()];
  expect(keys(bodies[0]!)).toEqual(keys(bodies[1]!));
  expect(bodies[0]).not.toHaveProperty("password");
  expect(await testDb().membership.count({ where: { userId: theirs.reviewer.id, teamId: mine.team.id } })).toBe(0);

  // Through the Team page: the same words for both addresses, and the existing account is listed as invited, not as a member.
  await page.goto("/team");
  const other = `${unique("other")}@test.factdesk.test`.toLowerCase();
  for (const email of [theirs.editor.email, other]) {
    await page.getByLabel("Email to invite").fill(email);
    await page.getByRole("button", { name: "Invite", exact: true }).click();
    await expect(page.getByTestId(`invitation-${email}`)).toBeVisible();
  }
  const links = page.getByTestId("invitation-link");
  const words = (text: string, email: string) => text.replace(email, "EMAIL").replace(/https?:\/\/\S+/, "URL");
  const [second, first] = [await links.nth(0).textContent(), await links.nth(1).textContent()];
  expect(words(first!, theirs.editor.email)).toBe(words(second!, other));
  await expect(page.getByTestId(`member-${theirs.editor.email}`)).toHaveCount(0);
  expect(await testDb().membership.count({ where: { userId: theirs.editor.id, teamId: mine.team.id } })).toBe(0);
});
