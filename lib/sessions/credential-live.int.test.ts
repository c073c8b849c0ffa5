import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDesk, testDb } from "@/e2e/fixtures/factories";
import { createApiToken } from "@/lib/api-tokens/create-token";
import { revokeApiToken } from "@/lib/api-tokens/revoke-token";
import { endSession, isCredentialLive, SESSION_IDLE_SECONDS, startSession } from "@/lib/sessions/sessions";

let desk: Awaited<ReturnType<typeof createDesk>>;
beforeAll(async () => {
  desk = await createDesk();
});
afterAll(async () => {
  await testDb().$disconnect();
});

// What an open event stream re-checks at each heartbeat (lib/live): the credential it was opened with.
describe("isCredentialLive", () => {
  it("holds for a live session, and not once it is signed out, idle past its deadline, or its user disabled", async () => {
    const userId = desk.reviewer.id;
    const started = await startSession({ userId, userAgent: null, ip: "203.0.113.7" });
    expect(await isCredentialLive({ userId, sessionId: started.id })).toBe(true);
    expect(await isCredentialLive({ userId, sessionId: started.id }, new Date(Date.now() + (SESSION_IDLE_SECONDS + 1) * 1000))).toBe(false);
    // Another user's session id is not this user's credential.
    expect(await isCredentialLive({ userId: desk.reviewer2.id, sessionId: started.id })).toBe(false);
    await endSession(started.secret);
    expect(await isCredentialLive({ userId, sessionId: started.id })).toBe(false);

    const other = await startSession({ userId: desk.reviewer2.id, userAgent: null, ip: "203.0.113.7" });
    await testDb().user.update({ where: { id: desk.reviewer2.id }, data: { disabled: true } });
    expect(await isCredentialLive({ userId: desk.reviewer2.id, sessionId: other.id })).toBe(false);
  });

  it("holds for an active API token, and not once it is revoked; nothing to check is no credential", async () => {
    const owner = desk.editor;
    const { token } = await createApiToken({
      userId: owner.id,
      teamId: owner.teamId,
      input: { name: "stream", scope: "read", expiresIn: "30d" },
    });
    expect(await isCredentialLive({ userId: owner.id, apiTokenId: token.id })).toBe(true);
    await revokeApiToken({ userId: owner.id, teamId: owner.teamId, tokenId: token.id });
    expect(await isCredentialLive({ userId: owner.id, apiTokenId: token.id })).toBe(false);
    expect(await isCredentialLive({ userId: owner.id })).toBe(false);
  });
});
