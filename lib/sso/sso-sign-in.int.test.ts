// Single sign-on decisions against the real database: linking by verified address, allowed domains,
// the default team and role for new people, two-factor, disabled accounts, and "SSO required".
import { afterAll, describe, expect, it } from "vitest";
import { createDesk, testDb, unique } from "@/e2e/fixtures/factories";
import { db } from "@/lib/db";
import type { SsoSettings } from "@/lib/sso/config";
import { passwordSignInRefusal, resolveSsoSignIn } from "@/lib/sso/sso-sign-in";

afterAll(async () => {
  await db.$disconnect();
  await testDb().$disconnect();
});

const settings = (over: Partial<SsoSettings> = {}): SsoSettings => ({
  issuer: "http://127.0.0.1:1",
  clientId: "factdesk",
  clientSecret: "secret",
  name: "Newsroom SSO",
  allowedDomains: ["newsroom.test", "test.factdesk.test"],
  defaultTeam: null,
  defaultRole: "viewer",
  ...over,
});

describe("single sign-on", () => {
  it("signs an existing account in by its verified address, and only verified ones", async () => {
    const desk = await createDesk();
    expect(await resolveSsoSignIn({ email: desk.editor.email.toUpperCase(), email_verified: true }, settings())).toEqual({
      userId: desk.editor.id,
    });
    expect(await resolveSsoSignIn({ email: desk.editor.email, email_verified: false }, settings())).toEqual({ refused: "SsoNotAllowed" });
    expect(await resolveSsoSignIn({ email: desk.editor.email }, settings())).toEqual({ refused: "SsoNotAllowed" });
    expect(
      await resolveSsoSignIn({ email: desk.editor.email, email_verified: true }, settings({ allowedDomains: ["elsewhere.test"] })),
    ).toEqual({
      refused: "SsoNotAllowed",
    });
  });

  it("adds a new person to the default team with the default role, audited, and only with a default team", async () => {
    const desk = await createDesk();
    const email = `${unique("new").toLowerCase()}@newsroom.test`;
    expect(await resolveSsoSignIn({ email, email_verified: true }, settings())).toEqual({ refused: "SsoNotAllowed" });
    const decided = await resolveSsoSignIn(
      { email, email_verified: true, name: "New Person" },
      settings({ defaultTeam: desk.team.slug, defaultRole: "reviewer" }),
    );
    expect("userId" in decided).toBe(true);
    const member = await testDb().membership.findFirstOrThrow({ where: { teamId: desk.team.id, user: { email } } });
    expect(member.role).toBe("reviewer");
    const audit = await testDb().auditEvent.findFirst({ where: { teamId: desk.team.id, action: "member.joined-by-sso" } });
    expect(audit?.after).toMatchObject({ email, role: "reviewer" });
  });

  it("refuses disabled accounts, and two-factor accounts unless the provider did multi-factor", async () => {
    const desk = await createDesk();
    await testDb().user.update({ where: { id: desk.viewer.id }, data: { disabled: true } });
    await testDb().user.update({ where: { id: desk.admin.id }, data: { totpEnabledAt: new Date(), totpSecret: "sealed" } });
    expect(await resolveSsoSignIn({ email: desk.viewer.email, email_verified: true }, settings())).toEqual({ refused: "SsoDisabled" });
    expect(await resolveSsoSignIn({ email: desk.admin.email, email_verified: true, amr: ["pwd"] }, settings())).toEqual({
      refused: "SsoTwoFactor",
    });
    expect(await resolveSsoSignIn({ email: desk.admin.email, email_verified: true, amr: ["pwd", "otp"] }, settings())).toEqual({
      userId: desk.admin.id,
    });
  });

  it("refuses password sign-in to members of a team that requires SSO, while SSO is configured", async () => {
    const desk = await createDesk();
    await testDb().team.update({ where: { id: desk.team.id }, data: { requireSso: true } });
    expect(await passwordSignInRefusal(desk.editor.id)).toBeNull();
    Object.assign(process.env, { OIDC_ISSUER: "http://127.0.0.1:1", OIDC_CLIENT_ID: "factdesk", OIDC_CLIENT_SECRET: "secret" });
    try {
      expect(await passwordSignInRefusal(desk.editor.id)).toBe("SsoRequired");
    } finally {
      delete process.env.OIDC_ISSUER;
      delete process.env.OIDC_CLIENT_ID;
      delete process.env.OIDC_CLIENT_SECRET;
    }
  });
});
