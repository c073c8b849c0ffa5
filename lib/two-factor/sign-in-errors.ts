// What a sign-in answers (next-auth's `error=` parameter) when the password was right and the
// account has two-factor: the form then asks for a code. Shared by lib/auth.ts and the form.

/** No code came with the password. Not counted as a failed attempt, nor as a success. */
export const TWO_FACTOR_REQUIRED = "TwoFactorRequired";
/** The code was wrong, already used, or not current. Counted as a failed attempt. */
export const TWO_FACTOR_INVALID = "TwoFactorInvalid";

/** Why a session's writes are refused while its team requires two-factor of it. */
export const TWO_FACTOR_NEEDED_MESSAGE =
  "Your team requires two-factor authentication for admins and editors. Turn it on under Account → Two-factor; until then you can read but not make changes.";
