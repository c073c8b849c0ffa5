// Every route under app/api/v1, one entry per path and method. openapi.test.ts checks this
// list against the route files on disk, so a new route without a description fails the tests.
import { ZCreateApiToken } from "@/lib/validation/api-tokens";
import { ZImportArticleFromUrl, ZImportArticle } from "@/lib/validation/articles";
import {
  ZAddComment,
  ZAddEvidence,
  ZAddFileEvidence,
  ZCreateClaim,
  ZEditComment,
  ZEditEvidence,
  ZSetNumeric,
  ZSetStatus,
  ZSetVerdict,
} from "@/lib/validation/claims";
import {
  ZAddMember,
  ZAssignReviewers,
  ZClaimDoubleReview,
  ZDoubleReview,
  ZSubmitReview,
  ZTeamSettings,
  ZUpdateMember,
} from "@/lib/validation/team";
import { ZResolveAnchor, ZSaveVersion } from "@/lib/validation/versions";
import { ZAddCorrection } from "@/lib/validation/corrections";
import { ZSetClaimant } from "@/lib/validation/claimant";
import { ZAddTag, ZMergeTag, ZUpdateTagBody } from "@/lib/validation/tags";
import { ZTeamProfile } from "@/lib/validation/team-profile";
import { arrayOf, bodySchemaOf, bool, int, nullable, obj, ref, str, type JsonSchema } from "@/lib/api/openapi/json-schema";
import { SEARCH_KINDS, SEARCH_MAX_PAGE, SEARCH_PAGE_SIZE } from "@/lib/validation/search";
import { ARTICLE_SORTS } from "@/lib/validation/article-list";
import { SECRET_SHAPE } from "@/lib/api-tokens/secret";
import { MEMBER_SEARCH_PAGE_SIZE } from "@/lib/validation/notifications";
import { CLAIM_LIST_LIMIT } from "@/lib/validation/claim-list";
import { SUGGESTION_LIST_LIMIT } from "@/lib/validation/suggestion-list";

/** `limit` and `cursor` of a list paged by cursor (lib/validation/claim-list.ts pageQuery). */
const pageParameters = (what: string, limit: { default: number; max: number }) => [
  {
    name: "limit",
    description: `${what} per page: 1 to ${limit.max}, default ${limit.default}.`,
    schema: { type: "integer", minimum: 1, maximum: limit.max, default: limit.default } as JsonSchema,
  },
  {
    name: "cursor",
    description:
      "The previous page's `nextCursor`, unchanged (opaque). Pages continue after the previous page's last item by its place in the order, so items added or removed meanwhile never make another repeat or go missing. A cursor this list did not give out is a 422.",
    schema: str,
  },
];

export type Method = "get" | "post" | "put" | "patch" | "delete";
export type Auth = "any" | "session" | "public";

export type Operation = {
  summary: string;
  description?: string;
  tag: string;
  /** any: bearer token or session cookie (default); session: signed-in person only; public: no auth. */
  auth?: Auth;
  query?: { name: string; description: string; required?: boolean; schema: JsonSchema }[];
  body?: JsonSchema;
  bodyContentType?: string;
  ok: { status: number; description: string; schema?: JsonSchema; contentType?: string };
  /** Extra answers beyond the defaults (401/429 when authenticated, 403 on writes, 404 with an id, 400/422 with a body). */
  extra?: Record<string, string>;
  /** Honours the Idempotency-Key header (the route is built with `idempotent: true`; route-files.test.ts checks both agree). */
  idempotent?: true;
};

const versionConflict = { "409": "Someone else changed it first: reload and try again (the message says who and what)." };
const correctionNeeded = {
  "409":
    "Someone else changed it first (the message says who and what), or the claim is verified on the published report and the change needs `confirmCorrection: { note, kind? }`, a public note for the report's corrections log (`error.fields.confirmCorrection`).",
};

const importArticleBody: JsonSchema = {
  ...bodySchemaOf(ZImportArticle),
  description:
    "content is plain text, HTML (sanitised: no scripts, styles or event handlers survive) or Markdown, at most 2 MB. title defaults to the one found in the content.",
};

const tagList = obj({ tags: arrayOf(ref("Tag")) });
const tagOf = (what: string): Record<"post" | "delete", Operation> => ({
  post: {
    summary: `Tag the ${what} (reviewers, editors, admins)`,
    description:
      "`name` finds the team's tag ignoring case, or creates it; `tagId` names an existing tag of the team (another team's id is a 404). Tagging twice changes nothing. At most 20 tags.",
    tag: "Tags",
    body: bodySchemaOf(ZAddTag),
    ok: { status: 200, description: `The ${what}'s tags by name.`, schema: tagList },
  },
  delete: {
    summary: `Take a tag off the ${what}`,
    tag: "Tags",
    query: [{ name: "tag", description: "The tag's id.", required: true, schema: str }],
    ok: { status: 200, description: `The ${what}'s tags by name.`, schema: tagList },
  },
});

