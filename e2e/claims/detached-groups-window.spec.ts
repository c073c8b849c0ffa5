import { expect, test } from "../fixtures/test";
import { describeRange } from "../../lib/anchoring/selectors";
import { signIn } from "../fixtures/auth";
import { createArticle, createDesk, testDb } from "../fixtures/factories";

// Issue #21: an edit can detach hundreds of claims, and the "Needs re-anchoring" and "Orphaned" groups rendered every
// one of their rows (each laid out again on every press in the text). They render a window of 20 rows a page, at most
// three pages (components/claims/ClaimGroup.tsx), around the cursor when it is on one of their claims.
test.describe.configure({ timeout: 120_000 });

const GROUP_PAGE = 20;
const NEEDS_REVIEW = 300;
const ORPHANED = 250;
const preamble = "The council met on Tuesday. ".repeat(40);
const sentences = Array.from({ length: 5 }, (_, i) => `Spending ${i + 1} rose by ${i + 9} per cent in the year to March.`);
const body = `${preamble.trim()}\n\n${sentences.join(" ")}`;

test("detached groups of hundreds of claims render a bounded window, following the cursor into them", async ({ page }) => {
  const desk = await createDesk();
  const article = await createArticle(desk.team.id, { body });
  const by = { createdById: desk.reviewer.id, updatedById: desk.reviewer.id };
  // Text order (start) puts the detached claims before the attached ones: needs re-anchoring, orphaned, then the text.
  const detached = (status: "needs_review" | "orphaned", n: number, offset: number) =>
    Array.from({ length: n }, (_, i) => ({
      articleId: article.id,
      exact: `Old ${status} sentence ${i + 1}`,
      prefix: "",
      suffix: "",
      start: offset + i,
      end: offset + i + 5,
      anchorStatus: status,
      ...by,
    }));
  await testDb().claim.createMany({
    data: [...detached("needs_review", NEEDS_REVIEW, 0), ...detached("orphaned", ORPHANED, NEEDS_REVIEW)],
  });
  await testDb().claim.createMany({
    data: sentences.map((sentence) => {
      const start = body.indexOf(sentence);
      const { quote } = describeRange(body, start, start + sentence.length);
      return { articleId: article.id, ...quote, start, end: start + sentence.length, ...by };
    }),
  });
  const ids = async (anchorStatus: "needs_review" | "orphaned" | "attached") =>
    (
      await testDb().claim.findMany({ where: { articleId: article.id, anchorStatus }, orderBy: { start: "asc" }, select: { id: true } })
    ).map((c) => c.id);
  const [orphanedIds, attachedIds] = [await ids("orphaned"), await ids("attached")];

  await signIn(page, desk.reviewer);
  await page.goto(`/articles/${article.id}`);
  const needsGroup = page.getByTestId("claims-needs-reanchoring");
  const orphanedGroup = page.getByTestId("claims-orphaned");
  const needsRows = needsGroup.locator("[data-claim-id]");
  const orphanedRows = orphanedGroup.locator("[data-claim-id]");
  await expect(needsGroup.getByRole("heading")).toHaveText(`Needs re-anchoring (${NEEDS_REVIEW})`);
  await expect(page.getByTestId("claim-list").locator("[data-claim-id]")).toHaveCount(sentences.length);

  // A page of each group, not all of it, with how many there are.
  await expect(needsRows).toHaveCount(GROUP_PAGE);
  await expect(orphanedRows).toHaveCount(GROUP_PAGE);
  await expect(page.getByTestId("claims-needs-reanchoring-count")).toHaveText(`Showing ${GROUP_PAGE} of ${NEEDS_REVIEW}`);
  await expect(page.getByTestId("claims-orphaned-count")).toHaveText(`Showing ${GROUP_PAGE} of ${ORPHANED}`);
  await expect(needsRows.first().locator("xpath=..")).toHaveAttribute("aria-setsize", String(NEEDS_REVIEW));

  // "Show more" (a button the keyboard reaches) adds the group's next page.
  const more = page.getByRole("button", { name: "Show more claims needing re-anchoring" });
  await more.focus();
  await page.keyboard.press("Enter");
  await expect(needsRows).toHaveCount(2 * GROUP_PAGE);
  await expect(page.getByTestId("claims-needs-reanchoring-count")).toHaveText(`Showing ${2 * GROUP_PAGE} of ${NEEDS_REVIEW}`);

  // Open the first claim in the text and close it; k goes to the claim before it in text order: the last orphaned
  // claim, far outside its group's first page. Its row is rendered, focused and in view, and says where it is.
  await page.locator(`[data-testid=article-body] [data-ids~="${attachedIds[0]}"]`).first().click();
  await expect(page.getByTestId("claim-panel")).toContainText(sentences[0]!);
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("claim-panel")).toHaveCount(0);
  await page.keyboard.press("k");
  const last = orphanedGroup.locator(`[data-claim-id="${orphanedIds[ORPHANED - 1]}"]`);
  await expect(last).toBeFocused();
  await expect(last).toBeInViewport();
  await expect(last.locator("xpath=..")).toHaveAttribute("aria-posinset", String(ORPHANED));
  await expect(page.getByTestId("claims-orphaned-count")).toHaveText(`Showing ${ORPHANED - GROUP_PAGE}–${ORPHANED} of ${ORPHANED}`);
  expect(await orphanedRows.count()).toBeLessThanOrEqual(3 * GROUP_PAGE);

  // "Show earlier" in that group adds the page above; j goes on to the first claim in the text.
  await orphanedGroup.getByRole("button", { name: "Show earlier orphaned claims" }).click();
  await expect(page.getByTestId("claims-orphaned-count")).toHaveText(`Showing ${ORPHANED - 2 * GROUP_PAGE}–${ORPHANED} of ${ORPHANED}`);
  await last.focus();
  await page.keyboard.press("j");
  await expect(page.getByTestId("claim-list").locator(`[data-claim-id="${attachedIds[0]}"]`)).toBeFocused();

  // A detached claim opens from its row.
  await last.click();
  await expect(page.getByTestId("claim-panel")).toContainText(`Old orphaned sentence ${ORPHANED}`);
});
