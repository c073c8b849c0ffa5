import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTeam, createUser, testDb } from "@/e2e/fixtures/factories";
import { createApiToken } from "@/lib/api-tokens/create-token";
import { listApiTokens } from "@/lib/api-tokens/list-tokens";
import { revokeApiToken } from "@/lib/api-tokens/revoke-token";
import { hashTokenSecret } from "@/lib/api-tokens/secret";
import { authenticateApiToken, READ_ONLY_TOKEN_MESSAGE, requireTokenScope } from "@/lib/api-tokens/verify-token";
import { AppError } from "@/lib/http/errors";

type User = Awaited<ReturnType<typeof createUser>>;

async function errorOf(work: Promise<unknown> | (() => unknown)): Promise<AppError> {
  const error = await (typeof work === "function" ? Promise.resolve().then(work) : work).then(
    () => null,
    (err: unknown) => err,
  );
  expect(error, "expected the call to fail").toBeInstanceOf(AppError);
  return error as AppError;
}

let owner: User;
let other: User;
beforeAll(async () => {
  const team = await createTeam();
  owner = await createUser(team.id, "reviewer", "tokenowner");
  other = await createUser(team.id, "reviewer", "otherowner");
});
afterAll(async () => {
  await testDb().$disconnect();
});

describe("creating tokens", () => {
  it("returns the secret once and stores only its hash, with an audit row", async () => {
    const now = new Date("2026-03-01T12:00:00Z");
    const { token, secret } = await createApiToken({
      userId: owner.id,
      teamId: owner.teamId,
      input: { name: "Nightly export", scope: "read", expiresIn: "30d" },
      now,
    });
    expect(secret).toMatch(/^fdk_[A-Za-z0-9_-]{43}$/);
    expect(token).toMatchObject({
      name: "Nightly export",
      scope: "read",
      prefix: secret.slice(0, 10),
      status: "active",
      lastUsedAt: null,
      revokedAt: null,
    });
    expect(token.expiresAt).toBe("2026-03-31T12:00:00.000Z");
    const row = await testDb().apiToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(row.tokenHash).toBe(hashTokenSecret(secret));
    expect(JSON.stringify(row)).not.toContain(secret.slice(10));
    const audit = await testDb().auditEvent.findMany({ where: { entityId: token.id } });
    expect(audit.map((a) => [a.action, a.actorId, a.teamId])).toEqual([["api_token.created", owner.id, owner.teamId]]);
    expect(JSON.stringify(audit.map((a) => [a.before, a.after]))).not.toContain(secret.slice(10));
  });

  it("can create a token that never expires, and lists only the owner's tokens without secrets", async () => {
    const { token } = await createApiToken({
      userId: owner.id,
      teamId: owner.teamId,
      input: { name: "Forever", scope: "read_write", expiresIn: "never" },
    });
    expect(token.expiresAt).toBeNull();
    await createApiToken({ userId: other.id, teamId: other.teamId, input: { name: "Not yours", scope: "read", expiresIn: "7d" } });
    const listed = await listApiTokens({ userId: owner.id });
    expect(listed.map((t) => t.name)).toContain("Forever");
    expect(listed.map((t) => t.name)).not.toContain("Not yours");
    for (const t of listed)
      expect(Object.keys(t).sort()).toEqual([
        "createdAt",
        "expiresAt",
        "id",
        "lastUsedAt",
        "name",
        "prefix",
        "revokedAt",
        "scope",
        "status",
      ]);
  });

  it("does not audit a user who is in no team yet, but still creates the token", async () => {
    const loner = await testDb().user.create({
      data: { email: `loner-${Date.now()}@test.factdesk.test`, name: "Loner", passwordHash: "x" },
    });
    const { token } = await createApiToken({ userId: loner.id, teamId: null, input: { name: "Solo", scope: "read", expiresIn: "90d" } });
    expect(await testDb().auditEvent.count({ where: { entityId: token.id } })).toBe(0);
  });
});

