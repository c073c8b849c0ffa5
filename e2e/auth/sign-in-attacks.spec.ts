// Issue 13, from the attacker's side: ways past the sign-in lock, each tried against the real
// server over HTTP. Every test here connects from a loopback address of its own, so the failures
// it makes count against no other test's address.
import { expect, test } from "../fixtures/test";
import { createDesk } from "../fixtures/factories";
import { RawClient, randomLoopback, type RawResponse } from "../fixtures/raw-http";

const LOCKED = "Too many failed sign-in attempts. Try again in 15 minutes.";

async function lockAccount(client: RawClient, email: string) {
  for (let attempt = 1; attempt <= 10; attempt++) {
    expect((await client.signIn({ email, password: "wrong-password" })).status, `attempt ${attempt}`).toBe(401);
  }
  const locked = await client.signIn({ email, password: "wrong-password" });
  expect(locked.status).toBe(429);
  expect(locked.json<{ error: { message: string } }>().error.message).toBe(LOCKED);
}

function expectRefused(response: RawResponse, client: RawClient) {
  expect(response.status, response.text).toBe(400);
  expect(response.json<{ error: { code: string } }>().error.code).toBe("bad_request");
  expect(client.hasSession()).toBe(false);
}

test("a repeated email field (a decoy first, the locked address last) does not get past the lock", async ({ baseURL }) => {
  const desk = await createDesk();
  const client = new RawClient(baseURL!, randomLoopback());
  await lockAccount(client, desk.reviewer.email);
  const decoy = "decoy@test.factdesk.test";

  // A guess and the right password, each sent with the decoy: neither is checked.
  for (const password of [desk.reviewer.password, "another-guess"]) {
    const response = await client.signIn([
      ["email", decoy],
      ["email", desk.reviewer.email],
      ["password", password],
    ]);
    expectRefused(response, client);
  }
  // Repeating any other field is as ambiguous.
  expectRefused(
    await client.signIn([
      ["email", desk.reviewer.email],
      ["password", "x"],
      ["password", desk.reviewer.password],
    ]),
    client,
  );
  // The account is still locked, and no session was handed out.
  expect((await client.signIn(desk.reviewer)).status).toBe(429);
  expect(client.hasSession()).toBe(false);
});

test("a JSON body under a form content type (or any other type) does not get past the lock", async ({ baseURL }) => {
  const desk = await createDesk();
  const client = new RawClient(baseURL!, randomLoopback());
  await lockAccount(client, desk.reviewer.email);
  const json = (csrfToken: string) =>
    JSON.stringify({ email: desk.reviewer.email, password: desk.reviewer.password, csrfToken, json: "true" });

  for (const contentType of [
    "application/x-www-form-urlencoded; x=application/json",
    "application/json",
    "text/plain",
    "application/x-www-form-urlencoded, application/json",
  ]) {
    const response = await client.signIn([], { headers: { "content-type": contentType }, body: json });
    expect(response.status, `${contentType}: ${response.text}`).toBe(400);
    expect(client.hasSession(), contentType).toBe(false);
  }
  const multipart = await client.signIn([], {
    headers: { "content-type": "multipart/form-data; boundary=x" },
    body: (csrf) =>
      `--x\r\nContent-Disposition: form-data; name="email"\r\n\r\n${desk.reviewer.email}\r\n--x\r\nContent-Disposition: form-data; name="password"\r\n\r\n${desk.reviewer.password}\r\n--x\r\nContent-Disposition: form-data; name="csrfToken"\r\n\r\n${csrf}\r\n--x--\r\n`,
  });
  expect(multipart.status).toBe(400);
  expect(client.hasSession()).toBe(false);
  expect((await client.signIn(desk.reviewer)).status).toBe(429);
});

test("another path to the credentials callback does not skip the lock", async ({ baseURL }) => {
  const desk = await createDesk();
  const client = new RawClient(baseURL!, randomLoopback());
  await lockAccount(client, desk.reviewer.email);
  for (const path of ["/api/auth/callback/credentials/x", "/api/auth/callback/credentials?email=x"]) {
    const response = await client.signIn(desk.reviewer, { path });
    expect([400, 404], `${path}: ${response.status} ${response.text}`).toContain(response.status);
    expect(client.hasSession(), path).toBe(false);
  }
});

test("40 parallel guesses: no more than the 10 allowed are checked, and the right password then waits", async ({ baseURL }) => {
  const desk = await createDesk();
  const client = new RawClient(baseURL!, randomLoopback());
  await client.csrfToken(); // one CSRF cookie for all 40, as one browser would have
  const guesses = await Promise.all(
    Array.from({ length: 40 }, (_, i) => client.signIn({ email: desk.reviewer.email, password: `guess-${i}` })),
  );
  const statuses = guesses.map((response) => response.status);
  expect(
    statuses.filter((status) => status === 401),
    statuses.join(","),
  ).toHaveLength(10);
  expect(statuses.filter((status) => status === 429)).toHaveLength(30);
  const right = await client.signIn(desk.reviewer);
  expect(right.status).toBe(429);
  expect(client.hasSession()).toBe(false);
});

test("a sign-in that never reached the password check (a stale CSRF token) is not counted against the account", async ({ baseURL }) => {
  const desk = await createDesk();
  const client = new RawClient(baseURL!, randomLoopback());
  const stale = (csrfToken: string) =>
    new URLSearchParams({ email: desk.reviewer.email, password: "wrong-password", csrfToken: `${csrfToken}x`, json: "true" }).toString();
  for (let attempt = 1; attempt <= 12; attempt++) {
    const response = await client.signIn([], { body: stale });
    expect(response.json<{ url: string }>().url, `attempt ${attempt}`).toContain("csrf=true");
  }
  expect((await client.signIn(desk.reviewer)).status).toBe(200);
  expect(client.hasSession()).toBe(true);
});
