import { expect, test, type APIRequestContext } from "../fixtures/test";
import { describeRange } from "../../lib/anchoring/selectors";
import { signInByApi } from "../fixtures/auth";
import { createDesk, createTeam, createUser, testDb } from "../fixtures/factories";

const CLAIM = "The UK currently spends around 2.3 per cent of gross national product on defence";

function w3c(body: string, phrase: string) {
  const start = body.indexOf(phrase);
  const { quote, position } = describeRange(body, start, start + phrase.length);
  return {
    target: {
      selector: [
        { type: "TextQuoteSelector", ...quote },
        { type: "TextPositionSelector", ...position },
      ],
    },
  };
}

async function as(
  playwright: { request: { newContext(o: { baseURL: string; extraHTTPHeaders?: Record<string, string> }): Promise<APIRequestContext> } },
  baseURL: string,
  user: { email: string; password: string },
) {
  const context = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  expect((await signInByApi(context, user)).status()).toBe(200);
  return context;
}

async function errorOf(response: Awaited<ReturnType<APIRequestContext["post"]>>) {
  return ((await response.json()) as { error: { code: string; message: string } }).error;
}

test("the claims API follows the same rules as the UI", async ({ playwright, baseURL }) => {
  const desk = await createDesk();
  const intruderUser = await createUser((await createTeam()).id, "editor", "intruder");
  const [reviewer, viewer, intruder] = await Promise.all([
    as(playwright, baseURL!, desk.reviewer),
    as(playwright, baseURL!, desk.viewer),
    as(playwright, baseURL!, intruderUser),
  ]);
  const claimsUrl = `/api/v1/articles/${desk.article.id}/claims`;

  // Create, then read back with selectors, status and counts.
  const created = await reviewer.post(claimsUrl, { data: w3c(desk.article.body, CLAIM) });
  expect(created.status()).toBe(201);
  const { claim } = (await created.json()) as { claim: { id: string; version: number } };
  const listed = (await (await viewer.get(claimsUrl)).json()) as { claims: Record<string, unknown>[] };
  expect(listed.claims).toHaveLength(1);
  expect(listed.claims[0]).toMatchObject({
    id: claim.id,
    status: "unreviewed",
    verdict: null,
    counts: { comments: 0, evidence: 0 },
    target: { selector: [{ type: "TextQuoteSelector", exact: CLAIM }, { type: "TextPositionSelector" }] },
  });

  // Bad input: clear messages, nothing changed.
  const badSelection = await reviewer.post(claimsUrl, { data: w3c(desk.article.body.replace("2.3", "9.9"), CLAIM.replace("2.3", "9.9")) });
  expect(badSelection.status()).toBe(422);
  expect((await errorOf(badSelection)).message).toMatch(/does not match/i);
  const notJson = await reviewer.post(claimsUrl, { data: Buffer.from("{not json"), headers: { "content-type": "application/json" } });
  expect(notJson.status()).toBe(400);
  const js = await reviewer.post(`/api/v1/claims/${claim.id}/evidence`, {
    data: { url: "javascript:alert(document.cookie)", title: "x", stance: "supports", sourceType: "primary", retrievedAt: "2025-02-18" },
  });
  expect(js.status()).toBe(422);
  expect((await errorOf(js)).message).toMatch(/http/);
  const empty = await reviewer.post(`/api/v1/claims/${claim.id}/comments`, { data: { body: "  " } });
  expect(empty.status()).toBe(422);
  const long = await reviewer.post(`/api/v1/claims/${claim.id}/comments`, { data: { body: "x".repeat(5001) } });
  expect(long.status()).toBe(422);
  const noExplanation = await reviewer.put(`/api/v1/claims/${claim.id}/verdict`, { data: { verdict: "false", explanation: "" } });
  expect(noExplanation.status()).toBe(422);
  expect(await testDb().comment.count({ where: { claimId: claim.id } })).toBe(0);
  expect(await testDb().evidence.count({ where: { claimId: claim.id } })).toBe(0);

  // Viewer: 403 on every write. Another team: 404 on every read and write.
  const writes = [
    (c: APIRequestContext) => c.post(claimsUrl, { data: w3c(desk.article.body, "Sir Keir Starmer") }),
    (c: APIRequestContext) => c.put(`/api/v1/claims/${claim.id}/status`, { data: { status: "in_review" } }),
    (c: APIRequestContext) =>
      c.put(`/api/v1/claims/${claim.id}/verdict`, { data: { verdict: "false", explanation: "Not what the MoD says." } }),
    (c: APIRequestContext) => c.post(`/api/v1/claims/${claim.id}/comments`, { data: { body: "hello" } }),
    (c: APIRequestContext) =>
      c.post(`/api/v1/claims/${claim.id}/evidence`, {
        data: { url: "https://example.org", title: "x", stance: "supports", sourceType: "primary", retrievedAt: "2025-02-18" },
      }),
  ];
  for (const write of writes) {
    expect((await write(viewer)).status()).toBe(403);
    expect((await write(intruder)).status()).toBe(404);
  }
  expect((await intruder.get(claimsUrl)).status()).toBe(404);
  expect((await intruder.get(`/api/v1/claims/${claim.id}`)).status()).toBe(404);
  const untouched = (await (await reviewer.get(`/api/v1/claims/${claim.id}`)).json()) as {
    claim: { version: number; status: string; comments: unknown[] };
  };
  expect(untouched.claim).toMatchObject({ version: 1, status: "unreviewed", comments: [] });

  // The documented happy path: status, verdict, comment, evidence; stale version is a 409.
  expect((await reviewer.put(`/api/v1/claims/${claim.id}/status`, { data: { status: "in_review", version: 1 } })).status()).toBe(200);
  const stale = await reviewer.put(`/api/v1/claims/${claim.id}/status`, { data: { status: "not_check_worthy", version: 1 } });
  expect(stale.status()).toBe(409);
  expect((await errorOf(stale)).message).toContain(desk.reviewer.name);
  const verdict = await reviewer.put(`/api/v1/claims/${claim.id}/verdict`, {
    data: { verdict: "misleading", explanation: "A share of GDP, not GNP." },
  });
  expect(verdict.status()).toBe(200);
  expect(((await verdict.json()) as { claim: unknown }).claim).toMatchObject({
    status: "verdict_proposed",
    verdict: { label: "Misleading", ordinal: 3 },
  });
  expect((await reviewer.post(`/api/v1/claims/${claim.id}/comments`, { data: { body: "See https://www.nato.int" } })).status()).toBe(201);
  expect(
    (
      await reviewer.post(`/api/v1/claims/${claim.id}/evidence`, {
        data: { url: "https://www.gov.uk/x", title: "MoD", stance: "contradicts", sourceType: "primary", retrievedAt: "2025-02-18" },
      })
    ).status(),
  ).toBe(201);
  const final = (await (await viewer.get(claimsUrl)).json()) as { claims: { counts: unknown }[] };
  expect(final.claims[0]!.counts).toEqual({ comments: 1, evidence: 1 });
  await Promise.all([reviewer.dispose(), viewer.dispose(), intruder.dispose()]);
});
