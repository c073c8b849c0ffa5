// The W3C Web Annotation shape Factdesk exports and imports (https://www.w3.org/TR/annotation-model/).
// One Annotation per claim: its target is the claim's place in the article (TextQuoteSelector +
// TextPositionSelector); its bodies are the verdict (purpose "assessing"), each comment
// ("commenting", replies point at their parent with factdesk:replyTo), each piece of evidence
// (a SpecificResource, "linking") and the status (a "tagging" body whose value is the status key); each of the
// team's tags on the claim is another "tagging" body whose value is the tag's name (a tag named like a status key
// reads back as the status: the status body came first and keeps its meaning).
// What the W3C vocabulary has no word for lives under the factdesk: prefix.
import { z } from "zod";
import { MAX_CLAIM_LENGTH } from "@/lib/anchoring/selectors";
import { ZCreators, type W3CCreators } from "@/lib/annotations/creators";
import { STATUS_KEYS, type StatusKey } from "@/lib/claims/verdicts";
import { readInstant, text as fieldText } from "@/lib/validation/fields";
import { dbInt, MAX_DB_INT } from "@/lib/validation/numbers";

export const ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld";
export const FACTDESK_NS = "urn:factdesk:ns:";
/**
 * Our terms on top of the W3C context. JSON-LD expansion drops any key its context does not
 * define, so every key we write is defined: the factdesk: ones through the prefix, and the
 * plain keys nested inside factdesk:verdict, factdesk:numeric and an evidence source here
 * (anno.jsonld already defines label, value, name, id and type). Checked by expanding an
 * export with the `jsonld` processor (lib/annotations/jsonld.int.test.ts).
 */
export const FACTDESK_CONTEXT = {
  factdesk: FACTDESK_NS,
  title: "http://purl.org/dc/terms/title",
  key: "factdesk:verdictKey",
  ordinal: { "@id": "factdesk:ordinal", "@type": "http://www.w3.org/2001/XMLSchema#integer" },
  explanation: "factdesk:explanation",
  unit: "factdesk:unit",
  shareOf: "factdesk:shareOf",
  subject: "factdesk:subject",
  place: "factdesk:place",
  period: "factdesk:period",
  approximate: "factdesk:approximate",
  bound: "factdesk:bound",
  change: "factdesk:change",
  from: "factdesk:from",
  quantity: "factdesk:quantity",
} as const;
export const ANNOTATION_CONTEXT = [ANNO_CONTEXT, FACTDESK_CONTEXT] as const;
export const ANNOTATIONS_CONTENT_TYPE = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';

/**
 * The stable URN Factdesk gives a claim, comment, evidence item or user in W3C exports:
 * `urn:factdesk:<kind>:<id>` (the id is inserted as is; ids are cuids, so nothing needs escaping).
 */
export const urn = (kind: "claim" | "comment" | "evidence" | "user", id: string) => `urn:factdesk:${kind}:${id}`;

export type { W3CCreator, W3CCreators } from "@/lib/annotations/creators";

/** Where the claim stands in the text it was made on. */
export const ANCHOR_STATES = ["attached", "needs_review", "orphaned"] as const;
export type AnchorState = (typeof ANCHOR_STATES)[number];

/** The version of the article the selectors describe (W3C TimeState: `cached` is that version's text). */
export type W3CState = { type: "TimeState"; cached: string; sourceDate?: string };

export type W3CTarget = {
  source: string;
  state?: W3CState;
  /** TextPositionSelector offsets count Unicode code points, as the Web Annotation model says. */
  selector: [
    { type: "TextQuoteSelector"; exact: string; prefix: string; suffix: string },
    { type: "TextPositionSelector"; start: number; end: number },
  ];
};

export type W3CVerdictBody = {
  type: "TextualBody";
  purpose: "assessing";
  value: string;
  format: "text/plain";
  creator?: W3CCreators;
  created?: string;
  "factdesk:verdict": { key: string | null; label: string; ordinal: number; explanation: string };
};

export type W3CCommentBody = {
  id: string;
  type: "TextualBody";
  purpose: "commenting";
  value: string;
  format: "text/plain";
  creator: W3CCreators;
  created: string;
  modified?: string;
  "factdesk:replyTo"?: string;
  /** A comment deleted in Factdesk keeps its place in the thread but not its text. */
  "factdesk:deleted"?: string;
};

export type W3CEvidenceBody = {
  id: string;
  type: "SpecificResource";
  purpose: "linking";
  source: { id: string; type: "Text"; title: string };
  creator: W3CCreators;
  created: string;
  "factdesk:stance": "supports" | "contradicts" | "context";
  "factdesk:sourceType": "primary" | "secondary";
  "factdesk:excerpt": string;
  "factdesk:retrieved": string;
};