describe("verifying tokens", () => {
  it("accepts a valid token as its user and records when it was used, at most once a minute", async () => {
    const { token, secret } = await createApiToken({
      userId: owner.id,
      teamId: owner.teamId,
      input: { name: "Script", scope: "read_write", expiresIn: "90d" },
    });
    const t0 = new Date(Date.now() + 1000);
    const result = await authenticateApiToken({ secret, now: t0 });
    expect(result).toMatchObject({
      tokenId: token.id,
      scope: "read_write",
      user: { id: owner.id, teamId: owner.teamId, role: "reviewer" },
    });
    const lastUsed = async () => (await testDb().apiToken.findUniqueOrThrow({ where: { id: token.id } })).lastUsedAt?.toISOString();
    expect(await lastUsed()).toBe(t0.toISOString());
    await authenticateApiToken({ secret, now: new Date(t0.getTime() + 30_000) });
    expect(await lastUsed()).toBe(t0.toISOString());
    const later = new Date(t0.getTime() + 61_000);
    await authenticateApiToken({ secret, now: later });
    expect(await lastUsed()).toBe(later.toISOString());
  });

  it("answers 401 with the same message for unknown, malformed, revoked and expired tokens and disabled users", async () => {
    const past = new Date(Date.now() - 100 * 86_400_000);
    const expired = await createApiToken({
      userId: owner.id,
      teamId: owner.teamId,
      input: { name: "Old", scope: "read", expiresIn: "7d" },
      now: past,
    });
    const revoked = await createApiToken({
      userId: owner.id,
      teamId: owner.teamId,
      input: { name: "Revoked", scope: "read", expiresIn: "7d" },
    });
    await revokeApiToken({ userId: owner.id, teamId: owner.teamId, tokenId: revoked.token.id });
    const team = await createTeam();
    const leaver = await createUser(team.id, "editor", "leaver");
    const disabled = await createApiToken({
      userId: leaver.id,
      teamId: team.id,
      input: { name: "Leaver", scope: "read", expiresIn: "7d" },
    });
    await testDb().user.update({ where: { id: leaver.id }, data: { disabled: true } });
    const unknown = `fdk_${"A".repeat(43)}`;
    const messages = new Set<string>();
    for (const secret of [unknown, "fdk_short", "not a token", "", expired.secret, revoked.secret, disabled.secret]) {
      const error = await errorOf(authenticateApiToken({ secret }));
      expect(error.status, secret).toBe(401);
      messages.add(error.message);
    }
    expect(messages.size).toBe(1);
  });

  it("acts in the team the X-Factdesk-Team header names when the user belongs to it; another team is a 404", async () => {
    const second = await createTeam();
    await testDb().membership.create({ data: { userId: owner.id, teamId: second.id, role: "viewer" } });
    const { secret } = await createApiToken({
      userId: owner.id,
      teamId: owner.teamId,
      input: { name: "Teams", scope: "read", expiresIn: "7d" },
    });
    expect((await authenticateApiToken({ secret, teamId: second.id })).user).toMatchObject({ teamId: second.id, role: "viewer" });
    expect((await errorOf(authenticateApiToken({ secret, teamId: (await createTeam()).id }))).status).toBe(404);
    expect((await authenticateApiToken({ secret })).user.teamId).toBe(owner.teamId);
  });

  it("never acts in an archived team, as a session would not; counts only usable requests", async () => {
    const user = await createUser((await createTeam()).id, "editor");
    const kept = await createTeam();
    await testDb().membership.create({ data: { userId: user.id, teamId: kept.id, role: "reviewer" } });
    const { token, secret } = await createApiToken({
      userId: user.id,
      teamId: user.teamId,
      input: { name: "Archive", scope: "read", expiresIn: "7d" },
    });
    await testDb().team.update({ where: { id: user.teamId }, data: { archivedAt: new Date() } });
    const now = new Date();
    const first = await authenticateApiToken({ secret, rateLimit: 5, now });
    expect(first.user).toMatchObject({ teamId: kept.id, role: "reviewer" });
    expect(first.rate).toMatchObject({ count: 1, allowed: true, limit: 5 });
    expect((await errorOf(authenticateApiToken({ secret, teamId: user.teamId, rateLimit: 5, now }))).status).toBe(404);
    expect((await authenticateApiToken({ secret, rateLimit: 5, now })).rate).toMatchObject({ count: 2 });
    const windows = await testDb().apiRateWindow.findMany({ where: { key: `token:${token.id}` } });
    expect(windows.map((w) => w.count)).toEqual([2]);
  });

  it("lets a read token only GET or HEAD, and treats an unknown method as a write", async () => {
    expect(() => requireTokenScope("read", "GET")).not.toThrow();
    expect(() => requireTokenScope("read", "head")).not.toThrow();
    for (const method of ["POST", "PUT", "PATCH", "DELETE", null]) {
      const error = await errorOf(() => requireTokenScope("read", method));
      expect(error.status).toBe(403);
      expect(error.message).toBe(READ_ONLY_TOKEN_MESSAGE);
    }
    for (const method of ["GET", "POST", "DELETE"]) expect(() => requireTokenScope("read_write", method)).not.toThrow();
  });
});

describe("revoking tokens", () => {
  it("revokes at once, twice is fine, and audits only the first time", async () => {
    const { token, secret } = await createApiToken({
      userId: owner.id,
      teamId: owner.teamId,
      input: { name: "Revoke me", scope: "read", expiresIn: "7d" },
    });
    await authenticateApiToken({ secret });
    const first = await revokeApiToken({ userId: owner.id, teamId: owner.teamId, tokenId: token.id });
    expect(first.status).toBe("revoked");
    const second = await revokeApiToken({ userId: owner.id, teamId: owner.teamId, tokenId: token.id });
    expect(second.revokedAt).toBe(first.revokedAt);
    expect((await errorOf(authenticateApiToken({ secret }))).status).toBe(401);
    const actions = (await testDb().auditEvent.findMany({ where: { entityId: token.id }, orderBy: { id: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["api_token.created", "api_token.revoked"]);
  });

  it("cannot revoke someone else's token: 404, and the token keeps working", async () => {
    const { token, secret } = await createApiToken({
      userId: owner.id,
      teamId: owner.teamId,
      input: { name: "Mine", scope: "read", expiresIn: "7d" },
    });
    expect((await errorOf(revokeApiToken({ userId: other.id, teamId: other.teamId, tokenId: token.id }))).status).toBe(404);
    expect((await authenticateApiToken({ secret })).tokenId).toBe(token.id);
  });
});
