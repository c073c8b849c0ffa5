import { z } from "zod";
import { MAX_CLAIM_LENGTH } from "@/lib/anchoring/selectors";
import { documentText, text } from "@/lib/validation/fields";
import { dbInt, MAX_DB_INT } from "@/lib/validation/numbers";
import { ZId as id } from "@/lib/validation/ids";

const TOO_LARGE = "There is no version that high.";
const versionNumber = z.coerce
  .number({ message: "A version is a whole number." })
  .int("A version is a whole number.")
  .positive("Versions start at 1.")
  .max(MAX_DB_INT, TOO_LARGE);
const offset = dbInt("That position is past the end of any article.").nonnegative();

export const ZSaveVersion = z.object({
  articleId: id,
  baseVersion: z.number({ message: "Say which version your edit starts from (baseVersion)." }).int().positive().max(MAX_DB_INT, TOO_LARGE),
  title: text({ min: 1, max: 300, tooShort: "The title cannot be empty.", tooLong: "Keep the title under 300 characters." }).optional(),
  // importArticle enforces the real limit (2 MB) and cleans the text; this only stops absurd input early.
  markdown: documentText(4_000_000, { required: "Send the article text as markdown.", tooLong: "That is more than 2 MB of text." }),
});
export type TSaveVersion = z.infer<typeof ZSaveVersion>;

export const ZVersionRef = z.object({ articleId: id, number: versionNumber });
export const ZDiffVersions = z.object({ articleId: id, from: versionNumber, to: versionNumber });

export const ZAnchorAction = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("candidate"), index: z.number().int().nonnegative().max(MAX_DB_INT, "That candidate is not on offer.") }),
  z.object({
    kind: z.literal("span"),
    start: offset,
    end: offset.positive(),
    exact: text({ min: 1, max: MAX_CLAIM_LENGTH, verbatim: true, tooShort: "Select the words in the article first." }),
  }),
  z.object({ kind: z.literal("orphan") }),
  z.object({ kind: z.literal("restore") }),
]);

export const ZResolveAnchor = z.object({
  claimId: id,
  version: z
    .number({ message: "Send the claim's version (optimistic lock)." })
    .int()
    .positive()
    .max(MAX_DB_INT, "That is not a version this claim has had."),
  action: ZAnchorAction,
});
export type TResolveAnchor = z.infer<typeof ZResolveAnchor>;
