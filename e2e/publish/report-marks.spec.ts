// The public report marks a claim as checked (its verdict's fill and a ✓) only while its verdict stands: a claim
// reopened after publishing, or whose verdict was withdrawn, must not read as checked in the text.
import { expect, test, type Locator } from "../fixtures/test";
import { seedFactCheck } from "../../lib/publish/test-helpers";
import { createDesk } from "../fixtures/factories";
import { setClaimStatus } from "../../lib/claims/update-claim";
import { publishReport } from "../../lib/publish/publish-report";

/** What the stylesheet draws after the mark (the ✓ of a checked claim), "none" when nothing. */
const afterContent = (mark: Locator) => mark.evaluate((el) => getComputedStyle(el, "::after").content);

test("a reopened or withdrawn claim on the published report has no ✓ and does not count as a verdict", async ({ browser }) => {
  test.setTimeout(90_000);
  const desk = await createDesk();
  const seeded = await seedFactCheck(desk);
  await publishReport({ userId: desk.editor.id, articleId: desk.article.id });

  const reader = await (await browser.newContext()).newPage();
  await reader.goto(`/reports/${desk.article.id}`);
  const mark = (id: string) => reader.getByTestId("report-body").locator(`.hl[data-ids~="${id}"]`).last();
  expect(await afterContent(mark(seeded.verified.id))).toBe('"✓"');
  expect(await afterContent(mark(seeded.unverifiable.id))).toBe('"✓"');

  await setClaimStatus({
    userId: desk.editor.id,
    claimId: seeded.verified.id,
    status: "in_review",
    confirmCorrection: { note: "A newer figure was published; re-checking.", kind: "update" },
  });
  await setClaimStatus({
    userId: desk.editor.id,
    claimId: seeded.unverifiable.id,
    status: "not_check_worthy",
    confirmCorrection: { note: "Not a checkable claim after all.", kind: "correction" },
  });
  await reader.reload();
  await expect(reader.getByTestId("verdict-card")).toHaveCount(2);
  expect(await afterContent(mark(seeded.verified.id))).toBe("none");
  expect(await afterContent(mark(seeded.unverifiable.id))).toBe("none");
  // No desk status underline for the public (the reopened claim's would be the desk's blue "in review" line).
  expect(await mark(seeded.verified.id).evaluate((el) => getComputedStyle(el).textDecorationColor)).toBe("rgba(0, 0, 0, 0)");
  // Its accessible name says where it stands, not "checked".
  await expect(mark(seeded.verified.id)).toHaveAttribute("aria-label", /being re-checked/);
  await expect(mark(seeded.unverifiable.id)).toHaveAttribute("aria-label", /withdrawn/);
  // The withdrawn verdict is no longer counted in the summary or the tally.
  await expect(reader.getByRole("list", { name: "Verdicts in this report" }).getByRole("listitem")).toHaveText(["1 × Mostly true"]);
  await expect(reader.getByText("1 claim checked by")).toBeVisible();
});
