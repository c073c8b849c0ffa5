import { expect, test, type APIRequestContext, type Page } from "../fixtures/test";
import { signIn, signInByApi } from "../fixtures/auth";
import { createDesk, createTeam, createUser, testDb } from "../fixtures/factories";
import { createClaim } from "../../lib/claims/create-claim";
import { targetFor } from "../../lib/claims/test-helpers";
import { startTestServer, type TestServer } from "../../lib/fetch/test-server";

// Sources come from a real HTTP server on loopback, which the app may reach because the test deployment
// allows 127.0.0.1 (FETCH_ALLOW_ADDRESSES in playwright.config.ts). The app's own job runner archives them.
const CLAIM = "The UK currently spends around 2.3 per cent of gross national product on defence";
const PNG = Buffer.concat([
  Buffer.from(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a1d7d1e30000000049454e44ae426082",
    "hex",
  ),
]);
const page = (figure: string) => `<!doctype html><html><head><title>Defence spending</title></head><body><article>
  <h1>Defence spending</h1>
  <p>The government said that “the UK spends ${figure} per cent of GDP on defence” in its annual report.</p>
  <p>Spending is set to rise over the next decade, the report adds, with new commitments from 2027 onwards.</p>
  <p>Critics say <b>the figures</b> include pensions and other items that were not counted as defence before.</p>
</article></body></html>`;

let server: TestServer;
test.beforeAll(async () => {
  server = await startTestServer();
  server.routes.set("/report", { body: page("2.3") });
  server.routes.set("/changes", { body: page("2.3") });
  server.routes.set("/vanishes", { body: page("2.3") });
});
test.afterAll(() => server.close());

async function addSource(panel: ReturnType<Page["getByTestId"]>, url: string, title: string, excerpt = "") {
  await panel.getByRole("button", { name: "Add evidence" }).click();
  await panel.getByLabel("Source URL").fill(url);
  await panel.getByLabel("Source title").fill(title);
  if (excerpt) await panel.getByLabel("Quoted excerpt").fill(excerpt);
  await panel.getByRole("button", { name: "Save evidence" }).click();
  await expect(panel.getByTestId("evidence-list")).toContainText(title);
}

const card = (panel: ReturnType<Page["getByTestId"]>, title: string) => panel.getByTestId("evidence-item").filter({ hasText: title });

