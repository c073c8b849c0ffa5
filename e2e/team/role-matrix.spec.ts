import { expect, test, type APIRequestContext } from "../fixtures/test";
import { createClaim } from "../../lib/claims/create-claim";
import { setClaimDoubleReview } from "../../lib/claims/double-review";
import { targetFor, w3cTarget } from "../../lib/claims/test-helpers";
import { setClaimVerdict } from "../../lib/claims/update-claim";
import { signInByApi } from "../fixtures/auth";
import { createDesk, createTeam, createUser, testDb, unique } from "../fixtures/factories";

// Every mutating route, tried by each role, by another team's admin and with no session.
// Only the allowed ones may succeed; every refusal must leave the team's audit trail (and
// so its data: every change writes one audit row) exactly as it was.
type Actor = "admin" | "editor" | "reviewer" | "viewer" | "intruder" | "anonymous";
const ACTORS: Actor[] = ["admin", "editor", "reviewer", "viewer", "intruder", "anonymous"];
type Call = { method: "POST" | "PUT" | "PATCH"; url: string; data: unknown };

test("role matrix: only the allowed roles change anything", async ({ playwright, baseURL }) => {
  test.setTimeout(120_000);
  const desk = await createDesk();
  const otherTeam = await createTeam();
  const intruder = await createUser(otherTeam.id, "admin", "intruder");
  const contexts = new Map<Actor, APIRequestContext>();
  for (const actor of ACTORS) {
    const context = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL! } });
    const user = actor === "intruder" ? intruder : actor === "anonymous" ? null : desk[actor];
    if (user) expect((await signInByApi(context, user)).status()).toBe(200);
    contexts.set(actor, context);
  }
  const phrases = desk.article.body.split("\n\n").map((p) => p.split(" ").slice(0, 6).join(" "));
  let next = 0;
  const freshClaim = async () =>
    createClaim({
      userId: desk.reviewer.id,
      articleId: desk.article.id,
      target: targetFor(desk.article.body, phrases[next++ % phrases.length]!),
    });
  const memberId = async (userId: string) => (await testDb().membership.findFirstOrThrow({ where: { userId, teamId: desk.team.id } })).id;

  const writers: Actor[] = ["admin", "editor", "reviewer"];
  const editors: Actor[] = ["admin", "editor"];
  const cases: { name: string; allowed: Actor[]; success: number; prepare: () => Promise<Call> }[] = [
    {
      name: "create claim",
      allowed: writers,
      success: 201,
      prepare: async () => ({
        method: "POST",
        url: `/api/v1/articles/${desk.article.id}/claims`,
        data: { target: w3cTarget(targetFor(desk.article.body, phrases[next++ % phrases.length]!)) },
      }),
    },
    {
      name: "set status",
      allowed: writers,
      success: 200,
      prepare: async () => ({ method: "PUT", url: `/api/v1/claims/${(await freshClaim()).id}/status`, data: { status: "in_review" } }),
    },
    {
      name: "propose verdict",
      allowed: writers,
      success: 200,
      prepare: async () => ({
        method: "PUT",
        url: `/api/v1/claims/${(await freshClaim()).id}/verdict`,
        data: { verdict: "false", explanation: "The figures say otherwise." },
      }),
    },
    {
      name: "comment",
      allowed: writers,
      success: 201,
      prepare: async () => ({ method: "POST", url: `/api/v1/claims/${(await freshClaim()).id}/comments`, data: { body: "A note." } }),
    },
    {
      name: "add evidence",
      allowed: writers,
      success: 201,
      prepare: async () => ({
        method: "POST",
        url: `/api/v1/claims/${(await freshClaim()).id}/evidence`,
        data: { url: "https://example.org/r", title: "Report", stance: "context", sourceType: "secondary", retrievedAt: "2025-02-18" },
      }),
    },
    {
      name: "assign",
      allowed: editors,
      success: 200,
      prepare: async () => ({
        method: "PUT",
        url: `/api/v1/claims/${(await freshClaim()).id}/assignees`,
        data: { reviewerIds: [desk.reviewer2.id] },
      }),
    },
    {
      name: "submit independent verdict",
      allowed: writers,
      success: 201,
      prepare: async () => {
        const claim = await freshClaim();
        await setClaimDoubleReview({ userId: desk.editor.id, claimId: claim.id, required: true });
        return { method: "POST", url: `/api/v1/claims/${claim.id}/reviews`, data: { verdict: "true", explanation: "Matches the record." } };
      },
    },
    {
      name: "require double review (claim)",
      allowed: editors,
      success: 200,
      prepare: async () => ({ method: "PUT", url: `/api/v1/claims/${(await freshClaim()).id}/double-review`, data: { required: true } }),
    },
    {
      name: "require double review (article)",
      allowed: editors,
      success: 200,
      prepare: async () => ({
        method: "PUT",
        url: `/api/v1/articles/${desk.article.id}/double-review`,
        data: { required: next++ % 2 === 0 },
      }),
    },
    {
      name: "sign off",
      allowed: editors,
      success: 200,
      prepare: async () => {
        const claim = await freshClaim();
        await setClaimVerdict({ userId: desk.reviewer2.id, claimId: claim.id, verdict: "true", explanation: "Matches the record." });
        return { method: "PUT", url: `/api/v1/claims/${claim.id}/status`, data: { status: "verified" } };
      },
    },
    {
      name: "add member",
      allowed: ["admin"],
      success: 201,
      prepare: async () => ({
        method: "POST",
        url: "/api/v1/team/members",
        data: { email: `${unique("m")}@test.factdesk.test`.toLowerCase(), role: "viewer" },
      }),
    },
    {
      name: "change role",
      allowed: ["admin"],
      success: 200,
      prepare: async () => ({
        method: "PATCH",
        url: `/api/v1/team/members/${await memberId(desk.reviewer2.id)}`,
        data: { role: next++ % 2 ? "editor" : "reviewer" },
      }),
    },
    // Someone who is not an actor here: a reset ends the person's sessions.
    {
      name: "reset password",
      allowed: ["admin"],
      success: 200,
      prepare: async () => ({ method: "POST", url: `/api/v1/team/members/${await memberId(desk.reviewer2.id)}/password-reset`, data: {} }),
    },
  ];

  const auditCount = () => testDb().auditEvent.count({ where: { teamId: desk.team.id } });
  for (const testCase of cases) {
    for (const actor of ACTORS) {
      const call = await testCase.prepare();
      const before = await auditCount();
      const response = await contexts.get(actor)!.fetch(call.url, { method: call.method, data: call.data });
      const expected = testCase.allowed.includes(actor)
        ? testCase.success
        : actor === "anonymous"
          ? 401
          : actor === "intruder"
            ? testCase.name.startsWith("add member")
              ? 201
              : 404
            : 403;
      expect(response.status(), `${testCase.name} by ${actor}: ${await response.text()}`).toBe(expected);
      if (response.status() >= 400) expect(await auditCount(), `${testCase.name} by ${actor} changed something`).toBe(before);
    }
  }
  // An intruder's "add member" invites into the intruder's own team, never this one; adding a member is an
  // invitation, so nobody joins either team until they accept it.
  expect(await testDb().invitation.count({ where: { teamId: otherTeam.id } })).toBe(1);
  expect(await testDb().membership.count({ where: { teamId: otherTeam.id } })).toBe(1);
  expect(await testDb().invitation.count({ where: { teamId: desk.team.id } })).toBe(1);
  expect(await testDb().membership.count({ where: { teamId: desk.team.id } })).toBe(5);
  await Promise.all([...contexts.values()].map((c) => c.dispose()));
});
