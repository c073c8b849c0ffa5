import { expect, test } from "../fixtures/test";
import { assignReviewers } from "../../lib/claims/assignments";
import { createClaim } from "../../lib/claims/create-claim";
import { setClaimDoubleReview } from "../../lib/claims/double-review";
import { targetFor } from "../../lib/claims/test-helpers";
import { signIn } from "../fixtures/auth";
import { createDesk, testDb } from "../fixtures/factories";

const CLAIM = "The UK currently spends around 2.3 per cent of gross national product on defence";
const FIRST = "MoD departmental resources put it at 2.33 per cent of GDP.";
const SECOND = "It is a GDP share, so the GNP wording misleads.";

test("double review: verdicts stay private until both are in, a dispute goes to an editor, another editor signs off", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const desk = await createDesk();
  const claim = await createClaim({ userId: desk.editor.id, articleId: desk.article.id, target: targetFor(desk.article.body, CLAIM) });
  await setClaimDoubleReview({ userId: desk.editor.id, claimId: claim.id, required: true });
  await assignReviewers({
    userId: desk.editor.id,
    claimId: claim.id,
    reviewerIds: [desk.reviewer.id, desk.reviewer2.id],
    dueAt: "2030-01-15",
  });

  const open = async (user: typeof desk.reviewer) => {
    const page = await (await browser.newContext()).newPage();
    await signIn(page, user);
    await page.goto("/queue");
    await expect(page.getByTestId("queue")).toContainText("due 2030-01-15");
    await page.getByRole("link", { name: /The UK currently spends/ }).click();
    await expect(page.getByTestId("double-review")).toBeVisible();
    return page;
  };

  const first = await open(desk.reviewer);
  const panel = first.getByTestId("claim-panel");
  await expect(panel.getByTestId("assignees")).toContainText(`${desk.reviewer.name} and ${desk.reviewer2.name}`);
  await expect(panel.getByLabel("Verdict", { exact: true })).toHaveCount(0); // no direct verdict in double review
  await panel.getByLabel("My verdict", { exact: true }).selectOption("true");
  await panel.getByLabel("My explanation", { exact: true }).fill(FIRST);
  await panel.getByRole("button", { name: "Submit my verdict" }).click();
  await expect(panel.getByTestId("double-review")).toContainText("1 of 2 verdicts in");

  const second = await open(desk.reviewer2);
  await expect(second.getByTestId("double-review")).toContainText("1 of 2 verdicts in");
  await expect(second.locator("body")).not.toContainText(FIRST);
  const api = await second.request.get(`/api/v1/claims/${claim.id}`);
  expect(await api.text()).not.toContain(FIRST);
  const feed = await second.request.get(`/api/v1/articles/${desk.article.id}/claims`);
  expect(await feed.text()).not.toContain(FIRST);

  const secondPanel = second.getByTestId("claim-panel");
  await secondPanel.getByLabel("My verdict", { exact: true }).selectOption("misleading");
  await secondPanel.getByLabel("My explanation", { exact: true }).fill(SECOND);
  await secondPanel.getByRole("button", { name: "Submit my verdict" }).click();
  await expect(secondPanel.getByTestId("agreement")).toContainText("disagree");
  await expect(secondPanel.getByTestId("double-review")).toContainText(FIRST);
  await expect(secondPanel.getByTestId("double-review")).toContainText(SECOND);
  await expect(second.getByTestId("article-body").locator(".hl[data-ids]", { hasText: CLAIM })).toHaveAttribute("data-status", "disputed");

  const editor = await (await browser.newContext()).newPage();
  await signIn(editor, desk.editor);
  await editor.goto(`/articles/${desk.article.id}?claim=${claim.id}`);
  const editorPanel = editor.getByTestId("claim-panel");
  await editorPanel.getByLabel("Verdict", { exact: true }).selectOption("misleading");
  await editorPanel.getByLabel("Explanation").fill("The number is right for GDP; calling it GNP misleads.");
  await editorPanel.getByRole("button", { name: /verdict/i }).click();
  await expect(editorPanel.getByTestId("verdict-card")).toContainText("Misleading");
  await expect(editorPanel.getByRole("radio", { name: /Verified/ })).toBeDisabled();
  await expect(editorPanel.getByRole("radio", { name: /Verified/ })).toHaveAttribute("title", "Another editor must sign off your verdict");

  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, desk.admin);
  await admin.goto(`/articles/${desk.article.id}?claim=${claim.id}`);
  await admin
    .getByTestId("claim-panel")
    .getByRole("radio", { name: /Verified/ })
    .click();
  await expect(admin.getByTestId("claim-panel").getByRole("radio", { name: /Verified/ })).toHaveAttribute("aria-checked", "true");
  await expect(admin.getByTestId("claim-history")).toContainText("signed off the verdict");

  // An editor can require double review for a whole article: new claims inherit it.
  await editor.getByLabel("Require independent double review for this article's claims").check();
  await expect(editor.getByTestId("double-review-toggle")).toContainText("Saved");
  await editor.reload();
  await expect(editor.getByLabel("Require independent double review for this article's claims")).toBeChecked();
  const later = await createClaim({
    userId: desk.reviewer.id,
    articleId: desk.article.id,
    target: targetFor(desk.article.body, "Marco Rubio"),
  });
  await editor.goto(`/articles/${desk.article.id}?claim=${later.id}`);
  await expect(editor.getByTestId("double-review")).toContainText("0 of 2 verdicts in");
});

test("an admin invites someone, sees the link once, changes a role; the stats page shows agreement", async ({ page }) => {
  const desk = await createDesk();
  await signIn(page, desk.admin);
  await page.goto("/team");
  const email = `new-${Date.now()}@test.factdesk.test`;
  await page.getByLabel("Email to invite").fill(email);
  await page.getByLabel("Role of the invitee").selectOption("reviewer");
  await page.getByRole("button", { name: "Invite", exact: true }).click();
  await expect(page.getByTestId("invitation-link")).toContainText(email);
  await expect(page.getByTestId(`invitation-${email}`)).toContainText("reviewer");
  await page.getByLabel(`Role of ${desk.viewer.name}`).selectOption("editor");
  await expect(page.getByLabel(`Role of ${desk.viewer.name}`)).toHaveValue("editor");
  await page.reload();
  await expect(page.getByLabel(`Role of ${desk.viewer.name}`)).toHaveValue("editor");
  await page.goto("/stats");
  await expect(page.getByRole("heading", { name: /Stats/ })).toBeVisible();
  await expect(page.getByText("no claims with two independent verdicts yet")).toBeVisible();
});

test("someone in two teams switches between them and sees each team's articles", async ({ page }) => {
  const first = await createDesk();
  const second = await createDesk();
  await testDb().membership.create({ data: { userId: first.reviewer.id, teamId: second.team.id, role: "viewer" } });
  await signIn(page, first.reviewer);
  await page.goto("/articles");
  await expect(page.getByRole("link", { name: first.article.title })).toBeVisible();
  await page.getByTestId("team-switcher").selectOption(second.team.id);
  await expect(page.getByRole("link", { name: second.article.title })).toBeVisible();
  await expect(page.getByTestId("signed-in-user")).toContainText("viewer");
  await expect(page.getByRole("link", { name: first.article.title })).toHaveCount(0);
});
