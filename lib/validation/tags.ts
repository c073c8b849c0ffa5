import "@/lib/validation/zod-config";
import { z } from "zod";
import { text, ZId } from "@/lib/validation/fields";
import { TAG_COLOURS, TAG_NAME_MAX } from "@/lib/tags/tag-rules";

/** A tag name: 1–40 characters on one line (uniqueness is per team, ignoring case: lib/tags/tag-rules.ts tagKey). */
export const tagName = text({
  min: 1,
  max: TAG_NAME_MAX,
  required: "Enter a tag name.",
  tooShort: "Enter a tag name.",
  tooLong: `Keep tag names under ${TAG_NAME_MAX} characters.`,
}).transform((value) => value.replace(/\s+/g, " "));

const colour = z.enum(TAG_COLOURS, { message: `Choose one of ${TAG_COLOURS.join(", ")}.` }).nullable();

/** Tag an article or a claim with an existing tag (`tagId`) or by name (found ignoring case, created when new). */
export const ZAddTag = z
  .object({ tagId: ZId.optional(), name: tagName.optional() })
  .refine((value) => (value.tagId === undefined) !== (value.name === undefined), {
    message: "Give either tagId or name.",
    path: ["name"],
  });
export type TAddTag = z.infer<typeof ZAddTag>;

/** Tagging an article: the article and the tag. */
export const ZTagArticle = z.object({ articleId: ZId }).and(ZAddTag);
export type TTagArticle = z.infer<typeof ZTagArticle>;
/** Tagging a claim: the claim and the tag. */
export const ZTagClaim = z.object({ claimId: ZId }).and(ZAddTag);
export type TTagClaim = z.infer<typeof ZTagClaim>;

/** Taking a tag off (the `tag` query parameter of DELETE …/tags). */
export const ZTagRef = z.object({ tag: ZId });
export const ZUntagArticle = z.object({ articleId: ZId, tagId: ZId });
export type TUntagArticle = z.infer<typeof ZUntagArticle>;
export const ZUntagClaim = z.object({ claimId: ZId, tagId: ZId });
export type TUntagClaim = z.infer<typeof ZUntagClaim>;

const updateTagFields = z.object({ name: tagName.optional(), color: colour.optional() });
const nameOrColour = (value: { name?: string; color?: string | null }) => value.name !== undefined || value.color !== undefined;
const nameOrColourMessage = { message: "Give a new name or colour.", path: ["name"] };
/** The body of PATCH /api/v1/team/tags/{id}: a new name, a new colour (null: plain), or both. */
export const ZUpdateTagBody = updateTagFields.refine(nameOrColour, nameOrColourMessage);
/** Renaming or recolouring a tag (editors): either or both. */
export const ZUpdateTag = updateTagFields.extend({ tagId: ZId }).refine(nameOrColour, nameOrColourMessage);
export type TUpdateTag = z.infer<typeof ZUpdateTag>;

/** Merging tag `tagId` into `into` (editors): its articles and claims get `into`, then it is deleted. */
export const ZMergeTag = z.object({ tagId: ZId, into: ZId });
export type TMergeTag = z.infer<typeof ZMergeTag>;

export const ZDeleteTag = z.object({ tagId: ZId });
export type TDeleteTag = z.infer<typeof ZDeleteTag>;

/** GET /api/v1/team/tags: `q` narrows to names containing it (ignoring case). */
export const ZListTags = z.object({ q: text({ max: TAG_NAME_MAX }).optional() });
