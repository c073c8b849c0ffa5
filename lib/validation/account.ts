import "@/lib/validation/zod-config";
import { z } from "zod";
import { ZId } from "@/lib/validation/ids";

/**
 * What a new password must be (NIST SP 800-63B, ASVS 2.1): at least 12 characters, long
 * passphrases welcome, no composition rules. Passwords Factdesk generates (16 characters) pass.
 */
export const MIN_PASSWORD_LENGTH = 12;
export const PASSWORD_TOO_SHORT = `Use at least ${MIN_PASSWORD_LENGTH} characters; a few words together make a good one.`;
export const ZNewPassword = z
  .string({ message: "Enter a new password." })
  .refine((p) => [...p].length >= MIN_PASSWORD_LENGTH, PASSWORD_TOO_SHORT)
  .refine((p) => p.length <= 1024, "That password is too long (at most 1,024 characters).")
  .refine((p) => p.trim().length > 0, "A password cannot be only spaces.");

const currentPassword = z
  .string({ message: "Enter your current password." })
  .min(1, "Enter your current password.")
  .max(1024, "That password is too long.");

export const ZChangePassword = z.object({ currentPassword, newPassword: ZNewPassword }).refine((v) => v.newPassword !== v.currentPassword, {
  path: ["newPassword"],
  message: "Choose a password different from your current one.",
});
export type TChangePassword = z.infer<typeof ZChangePassword>;

/** The six digits from the authenticator app, spaces allowed ("123 456"). */
export const ZTotpCode = z.object({
  code: z
    .string({ message: "Enter the 6-digit code from your authenticator app." })
    .transform((c) => c.replace(/\s/g, ""))
    .pipe(z.string().regex(/^\d{6}$/, "Enter the 6-digit code from your authenticator app.")),
});

/** The person's own password, for turning two-factor off or making new recovery codes. */
export const ZPasswordCheck = z.object({ password: currentPassword });

export const ZSessionRef = z.object({ sessionId: ZId });
