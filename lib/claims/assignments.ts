import { recordAudit } from "@/lib/audit/record-audit";
import { db, inTransaction, type DbClient } from "@/lib/db";
import { requireClaimEditor } from "@/lib/access/require";
import { SIGN_OFF_ROLES, WRITE_ROLES } from "@/lib/access/roles";
import { claimScope } from "@/lib/access/scope";
import { AppError } from "@/lib/http/errors";
import type { TAssignReviewers } from "@/lib/validation/team";

export type AssigneeDTO = { id: string; name: string; dueAt: string | null };

/**
 * Sets who reviews a claim (one or two people who can write in its team) and by when; runs in
 * `client` when it is a transaction. Output: the assignees (AssigneeDTO[]). Throws 404 when the
 * claim is not in the user's teams, 403 unless they are an editor or admin there, 422 when a
 * reviewer is not an active writer of that team.
 */
export async function assignReviewers({ userId, claimId, reviewerIds, dueAt }: TAssignReviewers & { userId: string }, client: DbClient = db): Promise<AssigneeDTO[]> {
  const unique = [...new Set(reviewerIds)];
  return inTransaction(client, async (tx) => {
    const claim = await requireClaimEditor(claimId, userId, "Only an editor can assign claims.", tx);
    const members = await tx.membership.findMany({
      where: { teamId: claim.teamId, userId: { in: unique }, role: { in: [...WRITE_ROLES] }, user: { disabled: false } },
      select: { user: { select: { id: true, name: true } } },
    });
    if (members.length !== unique.length) {
      throw new AppError("unprocessable", "Assign only active reviewers or editors of this claim's team.", { reviewerIds: ["Not a reviewer of this team."] });
    }
    const before = await tx.assignment.findMany({ where: { claimId }, select: { reviewerId: true, dueAt: true } });
    await tx.assignment.deleteMany({ where: { claimId, claim: claimScope(userId, SIGN_OFF_ROLES) } });
    await tx.assignment.createMany({ data: unique.map((reviewerId) => ({ claimId, reviewerId, assignedById: userId, dueAt: dueAt ?? null })) });
    await recordAudit(tx, {
      actorId: userId,
      teamId: claim.teamId,
      articleId: claim.articleId,
      claimId,
      entity: "assignment",
      entityId: claimId,
      action: "claim.assigned",
      before: { reviewerIds: before.map((a) => a.reviewerId), dueAt: before[0]?.dueAt?.toISOString() ?? null },
      after: { reviewerIds: unique, names: members.map((m) => m.user.name), dueAt: dueAt?.toISOString() ?? null },
    });
    return members.map((m) => ({ id: m.user.id, name: m.user.name, dueAt: dueAt?.toISOString() ?? null }));
  });
}

export type QueueItem = {
  claimId: string;
  exact: string;
  status: string;
  dueAt: string | null;
  article: { id: string; title: string };
  assignedBy: string;
};

/** "My queue": claims assigned to the user in any of their teams, due soonest first, then by status. */
export async function listQueue({ userId }: { userId: string }): Promise<QueueItem[]> {
  const rows = await db.assignment.findMany({
    where: { reviewerId: userId, claim: claimScope(userId) },
    orderBy: [{ dueAt: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
    select: {
      dueAt: true,
      assignedBy: { select: { name: true } },
      claim: { select: { id: true, exact: true, status: true, article: { select: { id: true, title: true } } } },
    },
  });
  const STATUS_ORDER = ["disputed", "in_review", "unreviewed", "verdict_proposed", "verified", "not_check_worthy"];
  return rows
    .map((r) => ({
      claimId: r.claim.id,
      exact: r.claim.exact,
      status: r.claim.status,
      dueAt: r.dueAt?.toISOString() ?? null,
      article: r.claim.article,
      assignedBy: r.assignedBy.name,
    }))
    .sort((a, b) => (a.dueAt ?? "~").localeCompare(b.dueAt ?? "~") || STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status));
}
