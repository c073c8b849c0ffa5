import { expect, test, type Page, type Request } from "../fixtures/test";
import { addComment } from "../../lib/claims/comments";
import { createClaim } from "../../lib/claims/create-claim";
import { targetFor } from "../../lib/claims/test-helpers";
import { signIn } from "../fixtures/auth";
import { createDesk, testDb } from "../fixtures/factories";
import { selectInArticle } from "../fixtures/selection";

// Issue #21: an action on the article page is one round trip (the action answers with what the page
// shows), and a new or opened claim changes the highlights in place instead of rebuilding the text.

const CLAIM = "The UK currently spends around 2.3 per cent of gross national product on defence";
const FIRST = "Sir Keir Starmer has called for the US";
const SAME_PARAGRAPH = "emergency talks";
const OTHER_PARAGRAPH = "The Prime Minister warned";
const NEW = "to deter Russia from attacking Ukraine";

// Not the article page's: the top bar's counts (components/layout/NeedsMeCount.tsx, NotificationBell.tsx) ask
// again on every change in the person's teams, a colleague's or their own, through the team's event stream.
const TOP_BAR = ["/api/v1/me/needs", "/api/v1/me/notifications"];
// Nor the suggestions' re-reads: the server announces them (`event: suggestions`) when its background "checked before"
// lookups for the article end, whenever that is; a status change cannot cause one (the Claim triggers that redo those
// lookups fire on verdict changes only, prisma/migrations/20261130214132_checked_before_reverse). Seen in a CI-like
// run (stop 33): one such read landed between opening the claim and setting its status.
const SUGGESTIONS = /^\/api\/v1\/articles\/[^/]+\/suggestions$/;
const counts = (request: Request) => {
  const path = new URL(request.url()).pathname;
  return !path.startsWith("/_next/static/") && !TOP_BAR.includes(path) && !(request.method() === "GET" && SUGGESTIONS.test(path));
};

/** Requests the article page sends to the app from now on (its scripts and styles and the top bar's counts aside). */
function recordRequests(page: Page): Request[] {
  const sent: Request[] = [];
  page.on("request", (request) => {
    if (counts(request)) sent.push(request);
  });
  return sent;
}

test("setting a status is one request to the server, and shows Saved", async ({ page }) => {
  test.setTimeout(90_000);
  const desk = await createDesk();
  await createClaim({ userId: desk.reviewer.id, articleId: desk.article.id, target: targetFor(desk.article.body, CLAIM) });
  await signIn(page, desk.reviewer);
  // The fixture article gets its suggestions on their first read, and the job finds their earlier verdicts a moment
  // later; a page opened before that re-reads the suggestions until then (ArticleWorkspace), requests that are not
  // the status change's. So the page is opened once every answer is known.
  await expect
    .poll(
      async () => {
        const answer = await page.request.get(`/api/v1/articles/${desk.article.id}/suggestions?limit=1000`);
        const { suggestions } = (await answer.json()) as { suggestions: { checkedBeforePending: boolean }[] };
        return suggestions.filter((s) => s.checkedBeforePending).length;
      },
      { timeout: 30_000 },
    )
    .toBe(0);
  await page.goto(`/articles/${desk.article.id}`);
  await expect(page.getByTestId("live-status")).toContainText("Live");
  await page.locator(".hl[data-ids]", { hasText: CLAIM }).click();
  const panel = page.getByTestId("claim-panel");
  await expect(panel.getByTestId("claim-quote")).toContainText(CLAIM);

  const sent = recordRequests(page);
  await panel.getByRole("radio", { name: /In review/ }).click();
  await expect(page.getByTestId("claims-sidebar").getByText("✓ Saved")).toBeVisible();
  await expect(panel.getByRole("radio", { name: /In review/ })).toHaveAttribute("aria-checked", "true");
  await expect(page.locator(".hl[data-ids]", { hasText: CLAIM })).toHaveAttribute("data-status", "in_review");
  await expect(panel.getByTestId("claim-history")).toContainText(/changed the status to in review/i);

  // The change comes back over the live stream too (the activity feed shows it); being this page's own
  // change, it loads nothing more.
  await page.keyboard.press("Escape");
  await page.getByRole("tab", { name: "Activity" }).click();
  await expect(page.getByTestId("activity-feed")).toContainText(/in review/i);
  const more = await page.waitForRequest(counts, { timeout: 1500 }).catch(() => null);
  expect(more?.url() ?? null).toBeNull();
  expect(sent.map((r) => `${r.method()} ${new URL(r.url()).pathname}`)).toHaveLength(1);
  expect(sent[0]!.method()).toBe("POST");
  expect(await sent[0]!.headerValue("next-action")).toBeTruthy();
  // The answer is the action's result only: no session cookie written (next-auth's session read never sets one in an
  // action) and nothing revalidated, which would make Next render the page into the answer or the router fetch it.
  const answer = (await sent[0]!.response())!;
  expect(await answer.headerValue("set-cookie")).toBeNull();
  expect(await answer.headerValue("x-action-revalidated")).toBeNull();
});

