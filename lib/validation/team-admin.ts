import "@/lib/validation/zod-config";
import { z } from "zod";
import { VERDICT_KEYS } from "@/lib/claims/verdicts";
import { text } from "@/lib/validation/fields";
import { teamName } from "@/lib/validation/onboarding";

const rating = z.object({
  key: z.enum(VERDICT_KEYS, { message: "That is not a rating of the scale." }),
  label: text({ min: 1, max: 40, required: "Give each rating a label.", tooShort: "Give each rating a label." }),
  colour: text({ max: 7, required: "Choose a colour." }).pipe(z.string().regex(/^#[0-9a-fA-F]{6}$/, "Give the colour as #rrggbb.")),
  noRating: z.boolean({ message: "Say true or false." }),
});

/** The intervals, in days, a team may check its evidence sources at (0 = never; default 7). */
export const SOURCE_CHECK_DAYS = [1, 7, 14, 30, 0] as const;

/** Team options an admin sets: double review default, SSO requirement, and the rating scale in display order. */
export const ZTeamOptions = z.object({
  doubleReviewDefault: z.boolean({ message: "Say true or false." }),
  requireSso: z.boolean({ message: "Say true or false." }),
  ratingScale: z
    .array(rating)
    .length(VERDICT_KEYS.length, `List all ${VERDICT_KEYS.length} ratings.`)
    .refine((list) => new Set(list.map((r) => r.key)).size === list.length, "Each rating appears once.")
    .refine((list) => new Set(list.map((r) => r.label.toLowerCase())).size === list.length, "Give each rating a different label."),
  // Days between checks of evidence sources for changes; 0 = never. Omitted: unchanged.
  sourceCheckDays: z
    .number({ message: "Choose how often sources are checked." })
    .refine((days) => (SOURCE_CHECK_DAYS as readonly number[]).includes(days), "Choose how often sources are checked.")
    .optional(),
});
export type TTeamOptions = z.infer<typeof ZTeamOptions>;

/** Archiving asks for the team's name, typed, as confirmation. */
export const ZArchiveTeam = z.object({
  confirmName: text({ max: 120, min: 1, required: "Type the team's name to confirm.", tooShort: "Type the team's name to confirm." }),
});
export const ZRenameTeam = z.object({ name: teamName });
