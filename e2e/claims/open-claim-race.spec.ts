// Reads of the open claim can come back out of order: the workspace applied every answer for the claim that was open,
// so an answer to a read begun before a newer one (opening the claim again, a refresh) put older state back over
// newer. Here the first read of claim A is held (its answer fetched from the server at once, so it holds A as it was),
// a comment is added to A, the reader opens B and then A again (which shows the comment), and only then does the
// first answer arrive: the panel must keep showing A with its comment.
import { expect, test } from "../fixtures/test";
import { describeRange } from "../../lib/anchoring/selectors";
import { addComment } from "../../lib/claims/comments";
import { createClaim } from "../../lib/claims/create-claim";
import { signIn } from "../fixtures/auth";
import { createDesk } from "../fixtures/factories";

test("an answer to an older read of the open claim does not replace a newer one", async ({ page }) => {
  const desk = await createDesk();
  const body = desk.article.body;
  const sentenceAt = (from: number) => ({ start: from, end: body.indexOf(".", from) + 1 });
  const first = sentenceAt(0);
  const second = sentenceAt(first.end + body.slice(first.end).search(/\S/));
  const make = (range: { start: number; end: number }) =>
    createClaim({ userId: desk.reviewer.id, articleId: desk.article.id, target: describeRange(body, range.start, range.end) });
  const [a, b] = [await make(first), await make(second)];

  await signIn(page, desk.reviewer);
  // Which answers the page has read (Response.json resolved), in order: the code that applies one runs right after.
  await page.addInitScript(() => {
    const read: string[] = [];
    (window as unknown as { __answersRead: string[] }).__answersRead = read;
    const json = Response.prototype.json;
    Response.prototype.json = async function (this: Response) {
      try {
        return (await json.call(this)) as unknown;
      } finally {
        read.push(new URL(this.url).pathname);
      }
    };
  });
  const readsOfA = () =>
    page.evaluate(
      (path) => (window as unknown as { __answersRead: string[] }).__answersRead.filter((p) => p === path).length,
      `/api/v1/claims/${a.id}`,
    );
  // The first read of claim A: its answer is taken from the server at once and held until the test lets it through.
  let held: { release: () => Promise<void> } | null = null;
  let heldOnce: () => void = () => {};
  const isHeld = new Promise<void>((resolve) => (heldOnce = resolve));
  await page.route(
    (url) => url.pathname === `/api/v1/claims/${a.id}`,
    async (route) => {
      if (held || route.request().method() !== "GET") return route.continue();
      const response = await route.fetch();
      held = { release: () => route.fulfill({ response }) };
      heldOnce();
    },
  );
  await page.goto(`/articles/${desk.article.id}`);
  const highlight = (id: string) => page.locator(`[data-testid=article-body] [data-ids~="${id}"]`).first();
  const panel = page.getByTestId("claim-panel");

  await expect(page.getByTestId("live-status")).toContainText("Live");
  await highlight(a.id).click();
  await isHeld;
  await addComment({ userId: desk.editor.id, claimId: a.id, body: "Added after the first read of this claim" });
  await highlight(b.id).click();
  await expect(panel.getByTestId("claim-quote")).toContainText(body.slice(second.start, second.end));
  await highlight(a.id).click();
  await expect(panel.getByTestId("claim-quote")).toContainText(body.slice(first.start, first.end));
  await expect(panel.getByTestId("comment-body")).toHaveText("Added after the first read of this claim");

  // Now the older answer arrives. Once the page has read it (the code that applies it runs in the same task), a frame
  // and a task later React has drawn whatever it applied.
  const readsBefore = await readsOfA();
  await held!.release();
  await expect.poll(readsOfA).toBe(readsBefore + 1);
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve))));
  // Read once, not waited for: a later reload would put the comment back and hide the fault.
  expect(await panel.getByTestId("claim-quote").textContent()).toContain(body.slice(first.start, first.end));
  expect(await panel.getByTestId("comment-body").allTextContents()).toEqual(["Added after the first read of this claim"]);
});
