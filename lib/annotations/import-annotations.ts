import { recordClaimAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { requireArticleWrite, SIGN_OFF_ROLES } from "@/lib/claims/access";
import { AppError } from "@/lib/http/errors";
import { extractNumericClaim } from "@/lib/suggestions";
import { parseInput } from "@/lib/validation/parse";
import { planImport, type Attribution, type PlannedClaim } from "@/lib/annotations/plan-import";
import { MAX_IMPORT_BYTES, USER_URN_PREFIX, ZAnnotationDocument, type TCreator } from "@/lib/annotations/w3c";

export type ImportResult = {
  claims: number;
  comments: number;
  evidence: number;
  /** Placed on the text with confidence. */
  attached: number;
  /** Not placed with confidence: in the workspace with candidate places for a person to pick. */
  needsReview: number;
  /** Verified in the file, imported as "Verdict proposed" because the importer may not sign off. */
  downgraded: number;
  claimIds: string[];
};

// A big import is thousands of inserts; the default 5 s interactive-transaction limit is for clicks.
const TRANSACTION_TIMEOUT_MS = 120_000;

/** Reads the uploaded text as JSON, refusing what is too big before parsing it. */
export function parseAnnotationUpload(raw: string): unknown {
  if (Buffer.byteLength(raw, "utf8") > MAX_IMPORT_BYTES) {
    throw new AppError("unprocessable", `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Split it into smaller exports.`);
  }
  try {
    return JSON.parse(raw);
  } catch {
    throw new AppError("bad_request", "The file is not valid JSON. Upload a W3C Web Annotation export (JSON-LD).");
  }
}

/** Members of the team an annotation's creator may be, by Factdesk user id or by email. */
async function creatorResolver(teamId: string, importerId: string): Promise<(creator: TCreator | undefined) => Attribution> {
  const members = await db.membership.findMany({ where: { teamId }, select: { user: { select: { id: true, email: true } } } });
  const byId = new Set(members.map((m) => m.user.id));
  const byEmail = new Map(members.map((m) => [m.user.email.toLowerCase(), m.user.id]));
  return (creator) => {
    if (!creator) return { userId: importerId };
    const id = creator.id?.startsWith(USER_URN_PREFIX) ? creator.id.slice(USER_URN_PREFIX.length) : null;
    if (id && byId.has(id)) return { userId: id };
    const email = creator.email ? byEmail.get(creator.email.toLowerCase()) : undefined;
    if (email) return { userId: email };
    return { userId: importerId, origin: creator };
  };
}

const json = (value: object): Prisma.InputJsonValue => value as Prisma.InputJsonValue;
const isEmpty = (value: object) => Object.keys(value).length === 0;

async function createClaimTree(tx: Prisma.TransactionClient, plan: PlannedClaim, ctx: { articleId: string; teamId: string; version: number; userId: string }): Promise<string> {
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
        ? { verdictOrdinal: plan.verdict.ordinal, verdictLabel: plan.verdict.label, verdictExplanation: plan.verdict.explanation, verdictById: plan.verdict.byId, verdictAt: plan.verdict.at }
        : {}),
      requiresDoubleReview: plan.requiresDoubleReview,
      numeric: numeric === undefined ? undefined : json(numeric),
      anchorStatus: plan.anchorStatus,
      anchorVersion: ctx.version,
      anchorConfidence: plan.anchorConfidence,
      anchorMethod: plan.anchorMethod,
      anchorCandidates: plan.anchorCandidates ? json(plan.anchorCandidates) : undefined,
      origin: isEmpty(plan.origin) ? undefined : json(plan.origin),
      createdById: plan.createdById,
      updatedById: ctx.userId,
      createdAt: plan.createdAt,
      updatedAt: plan.updatedAt,
    },
    select: { id: true },
  });
  if (plan.evidence.length) {
    await tx.evidence.createMany({
      data: plan.evidence.map(({ origin, ...e }) => ({ ...e, claimId: claim.id, origin: isEmpty(origin) ? undefined : json(origin) })),
    });
  }
  const newIds = new Map<string, string>();
  for (const c of plan.comments) {
    const created = await tx.comment.create({
      data: {
        claimId: claim.id,
        parentId: c.parentKey === null ? null : newIds.get(c.parentKey)!,
        authorId: c.authorId,
        body: c.body,
        createdAt: c.createdAt,
        editedAt: c.editedAt,
        deletedAt: c.deletedAt,
        origin: isEmpty(c.origin) ? undefined : json(c.origin),
      },
      select: { id: true },
    });
    newIds.set(c.key, created.id);
  }
  await recordClaimAudit(tx, ctx.userId, { id: claim.id, teamId: ctx.teamId, articleId: ctx.articleId }, {
    action: "claim.imported",
    after: {
      exact: plan.exact,
      start: plan.start,
      end: plan.end,
      status: plan.status,
      verdict: plan.verdict ? { verdict: plan.verdict.label, ordinal: plan.verdict.ordinal } : null,
      anchorStatus: plan.anchorStatus,
      comments: plan.comments.length,
      evidence: plan.evidence.length,
      source: plan.origin.id ?? null,
      ...(plan.downgraded ? { downgradedFrom: "verified" } : {}),
    },
  });
  return claim.id;
}

/**
 * POST /api/v1/articles/{id}/annotations: imports a W3C annotation document into the article.
 * Reviewers, editors and admins of its team; all of it or nothing, one audit row per claim.
 */
export async function importAnnotations({ userId, articleId, document }: { userId: string; articleId: string; document: unknown }): Promise<ImportResult> {
  const article = await requireArticleWrite(articleId, userId);
  const { items } = parseInput(ZAnnotationDocument, document);
  const meta = await db.article.findUniqueOrThrow({ where: { id: articleId }, select: { version: true } });
  const resolve = await creatorResolver(article.teamId, userId);
  const plans = planImport(items, {
    body: article.body,
    resolve,
    importerId: userId,
    canSignOff: SIGN_OFF_ROLES.includes(article.role),
    requiresDoubleReview: article.requiresDoubleReview,
    now: new Date(),
  });
  const claimIds = await db.$transaction(
    async (tx) => {
      // Like createClaim: share the row lock a saved version takes, so the text the claims were
      // placed on is still the article's text when they are stored.
      const [current] = await tx.$queryRaw<{ body: string; version: number }[]>`SELECT "body", "version" FROM "Article" WHERE "id" = ${articleId} FOR SHARE`;
      if (!current || current.body !== article.body || current.version !== meta.version) {
        throw new AppError("conflict", "The article text was changed while the file was being read. Nothing was imported; try again.");
      }
      const ids: string[] = [];
      for (const plan of plans) ids.push(await createClaimTree(tx, plan, { articleId, teamId: article.teamId, version: meta.version, userId }));
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
    downgraded: plans.filter((p) => p.downgraded).length,
    claimIds,
  };
}
