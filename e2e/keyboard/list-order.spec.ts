import { expect, test, type Page } from "../fixtures/test";
import { signIn } from "../fixtures/auth";
import { createArticle, createDesk, testDb } from "../fixtures/factories";
import { describeRange } from "../../lib/anchoring/selectors";
import { parseBlocks } from "../../lib/articles/blocks";
import { articleToMarkdown } from "../../lib/articles/import";
import { saveArticleVersion } from "../../lib/articles/save-version";
import { resolveAnchor } from "../../lib/claims/anchor";
import { createClaim } from "../../lib/claims/create-claim";
import { targetFor } from "../../lib/claims/test-helpers";

// j/k walk the claims in the order the claim list shows them, top to bottom: the claims the text no longer holds
// first ("Needs re-anchoring", then "Orphaned"), then the claims in the text, wrapping at both ends. A detached claim
// keeps its old offsets, which used to put it among the text's claims for j/k while the list showed it at the top.
// Keyboard only (page.keyboard): no click, no hover, no focus() call.
test.describe.configure({ timeout: 120_000 });

type AnchorStatus = "needs_review" | "orphaned" | "attached";

/** The article's claim ids in the list's order (its groups, then the text), from the database. */
async function listOrder(articleId: string): Promise<string[]> {
  const ids = async (anchorStatus: AnchorStatus) =>
    (
      await testDb().claim.findMany({
        where: { articleId, anchorStatus },
        orderBy: [{ start: "asc" }, { end: "desc" }, { createdAt: "asc" }, { id: "asc" }],
        select: { id: true },
      })
    ).map((c) => c.id);
  return [...(await ids("needs_review")), ...(await ids("orphaned")), ...(await ids("attached"))];
}

const cursorRow = (page: Page) => page.locator(":focus");

/** Presses `key` once per id and expects the focused row to be each in turn (and in view, with `inView`). */
async function walk(page: Page, key: "j" | "k", ids: string[], { inView = false } = {}) {
  for (const [i, id] of ids.entries()) {
    await page.keyboard.press(key);
    await expect(cursorRow(page), `${key} press ${i + 1}`).toHaveAttribute("data-claim-id", id);
    if (inView) await expect(cursorRow(page), `${key} press ${i + 1}`).toBeInViewport();
  }
}

const SENTENCES = [
  "Alpha: the council spent 12 million pounds on roads last year.",
  "Bravo: bus fares rose by 8 per cent in the year to March.",
  "Charlie: the mayor promised 400 new homes by the end of 2026.",
  "Delta: unemployment in the city fell to 3.9 per cent.",
  "Echo: the library opened on Sundays for the first time since 2010.",
  "Foxtrot: nine in ten residents said they felt safe after dark.",
  "Golf: the new bridge cost twice its first estimate.",
  "Hotel: school meals now reach 15,000 pupils a day.",
];
// The edit replaces these with words that share nothing with them: their claims wait for re-anchoring.
const DROPPED = { [SENTENCES[2]!]: "Weather notes were read out at noon.", [SENTENCES[5]!]: "The meeting ended early." };

