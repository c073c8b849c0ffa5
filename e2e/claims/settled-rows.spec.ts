import { expect, test } from "../fixtures/test";
import { describeRange } from "../../lib/anchoring/selectors";
import { signIn } from "../fixtures/auth";
import { createArticle, createDesk, testDb } from "../fixtures/factories";

// The claim list lets the browser skip off-screen rows once they have settled (components/claims/settled-rows.ts),
// which waits for requestIdleCallback where there is one. Safari has none: the list must still render, settle and
// open claims there, with no error on the page.
const sentences = Array.from({ length: 40 }, (_, i) => `Spending ${i + 1} rose by ${i + 9} per cent in the year to March.`);
const body = sentences.join("\n\n");

for (const idle of ["with", "without"] as const) {
  test(`the claim list settles its rows ${idle} requestIdleCallback`, async ({ page }) => {
    const desk = await createDesk();
    const article = await createArticle(desk.team.id, { body });
    const by = { createdById: desk.reviewer.id, updatedById: desk.reviewer.id };
    await testDb().claim.createMany({
      data: sentences.map((sentence) => {
        const start = body.indexOf(sentence);
        const { quote } = describeRange(body, start, start + sentence.length);
        return { articleId: article.id, ...quote, start, end: start + sentence.length, ...by };
      }),
    });
    if (idle === "without")
      await page.addInitScript(() => {
        delete (window as { requestIdleCallback?: unknown }).requestIdleCallback;
        delete (window as { cancelIdleCallback?: unknown }).cancelIdleCallback;
      });
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await signIn(page, desk.reviewer);
    await page.goto(`/articles/${article.id}`);
    const list = page.getByTestId("claim-list");
    await expect(list).toHaveAttribute("data-rows-settled", "");
    await list.getByRole("button", { name: /Spending 40 rose/ }).click();
    await expect(page.getByTestId("claim-panel")).toContainText("Spending 40 rose by 48 per cent");
    expect(errors).toEqual([]);
  });
}
