import { recordClaimAudit } from "@/lib/audit/record-audit";
import { tagKey } from "@/lib/tags/tag-rules";
import { getTeamRatingScale } from "@/lib/teams/team-scale";
import { db, inTransaction } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { requireArticleWrite } from "@/lib/access/require";
import { SIGN_OFF_ROLES } from "@/lib/access/roles";
import { AppError } from "@/lib/http/errors";
import { refuseDeepJson } from "@/lib/http/nesting";
import { extractNumericClaim } from "@/lib/suggestions";
import { planImport, type PlannedClaim } from "@/lib/annotations/plan-import";
import { MAX_IMPORT_BYTES, ZAnnotationDocument } from "@/lib/annotations/w3c";
import { parseAnnotationDocument } from "@/lib/annotations/import-problems";
import { unstorableText } from "@/lib/validation/fields";
import { lockArticleText } from "@/lib/articles/lock-article";

export type ImportResult = {
  claims: number;
  comments: number;
  evidence: number;
  /** Placed on the text with confidence. */
  attached: number;
  /** Not placed with confidence: in the workspace with candidate places for a person to pick. */
  needsReview: number;
  /** Orphaned in the file, and here: listed with their old quote, never placed. */
  orphaned: number;
  /** Verified or disputed in the file, imported as "Verdict proposed" for an editor of this desk to sign off. */
  downgraded: number;
  /** Verdicts kept in the claim's origin, not applied: a reviewer imported them into claims that need double review. */
  verdictsHeld: number;
  claimIds: string[];
};

// A big import is thousands of inserts; the default 5 s interactive-transaction limit is for clicks.
const TRANSACTION_TIMEOUT_MS = 120_000;
const MAX_LISTED_NUL_PATHS = 20;

/**
 * Paths of every string (or key) that cannot be stored as text (U+0000, which PostgreSQL text and
 * jsonb refuse, or a lone surrogate, which jsonb refuses and UTF-8 cannot encode), with why.
 */
function unstorablePaths(value: unknown, path: string, found: [string, string][]): void {
  if (found.length >= MAX_LISTED_NUL_PATHS) return;
  if (typeof value === "string") {
    const problem = unstorableText(value);
    if (problem) found.push([path || "(document)", problem]);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => unstorablePaths(v, path ? `${path}.${i}` : String(i), found));
  } else if (value !== null && typeof value === "object") {
    for (const [key, v] of Object.entries(value)) {
      const at = path ? `${path}.${key}` : key;
      const problem = unstorableText(key);
      if (problem) found.push([at, problem]);
      unstorablePaths(v, at, found);
    }
  }
}

/** Refuses a document with NUL or broken characters anywhere (a 422 naming where they are, not a database error). */
function refuseNulCharacters(document: unknown): void {
  const found: [string, string][] = [];
  unstorablePaths(document, "", found);
  if (found.length === 0) return;
  const [first, why] = found[0]!;
  throw new AppError("unprocessable", `${first}: ${why}`, Object.fromEntries(found.map(([path, message]) => [path, [message]])));
}

/**
 * Reads an uploaded annotation file (the request body as text) as JSON, refusing what is too big before
 * parsing it. Returns the parsed document unchecked; importAnnotations validates its shape.
 * @throws AppError 422 `unprocessable` when the text is over MAX_IMPORT_BYTES (5 MiB of UTF-8), or when any string
 * or key holds U+0000 or a lone surrogate (PostgreSQL cannot store either; `fields` names up to 20 paths);
 * 422 when it is nested deeper than MAX_JSON_DEPTH (64, checked before parsing); 400 `bad_request` when it is
 * not valid JSON.
 */
export function parseAnnotationUpload(raw: string): unknown {
  if (Buffer.byteLength(raw, "utf8") > MAX_IMPORT_BYTES) {
    throw new AppError("unprocessable", `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Split it into smaller exports.`);
  }
  refuseDeepJson(raw, "The file");
  let document: unknown;
  try {
    document = JSON.parse(raw);
  } catch {
    throw new AppError("bad_request", "The file is not valid JSON. Upload a W3C Web Annotation export (JSON-LD).");
  }
  refuseNulCharacters(document);
  return document;
}

const json = (value: object): Prisma.InputJsonValue => value as Prisma.InputJsonValue;
const isEmpty = (value: object) => Object.keys(value).length === 0;
const originOrNull = (origin: object) => (isEmpty(origin) ? undefined : json(origin));

type TreeContext = { articleId: string; teamId: string; version: number; userId: string; now: Date };

