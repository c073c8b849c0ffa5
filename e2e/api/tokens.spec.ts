import { randomBytes } from "node:crypto";
import { expect, test, type APIRequestContext, type Page } from "../fixtures/test";
import { createApiToken } from "../../lib/api-tokens/create-token";
import { targetFor, w3cTarget } from "../../lib/claims/test-helpers";
import { freePort } from "../../scripts/lib/free-port";
import { signIn } from "../fixtures/auth";
import { createDesk, createTeam, createUser } from "../fixtures/factories";
import { startServer, waitForHealth } from "../fixtures/processes";

const CLAIM = "The UK currently spends around 2.3 per cent of gross national product on defence";

type PlaywrightLike = {
  request: { newContext(o: { baseURL: string; extraHTTPHeaders?: Record<string, string> }): Promise<APIRequestContext> };
};

/** A script's view of the API: no cookies, only the token. */
function withToken(playwright: PlaywrightLike, baseURL: string, secret?: string) {
  return playwright.request.newContext({ baseURL, extraHTTPHeaders: secret ? { Authorization: `Bearer ${secret}` } : {} });
}

async function errorOf(response: Awaited<ReturnType<APIRequestContext["get"]>>) {
  return ((await response.json()) as { error: { code: string; message: string } }).error;
}

async function createTokenInUi(page: Page, name: string, access: "Read only" | "Read and write") {
  const form = page.getByRole("form", { name: "Create a token" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Access").selectOption({ label: access });
  await form.getByRole("button", { name: "Create token" }).click();
  const shown = page.getByTestId("new-token");
  await expect(shown).toContainText(name);
  const secret = (await page.getByTestId("new-token-secret").textContent())!.trim();
  expect(secret).toMatch(/^fdk_[A-Za-z0-9_-]{43}$/);
  await expect(page.getByTestId(`token-${name}`)).toContainText(`${secret.slice(0, 10)}…`);
  return secret;
}

test("tokens made in the UI act as their user, within their scope, until revoked", async ({ page, playwright, baseURL }, testInfo) => {
  const desk = await createDesk();
  await signIn(page, desk.reviewer);
  await page.goto("/articles");
  await page.getByRole("link", { name: "Account", exact: true }).click();
  await expect(page.getByRole("heading", { name: "API tokens" })).toBeVisible();

  const readSecret = await createTokenInUi(page, "Read script", "Read only");
  const writeSecret = await createTokenInUi(page, "Write script", "Read and write");
  await expect(page.getByTestId("new-token-curl")).toContainText(`Authorization: Bearer ${writeSecret}`);
  await page.screenshot({ path: testInfo.outputPath("tokens-page.png"), fullPage: true });

  // Shown once: after a reload neither secret is anywhere on the page.
  await page.reload();
  await expect(page.getByTestId("token-Read script")).toContainText("Read only");
  await expect(page.getByTestId("new-token")).toHaveCount(0);
  const html = await page.content();
  expect(html).not.toContain(readSecret.slice(10));
  expect(html).not.toContain(writeSecret.slice(10));

  const claimsUrl = `/api/v1/articles/${desk.article.id}/claims`;
  const claim = { target: w3cTarget(targetFor(desk.article.body, CLAIM)) };
  const reader = await withToken(playwright, baseURL!, readSecret);
  const writer = await withToken(playwright, baseURL!, writeSecret);

  const listed = await reader.get("/api/v1/articles");
  expect(listed.status()).toBe(200);
  expect(((await listed.json()) as { articles: { id: string }[] }).articles.map((a) => a.id)).toContain(desk.article.id);

  const refused = await reader.post(claimsUrl, { data: claim });
  expect(refused.status()).toBe(403);
  expect((await errorOf(refused)).message).toBe("This token can only read. Create a read-write token to make changes.");
  // The method the token check sees is set by the server, not by the client.
  expect((await reader.post(claimsUrl, { data: claim, headers: { "x-factdesk-method": "GET" } })).status()).toBe(403);

  const created = await writer.post(claimsUrl, { data: claim });
  expect(created.status()).toBe(201);
  expect(((await created.json()) as { claim: { createdBy: { id: string } } }).claim.createdBy.id).toBe(desk.reviewer.id);

  // A token cannot manage tokens, even a read-write one.
  expect((await writer.post("/api/v1/me/tokens", { data: { name: "minted", scope: "read_write" } })).status()).toBe(403);
  expect((await writer.get("/api/v1/me/tokens")).status()).toBe(403);

  // The list shows when a token was last used.
  await page.reload();
  await expect(page.getByTestId("token-Write script")).toContainText("UTC");

  // Revoked in the UI (with a confirmation): the next request is 401.
  const row = page.getByTestId("token-Read script");
  await row.getByRole("button", { name: "Revoke Read script" }).click();
  await page.screenshot({ path: testInfo.outputPath("tokens-revoke.png") });
  await page.getByTestId("revoke-Read script").getByRole("button", { name: "Yes, revoke" }).click();
  await expect(row).toContainText("revoked");
  const afterRevoke = await reader.get("/api/v1/articles");
  expect(afterRevoke.status()).toBe(401);
  expect((await errorOf(afterRevoke)).code).toBe("unauthorized");
});

test("expired, foreign, missing and bogus credentials", async ({ page, playwright, baseURL }) => {
  const desk = await createDesk();
  const articleUrl = `/api/v1/articles/${desk.article.id}`;

  const expired = await createApiToken({
    userId: desk.editor.id,
    teamId: desk.team.id,
    input: { name: "Expired", scope: "read_write", expiresIn: "7d" },
    now: new Date(Date.now() - 30 * 86_400_000),
  });
  expect((await (await withToken(playwright, baseURL!, expired.secret)).get(articleUrl)).status()).toBe(401);

  // Another team's editor: this team's article is 404 for reading and writing, as for a session.
  const intruder = await createUser((await createTeam()).id, "editor", "intruder");
  const foreign = await createApiToken({
    userId: intruder.id,
    teamId: intruder.teamId,
    input: { name: "Foreign", scope: "read_write", expiresIn: "30d" },
  });
  const outsider = await withToken(playwright, baseURL!, foreign.secret);
  expect((await outsider.get(articleUrl)).status()).toBe(404);
  expect((await outsider.post(`${articleUrl}/claims`, { data: { target: w3cTarget(targetFor(desk.article.body, CLAIM)) } })).status()).toBe(
    404,
  );
  const theirList = (await (await outsider.get("/api/v1/articles")).json()) as { articles: { id: string }[] };
  expect(theirList.articles.map((a) => a.id)).not.toContain(desk.article.id);

  // Nothing at all: 401.
  const anonymous = await withToken(playwright, baseURL!);
  expect((await anonymous.get("/api/v1/articles")).status()).toBe(401);

  // Tokens are for the API only: pages still want a signed-in person.
  const pageWithToken = await outsider.get("/articles");
  expect(new URL(pageWithToken.url()).pathname).toBe("/signin");

  // A bogus token next to a valid session cookie is still a 401; the cookie alone works.
  await signIn(page, desk.viewer);
  expect((await page.request.get(articleUrl)).status()).toBe(200);
  expect((await page.request.get(articleUrl, { headers: { Authorization: `Bearer fdk_${"x".repeat(43)}` } })).status()).toBe(401);

  // A viewer's read-write token can still not write: roles apply as for the session.
  const viewerToken = await createApiToken({
    userId: desk.viewer.id,
    teamId: desk.team.id,
    input: { name: "Viewer", scope: "read_write", expiresIn: "7d" },
  });
  const asViewer = await withToken(playwright, baseURL!, viewerToken.secret);
  expect((await asViewer.post(`${articleUrl}/claims`, { data: { target: w3cTarget(targetFor(desk.article.body, CLAIM)) } })).status()).toBe(
    403,
  );
});

test("the OpenAPI document is served publicly and parses", async ({ playwright, baseURL }) => {
  const response = await (await withToken(playwright, baseURL!)).get("/api/v1/openapi.json");
  expect(response.status()).toBe(200);
  const doc = (await response.json()) as { openapi: string; paths: Record<string, unknown> };
  expect(doc.openapi).toBe("3.1.0");
  expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/v1/articles/{id}/claims", "/api/v1/me/tokens"]));
});

test("a token over the per-minute limit gets 429 with Retry-After", async ({ playwright }) => {
  test.setTimeout(90_000);
  const limit = 3;
  const port = await freePort();
  const instance = startServer(port, {
    DATABASE_URL: process.env.DATABASE_URL!,
    NEXTAUTH_URL: `http://localhost:${port}`,
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    API_RATE_LIMIT_PER_MINUTE: String(limit),
  });
  try {
    const baseURL = `http://localhost:${port}`;
    await waitForHealth(baseURL, 200, instance);
    const desk = await createDesk();
    const { secret } = await createApiToken({
      userId: desk.reviewer.id,
      teamId: desk.team.id,
      input: { name: "Busy", scope: "read", expiresIn: "7d" },
    });
    const script = await withToken(playwright, baseURL, secret);
    // A fixed one-minute window: within limit+1 requests there is a 429, unless the minute
    // turned over in between, in which case the next limit+1 requests surely hit it.
    const statuses: number[] = [];
    let limited: Awaited<ReturnType<APIRequestContext["get"]>> | undefined;
    while (!limited && statuses.length < 2 * (limit + 1)) {
      const response = await script.get("/api/v1/articles");
      statuses.push(response.status());
      if (response.status() === 429) limited = response;
    }
    expect(limited, `statuses: ${statuses.join(",")}`).toBeDefined();
    expect(statuses.slice(0, limit)).toEqual([200, 200, 200]);
    const retryAfter = Number(limited!.headers()["retry-after"]);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const error = await errorOf(limited!);
    expect(error.code).toBe("too_many_requests");
    expect(error.message).toContain(`${limit} API requests a minute`);
  } finally {
    await instance.stop();
  }
});