export const operations: Record<string, Partial<Record<Method, Operation>>> = {
  "/api/v1/openapi.json": {
    get: {
      summary: "This OpenAPI document",
      tag: "Meta",
      auth: "public",
      ok: { status: 200, description: "OpenAPI 3.1 document.", schema: { type: "object" } },
    },
  },
  "/api/v1/articles": {
    get: {
      summary: "List the active team's articles, sorted and filtered, one page at a time",
      description:
        "Filters combine (all must hold). Pages hold 50 articles; pass `nextCursor` back as `cursor` for the next page, with the same sort and filters.",
      tag: "Articles",
      query: [
        {
          name: "sort",
          description:
            "updated (latest activity first, default), published (newest first), progress (least done first), open (most open claims first), due (earliest due date of an open claim first).",
          schema: { type: "string", enum: [...ARTICLE_SORTS] },
        },
        { name: "status", description: "Comma-separated claim statuses: articles with a claim in any of them.", schema: str },
        { name: "assignee", description: "A member's user id, or `me`: articles with a claim assigned to them.", schema: str },
        { name: "disputed", description: "1: articles with a disputed claim.", schema: { type: "string", enum: ["1"] } },
        {
          name: "overdue",
          description: "1: articles with an open claim whose due day has ended (team time zone).",
          schema: { type: "string", enum: ["1"] },
        },
        { name: "reanchor", description: "1: articles with a claim that needs re-anchoring.", schema: { type: "string", enum: ["1"] } },
        {
          name: "tag",
          description: "A tag name (any case): articles carrying that tag, or with a claim carrying it.",
          schema: str,
        },
        {
          name: "report",
          description: "Whether the public report is published.",
          schema: { type: "string", enum: ["published", "unpublished"] },
        },
        { name: "cursor", description: "The previous page's `nextCursor`.", schema: str },
      ],
      ok: {
        status: 200,
        description: "One page of articles with claim counts; `nextCursor` is null on the last page.",
        schema: obj({ team: obj({ id: str, name: str }), articles: arrayOf(ref("ArticleSummary")), nextCursor: nullable(str) }),
      },
      extra: { "403": "You are not a member of any team yet." },
    },
    post: {
      summary: "Import an article (editors and admins)",
      tag: "Articles",
      idempotent: true,
      body: importArticleBody,
      ok: { status: 201, description: "The new article.", schema: obj({ article: ref("Article") }) },
    },
  },
  "/api/v1/articles/from-url": {
    post: {
      summary: "Import the article at a URL (editors and admins)",
      tag: "Articles",
      idempotent: true,
      body: {
        ...bodySchemaOf(ZImportArticleFromUrl),
        description:
          "The server fetches url (public addresses only, unless the deployment's FETCH_ALLOW_ADDRESSES allows more; at most 5 redirects, 2 MB for a page or 20 MB for a PDF, and 15 s) and imports the page's article text, or the PDF's text with its page numbers (as from-pdf). The final URL, fetch time and SHA-256 are kept with version 1.",
      },
      ok: { status: 201, description: "The new article.", schema: obj({ article: ref("Article") }) },
    },
  },
  "/api/v1/articles/from-pdf": {
    post: {
      summary: "Import an article from a PDF file (editors and admins)",
      description:
        "The body is the PDF itself (Content-Type: application/pdf, at most 20 MB and 300 pages). Paragraphs are rebuilt from the page layout (lines joined, words split by a hyphen at a line's end rejoined, headings by size, page numbers dropped); the article's blocks say where each page begins (`blocks.pages`), so claims can show their page. A PDF without a text layer (scanned), protected by a password or damaged is a 422 saying so. title defaults to a leading heading, then the PDF's own Title.",
      tag: "Articles",
      idempotent: true,
      query: [
        { name: "title", description: "The article's title (default: found in the PDF).", schema: str },
        { name: "byline", description: "Who wrote it (default: the PDF's Author).", schema: str },
        { name: "sourceUrl", description: "Where the original was published (http or https).", schema: str },
        { name: "publishedAt", description: "When it was published (YYYY-MM-DD or ISO 8601).", schema: str },
      ],
      body: { type: "string", format: "binary", description: "The PDF file." },
      bodyContentType: "application/pdf",
      ok: { status: 201, description: "The new article.", schema: obj({ article: ref("Article") }) },
    },
  },
  "/api/v1/articles/{id}": {
    get: {
      summary: "One article with its body",
      tag: "Articles",
      ok: { status: 200, description: "The article.", schema: obj({ article: ref("Article") }) },
    },
  },
  "/api/v1/articles/{id}/claims": {
    get: {
      summary: "The article's claims",
      tag: "Claims",
      description:
        "One page of claims in text order (start, the outer of nested claims first, creation time, id): at most `limit`, then follow `nextCursor` (null on the last page) until it is null to read every claim. The claim list's filters apply to either view and combine (all must hold), by the same rules the article page applies to its claim list (lib/claims/claim-filter.ts); a filtered page holds up to `limit` matching claims.",
      query: [
        {
          name: "view",
          description: "`full` (default): every claim with its selectors; `summary`: the compact list the article page draws.",
          schema: { type: "string", enum: ["full", "summary"] },
        },
        { name: "status", description: "Comma-separated claim statuses: claims in any of them.", schema: str },
        { name: "verdict", description: "A verdict key, or `none`: claims without a verdict yet.", schema: str },
        { name: "assignee", description: "A member's user id, or `me`: claims assigned to them.", schema: str },
        { name: "tag", description: "A tag name (any case): claims carrying it.", schema: str },
        { name: "disputed", description: "1: disputed claims.", schema: { type: "string", enum: ["1"] } },
        {
          name: "overdue",
          description: "1: open claims whose due day has ended (team time zone).",
          schema: { type: "string", enum: ["1"] },
        },
        { name: "reanchor", description: "1: claims that need re-anchoring (or are orphaned).", schema: { type: "string", enum: ["1"] } },
        ...pageParameters("Claims", CLAIM_LIST_LIMIT),
      ],
      ok: {
        status: 200,
        description:
          "One page of claims in text order (CheckedClaim objects for `full`, ClaimSummary for `summary`); `nextCursor` is null on the last page.",
        schema: obj({ claims: arrayOf({ anyOf: [ref("CheckedClaim"), ref("ClaimSummary")] }), nextCursor: nullable(str) }),
      },
      extra: { "422": "A filter, `limit` or `cursor` is not valid (a cursor this list did not give out)." },
    },
    post: {
      summary: "Create a claim on a span of the text (reviewers, editors, admins)",
      description:
        "The target is a W3C Web Annotation target: one TextQuoteSelector and at most one TextPositionSelector (UTF-16 offsets into the body), in any order; other selectors (a RangeSelector) are ignored. The quote and any prefix and suffix (of any length, or none) must agree with the text; a 422 quotes what the article has there when they do not. Without a TextPositionSelector the quote, narrowed by its prefix and suffix, must occur exactly once: a 422 says how many places match otherwise. The stored target always carries 32 characters of context. The claim is stored on the words the editor's selection rules give: whitespace trimmed off both ends, and an end inside a grapheme (a letter and its accent, an emoji sequence) widened to the whole grapheme; the answer's target says which. A selection of only whitespace is a 422 saying so.",
      tag: "Claims",
      idempotent: true,
      body: bodySchemaOf(ZCreateClaim, ["articleId"]),
      ok: { status: 201, description: "The new claim.", schema: obj({ claim: ref("CheckedClaim") }) },
    },
  },
  "/api/v1/articles/{id}/claims.csv": {
    get: {
      summary: "The article's claims as CSV",
      tag: "Export",
      ok: {
        status: 200,
        description: "One row per claim: status, verdict, explanation, assignees, evidence URLs.",
        schema: str,
        contentType: "text/csv",
      },
    },
  },
  "/api/v1/articles/{id}/claimreview": {
    get: {
      summary: "schema.org ClaimReview for every verified claim",
      tag: "Export",
      ok: {
        status: 200,
        description: "JSON-LD with an @graph of ClaimReview.",
        schema: { type: "object", properties: { "@graph": arrayOf(ref("ClaimReview")) } },
        contentType: "application/ld+json",
      },
    },
  },
  "/api/v1/articles/{id}/annotations": {
    get: {
      summary: "Export claims and comments as W3C Web Annotations",
      description:
        "TextPositionSelector offsets here count Unicode code points, as the Web Annotation model specifies (the rest of this API counts UTF-16 code units). Each target names the article (`source`) and the version its selectors describe (`state`: a TimeState whose `cached` is that version's URL); `factdesk:anchorStatus` is attached, needs_review or orphaned.",
      tag: "Export",
      query: [{ name: "download", description: "Present: answer as a file download (Content-Disposition).", schema: { type: "string" } }],
      ok: { status: 200, description: "An AnnotationCollection.", schema: ref("AnnotationCollection"), contentType: "application/ld+json" },
    },
    post: {
      summary: "Import W3C Web Annotations into this article",
      description:
        "TextPositionSelector offsets are read as Unicode code points. A `creator` may be an IRI, an agent object (name, nickname, id, email) or a list of up to 10; `[]` is none. A 422 names the annotation of its first problem by place and id. Annotations marked `factdesk:anchorStatus: orphaned` arrive orphaned; `needs_review` ones wait for a person with candidate places.",
      tag: "Export",
      idempotent: true,
      body: ref("AnnotationCollection"),
      ok: {
        status: 201,
        description: "What was imported; claims that could not be placed confidently wait in Needs re-anchoring.",
        schema: obj({ imported: { type: "object" } }),
      },
    },
  },
  "/api/v1/articles/{id}/report": {
    get: {
      summary: "The public report's state, and how many verified claims it would show (and how many name no claimant)",
      tag: "Publishing",
      ok: { status: 200, description: "The report's state.", schema: obj({ report: { type: "object" } }) },
    },
    put: {
      summary: "Publish the public fact-check report (editors and admins)",
      tag: "Publishing",
      ok: { status: 200, description: "The report's state and public URL.", schema: obj({ report: { type: "object" } }) },
    },
    delete: {
      summary: "Unpublish the report (editors and admins)",
      tag: "Publishing",
      ok: { status: 200, description: "The report's state.", schema: obj({ report: { type: "object" } }) },
    },
  },
  "/api/v1/articles/{id}/versions": {
    get: {
      summary: "The article's versions",
      tag: "Versions",
      ok: { status: 200, description: "Newest first.", schema: obj({ versions: arrayOf(ref("ArticleVersionSummary")) }) },
    },
    post: {
      summary: "Save a new version of the text (editors and admins)",
      description: "Claims are re-anchored onto the new text; those that cannot be placed confidently go to Needs re-anchoring.",
      tag: "Versions",
      idempotent: true,
      body: bodySchemaOf(ZSaveVersion, ["articleId"]),
      ok: {
        status: 201,
        description: "Version saved, with the re-anchoring summary (200 with saved: false when nothing changed).",
        schema: obj({ result: ref("SaveVersionResult") }),
      },
      extra: { "200": "Nothing changed: no new version.", ...versionConflict },
    },
  },
  "/api/v1/articles/{id}/versions/{number}": {
    get: {
      summary: "One version's text",
      tag: "Versions",
      ok: { status: 200, description: "The version.", schema: obj({ version: ref("ArticleVersion") }) },
    },
  },
  "/api/v1/articles/{id}/diff": {
    get: {
      summary: "Compare two versions",
      tag: "Versions",
      query: [
        { name: "from", description: "Older version number.", required: true, schema: { type: "integer", minimum: 1 } },
        { name: "to", description: "Newer version number.", required: true, schema: { type: "integer", minimum: 1 } },
      ],
      ok: { status: 200, description: "Word-level changes.", schema: obj({ diff: ref("VersionDiff") }) },
      extra: { "422": "from or to is not a version number." },
    },
  },
  "/api/v1/articles/{id}/suggestions": {
    get: {
      summary: "Sentences that look check-worthy",
      description:
        "Open suggestions (not dismissed, not accepted, not mostly covered by a claim). In text order (start, then id), each with the desk's earlier verdict on a claim reading alike in `checkedBefore` (null when none): sort by it to put those first. Text order keeps pages stable while colleagues give verdicts. `type` is statistic, comparison, causal, attributed, action (a reported action or warning), event (a scheduled or completed event with named participants or places) or biography. Paged: follow `nextCursor` until it is null to read them all.",
      tag: "Claims",
      query: pageParameters("Suggestions", SUGGESTION_LIST_LIMIT),
      ok: {
        status: 200,
        description: "One page of suggestions in text order; `nextCursor` is null on the last page.",
        schema: obj({ suggestions: arrayOf(ref("Suggestion")), nextCursor: nullable(str) }),
      },
      extra: { "422": "`limit` or `cursor` is not valid (a cursor this list did not give out)." },
    },
  },
  "/api/v1/articles/{id}/double-review": {
    put: {
      summary: "Require double review for the whole article (editors and admins)",
      tag: "Review",
      body: bodySchemaOf(ZDoubleReview, ["id"]),
      ok: { status: 200, description: "The new setting.", schema: { type: "object" } },
    },
  },
  "/api/v1/articles/{id}/events": {
    get: {
      summary: "Live changes to the article (server-sent events)",
      description:
        '`change` events carry one audit row each; `presence` lists who has the article open; `listener` (`{"state":"down"|"up"}`) says when the server stops or starts hearing the database\'s notifications (after `up` it replays the changes made meanwhile). Resume with Last-Event-ID or ?after.',
      tag: "Live",
      query: [{ name: "after", description: "Resume after this audit id.", schema: { type: "string", pattern: "^\\d{1,18}$" } }],
      ok: { status: 200, description: "An event stream.", schema: str, contentType: "text/event-stream" },
    },
  },
  "/api/v1/claims/{id}": {
    get: {
      summary: "One claim with comments, evidence and history",
      tag: "Claims",
      ok: { status: 200, description: "The claim.", schema: obj({ claim: ref("ClaimDetail") }) },
    },
  },
  "/api/v1/claims/{id}/checked-before": {
    get: {
      summary: "Earlier verdicts on claims that read like this one",
      description:
        "Up to 3 claims of the team with a verdict that read alike (the same words first, then trigram similarity of at least 0.45), most alike first; the claim itself is left out. The same list as `checkedBefore` of the claim.",
      tag: "Claims",
      ok: {
        status: 200,
        description: "The earlier verdicts.",
        schema: obj({ checkedBefore: { type: "array", items: { type: "object" } } }),
      },
    },
  },
  "/api/v1/claims/{id}/status": {
    put: {
      summary: "Move a claim through the workflow",
      description:
        "Taking a verified claim of a published report out of Verified (reopening, Not check-worthy) needs `confirmCorrection` from an editor: the report keeps the claim as readers saw it, with the note, until it is verified again.",
      tag: "Claims",
      body: bodySchemaOf(ZSetStatus, ["claimId"]),
      ok: { status: 200, description: "The claim.", schema: obj({ claim: ref("CheckedClaim") }) },
      extra: correctionNeeded,
    },
  },
  "/api/v1/claims/{id}/verdict": {
    put: {
      summary: "Set the verdict with an explanation",
      description:
        "`verdict` is the key of a rating on the claim's team scale (the default scale: true, mostly_true, misleading, mostly_false, false, unverifiable; a team may add and remove ratings). The claim stores that rating's label and ClaimReview ordinal; a key the scale does not have answers 422.",
      tag: "Claims",
      body: bodySchemaOf(ZSetVerdict, ["claimId"]),
      ok: { status: 200, description: "The claim.", schema: obj({ claim: ref("CheckedClaim") }) },
      extra: versionConflict,
    },
  },
  "/api/v1/claims/{id}/numeric": {
    put: {
      summary: "Structure a numeric claim",
      tag: "Claims",
      body: bodySchemaOf(ZSetNumeric, ["claimId"]),
      ok: { status: 200, description: "The claim.", schema: obj({ claim: ref("CheckedClaim") }) },
      extra: versionConflict,
    },
  },
  "/api/v1/claims/{id}/claimant": {
    put: {
      summary: "Say who made the claim and where it first appeared",
      description:
        "ClaimReview names the claimant as the claim's author and the first appearance as `firstAppearance`. On a verified claim only an editor or admin may change it (403 for anyone else, until an editor reopens the claim); on the published report this is an update readers see: it needs `confirmCorrection`.",
      tag: "Claims",
      body: bodySchemaOf(ZSetClaimant, ["claimId"]),
      ok: { status: 200, description: "The claim.", schema: obj({ claim: ref("CheckedClaim") }) },
      extra: correctionNeeded,
    },
  },
  "/api/v1/claims/{id}/comments": {
    post: {
      summary: "Comment on a claim (or reply)",
      description: "Plain text, stored as written (`a < b` and `<b>` included) and escaped wherever it is shown.",
      tag: "Claims",
      idempotent: true,
      body: bodySchemaOf(ZAddComment, ["claimId"]),
      ok: { status: 201, description: "The comment.", schema: obj({ comment: ref("Comment") }) },
    },
  },
  "/api/v1/claims/{id}/evidence": {
    post: {
      summary: "Attach evidence",
      tag: "Claims",
      idempotent: true,
      body: bodySchemaOf(ZAddEvidence, ["claimId"]),
      description: "The URL is archived in the background (`archive.at` once done; `archive.error` while it retries).",
      ok: { status: 201, description: "The evidence.", schema: obj({ evidence: ref("Evidence") }) },
    },
  },
  "/api/v1/claims/{id}/evidence/file": {
    post: {
      summary: "Attach a file as evidence (PDF, PNG, JPEG or WebP, at most 10 MB)",
      description:
        "multipart/form-data with the part `file` and the fields title, excerpt, stance, sourceType, retrievedAt. The type is read from the file's first bytes; anything else (HTML named .png included) is refused with 422; over 10 MB with 413.",
      tag: "Claims",
      idempotent: true,
      body: {
        type: "object",
        properties: { ...(bodySchemaOf(ZAddFileEvidence, ["claimId"]).properties ?? {}), file: { type: "string", format: "binary" } },
      },
      bodyContentType: "multipart/form-data",
      ok: { status: 201, description: "The evidence.", schema: obj({ evidence: ref("Evidence") }) },
      extra: { "413": "The file is larger than 10 MB.", "415": "The body is not multipart/form-data." },
    },
  },
  "/api/v1/claims/{id}/assignees": {
    put: {
      summary: "Assign up to two reviewers (editors and admins)",
      description:
        "`dueAt` is a calendar day, `YYYY-MM-DD`, in the team's time zone (GET /api/v1/team); the claim is overdue once that day has ended there. A date-time is read as the date written in it (its time and offset are ignored).",
      tag: "Review",
      body: bodySchemaOf(ZAssignReviewers, ["claimId"]),
      ok: { status: 200, description: "The assignees.", schema: { type: "object" } },
    },
  },
  "/api/v1/claims/{id}/reviews": {
    post: {
      summary: "Submit your independent verdict (double review)",
      tag: "Review",
      idempotent: true,
      body: bodySchemaOf(ZSubmitReview, ["claimId"]),
      ok: { status: 201, description: "The double-review state.", schema: { type: "object" } },
      extra: { "409": "Both verdicts are already in." },
    },
  },
  "/api/v1/claims/{id}/double-review": {
    put: {
      summary: "Require double review for one claim (editors and admins)",
      tag: "Review",
      body: bodySchemaOf(ZClaimDoubleReview, ["id"]),
      ok: { status: 200, description: "The new setting.", schema: { type: "object" } },
      extra: versionConflict,
    },
  },
  "/api/v1/claims/{id}/anchor": {
    get: {
      summary: "Where a claim that is not attached might belong",
      description:
        "For a claim that needs re-anchoring or is orphaned: its old words (prefix, exact, suffix) of version `fromVersion`, and candidate places in the current text with a confidence.",
      tag: "Versions",
      ok: { status: 200, description: "The re-anchoring review.", schema: obj({ review: { type: "object" } }) },
    },
    post: {
      summary: "Re-attach a claim that needs re-anchoring, or orphan/restore it",
      tag: "Versions",
      description:
        "Placing a verified claim of a published report on words that differ from the ones checked needs `confirmCorrection` from an editor (the report keeps the checked words until it is verified again).",
      body: bodySchemaOf(ZResolveAnchor, ["claimId"]),
      ok: { status: 200, description: "The claim.", schema: obj({ claim: ref("CheckedClaim") }) },
      extra: correctionNeeded,
    },
  },
  "/api/v1/claims/{id}/corrections": {
    post: {
      summary: "Add a note to the published report's corrections log (editors and admins)",
      tag: "Publishing",
      idempotent: true,
      body: bodySchemaOf(ZAddCorrection, ["claimId"]),
      ok: {
        status: 201,
        description: "The log entry.",
        schema: obj({
          correction: obj({
            id: str,
            kind: { type: "string", enum: ["update", "correction"] },
            note: str,
            at: { type: "string", format: "date-time" },
            by: ref("Person"),
          }),
        }),
      },
    },
  },
  "/api/v1/claims/{id}/claimreview": {
    get: {
      summary: "schema.org ClaimReview of one verified claim",
      tag: "Export",
      ok: { status: 200, description: "JSON-LD.", schema: ref("ClaimReview"), contentType: "application/ld+json" },
    },
  },
  "/api/v1/comments/{id}": {
    patch: {
      summary: "Edit your comment",
      tag: "Claims",
      body: bodySchemaOf(ZEditComment, ["commentId"]),
      ok: { status: 200, description: "The comment.", schema: obj({ comment: ref("Comment") }) },
      extra: versionConflict,
    },
    delete: {
      summary: "Delete a comment (restorable)",
      tag: "Claims",
      ok: { status: 200, description: "The comment.", schema: obj({ comment: ref("Comment") }) },
    },
  },
  "/api/v1/comments/{id}/restore": {
    post: {
      summary: "Restore a deleted comment",
      tag: "Claims",
      ok: { status: 200, description: "The comment.", schema: obj({ comment: ref("Comment") }) },
    },
  },
  "/api/v1/evidence/{id}": {
    patch: {
      summary: "Edit evidence (the person who added it, editors and admins)",
      description: "A new URL is archived again; `url` may be empty only for a file.",
      tag: "Claims",
      body: bodySchemaOf(ZEditEvidence, ["evidenceId"]),
      ok: { status: 200, description: "The evidence.", schema: obj({ evidence: ref("Evidence") }) },
      extra: versionConflict,
    },
    delete: {
      summary: "Remove evidence (restorable)",
      tag: "Claims",
      ok: { status: 200, description: "The evidence.", schema: obj({ evidence: ref("Evidence") }) },
    },
  },
  "/api/v1/evidence/{id}/restore": {
    post: {
      summary: "Restore removed evidence",
      tag: "Claims",
      ok: { status: 200, description: "The evidence.", schema: obj({ evidence: ref("Evidence") }) },
    },
  },
  "/api/v1/evidence/{id}/file": {
    get: {
      summary: "Download the file attached as evidence",
      description:
        "Served with its detected type, `X-Content-Type-Options: nosniff` and a sandboxing CSP; images inline, PDFs as an attachment.",
      tag: "Claims",
      ok: { status: 200, description: "The file.", schema: { type: "string", format: "binary" }, contentType: "application/octet-stream" },
    },
  },
  "/api/v1/suggestions/{id}": {
    get: {
      summary: "A suggestion's numbers and earlier verdicts",
      description:
        "`numeric`: the figures read from the suggested words (value, unit, share of, subject, place, period), or null; `checkedBefore`: the desk's verdicts on claims that read alike.",
      tag: "Claims",
      ok: {
        status: 200,
        description: "What the suggestion card shows.",
        schema: {
          type: "object",
          properties: { numeric: { type: ["object", "null"] }, checkedBefore: { type: "array", items: { type: "object" } } },
        },
      },
    },
  },
  "/api/v1/suggestions/{id}/accept": {
    post: {
      summary: "Turn a suggestion into a claim",
      tag: "Claims",
      idempotent: true,
      ok: { status: 201, description: "The new claim.", schema: obj({ claim: ref("CheckedClaim") }) },
      extra: { "409": "The suggestion is already a claim." },
    },
  },
  "/api/v1/suggestions/{id}/dismiss": {
    post: { summary: "Dismiss a suggestion", tag: "Claims", ok: { status: 200, description: "Dismissed.", schema: { type: "object" } } },
  },
  "/api/v1/search": {
    get: {
      summary: "Search the active team's articles, claims, comments and evidence",
      description:
        'Full-text search (PostgreSQL, English stemming; articles whose language is known and not English are matched word for word): all words must occur, "quoted phrases" in order, `-word` excludes, `or` allows either; a query no index can answer (stop words only, or only excluded words) matches nothing. Ranked: a title match outranks a quote, a quote outranks evidence, evidence outranks comments and body text. Matched words come back as highlighted segments; `href` opens the article, or the claim in it. Tags: `tag:budget` or `tag:\"public health\"` (any case; several combine) keeps articles and claims carrying the tag and comments and evidence of such claims; a query of only `tag:` filters lists the tagged articles and claims, most recently changed first.',
      tag: "Search",
      query: [
        {
          name: "q",
          description: "What to search for (1–200 characters).",
          required: true,
          schema: { type: "string", minLength: 1, maxLength: 200 },
        },
        { name: "kind", description: "Only this kind of thing.", schema: { type: "string", enum: [...SEARCH_KINDS] } },
        {
          name: "page",
          description: `1-based page of ${SEARCH_PAGE_SIZE} hits (at most ${SEARCH_MAX_PAGE}).`,
          schema: { type: "integer", minimum: 1, maximum: SEARCH_MAX_PAGE },
        },
      ],
      ok: {
        status: 200,
        description:
          'One page of hits, best first; `hasMore` says whether the next page has any. `total` is how many hits there are in all (null for a page past the last hit); when `totalIsLowerBound` is true, a kind (articles, claims, comments, evidence) had more than 250 matches and only the first 250 the index yielded were ranked, so there are more (show it as "612+").',
        schema: obj({
          team: obj({ id: str, name: str }),
          query: str,
          page: int,
          pageSize: int,
          hasMore: bool,
          total: nullable(int),
          totalIsLowerBound: bool,
          hits: arrayOf(ref("SearchHit")),
        }),
      },
      extra: { "403": "You are not a member of any team yet." },
    },
  },
  "/api/v1/me/queue": {
    get: {
      summary: "Claims assigned to you",
      tag: "Me",
      ok: { status: 200, description: "Your queue.", schema: obj({ queue: arrayOf(ref("QueueItem")) }) },
    },
  },
  "/api/v1/me/needs": {
    get: {
      summary: "Needs me: what waits for you in the active team",
      description:
        "Editors and admins: verdicts others proposed (sign_off), disputes, overdue and due-soon (2 days) claims, claims to re-anchor; everyone who writes: open claims assigned to them and unanswered replies to their comments. Up to 50 items per kind, oldest wait first; counts stop at 1,000 per kind.",
      tag: "Me",
      query: [{ name: "count", description: "1: the counts only (no items).", schema: { type: "string", enum: ["1"] } }],
      ok: {
        status: 200,
        description: "Items and counts per kind.",
        schema: obj({
          role: nullable(str),
          total: int,
          counts: { type: "object", additionalProperties: int },
          items: arrayOf(ref("NeedsItem")),
        }),
      },
      extra: { "403": "You are not a member of any team yet." },
    },
  },
  "/api/v1/me/notifications": {
    get: {
      summary: "Your notifications in the active team, newest first",
      description:
        "Assignments, mentions, replies, disputes, sign-offs and corrections that concern you, 30 a page, leaving out kinds you turned off in-app (Account → Notifications). Live counts: re-read on each `change` of /api/v1/me/events.",
      tag: "Me",
      query: [
        { name: "unread", description: "1: unread ones only.", schema: { type: "string", enum: ["1"] } },
        { name: "count", description: "1: the unread count only (no items).", schema: { type: "string", enum: ["1"] } },
        { name: "cursor", description: "nextCursor of the previous page.", schema: str },
      ],
      ok: {
        status: 200,
        description: "A page of notifications and the unread count.",
        schema: obj({ items: arrayOf(ref("Notification")), unread: int, nextCursor: nullable(str) }),
      },
      extra: { "403": "You are not a member of any team yet." },
    },
  },
  "/api/v1/me/notifications/{id}/read": {
    post: {
      summary: "Mark one of your notifications read",
      tag: "Me",
      ok: { status: 200, description: "When it was read.", schema: obj({ notification: obj({ id: str, readAt: str }) }) },
    },
  },
  "/api/v1/me/notifications/read-all": {
    post: {
      summary: "Mark all your notifications in the active team read",
      tag: "Me",
      ok: { status: 200, description: "How many were unread.", schema: obj({ count: int }) },
    },
  },
  "/api/v1/me/events": {
    get: {
      summary: "A change event whenever anything changes in your teams (server-sent events)",
      tag: "Live",
      ok: { status: 200, description: "An event stream.", schema: str, contentType: "text/event-stream" },
    },
  },
  "/api/v1/me/session": {
    get: {
      summary: "Whether your browser session is still signed in",
      description:
        "An open tab calls this every 5 minutes while visible: as a GET it re-issues the session cookie when due, so a tab that only saves through server actions stays signed in.",
      tag: "Me",
      auth: "session",
      ok: { status: 200, description: "The signed-in user's id.", schema: obj({ userId: str }) },
    },
  },
  "/api/v1/me/tokens": {
    get: {
      summary: "Your API tokens (never the secrets)",
      tag: "Me",
      auth: "session",
      ok: { status: 200, description: "Newest first.", schema: obj({ tokens: arrayOf(ref("ApiToken")) }) },
    },
    post: {
      summary: "Create an API token",
      description: "The answer carries the secret, the only time it is shown. Tokens cannot create tokens.",
      tag: "Me",
      auth: "session",
      body: bodySchemaOf(ZCreateApiToken),
      ok: {
        status: 201,
        description: "The token and its secret.",
        schema: obj({ token: ref("ApiToken"), secret: { type: "string", pattern: SECRET_SHAPE.source } }),
      },
    },
  },
  "/api/v1/me/tokens/{id}": {
    delete: {
      summary: "Revoke one of your tokens (revoking twice is fine)",
      tag: "Me",
      auth: "session",
      ok: { status: 200, description: "The revoked token.", schema: obj({ token: ref("ApiToken") }) },
    },
  },
  "/api/v1/team/profile": {
    get: {
      summary: "How your active team signs its fact-checks",
      tag: "Team",
      ok: {
        status: 200,
        description: "The public name, URL and logo (null: the team name, no link).",
        schema: obj({ profile: { type: "object" } }),
      },
    },
    put: {
      summary: "Set the team's public name, URL and logo (admins)",
      description: "ClaimReview's `author` is this organisation: `name` (the team name when empty), `url` and `logo`.",
      tag: "Team",
      body: bodySchemaOf(ZTeamProfile),
      ok: { status: 200, description: "The profile.", schema: obj({ profile: { type: "object" } }) },
    },
  },
  "/api/v1/team": {
    get: {
      summary: "Your active team and its settings",
      tag: "Team",
      ok: {
        status: 200,
        description: "The team; `timeZone` is the IANA zone due dates are days in.",
        schema: obj({ team: obj({ id: str, name: str, timeZone: str }) }),
      },
    },
    patch: {
      summary: "Change the team's time zone (admins)",
      description: "An IANA time zone name, e.g. Europe/London; due dates are calendar days in it.",
      tag: "Team",
      body: bodySchemaOf(ZTeamSettings),
      ok: { status: 200, description: "The team.", schema: obj({ team: obj({ id: str, name: str, timeZone: str }) }) },
    },
  },
  "/api/v1/team/members": {
    get: {
      summary: "Members of your active team",
      tag: "Team",
      ok: { status: 200, description: "Members.", schema: obj({ members: arrayOf(ref("Member")) }) },
    },
    post: {
      summary: "Invite someone to the team (admins)",
      tag: "Team",
      body: bodySchemaOf(ZAddMember),
      ok: {
        status: 201,
        description:
          "The invitation, its single-use link and whether it was mailed; the same whether or not the address has an account. The person joins only by accepting.",
        schema: { type: "object" },
      },
      extra: { "409": "Already a member." },
    },
  },
  "/api/v1/team/members/search": {
    get: {
      summary: "Find members of your active team by name or email (the member picker)",
      description: `Active members whose name or email contains q (any case), by name, ${MEMBER_SEARCH_PAGE_SIZE} a page, each with their open assignments in this team.`,
      tag: "Team",
      query: [
        { name: "q", description: "Part of a name or email address (at most 100 characters); empty lists everyone.", schema: str },
        { name: "writers", description: "1: leave out viewers (who cannot be assigned).", schema: { type: "string", enum: ["1"] } },
        { name: "cursor", description: "nextCursor of the previous page.", schema: str },
      ],
      ok: {
        status: 200,
        description: "A page of members.",
        schema: obj({ members: arrayOf(ref("MemberChoice")), nextCursor: nullable(str) }),
      },
      extra: { "403": "You are not a member of any team yet." },
    },
  },
  "/api/v1/team/members/{id}": {
    patch: {
      summary: "Change a member's role or disable them (admins)",
      tag: "Team",
      body: bodySchemaOf(ZUpdateMember, ["memberId"]),
      ok: { status: 200, description: "The member.", schema: obj({ member: ref("Member") }) },
    },
  },
  "/api/v1/team/members/{id}/password-reset": {
    post: {
      summary: "Reset a member's password (admins)",
      tag: "Team",
      ok: { status: 200, description: "A one-time password.", schema: { type: "object" } },
    },
  },
  "/api/v1/articles/{id}/tags": tagOf("article"),
  "/api/v1/claims/{id}/tags": tagOf("claim"),
  "/api/v1/team/tags": {
    get: {
      summary: "The active team's tag vocabulary",
      description: "By name, with how many articles and claims carry each tag.",
      tag: "Tags",
      query: [{ name: "q", description: "Keep names containing this (ignoring case).", schema: str }],
      ok: { status: 200, description: "The tags.", schema: obj({ tags: arrayOf(ref("TeamTag")) }) },
    },
  },
  "/api/v1/team/tags/{id}": {
    patch: {
      summary: "Rename or recolour a tag (editors, admins)",
      description: "A name another tag of the team already has (ignoring case) is a 409: merge into that tag instead.",
      tag: "Tags",
      body: bodySchemaOf(ZUpdateTagBody),
      ok: { status: 200, description: "The tag.", schema: obj({ tag: ref("Tag") }) },
      extra: { "409": "Another tag of the team has that name." },
    },
    delete: {
      summary: "Delete a tag (editors, admins)",
      description: "It comes off every article and claim.",
      tag: "Tags",
      ok: { status: 200, description: "Deleted.", schema: obj({ deleted: bool }) },
    },
  },
  "/api/v1/team/tags/{id}/merge": {
    post: {
      summary: "Merge a tag into another (editors, admins)",
      description: "Every article and claim carrying this tag carries `into` afterwards; this tag is deleted.",
      tag: "Tags",
      body: bodySchemaOf(ZMergeTag, ["tagId"]),
      ok: { status: 200, description: "The remaining tag.", schema: obj({ tag: ref("Tag") }) },
    },
  },
};
