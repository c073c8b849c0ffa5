// Issue 13: security headers on every response, a nonce-based Content-Security-Policy that
// the app's own pages keep without a single violation in Chromium, and no caching of any
// response that carries a secret.
import { expect, test, type APIResponse, type BrowserContext, type Page } from "../fixtures/test";
import { publishReport } from "../../lib/publish/publish-report";
import { seedFactCheck } from "../../lib/publish/test-helpers";
import { signIn } from "../fixtures/auth";
import { createDesk, testDb, unique } from "../fixtures/factories";

type Headers = Record<string, string>;

/** Headers every response carries, page, API, static file or error alike. */
function expectStaticHeaders(headers: Headers, what: string) {
  expect(headers["x-content-type-options"], what).toBe("nosniff");
  expect(headers["referrer-policy"], what).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"], what).toMatch(/camera=\(\).*microphone=\(\)/);
  expect(headers["x-frame-options"], what).toBe("DENY");
  // Served over http here: HSTS would be meaningless (e2e/security/https.spec.ts has the https case).
  expect(headers["strict-transport-security"], what).toBeUndefined();
}

function expectNonceCsp(headers: Headers, what: string): string {
  const csp = headers["content-security-policy"] ?? "";
  expect(csp, what).toContain("frame-ancestors 'none'");
  expect(csp, what).toContain("object-src 'none'");
  expect(csp, what).toContain("base-uri 'none'");
  const nonce = /script-src [^;]*'nonce-([A-Za-z0-9+/=_-]+)'/.exec(csp)?.[1];
  expect(nonce, `${what}: ${csp}`).toBeTruthy();
  expect(csp, what).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(csp, what).not.toMatch(/'unsafe-eval'/);
  return nonce!;
}

/** Collects every CSP violation any page of the context reports, across navigations. */
async function watchViolations(context: BrowserContext): Promise<string[]> {
  const violations: string[] = [];
  await context.exposeFunction("reportCspViolation", (text: string) => violations.push(text));
  // Installed before any of the page's own HTML is parsed, so nothing slips past.
  await context.addInitScript(() => {
    const report = (window as unknown as { reportCspViolation: (t: string) => void }).reportCspViolation;
    document.addEventListener("securitypolicyviolation", (e) =>
      report(
        `${location.pathname}: ${e.effectiveDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber}) ${e.sample}`,
      ),
    );
  });
  context.on("console", (message) => {
    if (/Content.Security.Policy/i.test(message.text())) violations.push(`console: ${message.text()}`);
  });
  return violations;
}

async function visit(page: Page, path: string, ready: () => Promise<void>): Promise<Headers> {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  await ready();
  const headers = response!.headers();
  expectStaticHeaders(headers, path);
  expectNonceCsp(headers, path);
  return headers;
}

test("every page keeps its nonce-based CSP with no violation in Chromium", async ({ browser }) => {
  test.setTimeout(120_000);
  const desk = await createDesk();
  await seedFactCheck(desk);
  await publishReport({ userId: desk.editor.id, articleId: desk.article.id });
  const context = await browser.newContext();
  const violations = await watchViolations(context);
  const page = await context.newPage();
  const heading = (name: string | RegExp) => () => expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const article = `/articles/${desk.article.id}`;

  const first = await visit(page, "/signin", () => expect(page.getByRole("button", { name: "Sign in" })).toBeVisible());
  const second = (await page.request.get("/signin")).headers();
  expect(expectNonceCsp(second, "/signin again")).not.toBe(expectNonceCsp(first, "/signin"));
  // The public report, JSON-LD data block included, read without a session.
  await visit(page, `/reports/${desk.article.id}`, () => expect(page.getByTestId("verdict-card")).toHaveCount(2));

  await signIn(page, desk.admin);
  await visit(page, "/articles", heading("Articles"));
  await visit(page, article, heading(/backstop/));
  // The claim panel, the overlap menu and the shortcuts dialog render on the client.
  await page.getByTestId("claim-list").getByRole("listitem").first().getByRole("button").first().click();
  await expect(page.getByTestId("claim-panel")).toBeVisible();
  await page.keyboard.press("Escape");
  await page.keyboard.press("?");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
  await visit(page, `${article}/edit`, () => expect(page.getByRole("button", { name: /Save as version/ })).toBeVisible());
  await visit(page, `${article}/versions`, heading(/Versions/));
  await visit(page, "/articles/new", heading(/New article/));
  await visit(page, "/queue", heading(/Needs me/));
  await visit(page, "/stats", heading(/Stats/));
  await visit(page, "/team", heading(desk.team.name));
  await visit(page, "/account", heading("Account"));
  const missing = await page.goto("/articles/no-such-article");
  expect(missing?.status()).toBe(404);
  expectNonceCsp(missing!.headers(), "404 page");

  expect(violations).toEqual([]);
});

