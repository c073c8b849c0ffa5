import { z } from "zod";
import { text } from "@/lib/validation/fields";
import { ZId as id } from "@/lib/validation/ids";

export const CORRECTION_KINDS = ["update", "correction"] as const;

const note = text({
  max: 1000,
  min: 10,
  multiline: true,
  required: "Tell readers what changed.",
  tooShort: "Tell readers what changed, in at least 10 characters.",
  tooLong: "Keep the note under 1,000 characters.",
});

/**
 * A change to a claim readers can see on the published report goes ahead only with this:
 * the note readers will read beside the claim, and whether it is an update (new information,
 * wording) or a correction (the desk got something wrong).
 */
export const ZConfirmCorrection = z.object({
  note,
  kind: z.enum(CORRECTION_KINDS, { message: "Choose update or correction." }).optional(),
});
export type TConfirmCorrection = z.infer<typeof ZConfirmCorrection>;

/** An editor adds a note to a published claim by hand. */
export const ZAddCorrection = z.object({
  claimId: id,
  note,
  kind: z.enum(CORRECTION_KINDS, { message: "Choose update or correction." }),
});
export type TAddCorrection = z.infer<typeof ZAddCorrection>;