test("adding and opening a claim keep the other highlights' elements", async ({ page }) => {
  test.setTimeout(90_000);
  const desk = await createDesk();
  for (const phrase of [FIRST, SAME_PARAGRAPH, OTHER_PARAGRAPH]) {
    await createClaim({ userId: desk.reviewer.id, articleId: desk.article.id, target: targetFor(desk.article.body, phrase) });
  }
  await signIn(page, desk.reviewer);
  await page.goto(`/articles/${desk.article.id}`);
  const body = page.getByTestId("article-body");
  await expect(body.locator(".hl[data-ids]")).toHaveCount(3);
  // Tag each highlight's element with a property only that very element carries.
  await body.evaluate((root) => {
    for (const el of root.querySelectorAll<HTMLElement>(".hl[data-ids]")) (el as unknown as { kept: string }).kept = el.textContent!;
  });
  const kept = () =>
    body.evaluate((root) =>
      [...root.querySelectorAll<HTMLElement>(".hl[data-ids]")]
        .map((el) => (el as unknown as { kept?: string }).kept)
        .filter((text) => text !== undefined)
        .sort(),
    );

  await selectInArticle(page, NEW);
  await page.keyboard.press("a");
  await expect(page.getByTestId("claim-panel").getByTestId("claim-quote")).toContainText(NEW);
  const added = body.locator(".hl[data-ids]", { hasText: NEW });
  await expect(added).toHaveAttribute("data-active", "");
  await expect(added).toHaveAttribute("role", "button");
  await expect(added).toHaveAttribute("aria-label", /to deter Russia.*Unreviewed/);
  expect(await kept()).toEqual([FIRST, OTHER_PARAGRAPH, SAME_PARAGRAPH].sort());

  // Opening another claim moves the active mark without replacing anything.
  await body.locator(".hl[data-ids]", { hasText: OTHER_PARAGRAPH }).click();
  await expect(page.getByTestId("claim-quote")).toContainText(OTHER_PARAGRAPH);
  await expect(body.locator(".hl[data-active]")).toHaveText(OTHER_PARAGRAPH);
  expect(await kept()).toEqual([FIRST, OTHER_PARAGRAPH, SAME_PARAGRAPH].sort());

  // The highlights still answer the keyboard: one Tab stop, arrows walk them in text order.
  await page.keyboard.press("Escape");
  await expect(body.locator(".hl[data-starts][tabindex='0']")).toHaveCount(1);
  await body.locator(".hl[data-ids]", { hasText: FIRST }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(body.locator(".hl[data-ids]", { hasText: NEW })).toBeFocused();
});

test("adding a claim shows its panel from the action's answer; earlier verdicts on claims like it follow", async ({ page }) => {
  test.setTimeout(90_000);
  const desk = await createDesk();
  // The desk checked the same words before, in another article.
  const earlier = await testDb().article.create({ data: { teamId: desk.team.id, title: "Earlier piece", body: desk.article.body } });
  const old = await createClaim({ userId: desk.reviewer.id, articleId: earlier.id, target: targetFor(earlier.body, NEW) });
  await testDb().claim.update({ where: { id: old.id }, data: { verdictLabel: "Misleading", verdictOrdinal: 3, verdictAt: new Date() } });
  await signIn(page, desk.reviewer);
  await page.goto(`/articles/${desk.article.id}`);
  await expect(page.getByTestId("live-status")).toContainText("Live");

  // The look-alike lookup is not in the add's round trip (issue #21): held here, the panel still shows.
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  const reads: string[] = [];
  await page.route("**/api/v1/claims/*/checked-before", async (route) => {
    reads.push(new URL(route.request().url()).pathname);
    await held;
    await route.continue();
  });
  await selectInArticle(page, NEW);
  await page.keyboard.press("a");
  const panel = page.getByTestId("claim-panel");
  await expect(panel.getByTestId("claim-quote")).toContainText(NEW);
  await expect.poll(() => reads.length).toBe(1);
  await expect(panel.getByTestId("checked-before")).toHaveCount(0);

  release();
  await expect(panel.getByTestId("checked-before")).toContainText("Misleading");
  await expect(panel.getByTestId("checked-before")).toContainText("Earlier piece");
  const created = await testDb().claim.findFirstOrThrow({ where: { articleId: desk.article.id }, select: { id: true } });
  expect(reads).toEqual([`/api/v1/claims/${created.id}/checked-before`]);
});

test("opening a claim shows it from the page at once; its comments and history follow from the server", async ({ page }) => {
  test.setTimeout(90_000);
  const desk = await createDesk();
  const claim = await createClaim({ userId: desk.reviewer.id, articleId: desk.article.id, target: targetFor(desk.article.body, CLAIM) });
  await addComment({ userId: desk.reviewer.id, claimId: claim.id, body: "Check the NATO definition." });
  await signIn(page, desk.reviewer);
  await page.goto(`/articles/${desk.article.id}`);
  await expect(page.getByTestId("live-status")).toContainText("Live");

  // The claim's read is held until the claim has shown: showing it does not wait on the server.
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  const reads: string[] = [];
  await page.route("**/api/v1/claims/*", async (route) => {
    reads.push(new URL(route.request().url()).pathname);
    await held;
    await route.continue();
  });
  await page.locator(".hl[data-ids]", { hasText: CLAIM }).click();
  const preview = page.getByTestId("claim-preview");
  await expect(preview.getByTestId("claim-quote")).toContainText(CLAIM);
  await expect(preview).toContainText("Unreviewed");
  await expect(page.getByTestId("article-body").locator(".hl[data-active]")).toHaveText(CLAIM);
  await expect(page.getByTestId("claim-panel")).toHaveCount(0);
  expect(reads).toEqual([`/api/v1/claims/${claim.id}`]);

  release();
  const panel = page.getByTestId("claim-panel");
  await expect(panel.getByTestId("comment-body")).toContainText("Check the NATO definition.");
  await expect(panel.getByTestId("claim-quote")).toContainText(CLAIM);
  await expect(preview).toHaveCount(0);
  await expect(panel.getByRole("heading", { name: "Claim", exact: true })).toBeFocused();
});

test("opening a claim hides the claim list and closing shows the same rows again, up to date", async ({ page }) => {
  test.setTimeout(90_000);
  const desk = await createDesk();
  for (const phrase of [FIRST, SAME_PARAGRAPH, OTHER_PARAGRAPH]) {
    await createClaim({ userId: desk.reviewer.id, articleId: desk.article.id, target: targetFor(desk.article.body, phrase) });
  }
  await signIn(page, desk.reviewer);
  await page.goto(`/articles/${desk.article.id}`);
  await expect(page.getByTestId("live-status")).toContainText("Live");
  const list = page.getByTestId("claim-list");
  const rows = list.locator("[data-claim-id]");
  await expect(rows).toHaveCount(3);
  // Tag each row's element with a property only that very element carries.
  await list.evaluate((root) => {
    for (const el of root.querySelectorAll<HTMLElement>("[data-claim-id]")) (el as unknown as { kept: string }).kept = el.dataset.claimId!;
  });
  const kept = () =>
    list.evaluate((root) =>
      [...root.querySelectorAll<HTMLElement>("[data-claim-id]")].map((el) => (el as unknown as { kept?: string }).kept ?? "new"),
    );
  const before = await kept();

  // Open from the text: the panel takes the sidebar; the list is out of sight, of the keyboard and of the accessibility tree.
  await page.locator(".hl[data-ids]", { hasText: OTHER_PARAGRAPH }).click();
  await expect(page.getByTestId("claim-panel").getByTestId("claim-quote")).toContainText(OTHER_PARAGRAPH);
  await expect(list).toBeHidden();
  await expect(page.getByRole("tab", { name: "Claims (3)" })).toHaveCount(0);
  await expect(page.getByTestId("claims-sidebar").getByRole("button", { name: new RegExp(FIRST) })).toHaveCount(0);

  // Closed: the same row elements, the opened claim's row current, focus back on its highlight.
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("claim-panel")).toHaveCount(0);
  await expect(list).toBeVisible();
  expect(await kept()).toEqual(before);
  const opened = page.getByTestId("article-body").locator(".hl[data-ids]", { hasText: OTHER_PARAGRAPH });
  await expect(list.locator("[aria-current=true]")).toHaveAttribute("data-claim-id", (await opened.getAttribute("data-ids"))!);
  await expect(opened).toBeFocused();

  // A claim added while the list is hidden is in it when it shows again; the other rows stay.
  await selectInArticle(page, NEW);
  await page.keyboard.press("a");
  await expect(page.getByTestId("claim-panel").getByTestId("claim-quote")).toContainText(NEW);
  await page.keyboard.press("Escape");
  await expect(rows).toHaveCount(4);
  expect((await kept()).filter((id) => id !== "new")).toEqual(before);
  await expect(rows.filter({ hasText: NEW })).toBeVisible();

  // The sidebar shows the claim list again after a claim opened from the Activity tab closes, as it always has.
  await page.getByRole("tab", { name: "Activity" }).click();
  await page.locator(".hl[data-ids]", { hasText: FIRST }).click();
  await expect(page.getByTestId("claim-panel").getByTestId("claim-quote")).toContainText(FIRST);
  await page.keyboard.press("Escape");
  await expect(page.getByRole("tab", { name: "Claims (4)" })).toHaveAttribute("aria-selected", "true");
  await expect(rows).toHaveCount(4);
});

