import { expect, test, type Browser } from "../fixtures/test";
import { formatWhen } from "../../components/claims/format";
import { createClaim } from "../../lib/claims/create-claim";
import { setClaimDoubleReview } from "../../lib/claims/double-review";
import { submitReviewVerdict } from "../../lib/claims/review-verdicts";
import { targetFor } from "../../lib/claims/test-helpers";
import { setClaimStatus, setClaimVerdict } from "../../lib/claims/update-claim";
import { publishReport } from "../../lib/publish/publish-report";
import { signIn } from "../fixtures/auth";
import { createDesk, testDb, type TestUser } from "../fixtures/factories";

const CLAIM = "The UK currently spends around 2.3 per cent of gross national product on defence";
const OTHER = "a US security guarantee would be the only way to prevent Moscow from attacking the country again";

async function openClaim(browser: Browser, user: TestUser, articleId: string, claimId: string) {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, user);
  await page.goto(`/articles/${articleId}?claim=${claimId}`);
  await expect(page.getByTestId("claim-panel")).toBeVisible();
  return page;
}

const signOffOf = (claimId: string) =>
  testDb().auditEvent.findFirstOrThrow({ where: { claimId, action: "claim.verified" }, orderBy: { id: "desc" } });

test("the verdict card names who proposed and who signed off, as the history, the API and the public report do", async ({ browser }) => {
  const desk = await createDesk();
  // A reviewer proposes, an editor signs off.
  const first = await createClaim({ userId: desk.reviewer.id, articleId: desk.article.id, target: targetFor(desk.article.body, CLAIM) });
  await setClaimVerdict({
    userId: desk.reviewer.id,
    claimId: first.id,
    verdict: "mostly_true",
    explanation: "MoD figures put it at 2.33 per cent of GDP.",
  });
  await setClaimStatus({ userId: desk.editor.id, claimId: first.id, status: "verified" });
  // An editor writes the verdict, an admin signs off.
  const second = await createClaim({ userId: desk.editor.id, articleId: desk.article.id, target: targetFor(desk.article.body, OTHER) });
  await setClaimVerdict({
    userId: desk.editor.id,
    claimId: second.id,
    verdict: "unverifiable",
    explanation: "No public assessment exists either way.",
  });
  await setClaimStatus({ userId: desk.admin.id, claimId: second.id, status: "verified" });
  await publishReport({ userId: desk.editor.id, articleId: desk.article.id });

  const page = await openClaim(browser, desk.viewer, desk.article.id, first.id);
  const panel = page.getByTestId("claim-panel");
  const signOff = await signOffOf(first.id);
  await expect(panel.getByTestId("record-proposed")).toContainText(`Proposed by ${desk.reviewer.name}`);
  await expect(panel.getByTestId("record-verified")).toHaveText(
    `Verified by ${desk.editor.name}, ${formatWhen(signOff.createdAt.toISOString())}`,
  );
  await expect(panel.getByTestId("verdict-card")).not.toContainText(`erified by ${desk.reviewer.name}`);
  await expect(panel.getByTestId("claim-history")).toContainText(`${desk.editor.name} signed off the verdict`);

  await page.goto(`/articles/${desk.article.id}?claim=${second.id}`);
  await expect(panel.getByTestId("record-verified")).toContainText(`Verified by ${desk.admin.name}`);
  await expect(panel.getByTestId("record-proposed")).toContainText(`Proposed by ${desk.editor.name}`);

  const api = (await (await page.request.get(`/api/v1/claims/${first.id}`)).json()) as {
    claim: { record: { verified: { by: { id: string }; at: string }; proposed: { by: { id: string } } } };
  };
  expect(api.claim.record.verified.by.id).toBe(desk.editor.id);
  expect(api.claim.record.verified.at).toBe(signOff.createdAt.toISOString());
  expect(api.claim.record.proposed.by.id).toBe(desk.reviewer.id);

  const reader = await (await browser.newContext()).newPage();
  await reader.goto(`/reports/${desk.article.id}`);
  // The reader is told apart who checked and who signed off (ux30).
  await expect(reader.locator(`#claim-${first.id}`).getByTestId("verdict-credit")).toContainText(
    `Checked by ${desk.reviewer.name} · Signed off by ${desk.editor.name} on`,
  );
  await expect(reader.locator(`#claim-${second.id}`).getByTestId("verdict-credit")).toContainText(
    `Checked by ${desk.editor.name} · Signed off by ${desk.admin.name} on`,
  );
});

test("a settled double review keeps both verdicts, says they disagreed, and shows the editor's settlement in the panel, history and API", async ({
  browser,
}, testInfo) => {
  const desk = await createDesk();
  const FIRST = "MoD departmental resources put it at 2.33 per cent of GDP.";
  const SECOND = "It is a GDP share, so the GNP wording misleads readers.";
  const REASON = "The figure is right for GDP; calling it GNP misleads.";
  const claim = await createClaim({ userId: desk.editor.id, articleId: desk.article.id, target: targetFor(desk.article.body, CLAIM) });
  await setClaimDoubleReview({ userId: desk.editor.id, claimId: claim.id, required: true });
  await submitReviewVerdict({ userId: desk.reviewer.id, claimId: claim.id, verdict: "mostly_true", explanation: FIRST });
  await submitReviewVerdict({ userId: desk.reviewer2.id, claimId: claim.id, verdict: "misleading", explanation: SECOND });
  await setClaimVerdict({ userId: desk.editor.id, claimId: claim.id, verdict: "misleading", explanation: REASON });
  await setClaimStatus({ userId: desk.admin.id, claimId: claim.id, status: "verified" });

  const page = await openClaim(browser, desk.reviewer, desk.article.id, claim.id);
  const review = page.getByTestId("double-review");
  await expect(review).toContainText(FIRST);
  await expect(review).toContainText(SECOND);
  await expect(review).toContainText("Mostly true");
  await expect(page.getByTestId("agreement")).toHaveText("The reviewers disagreed.");
  await expect(page.getByTestId("settlement")).toContainText(`Settled by ${desk.editor.name}`);
  await expect(page.getByTestId("settlement")).toContainText(REASON);
  const history = page.getByTestId("claim-history");
  await expect(history).toContainText(`${desk.editor.name} settled the disputed double review: Misleading`);
  await expect(history).toContainText(`${desk.reviewer.name} submitted an independent verdict: Mostly true`);
  await expect(history).toContainText(`${desk.reviewer2.name} submitted an independent verdict: Misleading; the two verdicts differ`);
  await expect(page.getByTestId("record-verified")).toContainText(`Verified by ${desk.admin.name}`);

  const api = (await (await page.request.get(`/api/v1/claims/${claim.id}`)).json()) as {
    claim: {
      doubleReview: { agreed: boolean; visible: { explanation: string }[]; settlement: { by: { id: string }; reason: string } };
      record: { settled: { by: { id: string } } };
    };
  };
  expect(api.claim.doubleReview.agreed).toBe(false);
  expect(api.claim.doubleReview.visible.map((r) => r.explanation)).toEqual([FIRST, SECOND]);
  expect(api.claim.doubleReview.settlement).toMatchObject({ by: { id: desk.editor.id }, reason: REASON });
  expect(api.claim.record.settled.by.id).toBe(desk.editor.id);

  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: 1100 });
    await page.getByTestId("double-review").scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath(`settled-dispute-${width}.png`) });
  }
});
