import { expect, test, type APIRequestContext } from "../fixtures/test";
import { signInByApi } from "../fixtures/auth";
import { createDesk, createTeam, createUser } from "../fixtures/factories";
import { createClaim } from "../../lib/claims/create-claim";
import { targetFor } from "../../lib/claims/test-helpers";

async function as(
  playwright: { request: { newContext(o: { baseURL: string; extraHTTPHeaders?: Record<string, string> }): Promise<APIRequestContext> } },
  baseURL: string,
  user: { email: string; password: string },
) {
  const context = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  expect((await signInByApi(context, user)).status()).toBe(200);
  return context;
}

const PHRASE = "he would be prepared to put a peacekeeping force into Ukraine";

test("the versions and anchor API follow the same rules as the UI", async ({ playwright, baseURL }) => {
  test.setTimeout(60_000);
  const desk = await createDesk();
  const body = desk.article.body;
  const claim = await createClaim({ userId: desk.reviewer.id, articleId: desk.article.id, target: targetFor(body, PHRASE) });
  const outsider = await createUser((await createTeam()).id, "admin", "intruder");
  const [editor, reviewer, viewer, intruder] = await Promise.all(
    [desk.editor, desk.reviewer, desk.viewer, outsider].map((u) => as(playwright, baseURL!, u)),
  );
  const versionsUrl = `/api/v1/articles/${desk.article.id}/versions`;
  // Plain paragraphs are their own Markdown as long as they hold no Markdown syntax (this sample holds none).
  const markdown = body.replace(PHRASE, "he has ruled nothing out");

  // Roles from the intruder's side: reviewers and viewers 403, another team 404; nothing stored.
  expect((await reviewer.post(versionsUrl, { data: { baseVersion: 1, markdown } })).status()).toBe(403);
  expect((await viewer.post(versionsUrl, { data: { baseVersion: 1, markdown } })).status()).toBe(403);
  expect((await intruder.post(versionsUrl, { data: { baseVersion: 1, markdown } })).status()).toBe(404);
  expect((await intruder.get(versionsUrl)).status()).toBe(404);
  expect((await intruder.get(`/api/v1/articles/${desk.article.id}/diff?from=1&to=1`)).status()).toBe(404);
  expect((await editor.post(versionsUrl, { data: { markdown } })).status()).toBe(422);

  const saved = await editor.post(versionsUrl, { data: { baseVersion: 1, markdown } });
  expect(saved.status()).toBe(201);
  expect((await saved.json()).result).toEqual({ version: 2, saved: true, attached: 0, moved: 0, needsReview: 1, unchanged: 0 });
  const same = await editor.post(versionsUrl, { data: { baseVersion: 2, markdown } });
  expect([same.status(), (await same.json()).result.saved]).toEqual([200, false]);
  const stale = await editor.post(versionsUrl, { data: { baseVersion: 1, markdown: `${markdown}\n\nMore.` } });
  expect(stale.status()).toBe(409);
  expect((await stale.json()).error.message).toContain(`${desk.editor.name} saved version 2`);

  const list = (await (await viewer.get(versionsUrl)).json()).versions as {
    number: number;
    contentHash: string;
    createdBy: { name: string } | null;
  }[];
  expect(list.map((v) => [v.number, v.createdBy?.name ?? null])).toEqual([
    [2, desk.editor.name],
    [1, null],
  ]);
  expect(list[0]!.contentHash).toMatch(/^[0-9a-f]{64}$/);
  expect((await (await viewer.get(`${versionsUrl}/1`)).json()).version.body).toBe(body);
  expect((await viewer.get(`${versionsUrl}/9`)).status()).toBe(404);
  // Beyond a database integer: a field error, not a 500 from the query.
  const huge = await viewer.get(`${versionsUrl}/3000000000`);
  expect(huge.status()).toBe(422);
  expect((await huge.json()).error.message).toContain("There is no version that high.");
  expect((await viewer.get(`/api/v1/articles/${desk.article.id}/diff?from=1&to=3000000000`)).status()).toBe(422);
  const diff = (await (await viewer.get(`/api/v1/articles/${desk.article.id}/diff?from=1&to=2`)).json()).diff as {
    parts: { kind: string; text: string }[];
  };
  expect(diff.parts.find((p) => p.kind === "added")?.text).toContain("ruled nothing out");
  expect((await viewer.get(`/api/v1/articles/${desk.article.id}/diff?from=one&to=2`)).status()).toBe(422);

  // The claim waits for a person; a viewer cannot settle it, another team cannot see it.
  const anchorUrl = `/api/v1/claims/${claim.id}/anchor`;
  const current = (await (await viewer.get(`/api/v1/claims/${claim.id}`)).json()).claim as { version: number; anchor: { status: string } };
  expect(current.anchor.status).toBe("needs_review");
  expect((await viewer.post(anchorUrl, { data: { version: current.version, action: { kind: "orphan" } } })).status()).toBe(403);
  expect((await intruder.post(anchorUrl, { data: { version: current.version, action: { kind: "orphan" } } })).status()).toBe(404);
  expect((await reviewer.post(anchorUrl, { data: { version: current.version, action: { kind: "nonsense" } } })).status()).toBe(422);
  const orphaned = await reviewer.post(anchorUrl, { data: { version: current.version, action: { kind: "orphan" } } });
  expect(orphaned.status()).toBe(200);
  expect((await orphaned.json()).claim.anchor.status).toBe("orphaned");
  expect((await reviewer.post(anchorUrl, { data: { version: current.version, action: { kind: "restore" } } })).status()).toBe(409);
});