test("a reviewer adds a source, sees it archived, edits, removes and restores it, and attaches a file", async ({ page: tab }) => {
  test.setTimeout(120_000);
  const desk = await createDesk();
  const claim = await createClaim({ userId: desk.reviewer.id, articleId: desk.article.id, target: targetFor(desk.article.body, CLAIM) });
  await signIn(tab, desk.reviewer);
  await tab.goto(`/articles/${desk.article.id}?claim=${claim.id}`);
  const panel = tab.getByTestId("claim-panel");

  await addSource(panel, `${server.origin}/report`, "Annual defence report", '"the UK spends 2.3 per cent of GDP on defence"');
  const report = card(panel, "Annual defence report");
  // The archive job runs in the app's runner; the panel shows it once the claim is read again. 60 s: in a CI-like
  // run (stop 33, whole suite on 2 cores) it was not archived within 30 s while the spec alone archives in about 1 s;
  // a failed attempt is retried after e^n s (graphile-worker), so 60 s leaves room for three more. Cause not found.
  await expect
    .poll(() => testDb().evidence.count({ where: { claimId: claim.id, archivedAt: { not: null } } }), { timeout: 60_000 })
    .toBe(1);
  await tab.reload();
  await expect(report.getByTestId("evidence-archive")).toContainText("archived");
  await expect(report.getByTestId("evidence-archive")).toContainText("excerpt found in the archive");

  // The snapshot page: the archived text as text, markup never rendered.
  await report.getByRole("link", { name: /archived/ }).click();
  await expect(tab.getByTestId("archived-text")).toContainText("Spending is set to rise over the next decade");
  await expect(tab.getByTestId("archived-text").locator("b")).toHaveCount(0);
  await expect(tab.getByTestId("excerpt-found")).toHaveText("found in the archived text");
  await tab.getByRole("link", { name: "← Back to the claim" }).click();

  await report.getByRole("button", { name: "Edit" }).click();
  const form = panel.getByRole("form", { name: "Edit evidence" });
  await form.getByLabel("Source title").fill("Annual defence report 2026");
  await form.getByLabel("Stance").selectOption("context");
  await form.getByRole("button", { name: "Save changes" }).click();
  const edited = card(panel, "Annual defence report 2026");
  await expect(edited).toContainText("context");
  await expect(edited).toContainText("edited");

  await edited.getByRole("button", { name: "Remove" }).click();
  await expect(panel.getByTestId("evidence-list")).toContainText("Evidence removed: Annual defence report 2026.");
  await expect(panel.getByRole("heading", { name: "Evidence (0)" })).toBeVisible();
  await panel.getByRole("button", { name: "Undo" }).click();
  await expect(card(panel, "Annual defence report 2026").getByRole("button", { name: "Edit" })).toBeVisible();
  await expect(panel.getByRole("heading", { name: "Evidence (1)" })).toBeVisible();

  await panel.getByRole("button", { name: "Attach a file" }).click();
  const attach = panel.getByRole("form", { name: "Attach a file as evidence" });
  await attach.getByLabel(/^File/).setInputFiles({ name: "memo page 1.png", mimeType: "image/png", buffer: PNG });
  await attach.getByLabel("Source title").fill("Leaked budget memo");
  await attach.getByRole("button", { name: "Attach file" }).click();
  const memo = card(panel, "Leaked budget memo");
  await expect(memo.getByTestId("evidence-file")).toContainText("memo page 1.png (PNG, 1 KB)");
  await expect(memo.getByRole("link", { name: "Leaked budget memo" })).toHaveAttribute("href", /\/api\/v1\/evidence\/[^/]+\/file$/);

  // A page that is not a PDF or an image is refused, whatever it is called.
  await panel.getByRole("button", { name: "Attach a file" }).click();
  await attach
    .getByLabel(/^File/)
    .setInputFiles({ name: "photo.png", mimeType: "image/png", buffer: Buffer.from("<!doctype html><script>alert(1)</script>") });
  await attach.getByLabel("Source title").fill("Not an image");
  await attach.getByRole("button", { name: "Attach file" }).click();
  await expect(attach.getByRole("alert")).toContainText("Attach a PDF, PNG, JPEG or WebP file");
});

// Seen in CI (~1 in 10): the card stayed removed after Undo. A colleague's change reloads the open claim
// (useLiveArticle); that read, made before the Undo was written but answered after the Undo's own answer, put the
// removed card back. Here the read is held until the Undo has been answered, which the CI machine did by being slow.
test("Undo is not taken back by a reload of the claim that was read before it", async ({ page: tab, playwright, baseURL }) => {
  test.setTimeout(120_000);
  const desk = await createDesk();
  const claim = await createClaim({ userId: desk.reviewer.id, articleId: desk.article.id, target: targetFor(desk.article.body, CLAIM) });
  await signIn(tab, desk.reviewer);
  await tab.goto(`/articles/${desk.article.id}?claim=${claim.id}`);
  const panel = tab.getByTestId("claim-panel");
  await addSource(panel, `${server.origin}/report`, "Annual defence report");
  await expect(tab.getByTestId("live-status")).toContainText("Live");
  await card(panel, "Annual defence report").getByRole("button", { name: "Remove" }).click();
  await expect(panel.getByRole("heading", { name: "Evidence (0)" })).toBeVisible();

  // The page's next read of the claim is made at once (the server reads it now: removed) and answered only later.
  let readMade!: () => void;
  const made = new Promise<void>((resolve) => (readMade = resolve));
  let answer!: () => void;
  const answered = new Promise<void>((resolve) => (answer = resolve));
  // Only that read: later ones pass (the page may read again after the Undo; one held past the test's end failed a
  // CI run with "route.fulfill: Fetch response has been disposed" as the page closed).
  let holding = true;
  await tab.route(`**/api/v1/claims/${claim.id}`, async (route) => {
    if (route.request().method() !== "GET" || !holding) return route.fallback();
    holding = false;
    const response = await route.fetch();
    readMade();
    await answered;
    await route.fulfill({ response });
  });
  // A colleague comments: the page hears it on its live stream and reads the claim again.
  const editor = await apiFor(playwright, baseURL!, desk.editor);
  expect((await editor.post(`/api/v1/claims/${claim.id}/comments`, { data: { body: "Which year is this?" } })).status()).toBe(201);
  await made;

  const undone = tab.waitForResponse(
    (r) => r.request().method() === "POST" && new URL(r.url()).pathname === `/articles/${desk.article.id}`,
  );
  await panel.getByRole("button", { name: "Undo" }).click();
  await undone;
  answer();
  // The colleague's comment arrives with that read; the restored source stays.
  await expect(panel).toContainText("Which year is this?");
  await expect(card(panel, "Annual defence report").getByRole("button", { name: "Edit" })).toBeVisible();
  await expect(panel.getByRole("heading", { name: "Evidence (1)" })).toBeVisible();
  await editor.dispose();
});

