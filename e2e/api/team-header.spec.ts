// Issue 13: X-Factdesk-Team names the team a token acts in. A team the token's user is not in
// is a 404 JSON answer, never a silent fall back to their first team.
import { expect, test } from "../fixtures/test";
import { createApiToken } from "../../lib/api-tokens/create-token";
import { createArticle, createDesk, createTeam, testDb } from "../fixtures/factories";

test("X-Factdesk-Team naming a team the caller is not in answers 404; one of theirs switches team", async ({ playwright, baseURL }) => {
  const desk = await createDesk();
  const other = await createDesk();
  const second = await createTeam();
  await testDb().membership.create({ data: { userId: desk.reviewer.id, teamId: second.id, role: "viewer" } });
  const secondArticle = await createArticle(second.id);
  const { secret } = await createApiToken({
    userId: desk.reviewer.id,
    teamId: desk.team.id,
    input: { name: "Teams", scope: "read", expiresIn: "7d" },
  });
  const script = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${secret}` } });
  const titles = async (team?: string) => {
    const response = await script.get("/api/v1/articles", { headers: team === undefined ? {} : { "X-Factdesk-Team": team } });
    return { status: response.status(), body: (await response.json()) as { articles?: { title: string }[]; error?: { code: string } } };
  };

  expect((await titles()).body.articles?.map((a) => a.title)).toEqual([desk.article.title]);
  expect((await titles(second.id)).body.articles?.map((a) => a.title)).toEqual([secondArticle.title]);
  for (const team of [other.team.id, "no-such-team"]) {
    const answer = await titles(team);
    expect(answer.status, `team "${team}"`).toBe(404);
    expect(answer.body.error?.code).toBe("not_found");
    expect(answer.body.articles).toBeUndefined();
  }
  await script.dispose();
});
