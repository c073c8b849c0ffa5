import type { TextPositionSelector, TextQuoteSelector } from "@/lib/anchoring/selectors";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { articleScope } from "@/lib/access/scope";
import { storedVerdictKey, type StatusKey } from "@/lib/claims/verdicts";
import { notFound } from "@/lib/http/errors";
import { creatorFrom, memberAgent, type ClaimOrigin, type ItemOrigin } from "@/lib/annotations/origin";
import {
  ANNOTATION_CONTEXT,
  urn,
  type AnchorState,
  type W3CAnnotation,
  type W3CBody,
  type W3CCollection,
  type W3CCommentBody,
  type W3CCreators,
  type W3CEvidenceBody,
  type W3CState,
} from "@/lib/annotations/w3c";
import { toCodePoints } from "@/lib/anchoring/code-points";
import { claimCoreSelect, TEXT_ORDER } from "@/lib/claims/dto";
import { loadClaimRecords } from "@/lib/claims/load-records";
import type { ClaimRecord } from "@/lib/claims/record";

// Everything a claim carries that another desk can use: selectors, status, verdict, comment
// threads (deleted ones keep their place, not their text), evidence, the double-review switch
// and the structured numbers. Not exported: assignments and independent double-review verdicts
// (people of this team, and verdicts that must stay private until both are in), and history.

const person = { select: { id: true, name: true } } as const;

