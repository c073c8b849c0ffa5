import "@/lib/validation/zod-config";
import { z } from "zod";

export const ZSignIn = z.object({
  email: z.string().trim().toLowerCase().email("Enter a valid email address.").max(254),
  password: z.string().min(1, "Enter your password.").max(1024, "That password is too long."),
  /** Second factor: six digits from the authenticator app, or a recovery code. Empty means none. */
  code: z
    .string()
    .trim()
    .max(64, "That code is too long.")
    .optional()
    .transform((c) => c || undefined),
});
export type TSignIn = z.infer<typeof ZSignIn>;
