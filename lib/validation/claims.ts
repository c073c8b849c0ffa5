import { z } from "zod";
import { MAX_CLAIM_LENGTH } from "@/lib/anchoring/selectors";
import { STATUS_KEYS } from "@/lib/claims/verdicts";
import { RATING_KEY } from "@/lib/teams/rating-scale";
import { calendarDate, calendarDateToDate, text } from "@/lib/validation/fields";
import { isHttpUrl } from "@/lib/validation/urls";
import { dbInt } from "@/lib/validation/numbers";
import { ZId as id } from "@/lib/validation/ids";
import { ZConfirmCorrection } from "@/lib/validation/corrections";

const version = dbInt("That is not a version this claim has had.").positive().optional();

/** Longest prefix or suffix a client may send with a quote, in characters; we store CONTEXT_LENGTH (32) of it. */
export const MAX_SENT_CONTEXT = 1000;
const context = text({
  max: MAX_SENT_CONTEXT,
  verbatim: true,
  tooLong: `A prefix or suffix can be at most ${MAX_SENT_CONTEXT.toLocaleString("en-US")} characters.`,
}).default("");

export const ZTextQuoteSelector = z.object({
  type: z.literal("TextQuoteSelector"),
  // Verbatim: the quote and its context must match the article exactly, whitespace included.
  exact: text({
    min: 1,
    max: MAX_CLAIM_LENGTH,
    verbatim: true,
    tooShort: "Select some text first.",
    tooLong: "A claim can be at most 2,000 characters.",
  }),
  // Any length (none at all included): only what is given must agree with the article.
  prefix: context,
  suffix: context,
});
export const ZTextPositionSelector = z.object({
  type: z.literal("TextPositionSelector"),
  start: dbInt("That position is beyond any article.").nonnegative(),
  end: dbInt("That position is beyond any article.").positive(),
});

const MAX_SELECTORS = 10;
const SELECTORS_MESSAGE = "A claim's target needs one TextQuoteSelector, and at most one TextPositionSelector.";

/**
 * A W3C Web Annotation target as clients send it: `selector` is one selector or a list of up to 10, in any order,
 * holding one TextQuoteSelector (exact, with an optional prefix and suffix of any length) and at most one
 * TextPositionSelector (UTF-16 offsets). Other selectors a W3C client sends beside them (a RangeSelector, an
 * XPath one) are ignored, as the annotation import ignores them. Output: `{ quote, position }`, position null
 * when none was sent (the server then finds the quote: lib/anchoring/find-quote.ts).
 */