/** One claim with its comments and evidence, all authored by the importer at the time of the import. */
async function createClaimTree(tx: Prisma.TransactionClient, plan: PlannedClaim, ctx: TreeContext): Promise<string> {
  const numeric = plan.numeric === undefined ? (extractNumericClaim(plan.exact) ?? undefined) : (plan.numeric ?? undefined);
  const claim = await tx.claim.create({
    data: {
      articleId: ctx.articleId,
      exact: plan.exact,
      prefix: plan.prefix,
      suffix: plan.suffix,
      start: plan.start,
      end: plan.end,
      status: plan.status,
      ...(plan.verdict
        ? {
            verdictOrdinal: plan.verdict.ordinal,
            verdictLabel: plan.verdict.label,
            verdictKey: plan.verdict.key,
            verdictExplanation: plan.verdict.explanation,
            verdictById: ctx.userId,
            verdictAt: ctx.now,
          }
        : {}),
      requiresDoubleReview: plan.requiresDoubleReview,
      numeric: numeric === undefined ? undefined : json(numeric),
      anchorStatus: plan.anchorStatus,
      anchorVersion: ctx.version,
      anchorConfidence: plan.anchorConfidence,
      anchorMethod: plan.anchorMethod,
      anchorCandidates: plan.anchorCandidates ? json(plan.anchorCandidates) : undefined,
      origin: originOrNull(plan.origin),
      createdById: ctx.userId,
      updatedById: ctx.userId,
      // The same instant for all three: export reads "unchanged since the import" from it.
      createdAt: ctx.now,
      updatedAt: ctx.now,
    },
    select: { id: true },
  });
  if (plan.evidence.length) {
    await tx.evidence.createMany({
      data: plan.evidence.map(({ origin, ...e }) => ({
        ...e,
        claimId: claim.id,
        addedById: ctx.userId,
        createdAt: ctx.now,
        origin: originOrNull(origin),
      })),
    });
  }
  for (const name of plan.tags) {
    // The team's tag of that name (ignoring case), created when new: the same rule as tagging by hand.
    const tag = await tx.tag.upsert({
      where: { teamId_nameKey: { teamId: ctx.teamId, nameKey: tagKey(name) } },
      create: { teamId: ctx.teamId, name, nameKey: tagKey(name) },
      update: {},
      select: { id: true },
    });
    await tx.claimTag.createMany({ data: [{ claimId: claim.id, tagId: tag.id }], skipDuplicates: true });
  }
  const newIds = new Map<string, string>();
  for (const c of plan.comments) {
    const created = await tx.comment.create({
      data: {
        claimId: claim.id,
        parentId: c.parentKey === null ? null : newIds.get(c.parentKey)!,
        authorId: ctx.userId,
        body: c.body,
        createdAt: ctx.now,
        deletedAt: c.deleted ? ctx.now : null,
        origin: originOrNull(c.origin),
      },
      select: { id: true },
    });
    newIds.set(c.key, created.id);
  }
  await recordClaimAudit(
    tx,
    ctx.userId,
    { id: claim.id, teamId: ctx.teamId, articleId: ctx.articleId },
    {
      action: "claim.imported",
      after: {
        exact: plan.exact,
        start: plan.start,
        end: plan.end,
        status: plan.status,
        verdict: plan.verdict ? { verdict: plan.verdict.label, ordinal: plan.verdict.ordinal } : null,
        requiresDoubleReview: plan.requiresDoubleReview,
        anchorStatus: plan.anchorStatus,
        comments: plan.comments.length,
        evidence: plan.evidence.length,
        ...(plan.tags.length ? { tags: plan.tags } : {}),
        source: plan.origin.id ?? null,
        ...(plan.downgraded ? { downgraded: true } : {}),
        ...(plan.verdictHeld ? { verdictHeld: true } : {}),
      },
    },
  );
  return claim.id;
}

/**
 * POST /api/v1/articles/{id}/annotations: imports a W3C annotation document (an AnnotationCollection with its
 * first page embedded, or an AnnotationPage; at most 1,000 annotations) into the article. Reviewers, editors and
 * admins of its team; all of it or nothing, in one transaction of up to 120 s, one audit row per claim. What it
 * creates is the importer's work, waiting for this desk's review (see plan-import.ts). Returns the counts of
 * what was created and the new claim ids, in the file's order.
 * @throws AppError 404 when the article does not exist or the user is not in its team; 403 for a viewer;
 * 422 `unprocessable` for NUL characters or a document that does not validate (every problem by path; the
 * message names the first one's annotation by its place in the file and its id), e.g. a creator that is not an
 * IRI or an agent with a name, nickname or id, or a list of more than 10 (lib/annotations/creators.ts); 409 `conflict` when a new version of the text was saved while the file was read.
 */
export async function importAnnotations({
  userId,
  articleId,
  document,
}: {
  userId: string;
  articleId: string;
  document: unknown;
}): Promise<ImportResult> {
  const article = await requireArticleWrite(articleId, userId);
  refuseNulCharacters(document);
  const { items } = parseAnnotationDocument(ZAnnotationDocument, document);
  const meta = await db.article.findUniqueOrThrow({ where: { id: articleId }, select: { version: true } });
  const plans = planImport(items, {
    body: article.body,
    scale: await getTeamRatingScale(db, article.teamId),
    isEditor: SIGN_OFF_ROLES.includes(article.role),
    requiresDoubleReview: article.requiresDoubleReview,
  });
  const now = new Date();
  const claimIds = await inTransaction(
    db,
    async (tx) => {
      // Like createClaim: share the row lock a saved version takes, so the text the claims were
      // placed on is still the article's text when they are stored.
      const current = await lockArticleText(tx, articleId);
      if (!current || current.body !== article.body || current.version !== meta.version) {
        throw new AppError("conflict", "The article text was changed while the file was being read. Nothing was imported; try again.");
      }
      const ids: string[] = [];
      for (const plan of plans)
        ids.push(await createClaimTree(tx, plan, { articleId, teamId: article.teamId, version: meta.version, userId, now }));
      return ids;
    },
    { timeout: TRANSACTION_TIMEOUT_MS },
  );
  return {
    claims: plans.length,
    comments: plans.reduce((n, p) => n + p.comments.length, 0),
    evidence: plans.reduce((n, p) => n + p.evidence.length, 0),
    attached: plans.filter((p) => p.anchorStatus === "attached").length,
    needsReview: plans.filter((p) => p.anchorStatus === "needs_review").length,
    orphaned: plans.filter((p) => p.anchorStatus === "orphaned").length,
    downgraded: plans.filter((p) => p.downgraded).length,
    verdictsHeld: plans.filter((p) => p.verdictHeld).length,
    claimIds,
  };
}
