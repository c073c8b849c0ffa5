// Changing evidence after it was added: edit its fields, remove it (softly, so it can be undone) and restore
// it. Audited like comments (lib/claims/comments.ts), with the same optimistic lock.
import { recordAudit } from "@/lib/audit/record-audit";
import { db, inTransaction, type DbClient } from "@/lib/db";
import { claimScope } from "@/lib/access/scope";
import { requireClaimRoleUnchanged } from "@/lib/access/require";
import { SIGN_OFF_ROLES, WRITE_ROLES } from "@/lib/access/roles";
import { AppError, forbidden, notFound } from "@/lib/http/errors";
import { auditedFields, evidenceSelect, toEvidenceDTO, type EvidenceDTO } from "@/lib/claims/evidence";
import { queueEvidenceArchive } from "@/lib/evidence/archive";
import { excerptFoundIn } from "@/lib/evidence/excerpt-match";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TEditEvidence } from "@/lib/validation/claims";
import { evidenceLock } from "@/lib/claims/workflow";

type Change = "evidence.edited" | "evidence.removed" | "evidence.restored";

/**
 * Reads evidence `evidenceId` for a change by `userId` under a row lock, with the user's role in its team.
 * @throws AppError 404 when it does not exist or is in a team the user is not in (or an archived team);
 * 403 for a viewer, and for a reviewer changing evidence someone else added (the person who added it,
 * editors and admins may change it); 409 while its claim is verified (evidenceLock: the public report lists what was
 * signed off).
 */
async function lockForChange(tx: Prisma.TransactionClient, evidenceId: string, userId: string) {
  // Lock first, then read: two changes at once see each other's result, and the claim's status below is the one a
  // sign-off committed (its UPDATE takes the claim's row lock; before, a sign-off landing between reading the status
  // and writing the row left a verified claim with a changed source). Only a member of the evidence's team takes the
  // locks: an outsider never waits on (or holds) another newsroom's rows, and gets 404 below.
  await tx.$executeRaw`
    SELECT 1 FROM "Evidence" e JOIN "Claim" c ON c.id = e."claimId" JOIN "Article" a ON a.id = c."articleId"
    JOIN "Membership" m ON m."teamId" = a."teamId" AND m."userId" = ${userId}
    WHERE e.id = ${evidenceId} FOR NO KEY UPDATE OF c FOR UPDATE OF e`;
  const evidence = await tx.evidence.findFirst({
    where: { id: evidenceId, claim: claimScope(userId) },
    select: {
      ...evidenceSelect,
      claimId: true,
      claim: {
        select: {
          articleId: true,
          status: true,
          article: { select: { teamId: true, team: { select: { memberships: { where: { userId }, select: { role: true } } } } } },
        },
      },
    },
  });
  if (!evidence) throw notFound("That evidence");
  const role = evidence.claim.article.team.memberships[0]?.role;
  if (!role || !WRITE_ROLES.includes(role)) throw forbidden("Your role can read evidence but not change it.");
  if (evidence.addedBy.id !== userId && !SIGN_OFF_ROLES.includes(role)) {
    throw forbidden("Only the person who added this source, or an editor, can change or remove it.");
  }
  // The report lists the sources the editor signed off: a verified claim's change only after it is reopened.
  const lock = evidenceLock(evidence.claim.status);
  if (lock) throw new AppError(lock.code, lock.message);
  return evidence;
}