test("a changed source and a vanished one are flagged on the card, on the snapshot page and in Needs me", async ({ page: tab }) => {
  test.setTimeout(120_000);
  const desk = await createDesk();
  const claim = await createClaim({ userId: desk.editor.id, articleId: desk.article.id, target: targetFor(desk.article.body, CLAIM) });
  await signIn(tab, desk.editor);
  await tab.goto(`/articles/${desk.article.id}?claim=${claim.id}`);
  const panel = tab.getByTestId("claim-panel");
  await addSource(panel, `${server.origin}/changes`, "Ministry statement");
  await addSource(panel, `${server.origin}/vanishes`, "Think-tank briefing");
  const archived = async () => testDb().evidence.count({ where: { claimId: claim.id, archivedAt: { not: null } } });
  await expect.poll(archived, { timeout: 30_000 }).toBe(2);

  server.routes.set("/changes", { body: page("2.5") });
  server.routes.set("/vanishes", { status: 404, body: "gone" });
  // The job the hourly scheduler queues for a source that is due, queued now; the app's runner does the check.
  const ids = await testDb().evidence.findMany({ where: { claimId: claim.id }, select: { id: true } });
  for (const { id } of ids) {
    await testDb().$executeRaw`SELECT graphile_worker.add_job('evidence.check', json_build_object('evidenceId', ${id}::text))`;
  }
  await expect
    .poll(() => testDb().evidence.count({ where: { claimId: claim.id, sourceFlag: { not: null } } }), { timeout: 30_000 })
    .toBe(2);

  const memo = await tab.request.post(`/api/v1/claims/${claim.id}/evidence/file`, {
    headers: { origin: new URL(tab.url()).origin },
    multipart: {
      file: { name: "budget memo.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n%%EOF\n") },
      title: "Leaked budget memo",
      stance: "contradicts",
      sourceType: "primary",
      retrievedAt: "2026-11-02",
    },
  });
  expect(memo.status()).toBe(201);
  await addSource(panel, `${server.origin}/report`, "Annual defence report", "the UK spends 2.3 per cent of GDP on defence");
  await expect.poll(archived, { timeout: 30_000 }).toBe(3);

  await tab.reload();
  await expect(panel.getByText("2 sources have changed or gone since archived")).toBeVisible();
  // Screenshots of the card states (archived, changed, gone, file) when asked for: EVIDENCE_SHOTS=<dir>.
  if (process.env.EVIDENCE_SHOTS) {
    for (const width of [1440, 390]) {
      await tab.setViewportSize({ width, height: 1000 });
      await panel.getByTestId("evidence-list").screenshot({ path: `${process.env.EVIDENCE_SHOTS}/evidence-cards-${width}.png` });
    }
    await tab.setViewportSize({ width: 1440, height: 1000 });
  }
  await expect(card(panel, "Ministry statement").getByTestId("source-flag")).toHaveText("source changed");
  await expect(card(panel, "Think-tank briefing").getByTestId("source-flag")).toHaveText("source gone");

  await card(panel, "Ministry statement").getByRole("link", { name: "see what changed" }).click();
  const diff = tab.getByTestId("source-diff");
  if (process.env.EVIDENCE_SHOTS) {
    await expect(diff).toBeVisible();
    for (const width of [1440, 390]) {
      await tab.setViewportSize({ width, height: 1000 });
      await tab.screenshot({ path: `${process.env.EVIDENCE_SHOTS}/snapshot-changed-${width}.png` });
    }
    await tab.setViewportSize({ width: 1440, height: 1000 });
  }
  await expect(diff.locator("del")).toContainText(["3"]);
  await expect(diff.locator("ins")).toContainText(["5"]);
  await tab.goBack();
  await card(panel, "Think-tank briefing").getByRole("link", { name: "see the last check" }).click();
  await expect(tab.getByRole("note")).toContainText("The source is gone: The source answered with an error (HTTP 404)");
  await expect(tab.getByTestId("archived-text")).toContainText("Spending is set to rise");

  await tab.goto("/queue");
  await expect(tab.getByText("Sources that changed")).toBeVisible();
  await expect(tab.getByText("sources: 1 changed, 1 gone since archived")).toBeVisible();
});

