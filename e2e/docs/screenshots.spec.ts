import { expect, test } from "../fixtures/test";
import { signIn } from "../fixtures/auth";
import { setClaimStatus } from "../../lib/claims/update-claim";
import { assignReviewers } from "../../lib/claims/assignments";
import { setClaimDoubleReview } from "../../lib/claims/double-review";
import { submitReviewVerdict } from "../../lib/claims/review-verdicts";
import { createClaim } from "../../lib/claims/create-claim";
import { targetFor } from "../../lib/claims/test-helpers";
import type { VerdictKey } from "../../lib/claims/verdicts";
import { createArticle, createTeam, createUser, testDb } from "../fixtures/factories";
import { selectInArticle } from "../fixtures/selection";
import { publishReport } from "../../lib/publish/publish-report";
import { saveArticleVersion } from "../../lib/articles/save-version";
import { articleToMarkdown } from "../../lib/articles/import";
import { parseBlocks } from "../../lib/articles/blocks";

// Refreshes the README's pictures: `SCREENSHOTS=1 npm test -- --only=e2e --skip-build e2e/docs`.
test.skip(!process.env.SCREENSHOTS, "only when refreshing the README screenshots");
// Many pages and claims in one test: more than the default 30 s on a busy machine.
test.describe.configure({ timeout: 300_000 });

const CLAIMS: [string, string | null, string | null][] = [
  ["Sir Keir Starmer has called for the US to provide a “backstop”", null, null],
  ["a plan to increase defence spending to a 2.5 per cent share of the economy", "true", "in_review"],
  ["calls from Mr Trump to hike spending to 5 per cent", "mostly_true", null],
  ["The UK currently spends around 2.3 per cent of gross national product on defence", "misleading", null],
  ["2.3 per cent", null, null],
  ["realistically it needs to go up to at least 3.5 per cent by the 2030s", null, "not_check_worthy"],
];

