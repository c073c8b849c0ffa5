import { z } from "zod";
import { STATUS_KEYS, VERDICT_KEYS } from "@/lib/claims/verdicts";
import { isHttpUrl } from "@/lib/validation/urls";
import { dbInt } from "@/lib/validation/numbers";
import { ZId as id } from "@/lib/validation/ids";
import { ZConfirmCorrection } from "@/lib/validation/corrections";

const version = dbInt("That is not a version this claim has had.").positive().optional();

export const ZTextQuoteSelector = z.object({
  type: z.literal("TextQuoteSelector"),
  exact: z.string().min(1, "Select some text first.").max(2000, "A claim can be at most 2,000 characters."),
  prefix: z.string().max(64).default(""),
  suffix: z.string().max(64).default(""),
});
export const ZTextPositionSelector = z.object({
  type: z.literal("TextPositionSelector"),
  start: dbInt("That position is beyond any article.").nonnegative(),
  end: dbInt("That position is beyond any article.").positive(),
});

/** A W3C Web Annotation target: one quote selector and one position selector, in any order. */
export const ZClaimTarget = z
  .object({ selector: z.array(z.discriminatedUnion("type", [ZTextQuoteSelector, ZTextPositionSelector])).min(2).max(2) })
  .transform((target, ctx) => {
    const quote = target.selector.find((s) => s.type === "TextQuoteSelector");
    const position = target.selector.find((s) => s.type === "TextPositionSelector");
    if (!quote || !position) {
      ctx.addIssue({ code: "custom", message: "A claim needs one TextQuoteSelector and one TextPositionSelector." });
      return z.NEVER;
    }
    return {
      quote: { exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
      position: { start: position.start, end: position.end },
    };
  });

export const ZCreateClaim = z.object({ articleId: id, target: ZClaimTarget });
export type TCreateClaim = z.infer<typeof ZCreateClaim>;

export const ZSetStatus = z.object({ claimId: id, status: z.enum(STATUS_KEYS), version, confirmCorrection: ZConfirmCorrection.optional() });
export type TSetStatus = z.infer<typeof ZSetStatus>;

export const ZSetVerdict = z.object({
  claimId: id,
  verdict: z.enum(VERDICT_KEYS, { message: "Choose a verdict from the scale." }),
  explanation: z
    .string()
    .trim()
    .min(10, "Explain the verdict in at least 10 characters.")
    .max(5000, "Keep the explanation under 5,000 characters."),
  version,
});
export type TSetVerdict = z.infer<typeof ZSetVerdict>;

const commentBody = z
  .string()
  .trim()
  .min(1, "Write something before posting.")
  .max(5000, "Comments can be at most 5,000 characters.")
  .refine((text) => !/<\s*\/?\s*[a-z!][^>]*>/i.test(text), "Comments are plain text: remove the HTML tags.");

export const ZAddComment = z.object({ claimId: id, body: commentBody, parentId: id.optional() });
export type TAddComment = z.infer<typeof ZAddComment>;
export const ZEditComment = z.object({ commentId: id, body: commentBody, version });
export type TEditComment = z.infer<typeof ZEditComment>;
export const ZCommentRef = z.object({ commentId: id });

const httpUrl = z
  .string()
  .trim()
  .max(2048, "That URL is too long.")
  .url("Enter a full web address, starting with https://")
  .refine(isHttpUrl, "Only http and https links are allowed.");

export const ZAddEvidence = z.object({
  claimId: id,
  url: httpUrl,
  title: z.string().trim().min(1, "Give the source a title.").max(300, "Keep the title under 300 characters."),
  excerpt: z.string().trim().max(5000, "Keep the excerpt under 5,000 characters.").optional().default(""),
  stance: z.enum(["supports", "contradicts", "context"], { message: "Choose whether it supports, contradicts or gives context." }),
  sourceType: z.enum(["primary", "secondary"], { message: "Choose primary or secondary source." }),
  retrievedAt: z.coerce.date({ message: "Enter the date the source was retrieved." }).refine(
    (d) => d.getTime() <= Date.now() + 86_400_000,
    "The retrieval date cannot be in the future.",
  ),
});
export type TAddEvidence = z.infer<typeof ZAddEvidence>;

const numericText = z.string().trim().max(120, "Keep it under 120 characters.").optional();
export const ZSetNumeric = z.object({
  claimId: id,
  numeric: z.object({
    value: z.coerce.number({ message: "Enter the number." }).refine(Number.isFinite, "Enter the number."),
    unit: z.string().trim().min(1, "Enter the unit, e.g. percent.").max(40),
    shareOf: numericText,
    subject: numericText,
    place: numericText,
    period: numericText,
    approximate: z.boolean().default(false),
  }),
  version,
});
export type TSetNumeric = z.infer<typeof ZSetNumeric>;
