import type { Provider } from "next-auth/providers/index";
import { ssoSettings } from "@/lib/sso/config";

/** next-auth's id of the OIDC provider: its callback is /api/auth/callback/oidc. */
export const OIDC_PROVIDER_ID = "oidc";

/**
 * next-auth's OpenID Connect provider from the OIDC_* settings (discovery through the issuer's
 * /.well-known/openid-configuration, authorization code with PKCE and state, claims read from the
 * verified ID token), as a list of one; empty when single sign-on is not configured.
 */
export function oidcProviders(): Provider[] {
  const settings = ssoSettings();
  if (!settings) return [];
  return [
    {
      id: OIDC_PROVIDER_ID,
      name: settings.name,
      type: "oauth",
      wellKnown: `${settings.issuer}/.well-known/openid-configuration`,
      clientId: settings.clientId,
      clientSecret: settings.clientSecret,
      authorization: { params: { scope: "openid email profile" } },
      idToken: true,
      checks: ["pkce", "state"],
      // Only an id next-auth needs for its own bookkeeping: the signIn callback swaps it for the
      // Factdesk account the verified address belongs to.
      profile: (profile: { sub: string; email?: string; name?: string }) => ({
        id: profile.sub,
        email: profile.email ?? null,
        name: profile.name ?? null,
      }),
    },
  ];
}
