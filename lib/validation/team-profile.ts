import { z } from "zod";
import { text } from "@/lib/validation/fields";
import { isHttpUrl } from "@/lib/validation/urls";

/** An http(s) address, or empty (null). */
const url = text({ max: 2048, tooLong: "That URL is too long." })
  .refine((u) => u === "" || isHttpUrl(u), "Enter a full http or https address.")
  .optional()
  .transform((u) => u || null);

/** How the team signs its fact-checks: ClaimReview `author` (name, url, logo) and the public report. */
export const ZTeamProfile = z.object({
  publicName: text({ max: 200, tooLong: "Keep the name under 200 characters." })
    .optional()
    .transform((n) => n || null),
  publicUrl: url,
  logoUrl: url,
});
export type TTeamProfile = z.infer<typeof ZTeamProfile>;
