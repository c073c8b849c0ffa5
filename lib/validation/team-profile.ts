import { z } from "zod";
import { isHttpUrl } from "@/lib/validation/urls";

const url = z
  .string()
  .trim()
  .max(2048, "That URL is too long.")
  .refine((u) => u === "" || isHttpUrl(u), "Enter a full http or https address.")
  .optional()
  .transform((u) => u || null);

/** How the team signs its fact-checks: ClaimReview `author` (name, url, logo) and the public report. */
export const ZTeamProfile = z.object({
  publicName: z
    .string()
    .trim()
    .max(200, "Keep the name under 200 characters.")
    .optional()
    .transform((n) => n || null),
  publicUrl: url,
  logoUrl: url,
});
export type TTeamProfile = z.infer<typeof ZTeamProfile>;
