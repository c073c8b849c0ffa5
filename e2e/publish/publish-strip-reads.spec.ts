import { expect, test, type Page, type Request } from "../fixtures/test";
import { signIn } from "../fixtures/auth";
import { createDesk, createUser } from "../fixtures/factories";
import { settled, tabUntil } from "../fixtures/keyboard";
import { createClaim } from "../../lib/claims/create-claim";
import { targetFor } from "../../lib/claims/test-helpers";
import { setClaimClaimant, setClaimStatus, setClaimVerdict } from "../../lib/claims/update-claim";

// keys33: the publishing strip reads its figures from the server (GET /api/v1/articles/{id}/report) whenever what it
// counts may have changed. Several reads can be under way at once: the answer to the latest request wins, whatever
// order the answers come in, and the page's own refresh (router.refresh) answered late never puts older figures back.
// Changing who made a claim counts too (the claimant warning depends on it). A late answer is made with page.route on
// the real server's answer (route.fetch, held, then fulfilled): our code is not mocked.
test.describe.configure({ timeout: 120_000 });

const PHRASES = [
  "The UK currently spends around 2.3 per cent of gross national product on defence",
  "The Prime Minister is to fly to the US next week",
];

/** A desk with a proposed verdict (by its reviewer) on each phrase, an editor to sign them off from elsewhere. */
async function deskWithProposedClaims() {
  const desk = await createDesk();
  const colleague = await createUser(desk.team.id, "editor", "colleague");
  const claims = [];
  for (const phrase of PHRASES) {
    const claim = await createClaim({ userId: desk.reviewer.id, articleId: desk.article.id, target: targetFor(desk.article.body, phrase) });
    await setClaimVerdict({ userId: desk.reviewer.id, claimId: claim.id, verdict: "mostly_true", explanation: "The figures agree." });
    claims.push(claim);
  }
  return { desk, colleague, claims };
}

/** The next request matching `matches` is answered by the server at once but held back from the page until released. */
async function holdNextAnswer(page: Page, url: string | ((url: URL) => boolean), matches: (request: Request) => boolean) {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  // Wrapped: a promise resolved with a promise would wait for that one.
  let fetched!: (held: { over: Promise<void> }) => void;
  const answered = new Promise<{ over: Promise<void> }>((resolve) => (fetched = resolve));
  let holding = true;
  await page.route(url, async (route) => {
    const request = route.request();
    if (!holding || !matches(request)) return route.continue();
    holding = false;
    // Over once the page has the answer, or has given the request up (aborted it for a newer one): watched from now,
    // as the page may give it up before it is released.
    const over = new Promise<void>((resolve) => {
      const done = (r: Request) => {
        if (r !== request) return;
        page.off("requestfinished", done);
        page.off("requestfailed", done);
        resolve();
      };
      page.on("requestfinished", done);
      page.on("requestfailed", done);
    });
    const response = await route.fetch();
    fetched({ over });
    await gate;
    // Nothing to deliver when the page gave the request up meanwhile.
    await route.fulfill({ response }).catch(() => {});
  });
  return {
    /** Resolves once the server has answered the held request (the answer reflects the data at that moment). */
    answered: answered.then(() => {}),
    /** Lets the held answer reach the page; resolves once the page has it (or dropped the request) and has handled it. */
    async deliver() {
      const { over } = await answered;
      release();
      await over;
      await settled(page);
    },
  };
}

const isReportRead = (articleId: string) => (request: Request) =>
  request.method() === "GET" && new URL(request.url()).pathname === `/api/v1/articles/${articleId}/report`;

test("an earlier read of the strip answered late never overwrites a newer one", async ({ page }) => {
  const { desk, colleague, claims } = await deskWithProposedClaims();
  await signIn(page, desk.editor);
  await page.goto(`/articles/${desk.article.id}`);
  const state = page.getByTestId("publish-state");
  await expect(state).toContainText("0 verified claims would be shown");

  const late = await holdNextAnswer(page, `**/api/v1/articles/${desk.article.id}/report`, isReportRead(desk.article.id));
  // A colleague signs off the first claim: the strip reads again; the server answers "1", held back.
  await setClaimStatus({ userId: colleague.id, claimId: claims[0]!.id, status: "verified" });
  await late.answered;
  // Then the second: this read's answer ("2") arrives first.
  await setClaimStatus({ userId: colleague.id, claimId: claims[1]!.id, status: "verified" });
  await expect(state).toContainText("2 verified claims would be shown");

  await late.deliver();
  await expect(state).toContainText("2 verified claims would be shown");
});

