// The same words added again while they save (add-claim-while-saving.spec.ts), the first add's answer lost on the way
// back (found by stop 41's attack): the page forgot the second add, still on its way with the same key: the drawn claim
// went, "Could not reach Factdesk" stayed after the claim was stored, the claim joined the list unopened, and adding
// the words again as the error asked stored a second claim. The later answer now decides.
import { expect, test, type Page } from "../fixtures/test";
import { signIn } from "../fixtures/auth";
import { createDesk, testDb } from "../fixtures/factories";
import { selectInArticle } from "../fixtures/selection";

const NEW = "to deter Russia from attacking Ukraine";
const PENDING = ".hl[data-ids*='pending:']";

/**
 * Holds each server action until its own turn: `pass(n)` lets the n-th (1-based, in the order sent) through, `lose(n)`
 * drops it unanswered (no network). Next sends a page's actions one after another, so the n-th leaves once the one
 * before it is answered.
 */
async function heldOneByOne(page: Page) {
  const gates: { promise: Promise<"pass" | "lose">; resolve: (v: "pass" | "lose") => void }[] = [];
  const gate = (n: number) => {
    while (gates.length < n) {
      let resolve!: (v: "pass" | "lose") => void;
      const promise = new Promise<"pass" | "lose">((r) => (resolve = r));
      gates.push({ promise, resolve });
    }
    return gates[n - 1];
  };
  let actions = 0;
  await page.route("**/*", async (route) => {
    const request = route.request();
    if (request.method() !== "POST" || !request.headers()["next-action"]) return route.fallback();
    const n = ++actions;
    const what = await gate(n).promise;
    if (what === "lose") return route.abort("connectionreset");
    return route.fallback();
  });
  return { pass: (n: number) => gate(n).resolve("pass"), lose: (n: number) => gate(n).resolve("lose") };
}

test("the same words added again while they save, the first answer lost: still drawn and saving, then opened once stored, with no error left", async ({
  page,
}) => {
  const desk = await createDesk();
  await signIn(page, desk.reviewer);
  await page.goto(`/articles/${desk.article.id}`);
  const body = page.getByTestId("article-body");
  const held = await heldOneByOne(page);
  await selectInArticle(page, NEW);
  await page.keyboard.press("a");
  await expect(page.getByTestId("claim-preview")).toContainText("Saving the claim…");
  await selectInArticle(page, NEW);
  await page.keyboard.press("a");
  await expect(body.locator(PENDING)).toHaveCount(1);
  held.lose(1);
  // The second add of these words is still on its way: the claim stays drawn, saving.
  await expect(page.getByTestId("claims-sidebar").getByRole("alert").first()).toContainText("Could not reach");
  await expect(body.locator(PENDING, { hasText: NEW })).toHaveCount(1);
  await expect(page.getByTestId("claim-preview")).toContainText("Saving the claim…");
  held.pass(2);
  await expect(page.getByTestId("claim-panel").getByTestId("claim-quote")).toContainText(NEW);
  // Stored: "Could not reach Factdesk … try again" is no longer true, so it goes (a reader who did as told stored a
  // second claim).
  await expect(page.getByTestId("claims-sidebar").getByRole("alert")).toHaveCount(0);
  await page.waitForLoadState("networkidle");
  await expect(page.getByTestId("claim-panel").getByTestId("claim-quote")).toContainText(NEW);
  expect(await testDb().claim.count({ where: { articleId: desk.article.id } })).toBe(1);
});
