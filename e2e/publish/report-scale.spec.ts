// The public report explains the ratings it uses: its footer is made from the team's own rating scale, not the default
// one (a desk that rates "Accurate … Inaccurate" must not tell readers its ratings run "from True to False").
import { expect, test } from "../fixtures/test";
import { createClaim } from "../../lib/claims/create-claim";
import { targetFor } from "../../lib/claims/test-helpers";
import { setClaimStatus, setClaimVerdict } from "../../lib/claims/update-claim";
import { publishReport } from "../../lib/publish/publish-report";
import { PHRASES } from "../../lib/publish/test-helpers";
import { updateTeamOptions } from "../../lib/teams/manage-teams";
import { createDesk } from "../fixtures/factories";

test("the report's footer names the team's own ratings, first to last, and its no-rating labels", async ({ browser }) => {
  const desk = await createDesk();
  await updateTeamOptions({
    teamId: desk.team.id,
    userId: desk.admin.id,
    doubleReviewDefault: false,
    requireSso: false,
    ratingScale: [
      { key: "accurate", ordinal: 5, label: "Accurate", colour: "#1a7f37", noRating: false },
      { key: "missing_context", ordinal: 3, label: "Missing context", colour: "#b7791f", noRating: false },
      { key: "inaccurate", ordinal: 1, label: "Inaccurate", colour: "#b42318", noRating: false },
      { key: "no_evidence", ordinal: 0, label: "Not enough evidence", colour: "#667085", noRating: true },
      { key: "satire", ordinal: 0, label: "Satire", colour: "#667085", noRating: true },
    ],
  });
  const claim = await createClaim({
    userId: desk.reviewer.id,
    articleId: desk.article.id,
    target: targetFor(desk.article.body, PHRASES.verified),
  });
  await setClaimVerdict({
    userId: desk.reviewer.id,
    claimId: claim.id,
    verdict: "accurate",
    explanation: "MoD figures put it at 2.33 per cent.",
  });
  await setClaimStatus({ userId: desk.editor.id, claimId: claim.id, status: "verified" });
  await publishReport({ userId: desk.editor.id, articleId: desk.article.id });

  const reader = await (await browser.newContext()).newPage();
  await reader.goto(`/reports/${desk.article.id}`);
  await expect(reader.getByTestId("verdict-chip")).toHaveText(["Accurate"]);
  const footer = reader.locator("main footer");
  await expect(footer).toContainText("Ratings run from “Accurate” to “Inaccurate”");
  await expect(footer).toContainText("“Not enough evidence” and “Satire” mark claims that could not be rated on this scale");
  await expect(footer).not.toContainText("True to False");
  await expect(footer).not.toContainText("Unverifiable");
});