test("j and k go through the claims in the list's order, groups first, and open them in that order", async ({ page }) => {
  const desk = await createDesk();
  const article = await createArticle(desk.team.id, { body: SENTENCES.join("\n\n") });
  const claims = [];
  for (const sentence of SENTENCES)
    claims.push(await createClaim({ userId: desk.reviewer.id, articleId: article.id, target: targetFor(article.body, sentence) }));
  const current = await testDb().article.findUniqueOrThrow({ where: { id: article.id } });
  let markdown = articleToMarkdown(current.body, parseBlocks(current.blocks, current.body));
  for (const [from, to] of Object.entries(DROPPED)) markdown = markdown.replace(from, to);
  await saveArticleVersion({ articleId: article.id, userId: desk.editor.id, baseVersion: current.version, markdown });
  const foxtrot = await testDb().claim.findUniqueOrThrow({ where: { id: claims[5]!.id } });
  expect(foxtrot.anchorStatus).toBe("needs_review");
  await resolveAnchor({ claimId: foxtrot.id, userId: desk.reviewer.id, version: foxtrot.version, action: { kind: "orphan" } });
  const order = await listOrder(article.id);
  // Charlie waits for re-anchoring, Foxtrot is orphaned; the other six are in the text.
  expect(order.slice(0, 2)).toEqual([claims[2]!.id, claims[5]!.id]);

  await signIn(page, desk.reviewer);
  await page.goto(`/articles/${article.id}`);
  await expect(page.getByTestId("claims-orphaned")).toBeVisible();
  // The list shows them in that order, top to bottom (all rendered: eight rows).
  const rows = page.getByTestId("claims-sidebar-lists").locator("[data-claim-id]");
  await expect(rows).toHaveCount(order.length);
  expect(await rows.evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.claimId))).toEqual(order);

  // j from nothing selected: the first row, then each row below it; past the last, round to the first.
  await walk(page, "j", order);
  await walk(page, "j", [order[0]!]);
  // k: round to the last, then up the list to the top.
  await walk(page, "k", [...order].reverse());

  // Enter opens the cursor's claim (the first, needing re-anchoring); with it open, j and k open the next and
  // previous claims in the same order, round the ends too.
  await page.keyboard.press("Enter");
  const quote = page.getByTestId("claim-panel").getByTestId("claim-quote").locator("mark");
  const exact = new Map(claims.map((c) => [c.id, c.exact]));
  await expect(quote).toHaveText(exact.get(order[0]!)!);
  for (const id of [...order.slice(1), order[0]!]) {
    await page.keyboard.press("j");
    await expect(quote).toHaveText(exact.get(id)!);
  }
  for (const id of [...order].reverse()) {
    await page.keyboard.press("k");
    await expect(quote).toHaveText(exact.get(id)!);
  }
});

const GROUP_PAGE = 20;
const NEEDS_REVIEW = 65;
const ORPHANED = 45;
const preamble = "The council met on Tuesday. ".repeat(30);
const spending = Array.from({ length: 5 }, (_, i) => `Spending ${i + 1} rose by ${i + 9} per cent in the year to March.`);
const body = `${preamble.trim()}\n\n${spending.join(" ")}`;

test("j and k reach every row of the windowed groups, in the list's order, past the rows rendered", async ({ page }) => {
  const desk = await createDesk();
  const article = await createArticle(desk.team.id, { body });
  const by = { createdById: desk.reviewer.id, updatedById: desk.reviewer.id };
  // Old offsets spread over the whole text, so in text order the detached claims fall between the text's claims.
  const detached = (status: "needs_review" | "orphaned", n: number, seed: number) =>
    Array.from({ length: n }, (_, i) => {
      const start = (seed + i * 97) % (body.length - 10);
      return {
        articleId: article.id,
        exact: `Old ${status} sentence ${i + 1}`,
        prefix: "",
        suffix: "",
        start,
        end: start + 5,
        anchorStatus: status,
        ...by,
      };
    });
  await testDb().claim.createMany({ data: [...detached("needs_review", NEEDS_REVIEW, 3), ...detached("orphaned", ORPHANED, 41)] });
  await testDb().claim.createMany({
    data: spending.map((sentence) => {
      const start = body.indexOf(sentence);
      const { quote } = describeRange(body, start, start + sentence.length);
      return { articleId: article.id, ...quote, start, end: start + sentence.length, ...by };
    }),
  });
  const order = await listOrder(article.id);

  await signIn(page, desk.reviewer);
  await page.goto(`/articles/${article.id}`);
  const needsRows = page.getByTestId("claims-needs-reanchoring").locator("[data-claim-id]");
  const orphanedRows = page.getByTestId("claims-orphaned").locator("[data-claim-id]");
  await expect(needsRows).toHaveCount(GROUP_PAGE);
  await expect(orphanedRows).toHaveCount(GROUP_PAGE);

  // Down through both groups (each a page rendered at first) and the text; round; then all the way back up.
  // Each row j/k reaches is rendered for it, focused and in view.
  await walk(page, "j", order, { inView: true });
  await walk(page, "j", [order[0]!], { inView: true });
  await walk(page, "k", [...order].reverse(), { inView: true });
  // The groups still render a bounded window.
  expect(await needsRows.count()).toBeLessThanOrEqual(3 * GROUP_PAGE);
  expect(await orphanedRows.count()).toBeLessThanOrEqual(3 * GROUP_PAGE);
});
