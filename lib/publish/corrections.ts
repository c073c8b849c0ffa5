// Corrections are never silent. A claim readers can see on a published report (verified) changes
// only with an editor's confirmation and a public note: the change writes an entry in the
// report's corrections log, and when it takes the claim out of "verified" the report keeps
// showing what readers last saw (Claim.publishedSnapshot), marked as being re-checked, until an
// editor verifies it again. The IFCN code of principles asks signatories for exactly this log.
import { recordClaimAudit } from "@/lib/audit/record-audit";
import { db, inTransaction } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { SIGN_OFF_ROLES } from "@/lib/access/roles";
import { claimScope } from "@/lib/access/scope";
import { AppError, forbidden, notFound } from "@/lib/http/errors";
import { claimReviewerIds, notify } from "@/lib/notifications/notify";
import { loadVerifiedReport, toSnapshot } from "@/lib/publish/verified-claims";
import type { TAddCorrection, TConfirmCorrection } from "@/lib/validation/corrections";

export const CORRECTION_REQUIRED =
  "This claim is on the published report. Readers will see the change: confirm it with a public note (what changed and why).";

type ClaimRef = { id: string; articleId: string; teamId: string; status: string; role: Role };
type Kind = "update" | "correction";

export type CorrectionDTO = { id: string; kind: Kind; note: string; at: string; by: { id: string; name: string } };

/** Whether the article's report is public, read under a share lock so publishing cannot slip in between. */
async function reportIsPublished(tx: Prisma.TransactionClient, articleId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<
    { published: boolean }[]
  >`SELECT ("reportPublishedAt" IS NOT NULL) AS "published" FROM "Article" WHERE "id" = ${articleId} FOR SHARE`;
  return rows[0]?.published ?? false;
}

async function writeCorrection(
  tx: Prisma.TransactionClient,
  claim: ClaimRef,
  userId: string,
  kind: Kind,
  note: string,
  before: Prisma.InputJsonValue | undefined,
) {
  const row = await tx.reportCorrection.create({
    data: { articleId: claim.articleId, claimId: claim.id, kind, note, before, createdById: userId },
    select: correctionSelect,
  });
  await recordClaimAudit(tx, userId, claim, { action: "report.correction", after: { kind, note } });
  // The people who worked on the verdict hear that what readers see of it changed.
  const recipientIds = await claimReviewerIds(tx, claim.id);
  await notify(tx, {
    kind: "correction",
    teamId: claim.teamId,
    actorId: userId,
    recipientIds,
    articleId: claim.articleId,
    claimId: claim.id,
  });
  return row;
}

/**
 * Inside the caller's transaction, before it changes a verified claim: when the claim is on a
 * published report, requires `confirm` (409 with a `confirmCorrection` field error otherwise)
 * from an editor (403), writes the corrections-log entry and its audit row, and returns the
 * data to add to the claim's update: the public snapshot when `leavesVerified`. Returns `{}`
 * when nothing is published or the claim is not verified (no confirmation needed).
 */
export async function correctPublishedClaim(
  tx: Prisma.TransactionClient,
  {
    claim,
    userId,
    confirm,
    defaultKind,
    leavesVerified,
  }: { claim: ClaimRef; userId: string; confirm: TConfirmCorrection | undefined; defaultKind: Kind; leavesVerified: boolean },
): Promise<{ publishedSnapshot?: Prisma.InputJsonValue }> {
  if (claim.status !== "verified" || !(await reportIsPublished(tx, claim.articleId))) return {};
  if (!confirm) throw new AppError("conflict", CORRECTION_REQUIRED, { confirmCorrection: [CORRECTION_REQUIRED] });
  if (!SIGN_OFF_ROLES.includes(claim.role)) throw forbidden("Only an editor can change a claim on the published report.");
  const shown = (await loadVerifiedReport({ id: claim.articleId }, claim.id, tx))?.claims[0];
  await writeCorrection(
    tx,
    claim,
    userId,
    confirm.kind ?? defaultKind,
    confirm.note,
    shown ? { verdict: shown.verdict.label, exact: shown.exact } : undefined,
  );
  return leavesVerified && shown ? { publishedSnapshot: toSnapshot(shown) } : {};
}

/**
 * Inside the caller's transaction, right after a sign-off: when the claim's report is published and the claim has
 * never been on it, records now as the claim's first publication (Claim.firstPublishedAt, ClaimReview's
 * datePublished). A claim that went out before keeps its date, so a re-sign-off after a correction never moves it.
 */
export async function markFirstPublished(tx: Prisma.TransactionClient, claimId: string): Promise<void> {
  await tx.$executeRaw`UPDATE "Claim" c SET "firstPublishedAt" = clock_timestamp()
    FROM "Article" a
    WHERE c."id" = ${claimId} AND c."firstPublishedAt" IS NULL AND a."id" = c."articleId" AND a."reportPublishedAt" IS NOT NULL`;
}

/**
 * An editor adds a note to a claim on the published report by hand (POST /api/v1/claims/{id}/corrections).
 * The role is read in the note's transaction under a share lock on the membership, so an editor demoted or removed
 * meanwhile adds nothing. Output: the note as the claim API shows it.
 * @throws AppError 404 outside the team, 403 for non-editors, 422 when the claim is not on a published report.
 */
export async function addCorrectionNote({ userId, claimId, note, kind }: TAddCorrection & { userId: string }): Promise<CorrectionDTO> {
  const claim = await db.claim.findFirst({
    where: { id: claimId, ...claimScope(userId) },
    select: { id: true, articleId: true, status: true, publishedSnapshot: true, article: { select: { teamId: true } } },
  });
  if (!claim) throw notFound("That claim");
  return inTransaction(db, async (tx) => {
    // The role the note is judged on, read in its transaction under a share lock on the membership: a demotion
    // committed before is seen, one that comes later waits for the note (never check, then write by id alone).
    const [member] = await tx.$queryRaw<{ role: Role }[]>`
      SELECT m."role" FROM "Membership" m
      WHERE m."teamId" = ${claim.article.teamId} AND m."userId" = ${userId}
      FOR SHARE`;
    if (!member) throw notFound("That claim");
    const role = member.role;
    if (!SIGN_OFF_ROLES.includes(role)) throw forbidden("Only an editor can add a correction to the published report.");
    const onReport = claim.status === "verified" || claim.publishedSnapshot !== null;
    if (!onReport || !(await reportIsPublished(tx, claim.articleId))) {
      throw new AppError("unprocessable", "Only a claim on the published report can carry a correction note.");
    }
    const ref = { id: claim.id, articleId: claim.articleId, teamId: claim.article.teamId, status: claim.status, role };
    return toCorrectionDTO(await writeCorrection(tx, ref, userId, kind, note, undefined));
  });
}

export const correctionSelect = {
  id: true,
  kind: true,
  note: true,
  createdAt: true,
  createdBy: { select: { id: true, name: true } },
} as const;

/** A corrections-log row as the claim API shows it (ISO date, who wrote the note). */
export function toCorrectionDTO(row: {
  id: string;
  kind: Kind;
  note: string;
  createdAt: Date;
  createdBy: { id: string; name: string };
}): CorrectionDTO {
  return { id: row.id, kind: row.kind, note: row.note, at: row.createdAt.toISOString(), by: row.createdBy };
}
