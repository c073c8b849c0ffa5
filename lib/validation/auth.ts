import { z } from "zod";

export const ZSignIn = z.object({
  email: z.string().trim().toLowerCase().email("Enter a valid email address.").max(254),
  password: z.string().min(1, "Enter your password.").max(1024, "That password is too long."),
});
export type TSignIn = z.infer<typeof ZSignIn>;