test("the page's own refresh answered late never puts back figures older than a read since", async ({ page }) => {
  const { desk, colleague, claims } = await deskWithProposedClaims();
  await signIn(page, desk.editor);
  await page.goto(`/articles/${desk.article.id}`);
  const state = page.getByTestId("publish-state");
  await expect(state).toContainText("0 verified claims would be shown");

  // Saving the article's details refreshes the page from the server (router.refresh): its answer is held back.
  const articlePath = `/articles/${desk.article.id}`;
  const late = await holdNextAnswer(
    page,
    (url) => url.pathname === articlePath,
    (request) => request.method() === "GET" && request.headers()["rsc"] === "1",
  );
  await tabUntil(page, (f) => f.name === "Edit title and details", { what: "Edit title and details" });
  await page.keyboard.press("Enter");
  await tabUntil(page, (f) => f.tag === "input" && f.name.startsWith("Title"), { what: "the title field" });
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("Starmer asks for a US backstop");
  await page.keyboard.press("Enter");
  await late.answered;

  // Meanwhile a colleague signs off a claim and the strip reads "1".
  await setClaimStatus({ userId: colleague.id, claimId: claims[0]!.id, status: "verified" });
  await expect(state).toContainText("1 verified claim would be shown");

  // The refresh (rendered before the sign-off) arrives: the page shows it (the new title), the strip keeps "1".
  await late.deliver();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Starmer asks for a US backstop");
  await settled(page);
  await expect(state).toContainText("1 verified claim would be shown");
});

/** Signs off the desk's first claim (no claimant recorded) and opens the article as its editor, that claim open. */
async function openVerifiedClaim(page: Page) {
  const { desk, colleague, claims } = await deskWithProposedClaims();
  const claim = claims[0]!;
  await setClaimStatus({ userId: colleague.id, claimId: claim.id, status: "verified" });
  await signIn(page, desk.editor);
  await page.goto(`/articles/${desk.article.id}?claim=${claim.id}`);
  await expect(page.getByTestId("claim-panel").getByTestId("claim-quote")).toContainText(PHRASES[0]!);
  await expect(page.getByTestId("publish-state")).toContainText("1 verified claim would be shown");
  return { desk, claim };
}

/** Shift+Tab back to "Publish report" and press it: with every verified claim naming its claimant, no warning. */
async function publishWithoutWarning(page: Page) {
  await tabUntil(page, (f) => f.name === "Publish report", { back: true, limit: 150, what: "Publish report" });
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("publish-state")).toContainText("Published");
  await expect(page.getByTestId("claimant-warning")).toHaveCount(0);
}

test("naming the claimant of a verified claim in its panel reads the strip again: Publish report then asks nothing", async ({ page }) => {
  const { desk } = await openVerifiedClaim(page);
  const panel = page.getByTestId("claim-panel");
  await tabUntil(page, (f) => f.testId === "claimant-section" && f.name === "Add", { what: "the claimant's Add" });
  await page.keyboard.press("Enter");
  await expect(panel.getByLabel("Claimant name")).toBeFocused();
  await page.keyboard.type("Keir Starmer");
  const reread = page.waitForResponse((r) => isReportRead(desk.article.id)(r.request()), { timeout: 10_000 });
  await page.keyboard.press("Enter");
  await expect(panel.getByTestId("claimant")).toContainText("Keir Starmer");
  await reread;
  await publishWithoutWarning(page);
});

test("a colleague naming the claimant of a verified claim reads the strip again: Publish report then asks nothing", async ({ page }) => {
  const { desk, claim } = await openVerifiedClaim(page);
  const reread = page.waitForResponse((r) => isReportRead(desk.article.id)(r.request()), { timeout: 10_000 });
  // Another editor: a verified claim's claimant is theirs to change (claimantLock), not a reviewer's.
  await setClaimClaimant({
    userId: desk.admin.id,
    claimId: claim.id,
    claimant: { name: "Keir Starmer", kind: "person", description: "Prime Minister" },
    firstAppearance: null,
  });
  await expect(page.getByTestId("claim-panel").getByTestId("claimant")).toContainText("Keir Starmer");
  await reread;
  await publishWithoutWarning(page);
});
