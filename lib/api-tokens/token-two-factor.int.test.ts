// An API token obeys the team's two-factor rule as a browser session does (lib/two-factor/must-enrol-sql.ts): while a
// team requires two-factor of an admin or editor who has not turned it on, their token may read but every write is
// a 403 telling them to turn it on, whether the rule came after the token or their two-factor went off after it.
// Through the real route handlers with real tokens. Before the fix the token's writes went through (201).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClaimRow, createDesk, createUser, testDb, type TestUser } from "@/e2e/fixtures/factories";
import { createApiToken } from "@/lib/api-tokens/create-token";
import { API_METHOD_HEADER } from "@/lib/http/api-request";
import { setTeamTwoFactor } from "@/lib/teams/two-factor-policy";
import { disableTwoFactor } from "@/lib/two-factor/enrolment";
// The real route handlers (nothing outside app/ imports app/ statically).
const { POST: commentRoute } = await import("@/app/api/v1/claims/[id]/comments/route");
const { GET: claimRoute } = await import("@/app/api/v1/claims/[id]/route");

type Desk = Awaited<ReturnType<typeof createDesk>>;
let desk: Desk;
let claimId: string;
const secrets = new Map<string, string>();

beforeAll(async () => {
  desk = await createDesk();
  claimId = await createClaimRow(desk.article.id, desk.reviewer.id);
  // The admin who switches the rule on needs two-factor first (setTeamTwoFactor).
  await testDb().user.update({ where: { id: desk.admin.id }, data: { totpEnabledAt: new Date() } });
});
afterAll(async () => {
  await testDb().$disconnect();
});

async function tokenOf(user: TestUser): Promise<string> {
  const made = await createApiToken({
    userId: user.id,
    teamId: desk.team.id,
    input: { name: "2fa", scope: "read_write", expiresIn: "7d" },
  });
  secrets.set(user.id, made.secret);
  return made.secret;
}

function send(method: "GET" | "POST", as: TestUser): Promise<Response> {
  const path = method === "GET" ? `/api/v1/claims/${claimId}` : `/api/v1/claims/${claimId}/comments`;
  const request = new Request(`http://localhost${path}`, {
    method,
    headers: { authorization: `Bearer ${secrets.get(as.id)}`, "content-type": "application/json", [API_METHOD_HEADER]: method },
    body: method === "POST" ? JSON.stringify({ body: "Checked the source." }) : undefined,
  });
  return (method === "GET" ? claimRoute : commentRoute)(request, { params: Promise.resolve({ id: claimId }) });
}

const setRule = (required: boolean) => setTeamTwoFactor({ teamId: desk.team.id, userId: desk.admin.id, required });
const setEnrolled = (user: TestUser, on: boolean) =>
  testDb().user.update({ where: { id: user.id }, data: { totpEnabledAt: on ? new Date() : null } });

async function expectEnrolRefusal(response: Response) {
  expect(response.status).toBe(403);
  const body = (await response.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe("forbidden");
  expect(body.error.message).toMatch(/requires two-factor authentication/);
  expect(body.error.message).toMatch(/Turn it on under Account → Two-factor/);
}

describe("API tokens and the team's two-factor rule", () => {
  it("a rule switched on after the token was made stops the token's writes until its user turns two-factor on", async () => {
    await tokenOf(desk.editor);
    await tokenOf(desk.reviewer);
    expect((await send("POST", desk.editor)).status).toBe(201);

    await setRule(true);
    const comments = await testDb().comment.count({ where: { claimId } });
    await expectEnrolRefusal(await send("POST", desk.editor));
    expect(await testDb().comment.count({ where: { claimId } })).toBe(comments);
    // As with a session: reading stays possible, and the rule covers admins and editors only.
    expect((await send("GET", desk.editor)).status).toBe(200);
    expect((await send("POST", desk.reviewer)).status).toBe(201);

    await setEnrolled(desk.editor, true);
    expect((await send("POST", desk.editor)).status).toBe(201);
    await setRule(false);
  });

  it("two-factor turned off after the token was made: the token's writes stop once the rule applies again", async () => {
    const editor = await createUser(desk.team.id, "editor", "lapsed");
    await setEnrolled(editor, true);
    await tokenOf(editor);
    await setRule(true);
    expect((await send("POST", editor)).status).toBe(201);
    await setRule(false);
    await disableTwoFactor({ userId: editor.id });
    await setRule(true);
    await expectEnrolRefusal(await send("POST", editor));

    // A reviewer without two-factor is not covered, until promoted to editor.
    const reviewer = await createUser(desk.team.id, "reviewer", "promoted");
    await tokenOf(reviewer);
    expect((await send("POST", reviewer)).status).toBe(201);
    await testDb().membership.updateMany({ where: { userId: reviewer.id }, data: { role: "editor" } });
    await expectEnrolRefusal(await send("POST", reviewer));
    expect((await send("GET", reviewer)).status).toBe(200);
    await setRule(false);
    expect((await send("POST", reviewer)).status).toBe(201);
  });
});