export const ZClaimTarget = z
  .object({
    selector: z.preprocess(
      (value) => (value !== null && typeof value === "object" && !Array.isArray(value) ? [value] : value),
      z
        .array(z.looseObject({ type: text({ max: 100, required: SELECTORS_MESSAGE }) }), { message: SELECTORS_MESSAGE })
        .min(1, SELECTORS_MESSAGE)
        .max(MAX_SELECTORS, `A target can have at most ${MAX_SELECTORS} selectors.`)
        .meta({
          description:
            "One TextQuoteSelector `{ type, exact, prefix?, suffix? }` and at most one TextPositionSelector `{ type, start, end }` (UTF-16 offsets), in any order; other selector types are ignored.",
        }),
    ),
  })
  .transform((target, ctx) => {
    const of = (type: string) => target.selector.flatMap((s, i) => (s.type === type ? [[s, i] as const] : []));
    const quotes = of("TextQuoteSelector");
    const positions = of("TextPositionSelector");
    if (quotes.length !== 1 || positions.length > 1) {
      ctx.addIssue({ code: "custom", path: ["selector"], message: SELECTORS_MESSAGE });
      return z.NEVER;
    }
    // Each selector is checked on its own, so a problem is reported at its path ("selector.1.start").
    const parsed = <T extends z.ZodType>(schema: T, [value, i]: readonly [unknown, number]): z.output<T> | null => {
      const result = schema.safeParse(value);
      if (result.success) return result.data;
      for (const issue of result.error.issues) {
        ctx.addIssue({ code: "custom", path: ["selector", i, ...issue.path], message: issue.message });
      }
      return null;
    };
    const quote = parsed(ZTextQuoteSelector, quotes[0]!);
    const position = positions[0] ? parsed(ZTextPositionSelector, positions[0]) : undefined;
    if (quote === null || position === null) return z.NEVER;
    return {
      quote: { exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
      position: position ? { start: position.start, end: position.end } : null,
    };
  });

export const ZCreateClaim = z.object({ articleId: id, target: ZClaimTarget });
export type TCreateClaim = z.infer<typeof ZCreateClaim>;

export const ZSetStatus = z.object({ claimId: id, status: z.enum(STATUS_KEYS), version, confirmCorrection: ZConfirmCorrection.optional() });
export type TSetStatus = z.infer<typeof ZSetStatus>;

/** A verdict's explanation (also a double-review verdict's). */
/** A rating's key on the claim's team scale ("true", "half_true", …); the team's scale decides whether it exists. */
export const verdictKey = text({ max: 40, required: "Choose a verdict from the scale." }).pipe(
  z.string().regex(RATING_KEY, "Choose a verdict from the scale."),
);

export const verdictExplanation = text({
  min: 10,
  max: 5000,
  multiline: true,
  required: "Explain the verdict.",
  tooShort: "Explain the verdict in at least 10 characters.",
  tooLong: "Keep the explanation under 5,000 characters.",
});

export const ZSetVerdict = z.object({
  claimId: id,
  verdict: verdictKey,
  explanation: verdictExplanation,
  version,
});
export type TSetVerdict = z.infer<typeof ZSetVerdict>;

// Plain text, stored as written ("a < b", "<b>" included) and escaped wherever it is shown.
const commentBody = text({
  min: 1,
  max: 5000,
  multiline: true,
  required: "Write something before posting.",
  tooShort: "Write something before posting.",
  tooLong: "Comments can be at most 5,000 characters.",
});

/**
 * Whom the writer picked from the @ autocomplete: only a hint for telling apart members who share a name. The
 * server resolves mentions from the text itself (lib/notifications/mentions.ts) and ignores ids that are not there.
 */
const mentionIds = z.array(id).max(50, "Mention at most 50 people in one comment.").optional();
export const ZAddComment = z.object({ claimId: id, body: commentBody, parentId: id.optional(), mentionIds });
export type TAddComment = z.infer<typeof ZAddComment>;
export const ZEditComment = z.object({ commentId: id, body: commentBody, version, mentionIds });
export type TEditComment = z.infer<typeof ZEditComment>;
export const ZCommentRef = z.object({ commentId: id });

const httpUrl = text({ max: 2048, required: "Enter a full web address, starting with https://", tooLong: "That URL is too long." }).refine(
  isHttpUrl,
  "Only http and https links are allowed: enter a full web address, starting with https://",
);

// What a person says about a source, whether it is a link or a file.
const evidenceFields = {
  title: text({
    min: 1,
    max: 300,
    required: "Give the source a title.",
    tooShort: "Give the source a title.",
    tooLong: "Keep the title under 300 characters.",
  }),
  excerpt: text({ max: 5000, multiline: true, tooLong: "Keep the excerpt under 5,000 characters." }).optional().default(""),
  stance: z.enum(["supports", "contradicts", "context"], { message: "Choose whether it supports, contradicts or gives context." }),
  sourceType: z.enum(["primary", "secondary"], { message: "Choose primary or secondary source." }),
  // A calendar date (the day the source was read), stored as that day's UTC midnight.
  retrievedAt: calendarDate("Enter the date the source was retrieved, as YYYY-MM-DD.")
    .transform(calendarDateToDate)
    .refine((d) => d.getTime() <= Date.now() + 86_400_000, "The retrieval date cannot be in the future."),
};

export const ZAddEvidence = z.object({ claimId: id, url: httpUrl, ...evidenceFields });
export type TAddEvidence = z.infer<typeof ZAddEvidence>;

// A file attached as evidence: the same fields, from a multipart form, without a URL.
export const ZAddFileEvidence = z.object({ claimId: id, ...evidenceFields });
export type TAddFileEvidence = z.infer<typeof ZAddFileEvidence>;

// Evidence that is a file may have no URL; a link keeps one (lib/evidence/edit-evidence.ts checks which).
export const ZEditEvidence = z.object({
  evidenceId: id,
  version: dbInt("That is not a version this evidence has had.").positive().optional(),
  url: z.union([z.literal(""), httpUrl]),
  ...evidenceFields,
});
export type TEditEvidence = z.infer<typeof ZEditEvidence>;
export const ZEvidenceRef = z.object({ evidenceId: id });

const numericText = text({ max: 120, tooLong: "Keep it under 120 characters." }).optional();
export const ZSetNumeric = z.object({
  claimId: id,
  numeric: z.object({
    value: z.coerce.number({ message: "Enter the number." }).refine(Number.isFinite, "Enter the number."),
    unit: text({ min: 1, max: 40, required: "Enter the unit, e.g. percent.", tooShort: "Enter the unit, e.g. percent." }),
    shareOf: numericText,
    subject: numericText,
    place: numericText,
    period: numericText,
    approximate: z.boolean().default(false),
  }),
  version,
});
export type TSetNumeric = z.infer<typeof ZSetNumeric>;
