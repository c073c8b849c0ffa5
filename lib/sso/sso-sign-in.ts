import { firstCharacters } from "@/lib/validation/fields";
import { randomBytes } from "node:crypto";
import { recordAudit } from "@/lib/audit/record-audit";
import { db, inTransaction } from "@/lib/db";
import { ssoSettings, type SsoSettings } from "@/lib/sso/config";
import { SSO_DISABLED, SSO_NOT_ALLOWED, SSO_REQUIRED, SSO_TWO_FACTOR } from "@/lib/sso/sign-in-errors";
import { hashPassword } from "@/lib/users/passwords";

/** What the identity provider said about the person (from the ID token and userinfo). */
export type SsoClaims = { email?: unknown; email_verified?: unknown; name?: unknown; amr?: unknown };

/** Authentication methods (RFC 8176) that count as more than one factor at the identity provider. */
const MULTI_FACTOR = new Set(["mfa", "otp", "hwk", "swk", "sms", "fpt", "face", "iris", "retina", "vbm"]);

/**
 * Decides an OIDC sign-in: `{ userId }` of the Factdesk account to sign in, or `{ refused }` with a sign-in error
 * code (lib/sso/sign-in-errors.ts). Accounts link by address, only when the provider says it verified it
 * (`email_verified: true`) and its domain is allowed. A new address gets an account (with a random password
 * nobody knows) and joins the configured default team with the default role, audited as "member.joined-by-sso";
 * without a default team only existing accounts sign in. An account with two-factor on needs the provider to
 * report multi-factor authentication (`amr`). Disabled accounts are refused.
 */
export async function resolveSsoSignIn(
  claims: SsoClaims,
  settings: SsoSettings | null = ssoSettings(),
): Promise<{ userId: string } | { refused: string }> {
  if (!settings) return { refused: SSO_NOT_ALLOWED };
  const email = typeof claims.email === "string" ? claims.email.trim().toLowerCase() : "";
  if (!email || claims.email_verified !== true) return { refused: SSO_NOT_ALLOWED };
  const domain = email.slice(email.lastIndexOf("@") + 1);
  if (settings.allowedDomains.length > 0 && !settings.allowedDomains.includes(domain)) return { refused: SSO_NOT_ALLOWED };

  const existing = await db.user.findUnique({ where: { email }, select: { id: true, disabled: true, totpEnabledAt: true } });
  if (existing) {
    if (existing.disabled) return { refused: SSO_DISABLED };
    const amr = Array.isArray(claims.amr) ? claims.amr.filter((m): m is string => typeof m === "string") : [];
    if (existing.totpEnabledAt && !amr.some((m) => MULTI_FACTOR.has(m))) return { refused: SSO_TWO_FACTOR };
    return { userId: existing.id };
  }
  if (!settings.defaultTeam) return { refused: SSO_NOT_ALLOWED };
  const team = await db.team.findFirst({
    where: { archivedAt: null, OR: [{ slug: settings.defaultTeam }, { name: settings.defaultTeam }] },
    orderBy: { createdAt: "asc" },
    select: { id: true },
  });
  if (!team) return { refused: SSO_NOT_ALLOWED };
  const name = typeof claims.name === "string" && claims.name.trim() ? firstCharacters(claims.name.trim(), 120) : email.split("@")[0]!;
  const passwordHash = await hashPassword(randomBytes(32).toString("base64url"));
  const userId = await inTransaction(db, async (tx) => {
    // Two first sign-ins at once: the second finds the account the first made.
    const raced = await tx.user.findUnique({ where: { email }, select: { id: true } });
    if (raced) return raced.id;
    const user = await tx.user.create({
      data: { email, name, passwordHash, memberships: { create: { teamId: team.id, role: settings.defaultRole } } },
    });
    await recordAudit(tx, {
      actorId: user.id,
      teamId: team.id,
      entity: "membership",
      entityId: user.id,
      action: "member.joined-by-sso",
      after: { email, role: settings.defaultRole },
    });
    return user.id;
  });
  return { userId };
}

/**
 * Whether `userId` belongs to a (not archived) team that requires single sign-on: then a password sign-in is
 * refused with SSO_REQUIRED (only while SSO is configured, so a broken configuration never locks a desk out).
 */
export async function passwordSignInRefusal(userId: string): Promise<string | null> {
  if (!ssoSettings()) return null;
  const bound = await db.membership.count({ where: { userId, team: { requireSso: true, archivedAt: null } } });
  return bound > 0 ? SSO_REQUIRED : null;
}