export type W3CStatusBody = { type: "TextualBody"; purpose: "tagging"; value: StatusKey };

/** One of the team's tags on the claim: a plain W3C tagging body whose value is the tag's name. */
export type W3CTagBody = { type: "TextualBody"; purpose: "tagging"; value: string };

export type W3CBody = W3CVerdictBody | W3CCommentBody | W3CEvidenceBody | W3CStatusBody | W3CTagBody;

export type W3CAnnotation = {
  id: string;
  type: "Annotation";
  motivation: "assessing" | "highlighting";
  via?: string;
  created: string;
  modified: string;
  creator: W3CCreators;
  target: W3CTarget;
  body: W3CBody[];
  "factdesk:requiresDoubleReview": boolean;
  "factdesk:numeric": Record<string, unknown> | null;
  /** attached: the selectors point into the state's version and it is current; otherwise they keep the old text. */
  "factdesk:anchorStatus": AnchorState;
};

export type W3CCollection = {
  "@context": typeof ANNOTATION_CONTEXT;
  id: string;
  type: "AnnotationCollection";
  label: string;
  total: number;
  first: { id: string; type: "AnnotationPage"; startIndex: 0; items: W3CAnnotation[] };
};

// ——— Import: what an uploaded document must look like ———

/** Largest upload accepted, in bytes of JSON. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_ANNOTATIONS = 1000;
const MAX_BODIES = 500;
const TEXT_MAX = 5000;

// The field rules every schema shares (lib/validation/fields.ts): no NUL, no broken characters,
// lengths in characters; dates within the years the desk accepts anywhere.
const DATE_MESSAGE = "Use an ISO 8601 date-time, e.g. 2026-11-27T20:45:00Z, between the years 1800 and 2200.";
const date = z.iso.datetime({ offset: true, message: DATE_MESSAGE }).refine((value) => readInstant(value) !== null, DATE_MESSAGE);
const text = (what: string, max = TEXT_MAX, min = 0) =>
  fieldText({
    max,
    min,
    multiline: true,
    tooShort: `${what} is empty.`,
    tooLong: `${what} can be at most ${max.toLocaleString("en-US")} characters.`,
  });
/** A one-line string of the file (ids, names, types): the field rules, at most `max` characters. */
const line = (max: number) => fieldText({ max });

/** A file's creator (an IRI, an agent, or a list of up to 10): see lib/annotations/creators.ts. */
export const ZCreator = ZCreators;
export type TCreator = W3CCreators;

const ZQuoteSelector = z.object({
  type: z.literal("TextQuoteSelector"),
  exact: fieldText({
    min: 1,
    max: MAX_CLAIM_LENGTH,
    verbatim: true,
    tooShort: "The quote (exact) is empty.",
    tooLong: `A claim can be at most ${MAX_CLAIM_LENGTH.toLocaleString("en-US")} characters.`,
  }),
  prefix: fieldText({ max: 1000, verbatim: true }).default(""),
  suffix: fieldText({ max: 1000, verbatim: true }).default(""),
});
const POSITION_TOO_BIG = `Offsets can be at most ${MAX_DB_INT.toLocaleString("en-US")}.`;
const ZPositionSelector = z.object({
  type: z.literal("TextPositionSelector"),
  start: dbInt(POSITION_TOO_BIG).nonnegative(),
  end: dbInt(POSITION_TOO_BIG).positive(),
});

/** Selectors other than these two (e.g. a CssSelector from another tool) are ignored, not refused. */
const ZSelectors = z
  .preprocess(
    (value) => (Array.isArray(value) ? value : value === undefined ? [] : [value]),
    z.array(z.object({ type: line(100) }).passthrough()).max(10),
  )
  .transform((selectors, ctx) => {
    const quote = ZQuoteSelector.safeParse(selectors.find((s) => s.type === "TextQuoteSelector"));
    const rawPosition = selectors.find((s) => s.type === "TextPositionSelector");
    const position = rawPosition === undefined ? null : ZPositionSelector.safeParse(rawPosition);
    if (!quote.success) {
      ctx.addIssue({
        code: "custom",
        message: quote.error.issues[0]?.path.length
          ? `TextQuoteSelector ${quote.error.issues[0].path.join(".")}: ${quote.error.issues[0].message}`
          : "The target needs a TextQuoteSelector with the claim's exact text.",
      });
      return z.NEVER;
    }
    if (position && !position.success) {
      const issue = position.error.issues[0];
      const message =
        issue?.code === "too_big"
          ? `TextPositionSelector ${issue.path.join(".")}: ${issue.message}`
          : "The TextPositionSelector needs whole-number start and end.";
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    }
    return {
      quote: { exact: quote.data.exact, prefix: quote.data.prefix, suffix: quote.data.suffix },
      position: position?.data ? { start: position.data.start, end: position.data.end } : null,
    };
  });