test("README screenshots", async ({ page }) => {
  const team = await createTeam("Politics desk");
  const reviewer = await createUser(team.id, "reviewer", "reviewer", "Priya Shah");
  const editor = await createUser(team.id, "editor", "editor", "Tom Okafor");
  const article = await createArticle(team.id, { title: "US must provide ‘backstop’ to deter Russia, PM says after talks on Ukraine" });
  await signIn(page, reviewer);
  await page.goto(`/articles/${article.id}`);
  for (const [text, verdict, status] of CLAIMS) {
    await selectInArticle(page, text);
    await page.keyboard.press("a");
    const panel = page.getByTestId("claim-panel");
    await expect(panel.getByTestId("claim-quote")).toContainText(text);
    if (verdict) {
      await panel.getByLabel("Verdict", { exact: true }).selectOption(verdict);
      await panel.getByLabel("Explanation").fill("Checked against the Ministry of Defence's departmental resources and NATO's figures.");
      await panel.getByRole("button", { name: "Propose verdict" }).click();
      await expect(panel.getByTestId("verdict-card")).toBeVisible();
    }
    if (status === "not_check_worthy") {
      await panel.getByRole("radio", { name: /Not check-worthy/ }).click();
      await expect(panel.getByRole("radio", { name: /Not check-worthy/ })).toHaveAttribute("aria-checked", "true");
    }
    await page.keyboard.press("Escape");
  }
  // An editor signs off the 2.5 per cent verdict, so the picture shows a verified claim too.
  const verifiedClaim = await testDb().claim.findFirstOrThrow({
    where: { articleId: article.id, exact: { startsWith: "a plan to increase" } },
  });
  await setClaimStatus({ userId: editor.id, claimId: verifiedClaim.id, status: "verified" });
  await page.reload();
  await page.locator(".hl[data-ids]", { hasText: "The UK currently spends around" }).first().click();
  const panel = page.getByTestId("claim-panel");
  await panel
    .getByLabel("Comment", { exact: true })
    .fill("The MoD reports this on a GDP basis (NATO definition); GNP is a different measure.");
  await panel.getByRole("button", { name: "Comment", exact: true }).click();
  await expect(panel.getByTestId("comment-thread")).toContainText("GDP basis");
  await page.evaluate(() => {
    const paragraph = [...document.querySelectorAll("[data-testid=article-body] p")].find((p) =>
      p.textContent!.startsWith("Sir Keir is unlikely"),
    )!;
    window.scrollTo(0, paragraph.getBoundingClientRect().top + window.scrollY - 150);
    document.querySelector("aside")!.scrollTop = 0;
  });
  await page.screenshot({ path: "docs/screenshots/article.png" });

  // Keyboard: the text caret selecting the words of a claim (issue #19).
  await page.keyboard.press("Escape");
  await page.keyboard.press("m");
  const caretIn = () =>
    page.evaluate(() => {
      const node = window.getSelection()?.focusNode;
      return (node instanceof Element ? node : node?.parentElement)?.closest("[data-start]")?.textContent ?? "";
    });
  for (let i = 0; i < 40 && !(await caretIn()).startsWith("Earlier on Monday"); i++) await page.keyboard.press("Control+ArrowDown");
  for (let i = 0; i < 6; i++) await page.keyboard.press("Shift+Control+ArrowRight");
  await page.screenshot({ path: "docs/screenshots/caret-mode.png" });
  await page.keyboard.press("Escape");

  // Tablet: the open claim is a drawer over the text.
  await page.setViewportSize({ width: 820, height: 1180 });
  await page.locator(".hl[data-ids]", { hasText: "The UK currently spends around" }).first().click();
  await expect(panel.getByTestId("comment-thread")).toContainText("GDP basis");
  await page.screenshot({ path: "docs/screenshots/article-tablet.png" });
  await page.keyboard.press("Escape");
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto("/articles");
  await page.screenshot({ path: "docs/screenshots/articles.png" });

  // A second reviewer and some double-reviewed claims, so the queue and stats have something to show.
  const second = await createUser(team.id, "reviewer", "second", "Sam Reyes");
  const admin = await createUser(team.id, "admin", "admin", "Dana Whitfield");
  const pairs: [string, VerdictKey, VerdictKey][] = [
    ["Sir Keir has said he would be prepared to put a peacekeeping force into Ukraine", "true", "true"],
    ["Marco Rubio led a delegation to Saudi Arabia", "true", "mostly_true"],
    ["Ukraine has not been invited to the talks", "true", "true"],
    ["SNP MP Stephen Gethins claimed any response must come from Europe", "mostly_true", "mostly_true"],
    ["Graeme Downie was one of several MPs to call for an increase in defence spending", "misleading", "false"],
  ];
  for (const [index, [phrase, a, b]] of pairs.entries()) {
    const claim = await createClaim({ userId: editor.id, articleId: article.id, target: targetFor(article.body, phrase) });
    await setClaimDoubleReview({ userId: editor.id, claimId: claim.id, required: true });
    await assignReviewers({ userId: editor.id, claimId: claim.id, reviewerIds: [reviewer.id, second.id], dueAt: `2026-12-0${1 + index}` });
    await submitReviewVerdict({
      userId: reviewer.id,
      claimId: claim.id,
      verdict: a,
      explanation: "Checked against the original statement and the wire copy.",
    });
    if (index < 4)
      await submitReviewVerdict({
        userId: second.id,
        claimId: claim.id,
        verdict: b,
        explanation: "Checked against the official record of the talks.",
      });
  }
  await page.goto("/queue");
  await page.screenshot({ path: "docs/screenshots/queue.png" });
  await signIn(page, admin);
  await page.goto("/stats");
  await page.screenshot({ path: "docs/screenshots/stats.png", fullPage: true });
  await page.goto("/team");
  await page.screenshot({ path: "docs/screenshots/team.png" });

  // The public report of the verified claim.
  await publishReport({ userId: editor.id, articleId: article.id });
  await page.goto(`/reports/${article.id}`);
  await page.screenshot({ path: "docs/screenshots/report.png" });

  // A correction rewrites the 2.3 per cent sentence: that claim waits for a person.
  const current = await testDb().article.findUniqueOrThrow({ where: { id: article.id } });
  const markdown = articleToMarkdown(current.body, parseBlocks(current.blocks, current.body));
  const rewritten = markdown.replace(
    "The UK currently spends around 2.3 per cent of gross national product on defence",
    "Britain's defence budget is now a little over 2.3 per cent of national income, according to the MoD",
  );
  await saveArticleVersion({ articleId: article.id, userId: editor.id, baseVersion: current.version, markdown: rewritten });
  await signIn(page, reviewer);
  await page.goto(`/articles/${article.id}`);
  await page.getByTestId("claims-needs-reanchoring").locator("[data-claim-id]").first().click();
  await expect(page.getByTestId("reanchor-section")).toBeVisible();
  await page.screenshot({ path: "docs/screenshots/reanchor.png" });
  await page.goto(`/articles/${article.id}/versions`);
  await expect(page.getByTestId("version-diff")).toBeVisible();
  await page.screenshot({ path: "docs/screenshots/versions.png" });
  await signIn(page, editor);
  await page.goto("/articles/new");
  await page.screenshot({ path: "docs/screenshots/new-article.png" });
});