// What a press on a highlight does, for any change to it (issue #21: Chromium's caret bookkeeping on a press walks every
// text node before it, 7–9 ms at 1,000 claims; the attempts to skip it are in /work/notes/21-interact4.md): the click
// opens the claim without a focus ring on the panel, a double click selects a word, and a drag that starts inside a
// highlight selects the words for a new claim overlapping it.
test("a press on a highlight opens its claim, and a drag from inside it selects words for an overlapping claim", async ({ page }) => {
  test.setTimeout(90_000);
  const desk = await createDesk();
  await createClaim({ userId: desk.reviewer.id, articleId: desk.article.id, target: targetFor(desk.article.body, FIRST) });
  await signIn(page, desk.reviewer);
  await page.goto(`/articles/${desk.article.id}`);
  await expect(page.getByTestId("live-status")).toContainText("Live");
  const body = page.getByTestId("article-body");
  const highlight = body.locator(".hl[data-ids]", { hasText: FIRST });
  await highlight.scrollIntoViewIfNeeded();

  // A click: the claim opens, its highlight holds the Tab stop (it had focus before the panel took it), nothing is
  // selected; closing gives focus back to it.
  // The last input before the click is the keyboard's: the click's focus must still count as a pointer's.
  await page.keyboard.press("Shift");
  await highlight.click();
  await expect(page.getByTestId("claim-panel").getByTestId("claim-quote")).toContainText(FIRST);
  await expect(highlight).toHaveAttribute("tabindex", "0");
  // The panel's heading takes focus without a focus ring, as after any click (a cancelled press left the ring on).
  expect(await page.evaluate(() => document.activeElement?.matches(":focus-visible"))).toBe(false);
  expect(await page.evaluate(() => window.getSelection()!.toString())).toBe("");
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("claim-panel")).toHaveCount(0);
  await expect(highlight).toBeFocused();

  // A double click is the browser's: it selects the word under the pointer.
  await highlight.dblclick();
  expect(await page.evaluate(() => window.getSelection()!.toString().trim())).toMatch(/^[\w.]+$/);
  await page.evaluate(() => window.getSelection()!.removeAllRanges());
  await page.keyboard.press("Escape");

  // A drag from "called" (inside the highlight) to a few words past its end selects across its edge.
  const [from, to] = await highlight.evaluate((el) => {
    const text = el.firstChild as Text;
    const at = text.data.indexOf("called");
    const start = document.createRange();
    start.setStart(text, at);
    start.setEnd(text, at + 1);
    // The first text of a few words after the highlight (plain text, or a suggestion's).
    const walker = document.createTreeWalker(el.closest("[data-start]")!, NodeFilter.SHOW_TEXT);
    let after = walker.nextNode() as Text;
    while (el.contains(after) || !(el.compareDocumentPosition(after) & Node.DOCUMENT_POSITION_FOLLOWING) || after.data.trim().length < 12)
      after = walker.nextNode() as Text;
    const end = document.createRange();
    end.setStart(after, 11);
    end.setEnd(after, 12);
    const a = start.getBoundingClientRect();
    const b = end.getBoundingClientRect();
    return [
      { x: a.left + 1, y: a.top + a.height / 2 },
      { x: b.right - 1, y: b.top + b.height / 2 },
    ];
  });
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 4 });
  await page.mouse.up();
  const selected = await page.evaluate(() => window.getSelection()!.toString());
  expect(selected.startsWith("called for the US")).toBe(true);
  expect(selected.length).toBeGreaterThan("called for the US".length + 3);
  await expect(page.getByTestId("claim-panel")).toHaveCount(0);

  await page.keyboard.press("a");
  await expect(page.getByTestId("claim-panel").getByTestId("claim-quote")).toContainText("called for the US");
  await expect(body.locator(".hl[data-overlap]", { hasText: "called" })).toHaveCount(1);
  await expect(body.locator(".hl[data-ids]")).not.toHaveCount(1);
});