const ZState = z.preprocess(
  (value) => (Array.isArray(value) ? value[0] : value),
  z
    .object({ type: line(100).optional(), cached: line(2000).optional(), sourceDate: line(100).optional() })
    .passthrough()
    .optional(),
);

const ZTarget = z.preprocess(
  (value) => (Array.isArray(value) ? value[0] : value),
  z.object(
    { source: line(2000).optional(), state: ZState, selector: ZSelectors },
    { message: "Each annotation needs a target with selectors." },
  ),
);

/**
 * Key, label and ordinal only name a verdict on the desk's scale (lib/claims/verdicts.ts): the
 * plan looks each one up there and refuses them unless they agree, so a file can never store a
 * label of its own (a "True" whose ordinal says False would publish two different ratings).
 */
const ZVerdictExtension = z.object({
  key: line(100).nullable().optional(),
  label: line(100).optional(),
  ordinal: z.number().int().optional(),
  explanation: fieldText({
    min: 1,
    max: TEXT_MAX,
    multiline: true,
    tooShort: "The verdict needs an explanation.",
    tooLong: `A verdict explanation can be at most ${TEXT_MAX.toLocaleString("en-US")} characters.`,
  }),
});
export type TVerdictExtension = z.output<typeof ZVerdictExtension>;

const ZBody = z
  .object({
    id: line(500).optional(),
    type: line(100).optional(),
    purpose: line(100).optional(),
    value: text("A body's value", TEXT_MAX + 200).optional(),
    creator: ZCreator.optional(),
    created: date.optional(),
    modified: date.optional(),
    source: z.union([line(2048), z.object({ id: line(2048), title: line(2000).optional() })]).optional(),
    "factdesk:verdict": ZVerdictExtension.optional(),
    "factdesk:replyTo": line(500).optional(),
    "factdesk:deleted": date.optional(),
    "factdesk:stance": z.enum(["supports", "contradicts", "context"]).optional(),
    "factdesk:sourceType": z.enum(["primary", "secondary"]).optional(),
    "factdesk:excerpt": text("An evidence excerpt").optional(),
    "factdesk:retrieved": date.optional(),
  })
  .passthrough();
export type TBody = z.output<typeof ZBody>;

export const ZAnnotation = z.object({
  id: line(500).optional(),
  type: z.union([z.literal("Annotation"), z.array(line(100)).refine((t) => t.includes("Annotation"))], {
    message: 'Each item must be an "Annotation".',
  }),
  created: date.optional(),
  modified: date.optional(),
  creator: ZCreator.optional(),
  target: ZTarget,
  body: z.preprocess(
    (value) => (Array.isArray(value) ? value : value === undefined ? [] : [value]),
    z.array(ZBody).max(MAX_BODIES, `An annotation can have at most ${MAX_BODIES} bodies.`),
  ),
  "factdesk:requiresDoubleReview": z.boolean().optional(),
  "factdesk:numeric": z.record(z.string(), z.unknown()).nullable().optional(),
  "factdesk:anchorStatus": z.enum(ANCHOR_STATES, { message: `factdesk:anchorStatus is one of ${ANCHOR_STATES.join(", ")}.` }).optional(),
});
export type TAnnotation = z.output<typeof ZAnnotation>;

const ZItems = z
  .array(ZAnnotation)
  .min(1, "The file has no annotations to import.")
  .max(MAX_IMPORT_ANNOTATIONS, `Import at most ${MAX_IMPORT_ANNOTATIONS.toLocaleString("en-US")} annotations at a time.`);

/** An AnnotationCollection with its first page embedded (what Factdesk exports), or a bare AnnotationPage. */
export const ZAnnotationDocument = z
  .object({
    type: z.enum(["AnnotationCollection", "AnnotationPage"], { message: 'Expected a W3C "AnnotationCollection" or "AnnotationPage".' }),
    first: z.unknown().optional(),
    items: z.unknown().optional(),
  })
  .transform((doc, ctx) => {
    if (doc.type === "AnnotationPage") return { items: doc.items };
    if (doc.first === null || typeof doc.first !== "object" || Array.isArray(doc.first)) {
      ctx.addIssue({
        code: "custom",
        path: ["first"],
        message: "The collection must embed its first AnnotationPage (not just link to it).",
      });
      return z.NEVER;
    }
    const page = doc.first as { next?: unknown; items?: unknown };
    if (page.next !== undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["first", "next"],
        message: "Collections split over several pages cannot be imported; export them as one page.",
      });
      return z.NEVER;
    }
    return { items: page.items };
  })
  .pipe(z.object({ items: ZItems }));

export const STATUS_SET: ReadonlySet<string> = new Set(STATUS_KEYS);
