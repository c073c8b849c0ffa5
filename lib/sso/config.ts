// Single sign-on (OpenID Connect) settings, read from the environment (README: Configuration).
import { Role } from "@/lib/generated/prisma/enums";

export type SsoSettings = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Button label on the sign-in page (OIDC_NAME, default "Single sign-on"). */
  name: string;
  /** Lower-case domains whose addresses may sign in (OIDC_ALLOWED_DOMAINS); empty: any domain. */
  allowedDomains: string[];
  /** Team new people join: its slug or exact name (OIDC_DEFAULT_TEAM); null: only existing accounts may sign in. */
  defaultTeam: string | null;
  /** Role new people get in that team (OIDC_DEFAULT_ROLE, default viewer). */
  defaultRole: Role;
};

/** Whether single sign-on (OIDC) is configured: OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are all set. */
export function ssoConfigured(): boolean {
  return ssoSettings() !== null;
}

/**
 * The OIDC settings, or null when OIDC_ISSUER, OIDC_CLIENT_ID or OIDC_CLIENT_SECRET is missing.
 * @throws Error when OIDC_DEFAULT_ROLE is not admin, editor, reviewer or viewer (a start-up mistake to fix).
 */
export function ssoSettings(): SsoSettings | null {
  const issuer = process.env.OIDC_ISSUER?.trim().replace(/\/+$/, "");
  const clientId = process.env.OIDC_CLIENT_ID?.trim();
  const clientSecret = process.env.OIDC_CLIENT_SECRET?.trim();
  if (!issuer || !clientId || !clientSecret) return null;
  const role = process.env.OIDC_DEFAULT_ROLE?.trim() || "viewer";
  if (!(role in Role)) throw new Error(`OIDC_DEFAULT_ROLE must be admin, editor, reviewer or viewer, not "${role}".`);
  return {
    issuer,
    clientId,
    clientSecret,
    name: process.env.OIDC_NAME?.trim() || "Single sign-on",
    allowedDomains: (process.env.OIDC_ALLOWED_DOMAINS ?? "")
      .split(/[\s,]+/)
      .map((d) => d.trim().toLowerCase().replace(/^@/, ""))
      .filter(Boolean),
    defaultTeam: process.env.OIDC_DEFAULT_TEAM?.trim() || null,
    defaultRole: role as Role,
  };
}