test("API, static and error responses carry the same headers", async ({ page, request }) => {
  await page.goto("/signin");
  const asset = await page.evaluate(() => (document.querySelector("script[src^='/_next/static/']") as HTMLScriptElement | null)?.src);
  expect(asset).toBeTruthy();
  const responses: [string, APIResponse][] = [
    ["health", await request.get("/api/health")],
    ["401", await request.get("/api/v1/articles")],
    ["openapi", await request.get("/api/v1/openapi.json")],
    ["csrf", await request.get("/api/auth/csrf")],
    ["static", await request.get(asset!)],
    ["404", await request.get("/no-such-page")],
  ];
  for (const [what, response] of responses) {
    expectStaticHeaders(response.headers(), what);
    if (what !== "static") expect(response.headers()["content-security-policy"], what).toContain("frame-ancestors 'none'");
  }
  // API answers are not stored, unless a route chose otherwise (the public OpenAPI document).
  expect(responses.find(([what]) => what === "401")![1].headers()["cache-control"]).toBe("no-store");
  expect(responses.find(([what]) => what === "openapi")![1].headers()["cache-control"]).toBe("public, max-age=300");
});

/** `no-store` and nothing that would let a cache keep the answer. */
function expectNoStore(response: { headers(): Headers }, what: string) {
  expect(response.headers()["cache-control"] ?? "", what).toMatch(/(^|,\s*)no-store(,|$)/);
}

test("answers that carry a password or token secret are never stored", async ({ page, baseURL }) => {
  const desk = await createDesk();
  await signIn(page, desk.admin);
  const origin = { Origin: baseURL! };

  const token = await page.request.post("/api/v1/me/tokens", { data: { name: "CI", scope: "read", expiresIn: "7d" }, headers: origin });
  expect(token.status()).toBe(201);
  expectNoStore(token, "token creation");
  const added = await page.request.post("/api/v1/team/members", {
    data: { email: `${unique("new")}@test.factdesk.test`, role: "viewer" },
    headers: origin,
  });
  expect(added.status()).toBe(201);
  expectNoStore(added, "member creation");
  const membership = await testDb().membership.findFirstOrThrow({ where: { userId: desk.viewer.id, teamId: desk.team.id } });
  const reset = await page.request.post(`/api/v1/team/members/${membership.id}/password-reset`, { headers: origin });
  expect(reset.status()).toBe(200);
  expectNoStore(reset, "password reset");

  // The pages that show them, and the server actions behind their forms.
  const actionResponses: { headers(): Headers; url(): string }[] = [];
  page.on("response", (response) => {
    if (response.request().method() === "POST" && response.request().headers()["next-action"]) actionResponses.push(response);
  });
  expectNoStore((await page.goto("/account/tokens"))!, "tokens page");
  const form = page.getByRole("form", { name: "Create a token" });
  await form.getByLabel("Name").fill("From the page");
  await form.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByTestId("new-token-secret")).toBeVisible();

  expectNoStore((await page.goto("/team"))!, "team page");
  const addedEmail = `${unique("added")}@test.factdesk.test`.toLowerCase();
  await page.getByLabel("Email to invite").fill(addedEmail);
  await page.getByRole("button", { name: "Invite", exact: true }).click();
  await expect(page.getByTestId("invitation-link")).toBeVisible();
  // The page refreshes after an invitation; reset only once the pending invitation (and the refresh) is there.
  await expect(page.getByTestId(`invitation-${addedEmail}`)).toBeVisible();
  await page.getByTestId(`member-${desk.viewer.email}`).getByRole("button", { name: "Reset password" }).click();
  await page.getByTestId(`member-${desk.viewer.email}`).getByRole("button", { name: "Yes, reset" }).click();
  await expect(page.getByTestId("one-time-password")).toContainText(desk.viewer.email);

  expect(actionResponses.length).toBeGreaterThanOrEqual(3);
  for (const response of actionResponses) expectNoStore(response, `server action ${response.url()}`);
});
