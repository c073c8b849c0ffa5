// What a refused single sign-on or password sign-in answers (next-auth's `error=` parameter on
// /signin), shared by lib/auth.ts and the sign-in page, with the sentence the page shows.

/** A password sign-in of someone in a team that requires single sign-on. */
export const SSO_REQUIRED = "SsoRequired";
/** The identity provider did not vouch for the address, its domain is not allowed, or no team takes new people. */
export const SSO_NOT_ALLOWED = "SsoNotAllowed";
/** The account has two-factor on and the identity provider did not report multi-factor authentication. */
export const SSO_TWO_FACTOR = "SsoTwoFactor";
/** The account is disabled. */
export const SSO_DISABLED = "SsoDisabled";

/** The sentence the sign-in page shows for a sign-in error code; null for codes it does not know. */
export function signInErrorMessage(code: string | undefined): string | null {
  switch (code) {
    case "TooManyAttempts":
      return "Too many failed sign-in attempts. Try again later.";
    case SSO_REQUIRED:
      return "Your team signs in with single sign-on: use the single sign-on button.";
    case SSO_NOT_ALLOWED:
      return "Single sign-on could not sign you in: your address is not verified by your identity provider, its domain is not allowed here, or no team takes new people. Ask an admin to invite you.";
    case SSO_TWO_FACTOR:
      return "Your account has two-factor authentication on: sign in with your password and code, or ask for multi-factor sign-in at your identity provider.";
    case SSO_DISABLED:
      return "This account is disabled. Ask an admin of your team.";
    default:
      return null;
  }
}
