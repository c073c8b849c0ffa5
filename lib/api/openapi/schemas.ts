// Response shapes of the API (the DTOs in lib/*). Request bodies come from the zod schemas.
import { arrayOf, bool, dateTime, int, nullable, obj, ref, str, type JsonSchema } from "@/lib/api/openapi/json-schema";
import { ERROR_CODES } from "@/lib/http/errors";
import { AnchorStatus, Role, TokenScope } from "@/lib/generated/prisma/enums";
import { STATUS_KEYS } from "@/lib/claims/verdicts";
import { VERDICT_VIAS } from "@/lib/claims/record";
import { API_TOKEN_STATUSES } from "@/lib/api-tokens/dto";
import { BLOCK_KINDS } from "@/lib/articles/blocks";
import { TAG_COLOURS } from "@/lib/tags/tag-rules";
import { NOTIFICATION_KINDS } from "@/lib/validation/notifications";

const person = ref("Person");
const role: JsonSchema = { type: "string", enum: Object.values(Role) };
const claimStatus: JsonSchema = { type: "string", enum: STATUS_KEYS };

export const componentSchemas: Record<string, JsonSchema> = {
  Error: obj(
    {
      error: {
        type: "object",
        properties: {
          code: {
            type: "string",
            enum: ERROR_CODES,
          },
          message: { type: "string", description: "A sentence a person can read." },
          fields: { type: "object", additionalProperties: arrayOf(str), description: "Per-field messages (422 only)." },
        },
        required: ["code", "message"],
      },
    },
    "Every error answer has this shape.",
  ),
  Person: obj({ id: str, name: str }),
  ClaimTarget: obj({
    source: str,
    selector: {
      type: "array",
      prefixItems: [
        obj({ type: { const: "TextQuoteSelector" }, exact: str, prefix: str, suffix: str }),
        obj({ type: { const: "TextPositionSelector" }, start: int, end: int }),
      ],
      minItems: 2,
      maxItems: 2,
    },
  }),
  Verdict: obj(
    { key: nullable(str), label: str, ordinal: int, explanation: str, by: nullable(person), at: nullable(dateTime) },
    "`by` and `at`: who last wrote the verdict and when (its proposer). Who checked it is CheckedVerdict's `checkedBy` (in every answer that carries a claim); who signed it off is in ClaimDetail's `record.verified`.",
  ),
  CheckedVerdict: {
    allOf: [
      ref("Verdict"),
      obj(
        {
          checkedBy: arrayOf(person),
          via: { type: ["string", "null"], enum: [...VERDICT_VIAS, null] },
        },
        "From the claim's record (as ClaimDetail's `record.proposed`). `checkedBy`: who checked the verdict here, by user id: its author, both reviewers of an agreed double review (in the order they gave their verdicts), the editor who settled a dispute; empty for an imported verdict (the person who ran the import did not check it) and for one from before the record was kept. `via`: how it came to stand: `written`, `agreed`, `settled` or `imported`; null when no record of it is kept. `by` stays who last wrote it (for an agreement the second reviewer, for an import the importer).",
      ),
    ],
  },
  CheckedClaim: {
    allOf: [ref("Claim"), obj({ verdict: nullable(ref("CheckedVerdict")) })],
    description:
      "A claim as every answer that carries one sends it (GET /api/v1/claims/{id}, the full view of GET /api/v1/articles/{id}/claims, and each write that answers with the claim): its verdict says who checked it, so a client can replace its copy with any of them.",
  },
  Claim: obj(
    {
      id: str,
      articleId: str,
      exact: str,
      start: { type: "integer", description: "UTF-16 offset into the article body." },
      end: int,
      target: ref("ClaimTarget"),
      status: claimStatus,
      statusLabel: str,
      verdict: nullable(ref("Verdict")),
      version: { type: "integer", description: "Send it back on writes: a stale version answers 409." },
      createdBy: person,
      updatedBy: person,
      createdAt: dateTime,
      updatedAt: dateTime,
      counts: obj({ comments: int, evidence: int }),
      anchor: obj({
        status: { type: "string", enum: Object.values(AnchorStatus) },
        version: int,
        confidence: nullable({ type: "number" }),
        method: nullable(str),
      }),
    },
    "A claim: a span of the article text under review. Answers send it as CheckedClaim.",
  ),
  ClaimRecord: obj(
    {
      proposed: nullable({
        ...obj({
          by: person,
          at: dateTime,
          verdict: nullable(str),
          via: { type: "string", enum: [...VERDICT_VIAS] },
          checkedBy: arrayOf(person),
        }),
        description:
          "The verdict as it stands. `by`: whose action put it there (the second reviewer of an agreed double review, the person who ran an import). `checkedBy`: who checked it here, by user id: its author, both reviewers when they agreed, the editor who settled a dispute; empty for an imported verdict. `via`: how it came to stand.",
      }),
      verified: nullable({
        ...obj({ by: person, at: dateTime }),
        description: "The editor who signed the verdict off, and when; null unless the claim is verified.",
      }),
      reopened: nullable(obj({ by: person, at: dateTime })),
      settled: nullable({
        ...obj({ by: person, at: dateTime, verdict: nullable(str), reason: str }),
        description: "An editor's settlement of a disputed double review.",
      }),
    },
    "Who did what to the verdict, read from the audit trail: the same record the panel and the public report show.",
  ),
  ClaimDetail: {
    allOf: [
      ref("CheckedClaim"),
      {
        type: "object",
        description: "Plus comments, evidence, assignees, reviews and history.",
        properties: {
          tags: arrayOf(ref("Tag")),
          record: ref("ClaimRecord"),
          doubleReview: {
            type: "object",
            description:
              "Both reviewers' verdicts once both are in (`visible`), whether they agreed, and the editor's settlement. `verdictAfterReviews`: the claim's verdict was written once both were in (theirs, or an editor's settlement); a sign-off waits until both are in and they agreed or this is true.",
            properties: {
              required: bool,
              submitted: int,
              needed: int,
              agreed: nullable(bool),
              verdictAfterReviews: bool,
              settlement: { type: ["object", "null"] },
            },
            additionalProperties: true,
          },
        },
        additionalProperties: true,
      },
    ],
  },
  ClaimSummary: {
    type: "object",
    description: "A claim as listed for an article.",
    properties: {
      id: str,
      exact: str,
      start: int,
      end: int,
      status: claimStatus,
      statusLabel: str,
      counts: obj({ comments: int, evidence: int }),
      tags: arrayOf(ref("Tag")),
      assigneeIds: arrayOf(str),
      overdue: bool,
    },
    required: ["id", "exact", "start", "end", "status", "statusLabel", "counts", "tags", "assigneeIds", "overdue"],
    additionalProperties: true,
  },
  SearchHit: obj({
    kind: { type: "string", enum: ["article", "claim", "comment", "evidence"] },
    id: str,
    articleId: str,
    articleTitle: str,
    claimId: nullable(str),
    title: arrayOf(ref("HighlightSegment")),
    snippet: arrayOf(ref("HighlightSegment")),
    rank: { type: "number" },
    href: str,
    detail: nullable(str),
    at: dateTime,
  }),
  HighlightSegment: obj({ text: str, match: bool }),
  ArticleSummary: obj({
    id: str,
    title: str,
    source: nullable(str),
    byline: nullable(str),
    publishedAt: nullable(dateTime),
    createdAt: dateTime,
    claimCounts: { type: "object", additionalProperties: int },
    openClaims: int,
    totalClaims: int,
    progress: { type: "number", minimum: 0, maximum: 1 },
    needsReanchor: int,
    nextDueAt: nullable({ type: "string", format: "date" }),
    overdue: bool,
    reportPublished: bool,
    lastActivityAt: dateTime,
    tags: arrayOf(ref("Tag")),
    assignees: arrayOf(obj({ id: str, name: str })),
  }),
  Tag: obj(
    { id: str, name: str, color: nullable({ type: "string", enum: [...TAG_COLOURS] }) },
    "A tag of the team's vocabulary (names unique per team, ignoring case).",
  ),
  TeamTag: {
    allOf: [ref("Tag"), { type: "object", properties: { articles: int, claims: int }, required: ["articles", "claims"] }],
  },
  Notification: obj({
    id: str,
    kind: { type: "string", enum: [...NOTIFICATION_KINDS] },
    text: str,
    exact: str,
    comment: nullable(str),
    actor: nullable(str),
    articleId: str,
    claimId: str,
    createdAt: dateTime,
    readAt: nullable(dateTime),
    href: str,
  }),
  MemberChoice: obj({
    id: str,
    name: str,
    email: str,
    role,
    openAssignments: int,
  }),
  NeedsItem: obj({
    kind: { type: "string", enum: ["sign_off", "dispute", "overdue", "due_soon", "reanchor", "source", "assignment", "reply"] },
    claimId: str,
    articleId: str,
    articleTitle: str,
    exact: str,
    status: str,
    detail: nullable(str),
    verdict: nullable(obj({ label: str, ordinal: int })),
    commentId: nullable(str),
    at: dateTime,
    href: str,
  }),
  Article: {
    type: "object",
    properties: {
      id: str,
      teamId: str,
      teamName: str,
      title: str,
      standfirst: nullable(str),
      byline: nullable(str),
      source: nullable(str),
      sourceUrl: nullable(str),
      publishedAt: nullable(dateTime),
      language: nullable({
        type: "string",
        description: "BCP 47 tag of the article's language (detected on import, editable); null when unknown.",
      }),
      body: { type: "string", description: "Normalised plain text, paragraphs joined by two newlines. Claim offsets index into it." },
      blocks: nullable({
        type: "object",
        description: "Structure of the body; null when it is all plain paragraphs.",
        properties: {
          paragraphs: arrayOf({
            type: "object",
            description:
              "One per paragraph. li: ordered, level (nesting, 0 when absent), start (its number, on an item that begins a list). p, quote, pre: line (continues the paragraph before on a new line). cell: row, col (0-based), head, newTable. caption: a figure or table caption.",
            properties: {
              kind: { type: "string", enum: [...BLOCK_KINDS] },
              ordered: bool,
              level: int,
              start: int,
              line: bool,
              row: int,
              col: int,
              head: bool,
              newTable: bool,
            },
            required: ["kind"],
          }),
          links: arrayOf({
            type: "object",
            properties: { start: int, end: int, href: { type: "string", description: "http, https or mailto only." } },
            required: ["start", "end", "href"],
          }),
          pages: arrayOf({
            type: "object",
            description:
              "Articles imported from a PDF only: where each page's text begins (UTF-16 body offset, ascending, the first 0) and its 1-based page number. A claim is on the page of the last entry whose start is at or before the claim's start.",
            properties: { start: int, page: int },
            required: ["start", "page"],
          }),
        },
      }),
      requiresDoubleReview: bool,
      version: { type: "integer", description: "Number of the current version (send it as baseVersion when saving a new one)." },
      myRole: role,
    },
    required: ["id", "teamId", "title", "body", "myRole"],
    additionalProperties: true,
  },
  Comment: {
    type: "object",
    properties: { id: str, body: str, author: person, parentId: nullable(str), version: int, createdAt: dateTime },
    additionalProperties: true,
  },
  Evidence: {
    type: "object",
    properties: {
      id: str,
      url: str,
      title: str,
      excerpt: str,
      stance: str,
      sourceType: str,
      retrievedAt: dateTime,
      version: int,
      deletedAt: nullable(dateTime),
      file: nullable(obj({ name: str, mediaType: str, size: int })),
      archive: obj({ at: nullable(dateTime), error: nullable(str), excerptFound: nullable(bool) }),
      source: obj({ checkedAt: nullable(dateTime), flag: nullable(str) }),
    },
    additionalProperties: true,
  },
  Member: obj({ id: str, userId: str, email: str, name: str, role, disabled: bool, since: dateTime }),
  Suggestion: obj(
    {
      id: str,
      start: int,
      end: int,
      text: str,
      score: { type: "number" },
      type: { type: "string", enum: ["statistic", "comparison", "causal", "attributed", "action", "event", "biography"] },
      reason: str,
      checkedBefore: nullable(
        obj({
          claimId: str,
          exact: str,
          verdict: str,
          verdictOrdinal: int,
          similarity: { type: "number" },
          article: obj({ id: str, title: str }),
        }),
      ),
      checkedBeforePending: bool,
    },
    "A suggested claim. Suggestions the desk has checked before (`checkedBefore` not null: the nearest earlier verdict on a claim that reads alike) are listed first. The answers are stored per suggestion: `checkedBeforePending` true means the answer is not known against the team's latest verdicts yet (never looked up, or verdicts changed since, when `checkedBefore` is the earlier answer); a background job finds it and a later read shows it.",
  ),
  QueueItem: {
    type: "object",
    description:
      "A claim assigned to you, with its article. `dueAt` is a calendar day in the team's time zone; `overdue` says whether that day has ended there.",
    properties: { dueAt: nullable({ type: "string", format: "date" }), overdue: bool },
    additionalProperties: true,
  },
  ArticleVersionSummary: {
    type: "object",
    properties: { number: int, title: str, contentHash: str, createdAt: dateTime, createdBy: nullable(person) },
    additionalProperties: true,
  },
  ArticleVersion: { allOf: [ref("ArticleVersionSummary"), { type: "object", properties: { body: str, blocks: {} } }] },
  VersionDiff: {
    type: "object",
    properties: { parts: arrayOf(obj({ kind: { type: "string", enum: ["same", "added", "removed"] }, text: str })) },
    additionalProperties: true,
  },
  SaveVersionResult: {
    type: "object",
    properties: { saved: bool, version: int, attached: int, moved: int, needsReview: int, unchanged: int },
    additionalProperties: true,
  },
  ClaimReview: {
    type: "object",
    description: "schema.org ClaimReview (JSON-LD).",
    properties: {
      "@context": {},
      "@type": { const: "ClaimReview" },
      claimReviewed: str,
      reviewRating: { type: "object" },
      itemReviewed: { type: "object" },
      author: { type: "object" },
      datePublished: str,
      url: str,
    },
    additionalProperties: true,
  },
  AnnotationCollection: {
    type: "object",
    description: "W3C Web Annotation AnnotationCollection (JSON-LD) of the article's claims, comments, verdicts and evidence.",
    properties: { "@context": {}, type: { const: "AnnotationCollection" }, first: { type: "object" } },
    additionalProperties: true,
  },
  ApiToken: obj({
    id: str,
    name: str,
    prefix: { type: "string", description: "The first characters of the secret, to tell tokens apart." },
    scope: { type: "string", enum: Object.values(TokenScope) },
    createdAt: dateTime,
    lastUsedAt: nullable({ ...dateTime, description: "Updated at most once a minute." }),
    expiresAt: nullable(dateTime),
    revokedAt: nullable(dateTime),
    status: { type: "string", enum: API_TOKEN_STATUSES },
  }),
};
