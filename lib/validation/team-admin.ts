import "@/lib/validation/zod-config";
import { z } from "zod";
import { HEX_COLOUR, MAX_RATINGS, RATING_KEY } from "@/lib/teams/rating-scale";
import { text, ZId } from "@/lib/validation/fields";
import { teamName } from "@/lib/validation/onboarding";

const ratingKey = text({ max: 40, required: "A rating needs a key." }).pipe(
  z.string().regex(RATING_KEY, "A rating's key is lower-case letters, digits, - and _ (at most 40)."),
);

const rating = z
  .object({
    key: ratingKey,
    label: text({ min: 1, max: 40, required: "Give each rating a label.", tooShort: "Give each rating a label." }),
    colour: text({ max: 7, required: "Choose a colour." }).pipe(z.string().regex(HEX_COLOUR, "Give the colour as #rrggbb.")),
    ordinal: z
      .number({ message: "Give each rating its ClaimReview value: 1 (false) to 5 (true), or 0 for no rating." })
      .int("Give each rating its ClaimReview value: 1 (false) to 5 (true), or 0 for no rating.")
      .min(0, "Give each rating its ClaimReview value: 1 (false) to 5 (true), or 0 for no rating.")
      .max(5, "Give each rating its ClaimReview value: 1 (false) to 5 (true), or 0 for no rating."),
    noRating: z.boolean({ message: "Say true or false." }),
  })
  .refine((r) => r.ordinal !== 0 || r.noRating, {
    message: 'A rating outside the truth scale (value 0) is always "no rating".',
    path: ["noRating"],
  });

/** The intervals, in days, a team may check its evidence sources at (0 = never; default 7). */
export const SOURCE_CHECK_DAYS = [1, 7, 14, 30, 0] as const;

/**
 * Team options an admin sets: double review default, SSO requirement, and the rating scale in display order
 * (1 to MAX_RATINGS ratings, keys and labels distinct, letter case ignored for labels; lib/teams/rating-scale.ts),
 * and how often evidence sources are checked (`sourceCheckDays`).
 */
export const ZTeamOptions = z.object({
  doubleReviewDefault: z.boolean({ message: "Say true or false." }),
  requireSso: z.boolean({ message: "Say true or false." }),
  ratingScale: z
    .array(rating)
    .min(1, "Keep at least one rating on the scale.")
    .max(MAX_RATINGS, `A scale has at most ${MAX_RATINGS} ratings.`)
    .refine((list) => new Set(list.map((r) => r.key)).size === list.length, "Each rating appears once.")
    .refine((list) => new Set(list.map((r) => r.label.toLowerCase())).size === list.length, "Give each rating a different label.")
    // Statistics count verdicts per value (ArticleClaimTally), so ratings that share one must agree on it.
    .refine(
      (list) => list.every((r) => list.every((o) => o.ordinal !== r.ordinal || o.noRating === r.noRating)),
      'Ratings with the same ClaimReview value must agree on "no rating".',
    ),
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
/** Which archived team to bring back. */
export const ZUnarchiveTeam = z.object({ teamId: ZId });
