import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "../fixtures/test";
import { signIn, signInByApi } from "../fixtures/auth";
import { createDesk, createTeam, createUser, testDb } from "../fixtures/factories";

// A page on another port of the same host is "same-site": the browser sends the session cookie
// with its requests. Before route() checked the origin, such a page made an outsider an admin of
// the victim's team with a text/plain POST, which needs no CORS preflight.
let attacker: Server;
let attackerUrl = "";

test.beforeAll(async () => {
  attacker = createServer((req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end("<!doctype html><title>Totally harmless</title><p>Nothing to see</p>");
  });
  await new Promise<void>((resolve) => attacker.listen(0, "127.0.0.1", resolve));
  attackerUrl = `http://localhost:${(attacker.address() as AddressInfo).port}/`;
});

test.afterAll(() => new Promise<void>((resolve) => attacker.close(() => resolve())));

test("a page on another origin cannot change anything with the signed-in admin's cookie", async ({ page, baseURL }) => {
  const desk = await createDesk();
  const outsider = await createUser((await createTeam()).id, "viewer", "outsider");
  await signIn(page, desk.admin);
  await page.goto(attackerUrl);

  const statuses: number[] = [];
  page.on("response", (response) => {
    if (response.url().startsWith(`${baseURL}/api/v1/`)) statuses.push(response.status());
  });
  const sent = await page.evaluate(
    async ({ app, email, claimUrl }) => {
      const asText = { method: "POST", mode: "no-cors", credentials: "include", headers: { "content-type": "text/plain" } } as const;
      await fetch(`${app}/api/v1/team/members`, { ...asText, body: JSON.stringify({ email, name: "Mallory", role: "admin" }) });
      await fetch(`${app}${claimUrl}`, { ...asText, body: JSON.stringify({ body: "Planted by another site." }) });
      const form = new URLSearchParams({ email, name: "Mallory", role: "admin" });
      await fetch(`${app}/api/v1/team/members`, { method: "POST", mode: "no-cors", credentials: "include", body: form });
      return 3;
    },
    { app: baseURL!, email: outsider.email, claimUrl: `/api/v1/articles/${desk.article.id}/claims` },
  );
  await expect.poll(() => statuses.length).toBe(sent);
  expect(statuses).toEqual([403, 403, 403]);
  const memberships = await testDb().membership.count({ where: { userId: outsider.id, teamId: desk.team.id } });
  expect(memberships).toBe(0);
});

test("cookie writes without Origin or Sec-Fetch-Site are refused; JSON routes take only application/json", async ({
  playwright,
  baseURL,
}) => {
  const desk = await createDesk();
  const noOrigin = await playwright.request.newContext({ baseURL });
  expect((await signInByApi(noOrigin, desk.reviewer)).status()).toBe(200);
  const claims = `/api/v1/articles/${desk.article.id}/claims`;
  const refused = await noOrigin.post(claims, { data: { target: {} } });
  expect(refused.status()).toBe(403);
  expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/another site/);
  // Reads need no origin.
  expect((await noOrigin.get(`/api/v1/articles/${desk.article.id}`)).status()).toBe(200);

  const sameOrigin = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL! } });
  expect((await signInByApi(sameOrigin, desk.reviewer)).status()).toBe(200);
  const asText = await sameOrigin.post(claims, { data: JSON.stringify({ target: {} }), headers: { "content-type": "text/plain" } });
  expect(asText.status()).toBe(415);
  expect(((await asText.json()) as { error: { message: string } }).error.message).toBe(
    "Send the body as application/json, not text/plain.",
  );
  const foreign = await sameOrigin.post(claims, { data: { target: {} }, headers: { origin: "http://localhost:1" } });
  expect(foreign.status()).toBe(403);
  expect((await sameOrigin.post(claims, { data: { target: {} } })).status()).toBe(422);
});
