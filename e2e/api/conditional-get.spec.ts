// Issue #21: the API's JSON reads carry an ETag, and a client that polls with If-None-Match gets 304 Not Modified,
// no body, while the answer is unchanged: through the fast lane and through Next alike (the Playwright server runs
// with FACTDESK_FAST_LANE=test, so `x-factdesk-fast-lane: off` sends a request through Next).
import { expect, test } from "../fixtures/test";
import { createApiToken } from "../../lib/api-tokens/create-token";
import { createClaimRow, createDesk, createTeam, createUser, testDb } from "../fixtures/factories";
import { RawClient } from "../fixtures/raw-http";

test.describe("conditional GETs", () => {
  test("ETag and 304 on the article and its claims, both ways; a change gives a new tag; no 304 without access", async ({ baseURL }) => {
    const client = new RawClient(baseURL!);
    const desk = await createDesk();
    const outsiderTeam = await createTeam();
    const outsider = await createUser(outsiderTeam.id, "admin");
    const token = async (userId: string, teamId: string) =>
      (await createApiToken({ userId, teamId, input: { name: "poll", scope: "read", expiresIn: "7d" } })).secret;
    const [mine, theirs] = [await token(desk.reviewer.id, desk.team.id), await token(outsider.id, outsiderTeam.id)];
    await createClaimRow(desk.article.id, desk.reviewer.id, {
      exact: desk.article.body.slice(0, 40),
      suffix: desk.article.body.slice(40, 72),
    });
    const get = (path: string, secret: string, lane: boolean, headers: Record<string, string> = {}) =>
      client.request("GET", path, {
        headers: { authorization: `Bearer ${secret}`, ...(lane ? {} : { "x-factdesk-fast-lane": "off" }), ...headers },
      });

    for (const path of [`/api/v1/articles/${desk.article.id}`, `/api/v1/articles/${desk.article.id}/claims`]) {
      const tags: string[] = [];
      for (const lane of [true, false]) {
        const full = await get(path, mine, lane);
        expect(full.status, full.text.slice(0, 200)).toBe(200);
        expect(full.headers["x-factdesk-fast-lane"]).toBe(lane ? "served" : undefined);
        const tag = full.headers.etag!;
        expect(tag).toMatch(/^W\/"[0-9a-f]+-[A-Za-z0-9+/]{27}"$/);
        tags.push(tag);

        const again = await get(path, mine, lane, { "if-none-match": tag });
        expect(again.status, `${path} lane=${lane}`).toBe(304);
        expect(again.text).toBe("");
        expect(again.headers.etag).toBe(tag);
        expect(again.headers["cache-control"]).toBe("no-store");
        expect(again.headers["content-security-policy"]).toContain("default-src 'self'");
        expect(again.headers["x-factdesk-fast-lane"]).toBe(lane ? "served" : undefined);

        expect((await get(path, mine, lane, { "if-none-match": 'W/"1-nothing"' })).status).toBe(200);
        // Someone who may not read it learns nothing from the tag.
        const other = await get(path, theirs, lane, { "if-none-match": tag });
        expect(other.status).toBe(404);
        expect(other.headers.etag).toBeUndefined();
      }
      // The same answer has the same tag whichever way it went.
      expect(tags[0]).toBe(tags[1]);
    }

    // A change to what the answer shows gives a new tag: the old one now gets the full answer.
    const articlePath = `/api/v1/articles/${desk.article.id}`;
    const before = (await get(articlePath, mine, true)).headers.etag!;
    await testDb().article.update({ where: { id: desk.article.id }, data: { title: `${desk.article.title} (edited)` } });
    for (const lane of [true, false]) {
      const changed = await get(articlePath, mine, lane, { "if-none-match": before });
      expect(changed.status).toBe(200);
      expect(changed.json<{ article: { title: string } }>().article.title).toContain("(edited)");
      expect(changed.headers.etag).not.toBe(before);
    }
  });
});
