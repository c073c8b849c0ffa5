import { recordAudit } from "@/lib/audit/record-audit";
import { queueAssignmentNotices } from "@/lib/mail/notices";
import { notify } from "@/lib/notifications/notify";
import { db, inTransaction, type DbClient } from "@/lib/db";
import { requireClaimEditor } from "@/lib/access/require";
import { SIGN_OFF_ROLES, WRITE_ROLES } from "@/lib/access/roles";
import { claimScope } from "@/lib/access/scope";
import { isOverdue } from "@/lib/dates/calendar-date";
import { AppError } from "@/lib/http/errors";
import { calendarDateToDate, dateToCalendarDate } from "@/lib/validation/fields";
import type { TAssignReviewers } from "@/lib/validation/team";

/** `dueAt`: the due date, a calendar day "YYYY-MM-DD" in the team's time zone, or null. */
export type AssigneeDTO = { id: string; name: string; dueAt: string | null };

/**
 * Replaces who reviews a claim: one or two people (duplicates ignored) who are active admins, editors or
 * reviewers of the claim's team, with an optional due date (`dueAt`: "YYYY-MM-DD", a day in the team's time
 * zone; null clears it). Audited as "claim.assigned" with the previous reviewers; the newly assigned (not the
 * assigner) get an assignment notification (lib/notifications) and email notice. Returns the assignees with
 * `dueAt` as "YYYY-MM-DD" or null.
 * @throws AppError 404 when the claim does not exist or the user is not in its team; 403 unless the user is an
 * editor or admin there; 422 `unprocessable` (on `reviewerIds`) when someone is not an active writer of the team.
 * Runs in `client` when it is a transaction (so a caller can compose it with other writes).
 */
export async function assignReviewers(
  { userId, claimId, reviewerIds, dueAt: due }: TAssignReviewers & { userId: string },
  client: DbClient = db,
): Promise<AssigneeDTO[]> {
  const dueAt = due ?? null;
  const unique = [...new Set(reviewerIds)];
  return inTransaction(client, async (tx) => {
    const claim = await requireClaimEditor(claimId, userId, "Only an editor can assign claims.", tx);
    const members = await tx.membership.findMany({
      where: { teamId: claim.teamId, userId: { in: unique }, role: { in: [...WRITE_ROLES] }, user: { disabled: false } },
      select: { user: { select: { id: true, name: true } } },
    });
    if (members.length !== unique.length) {
      throw new AppError("unprocessable", "Assign only active reviewers or editors of this claim's team.", {
        reviewerIds: ["Not a reviewer of this team."],
      });
    }
    const before = await tx.assignment.findMany({ where: { claimId }, select: { reviewerId: true, dueAt: true } });
    await tx.assignment.deleteMany({ where: { claimId, claim: claimScope(userId, SIGN_OFF_ROLES) } });
    await tx.assignment.createMany({
      data: unique.map((reviewerId) => ({
        claimId,
        reviewerId,
        assignedById: userId,
        dueAt: dueAt === null ? null : calendarDateToDate(dueAt),
      })),
    });
    await recordAudit(tx, {
      actorId: userId,
      teamId: claim.teamId,
      articleId: claim.articleId,
      claimId,
      entity: "assignment",
      entityId: claimId,
      action: "claim.assigned",
      before: { reviewerIds: before.map((a) => a.reviewerId), dueAt: before[0]?.dueAt ? dateToCalendarDate(before[0].dueAt) : null },
      after: { reviewerIds: unique, names: members.map((m) => m.user.name), dueAt },
    });
    const newlyAssigned = unique.filter((id) => !before.some((a) => a.reviewerId === id));
    await queueAssignmentNotices(tx, { claimId, reviewerIds: newlyAssigned, assignedById: userId, dueAt });
    await notify(tx, {
      kind: "assignment",
      teamId: claim.teamId,
      actorId: userId,
      recipientIds: newlyAssigned,
      articleId: claim.articleId,
      claimId,
    });
    return members.map((m) => ({ id: m.user.id, name: m.user.name, dueAt }));
  });
}

export type QueueItem = {
  claimId: string;
  exact: string;
  status: string;
  /** The due date, "YYYY-MM-DD" in the team's time zone, or null. */
  dueAt: string | null;
  /** The due date has passed in the team's time zone (it is before the team's today). */
  overdue: boolean;
  article: { id: string; title: string };
  assignedBy: string;
};

/**
 * "My queue": claims assigned to the user in any team they still belong to, due soonest first (no due date
 * last), then by status (disputed, in review, unreviewed, proposed, verified, not check-worthy). `dueAt` is
 * "YYYY-MM-DD" or null, `overdue` whether that day has ended in the team's time zone at `now` (tests pass
 * their own clock). Never throws for a user without assignments (empty list).
 */
export async function listQueue({ userId, now = new Date() }: { userId: string; now?: Date }): Promise<QueueItem[]> {
  const rows = await db.assignment.findMany({
    where: { reviewerId: userId, claim: claimScope(userId) },
    orderBy: [{ dueAt: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
    select: {
      dueAt: true,
      assignedBy: { select: { name: true } },
      claim: {
        select: {
          id: true,
          exact: true,
          status: true,
          article: { select: { id: true, title: true, team: { select: { timeZone: true } } } },
        },
      },
    },
  });
  const STATUS_ORDER = ["disputed", "in_review", "unreviewed", "verdict_proposed", "verified", "not_check_worthy"];
  return rows
    .map((r) => {
      const dueAt = r.dueAt ? dateToCalendarDate(r.dueAt) : null;
      return {
        claimId: r.claim.id,
        exact: r.claim.exact,
        status: r.claim.status,
        dueAt,
        overdue: dueAt !== null && isOverdue(dueAt, r.claim.article.team.timeZone, now),
        article: { id: r.claim.article.id, title: r.claim.article.title },
        assignedBy: r.assignedBy.name,
      };
    })
    .sort((a, b) => (a.dueAt ?? "~").localeCompare(b.dueAt ?? "~") || STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status));
}