async function apiFor(
  playwright: { request: { newContext(o: object): Promise<APIRequestContext> } },
  baseURL: string,
  user: { email: string; password: string },
) {
  const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  expect((await signInByApi(api, user)).status()).toBe(200);
  return api;
}

test("uploads: size and type checked on the server, served safely, and only to the team", async ({ playwright, baseURL, page: tab }) => {
  test.setTimeout(120_000);
  const desk = await createDesk();
  const intruder = await createUser((await createTeam()).id, "admin", "intruder");
  const claim = await createClaim({ userId: desk.reviewer.id, articleId: desk.article.id, target: targetFor(desk.article.body, CLAIM) });
  const api = await apiFor(playwright, baseURL!, desk.reviewer);
  const upload = (name: string, mimeType: string, buffer: Buffer) =>
    api.post(`/api/v1/claims/${claim.id}/evidence/file`, {
      multipart: { file: { name, mimeType, buffer }, title: "Memo", stance: "supports", sourceType: "primary", retrievedAt: "2026-11-02" },
    });

  const big = await upload("big.pdf", "application/pdf", Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(11 * 1024 * 1024)]));
  expect(big.status()).toBe(413);
  const html = await upload("photo.png", "image/png", Buffer.from("<!doctype html><html><script>alert(document.cookie)</script>"));
  expect(html.status()).toBe(422);
  expect((await html.json()).error.fields.file[0]).toMatch(/PDF, PNG, JPEG or WebP/);
  const pdf = await upload("budget.pdf", "application/octet-stream", Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"));
  expect(pdf.status()).toBe(201);
  const png = await upload("memo.png", "image/png", PNG);
  expect(png.status()).toBe(201);

  const pdfId = ((await pdf.json()) as { evidence: { id: string } }).evidence.id;
  const pngId = ((await png.json()) as { evidence: { id: string } }).evidence.id;
  const pdfFile = await api.get(`/api/v1/evidence/${pdfId}/file`);
  expect(pdfFile.status()).toBe(200);
  expect(pdfFile.headers()).toMatchObject({
    "content-type": "application/pdf",
    "content-disposition": "attachment; filename=\"budget.pdf\"; filename*=UTF-8''budget.pdf",
    "x-content-type-options": "nosniff",
  });
  expect(pdfFile.headers()["content-security-policy"]).toBe("sandbox; default-src 'none'");
  const pngFile = await api.get(`/api/v1/evidence/${pngId}/file`);
  expect(pngFile.headers()).toMatchObject({ "content-type": "image/png", "x-content-type-options": "nosniff" });
  expect(pngFile.headers()["content-disposition"]).toMatch(/^inline;/);
  expect(Buffer.from(await pngFile.body()).equals(PNG)).toBe(true);

  // Another team: the file and the snapshot page are not there.
  const outsider = await apiFor(playwright, baseURL!, intruder);
  expect((await outsider.get(`/api/v1/evidence/${pngId}/file`)).status()).toBe(404);
  expect((await outsider.delete(`/api/v1/evidence/${pngId}`)).status()).toBe(404);
  await signIn(tab, intruder);
  expect((await tab.goto(`/evidence/${pngId}`))?.status()).toBe(404);
});
