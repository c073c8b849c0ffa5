import { expect, test, type APIRequestContext } from "../fixtures/test";
import { signInByApi } from "../fixtures/auth";
import { claimRowOn, createArticle, createDesk, createTeam, createUser, testDb } from "../fixtures/factories";

// Issue #21: GET …/claims and …/suggestions page by cursor: `limit`, an opaque `cursor`, `nextCursor` in the answer.
// Every claim comes exactly once across pages even when claims are added meanwhile; a made-up cursor or a limit
// over the maximum is a 422 that says what to do; another team's member gets 404, with or without a cursor.
const sentences = Array.from({ length: 30 }, (_, i) => `Item ${i + 1} cost ${i + 2} million pounds last year.`);
const body = sentences.join("\n\n");

async function as(
  playwright: { request: { newContext(o: { baseURL: string; extraHTTPHeaders?: Record<string, string> }): Promise<APIRequestContext> } },
  baseURL: string,
  user: { email: string; password: string },
) {
  const context = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  expect((await signInByApi(context, user)).status()).toBe(200);
  return context;
}

type Page = { claims: { id: string; exact: string; target?: unknown }[]; nextCursor: string | null };

test("the claims API pages by cursor, every claim once, through concurrent inserts", async ({ playwright, baseURL }) => {
  const desk = await createDesk();
  const article = await createArticle(desk.team.id, { body });
  const claimOn = (sentence: string) => claimRowOn(article.id, body, sentence, desk.reviewer.id);
  // Two claims on each even sentence: same place, so only creation time and id order them.
  await testDb().claim.createMany({ data: sentences.filter((_, i) => i % 2 === 0).flatMap((s) => [claimOn(s), claimOn(s)]) });
  const before = (await testDb().claim.findMany({ where: { articleId: article.id }, select: { id: true } })).map((c) => c.id);
  const [reviewer, intruder] = await Promise.all([
    as(playwright, baseURL!, desk.reviewer),
    as(playwright, baseURL!, await createUser((await createTeam()).id, "admin", "intruder")),
  ]);
  const url = `/api/v1/articles/${article.id}/claims`;

  for (const view of ["summary", "full"]) {
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 20; page++) {
      const answer = await reviewer.get(`${url}?view=${view}&limit=7${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
      expect(answer.status()).toBe(200);
      const json = (await answer.json()) as Page;
      expect(json.claims.length).toBeLessThanOrEqual(7);
      if (view === "full") expect(json.claims[0]).toHaveProperty("target");
      seen.push(...json.claims.map((c) => c.id));
      cursor = json.nextCursor;
      if (!cursor) break;
      // Meanwhile a colleague adds claims before and after the page just read.
      if (page === 1) await testDb().claim.createMany({ data: [claimOn(sentences[0]!), claimOn(sentences[29]!), claimOn(sentences[3]!)] });
    }
    expect(cursor).toBeNull();
    expect(new Set(seen).size).toBe(seen.length);
    for (const id of before) expect(seen).toContain(id);
  }

  // Without limit: the documented default (200) holds every claim of this article in one page.
  const whole = (await (await reviewer.get(url)).json()) as Page;
  expect(whole.nextCursor).toBeNull();
  expect(whole.claims).toHaveLength(await testDb().claim.count({ where: { articleId: article.id } }));

  // Filters still apply, page by page.
  const disputedIds = before.slice(0, 5);
  await testDb().claim.updateMany({ where: { id: { in: disputedIds } }, data: { status: "disputed" } });
  const first = (await (await reviewer.get(`${url}?view=summary&disputed=1&limit=3`)).json()) as Page;
  const rest = (await (await reviewer.get(`${url}?view=summary&disputed=1&limit=3&cursor=${first.nextCursor}`)).json()) as Page;
  expect([...first.claims, ...rest.claims].map((c) => c.id).sort()).toEqual([...disputedIds].sort());
  expect(rest.nextCursor).toBeNull();

  // A made-up cursor, a cursor of another list, a limit over the maximum: 422 with a message saying what to do.
  const { nextCursor } = (await (await reviewer.get(`${url}?limit=2`)).json()) as Page;
  for (const bad of ["bogus", Buffer.from("[1,2,3]").toString("base64url"), `${nextCursor}AA`]) {
    const answer = await reviewer.get(`${url}?cursor=${encodeURIComponent(bad)}`);
    expect(answer.status()).toBe(422);
    expect(((await answer.json()) as { error: { message: string } }).error.message).toMatch(/cursor/i);
  }
  const tooMany = await reviewer.get(`${url}?limit=2001`);
  expect(tooMany.status()).toBe(422);
  expect(JSON.stringify(await tooMany.json())).toContain("at most 2000");
  expect((await reviewer.get(`${url}?limit=0`)).status()).toBe(422);

  // Another team: the same 404 as a missing article, with or without a cursor; nothing listed.
  for (const path of [url, `${url}?cursor=${nextCursor}`, `/api/v1/articles/${article.id}/suggestions`]) {
    const answer = await intruder.get(path);
    expect(answer.status()).toBe(404);
    expect(await answer.text()).not.toContain(before[0]!);
  }
});

test("the suggestions API pages by cursor in text order, every suggestion once", async ({ playwright, baseURL }) => {
  const desk = await createDesk();
  const reviewer = await as(playwright, baseURL!, desk.reviewer);
  const url = `/api/v1/articles/${desk.article.id}/suggestions`;
  const all = (await (await reviewer.get(`${url}?limit=1000`)).json()) as { suggestions: { id: string }[]; nextCursor: string | null };
  expect(all.nextCursor).toBeNull();
  expect(all.suggestions.length).toBeGreaterThan(4);
  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const page = (await (await reviewer.get(`${url}?limit=2${cursor ? `&cursor=${cursor}` : ""}`)).json()) as typeof all;
    expect(page.suggestions.length).toBeLessThanOrEqual(2);
    seen.push(...page.suggestions.map((s) => s.id));
    cursor = page.nextCursor;
  } while (cursor);
  expect(seen).toEqual(all.suggestions.map((s) => s.id));
  const bad = await reviewer.get(`${url}?cursor=made-up`);
  expect(bad.status()).toBe(422);
  expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/cursor/i);
});