const claimExportSelect = {
  ...claimCoreSelect,
  anchorStatus: true,
  anchorVersion: true,
  requiresDoubleReview: true,
  numeric: true,
  origin: true,
  createdAt: true,
  updatedAt: true,
  createdBy: person,
  verdictBy: person,
  comments: {
    select: { id: true, parentId: true, body: true, createdAt: true, editedAt: true, deletedAt: true, origin: true, author: person },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  },
  tags: { select: { tag: { select: { name: true } } } },
  evidence: {
    where: { deletedAt: null, url: { not: "" } },
    select: {
      id: true,
      url: true,
      title: true,
      excerpt: true,
      stance: true,
      sourceType: true,
      retrievedAt: true,
      createdAt: true,
      origin: true,
      addedBy: person,
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  },
} satisfies Prisma.ClaimSelect;

type Person = { id: string; name: string };
type ExportClaim = TextQuoteSelector &
  TextPositionSelector & {
    id: string;
    anchorStatus: AnchorState;
    anchorVersion: number;
    status: StatusKey;
    verdictOrdinal: number | null;
    verdictLabel: string | null;
    verdictKey: string | null;
    verdictExplanation: string | null;
    verdictAt: Date | null;
    requiresDoubleReview: boolean;
    numeric: unknown;
    origin: unknown;
    createdAt: Date;
    updatedAt: Date;
    createdBy: Person;
    verdictBy: Person | null;
    /** The claim's team tags (optional for callers that build a claim by hand). */
    tags?: { tag: { name: string } }[];
    comments: {
      id: string;
      parentId: string | null;
      body: string;
      createdAt: Date;
      editedAt: Date | null;
      deletedAt: Date | null;
      origin: unknown;
      author: Person;
    }[];
    evidence: {
      id: string;
      url: string;
      title: string;
      excerpt: string;
      stance: W3CEvidenceBody["factdesk:stance"];
      sourceType: W3CEvidenceBody["factdesk:sourceType"];
      retrievedAt: Date;
      createdAt: Date;
      origin: unknown;
      addedBy: Person;
    }[];
  };

// Imported items show the file's creator and dates (origin) while they are as imported, so a
// round trip names the same people and times; whatever this desk changed later shows as it is.
const iso = (d: Date) => d.toISOString();

function commentBody(c: ExportClaim["comments"][number]): W3CCommentBody {
  const origin = (c.origin as ItemOrigin | null) ?? null;
  const deletedAt = origin?.deleted ?? (c.deletedAt ? iso(c.deletedAt) : undefined);
  const modified = c.editedAt ? iso(c.editedAt) : origin?.modified;
  return {
    id: urn("comment", c.id),
    type: "TextualBody",
    purpose: "commenting",
    value: c.deletedAt ? "" : c.body,
    format: "text/plain",
    creator: creatorFrom(c.author, origin),
    created: origin?.created ?? iso(c.createdAt),
    ...(modified ? { modified } : {}),
    ...(c.parentId ? { "factdesk:replyTo": urn("comment", c.parentId) } : {}),
    ...(c.deletedAt && deletedAt ? { "factdesk:deleted": deletedAt } : {}),
  };
}

function evidenceBody(e: ExportClaim["evidence"][number]): W3CEvidenceBody {
  const origin = (e.origin as ItemOrigin | null) ?? null;
  return {
    id: urn("evidence", e.id),
    type: "SpecificResource",
    purpose: "linking",
    source: { id: e.url, type: "Text", title: e.title },
    creator: creatorFrom(e.addedBy, origin),
    created: origin?.created ?? iso(e.createdAt),
    "factdesk:stance": e.stance,
    "factdesk:sourceType": e.sourceType,
    "factdesk:excerpt": e.excerpt,
    "factdesk:retrieved": e.retrievedAt.toISOString(),
  };
}

type Proposed = ClaimRecord["proposed"];

/**
 * Who the export names as the verdict's creator, from the claim's record: whoever checked it here (its author, the
 * settling editor, both reviewers of an agreement as a list in answer order); for a verdict imported and not rewritten
 * since, the creator the file gave it (`fileCreator`), or nobody when it gave none: the importer did not write it.
 * A verdict with no record behind it (written before the record was kept) is named by the row's writer, `writer`.
 */
function verdictCreators(proposed: Proposed, fileCreator: W3CCreators | undefined, writer: Person | null): W3CCreators | undefined {
  if (!proposed) return fileCreator ?? (writer ? memberAgent(writer) : undefined);
  if (proposed.via === "imported") return fileCreator;
  const [first, ...more] = proposed.checkedBy.map(memberAgent);
  return more.length > 0 ? [first!, ...more] : first;
}

/** Where the claim's selectors point: the article, the version they describe, positions in code points. */
export type ExportPlace = { source: string; state?: W3CState; start: number; end: number };

/**
 * One claim as a W3C Web Annotation (see w3c.ts for the shape), `proposed` from its record (lib/claims/record.ts)
 * naming the verdict's creator (verdictCreators): target = its quote and position selectors
 * on `place` (the article as source, a TimeState naming the version the selectors describe, positions in
 * code points), bodies = verdict ("assessing", when there is one), status ("tagging"), the claim's tags by name
 * (one "tagging" body each, value = the tag's name), comments
 * ("commenting", deleted ones with empty text) and evidence ("linking"). Dates are ISO 8601 strings;
 * an imported item that was not changed since shows the file's creator and dates (origin), so a round trip
 * names the same people and times. Pure; never throws.
 */
export function toAnnotation(claim: ExportClaim, place: ExportPlace, proposed: Proposed = null): W3CAnnotation {
  const origin = (claim.origin as ClaimOrigin | null) ?? null;
  // An import stores createdAt, updatedAt and verdictAt as one instant; a later change here moves them.
  const imported = claim.createdAt.getTime();
  const unchangedSinceImport = origin !== null && claim.updatedAt.getTime() === imported;
  const verdictAsImported = origin !== null && claim.verdictAt?.getTime() === imported;
  // The file's creator of the verdict, while the verdict is the one the import brought (the record says so; with no
  // record, its unchanged date does).
  const fileCreator = proposed?.via === "imported" || (!proposed && verdictAsImported) ? origin?.verdictCreator : undefined;
  const creator = verdictCreators(proposed, fileCreator, claim.verdictBy);
  const verdictCreated =
    verdictAsImported && origin.verdictCreated ? origin.verdictCreated : claim.verdictAt ? iso(claim.verdictAt) : undefined;
  const body: W3CBody[] = [];
  if (claim.verdictOrdinal !== null) {
    const explanation = claim.verdictExplanation ?? "";
    const label = claim.verdictLabel ?? "";
    body.push({
      type: "TextualBody",
      purpose: "assessing",
      value: `${label}: ${explanation}`,
      format: "text/plain",
      ...(creator ? { creator } : {}),
      ...(verdictCreated ? { created: verdictCreated } : {}),
      "factdesk:verdict": {
        key: storedVerdictKey(claim.verdictKey, claim.verdictOrdinal),
        label,
        ordinal: claim.verdictOrdinal,
        explanation,
      },
    });
  }
  body.push({ type: "TextualBody", purpose: "tagging", value: claim.status });
  for (const name of (claim.tags ?? []).map((t) => t.tag.name).sort((a, b) => a.localeCompare(b, "en", { sensitivity: "base" }))) {
    body.push({ type: "TextualBody", purpose: "tagging", value: name });
  }
  body.push(...claim.comments.map(commentBody), ...claim.evidence.map(evidenceBody));
  return {
    id: urn("claim", claim.id),
    type: "Annotation",
    motivation: claim.verdictOrdinal !== null ? "assessing" : "highlighting",
    ...(origin?.id ? { via: origin.id } : {}),
    created: origin?.created ?? iso(claim.createdAt),
    modified: (unchangedSinceImport ? origin?.modified : undefined) ?? iso(claim.updatedAt),
    creator: creatorFrom(claim.createdBy, origin),
    target: {
      source: place.source,
      ...(place.state ? { state: place.state } : {}),
      selector: [
        { type: "TextQuoteSelector", exact: claim.exact, prefix: claim.prefix, suffix: claim.suffix },
        { type: "TextPositionSelector", start: place.start, end: place.end },
      ],
    },
    body,
    "factdesk:requiresDoubleReview": claim.requiresDoubleReview,
    "factdesk:numeric": (claim.numeric as Record<string, unknown> | null) ?? null,
    "factdesk:anchorStatus": claim.anchorStatus,
  };
}

type Version = { number: number; body: string; createdAt: Date | null };

/**
 * Every claim's place. Attached claims point into the current text; the others keep the text of
 * their anchorVersion (a claim imported unattached keeps the file's source, state and positions).
 * Positions become code points, counted in the text they point into.
 */
async function placesFor(
  article: { id: string; body: string; version: number; claims: ExportClaim[] },
  articleUrl: string,
): Promise<ExportPlace[]> {
  const numbers = new Set([article.version, ...article.claims.filter((c) => c.anchorStatus !== "attached").map((c) => c.anchorVersion)]);
  const rows = await db.articleVersion.findMany({
    where: { articleId: article.id, number: { in: [...numbers] } },
    select: { number: true, body: true, createdAt: true },
  });
  const versions = new Map<number, Version>(rows.map((v) => [v.number, v]));
  const versionOf = (claim: ExportClaim): Version => {
    const number = claim.anchorStatus === "attached" ? article.version : claim.anchorVersion;
    return versions.get(number) ?? { number, body: number === article.version ? article.body : "", createdAt: null };
  };
  const byBody = new Map<string, number[]>();
  for (const claim of article.claims) {
    const { body } = versionOf(claim);
    byBody.set(body, [...(byBody.get(body) ?? []), claim.start, claim.end]);
  }
  const converted = new Map<string, Map<number, number>>();
  for (const [body, offsets] of byBody) {
    const points = toCodePoints(body || article.body, offsets);
    converted.set(body, new Map(offsets.map((o, i) => [o, points[i]!])));
  }
  return article.claims.map((claim) => {
    const imported = (claim.origin as ClaimOrigin | null)?.target;
    if (
      claim.anchorStatus !== "attached" &&
      imported &&
      imported.exact === claim.exact &&
      imported.start === claim.start &&
      imported.end === claim.end
    ) {
      return {
        source: imported.source ?? articleUrl,
        ...(imported.state ? { state: imported.state } : {}),
        start: imported.start,
        end: imported.end,
      };
    }
    const version = versionOf(claim);
    const points = converted.get(version.body)!;
    const state: W3CState = {
      type: "TimeState",
      cached: `${articleUrl}/versions/${version.number}`,
      ...(version.createdAt ? { sourceDate: iso(version.createdAt) } : {}),
    };
    return { source: articleUrl, state, start: points.get(claim.start)!, end: points.get(claim.end)! };
  });
}

/**
 * GET /api/v1/articles/{id}/annotations: every claim of the article, in text order, as one W3C
 * AnnotationCollection with its single page embedded. `baseUrl` (origin, no trailing slash) builds the ids,
 * e.g. `<baseUrl>/api/v1/articles/<id>/annotations`. Each target names the article (`source`) and the
 * version its selectors describe (a TimeState whose `cached` is that version's URL), with positions in
 * code points; `factdesk:anchorStatus` says whether the claim is attached. Leaves out assignments,
 * private double-review verdicts and history (see the comment above claimExportSelect).
 * @throws AppError 404 `not_found` when the article does not exist or `userId` is not in its team.
 */
export async function exportAnnotations({
  articleId,
  userId,
  baseUrl,
}: {
  articleId: string;
  userId: string;
  baseUrl: string;
}): Promise<W3CCollection> {
  const article = await db.article.findFirst({
    where: { id: articleId, ...articleScope(userId) },
    select: {
      id: true,
      title: true,
      body: true,
      version: true,
      claims: { select: claimExportSelect, orderBy: [...TEXT_ORDER, { id: "asc" }] },
    },
  });
  if (!article) throw notFound("That article");
  const articleUrl = `${baseUrl}/api/v1/articles/${article.id}`;
  const [places, records] = await Promise.all([placesFor(article, articleUrl), loadClaimRecords(article.claims.map((c) => c.id))]);
  const items = article.claims.map((claim, i) => toAnnotation(claim, places[i]!, records.get(claim.id)?.proposed));
  return {
    "@context": ANNOTATION_CONTEXT,
    id: `${articleUrl}/annotations`,
    type: "AnnotationCollection",
    label: `Fact-check annotations: ${article.title}`,
    total: items.length,
    first: { id: `${articleUrl}/annotations#page-1`, type: "AnnotationPage", startIndex: 0, items },
  };
}
