import { z } from "zod";
import { calendarDate, text } from "@/lib/validation/fields";
import { ZId as id } from "@/lib/validation/ids";
import { dbInt } from "@/lib/validation/numbers";
import { isHttpUrl } from "@/lib/validation/urls";
import { ZConfirmCorrection } from "@/lib/validation/corrections";

export const CLAIMANT_KINDS = ["person", "organization"] as const;

/** Who made the claim: a person (with their role) or an organisation (with a short description). */
export const ZClaimant = z.object({
  name: text({
    max: 200,
    min: 1,
    required: "Name who made the claim.",
    tooShort: "Name who made the claim.",
    tooLong: "Keep the name under 200 characters.",
  }),
  kind: z.enum(CLAIMANT_KINDS, { message: "Choose person or organisation." }),
  description: text({ max: 200, tooLong: "Keep the role or description under 200 characters." })
    .optional()
    .transform((d) => d || null),
});

/** An http(s) address, or empty (null). */
const optionalUrl = text({ max: 2048, tooLong: "That URL is too long." })
  .refine((u) => u === "" || isHttpUrl(u), "Enter a full http or https address.")
  .optional()
  .transform((u) => u || null);

/** Where and when the claim first appeared (before the article under review, often). */
export const ZFirstAppearance = z.object({
  url: optionalUrl,
  date: z
    .union([calendarDate("Use a date like 2025-02-17."), z.literal("")])
    .optional()
    .transform((d) => d || null)
    .refine((d) => d === null || new Date(d).getTime() <= Date.now() + 86_400_000, "That date is in the future."),
});

export const ZSetClaimant = z.object({
  claimId: id,
  claimant: ZClaimant.nullable(),
  firstAppearance: ZFirstAppearance.nullable().default(null),
  version: dbInt("That is not a version this claim has had.").positive().optional(),
  confirmCorrection: ZConfirmCorrection.optional(),
});
export type TSetClaimant = z.infer<typeof ZSetClaimant>;