async function change(
  userId: string,
  evidenceId: string,
  action: Change,
  expectedVersion: number | undefined,
  client: DbClient,
  data: (
    current: Awaited<ReturnType<typeof lockForChange>>,
    tx: Prisma.TransactionClient,
  ) => Promise<Prisma.EvidenceUpdateManyMutationInput>,
): Promise<EvidenceDTO> {
  return inTransaction(client, async (tx) => {
    const current = await lockForChange(tx, evidenceId, userId);
    if (action === "evidence.edited" && current.deletedAt) throw new AppError("unprocessable", "Restore the evidence before editing it.");
    // Scoped to what lockForChange judged: the user's role (an editor may change anyone's source) and the claim's
    // status (not verified), so a demotion, a removal or a sign-off committed since changes nothing.
    const { role } = current.claim.article.team.memberships[0]!;
    const { count } = await tx.evidence.updateMany({
      where: {
        id: evidenceId,
        version: expectedVersion ?? current.version,
        claim: { ...claimScope(userId, [role]), status: current.claim.status },
      },
      data: { ...(await data(current, tx)), version: { increment: 1 } },
    });
    if (count === 0) {
      // Judged again on what is there now: its 404 / 403 / 409 (verified) when one applies, else a newer version.
      await lockForChange(tx, evidenceId, userId);
      await requireClaimRoleUnchanged({ id: current.claimId, role }, userId, tx);
      throw new AppError("conflict", "This evidence changed in another window. Reload to see the latest version.");
    }
    const updated = toEvidenceDTO(await tx.evidence.findUniqueOrThrow({ where: { id: evidenceId }, select: evidenceSelect }));
    const before = toEvidenceDTO(current);
    await recordAudit(tx, {
      actorId: userId,
      teamId: current.claim.article.teamId,
      articleId: current.claim.articleId,
      claimId: current.claimId,
      entity: "evidence",
      entityId: evidenceId,
      action,
      before: { ...auditedFields(before), deletedAt: before.deletedAt, version: before.version },
      after: { ...auditedFields(updated), deletedAt: updated.deletedAt, version: updated.version },
    });
    return updated;
  });
}

/**
 * Replaces evidence `evidenceId`'s URL, title, excerpt, stance, source type and retrieval date (checked by
 * ZEditEvidence) and sets `editedAt`, with the optimistic lock `version` when given. A new URL starts a new
 * archive (the old archive and drift flag no longer describe it); a new excerpt is looked up again in the
 * archived text. Audited as "evidence.edited" with the fields before and after. Returns the EvidenceDTO.
 * @throws AppError 404 / 403 as lockForChange; 422 when it is removed (restore it first) or when a link is
 * left without a URL (only a file may have none); 409 `conflict` when it changed since `version`.
 * Runs in `client` when it is a transaction.
 */
export function editEvidence({ userId, evidenceId, version, ...fields }: TEditEvidence & { userId: string }, client: DbClient = db) {
  return change(userId, evidenceId, "evidence.edited", version, client, async (current, tx) => {
    if (fields.url === "" && !current.file) {
      throw new AppError("unprocessable", "A source needs its web address.", { url: ["Enter a full web address, starting with https://"] });
    }
    const urlChanged = fields.url !== current.url;
    let excerptFound = current.excerptFound;
    if (urlChanged) {
      excerptFound = null;
      await queueEvidenceArchive(tx, { id: evidenceId, url: fields.url });
    } else if (fields.excerpt !== current.excerpt && current.archivedAt) {
      const archive = await tx.evidenceSnapshot.findFirst({
        where: { evidenceId, purpose: "archive", error: null },
        orderBy: { fetchedAt: "desc" },
        select: { text: true },
      });
      excerptFound = excerptFoundIn(fields.excerpt, archive?.text ?? "");
    }
    return {
      ...fields,
      editedAt: new Date(),
      excerptFound,
      ...(urlChanged ? { archivedAt: null, archiveError: null, sourceCheckedAt: null, sourceFlag: null } : {}),
    };
  });
}

/**
 * Removes evidence `evidenceId` softly (sets `deletedAt`): it leaves the claim's count, exports, search and the
 * published report, and restoreEvidence brings it back. Audited as "evidence.removed". Returns the EvidenceDTO.
 * @throws AppError 404 / 403 as lockForChange. Runs in `client` when it is a transaction.
 */
export function removeEvidence({ userId, evidenceId }: { userId: string; evidenceId: string }, client: DbClient = db) {
  return change(userId, evidenceId, "evidence.removed", undefined, client, async () => ({ deletedAt: new Date() }));
}

/** Undoes removeEvidence (audited as "evidence.restored"); 404 / 403 as lockForChange. Runs in `client` when it is a transaction. */
export function restoreEvidence({ userId, evidenceId }: { userId: string; evidenceId: string }, client: DbClient = db) {
  return change(userId, evidenceId, "evidence.restored", undefined, client, async () => ({ deletedAt: null }));
}
