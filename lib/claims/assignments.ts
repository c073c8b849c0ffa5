import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { requireClaimEditor, WRITE_ROLES } from "@/lib/claims/access";
import { isOverdue } from "@/lib/dates/calendar-date";
import { AppError } from "@/lib/http/errors";
import { calendarDateToDate, dateToCalendarDate } from "@/lib/validation/fields";
import type { TAssignReviewers } from "@/lib/validation/team";

/** `dueAt`: the due date, a calendar day "YYYY-MM-DD" in the team's time zone, or null. */
export type AssigneeDTO = { id: string; name: string; dueAt: string | null };

/**
 * Sets who reviews a claim (one or two people who can write in its team) and by which day
 * (`dueAt`: "YYYY-MM-DD", a day in the team's time zone, or null for none).
 * Throws 404 (not the user's claim), 403 (not an editor), 422 (a reviewer outside the team).
 */
export async function assignReviewers({ userId, claimId, reviewerIds, dueAt: due }: TAssignReviewers & { userId: string }): Promise<AssigneeDTO[]> {
  const dueAt = due ?? null;
  const claim = await requireClaimEditor(claimId, userId, "Only an editor can assign claims.");
  const unique = [...new Set(reviewerIds)];
  const members = await db.membership.findMany({
    where: { teamId: claim.teamId, userId: { in: unique }, role: { in: [...WRITE_ROLES] }, user: { disabled: false } },
    select: { user: { select: { id: true, name: true } } },
  });
  if (members.length !== unique.length) {
    throw new AppError("unprocessable", "Assign only active reviewers or editors of this claim's team.", { reviewerIds: ["Not a reviewer of this team."] });
  }
  return db.$transaction(async (tx) => {
    const before = await tx.assignment.findMany({ where: { claimId }, select: { reviewerId: true, dueAt: true } });
    await tx.assignment.deleteMany({ where: { claimId } });
    await tx.assignment.createMany({ data: unique.map((reviewerId) => ({ claimId, reviewerId, assignedById: userId, dueAt: dueAt === null ? null : calendarDateToDate(dueAt) })) });
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
 * "My queue": claims assigned to the user in any of their teams, due soonest first, then by
 * status. `now` is the clock "overdue" is read against (tests pass their own).
 */
export async function listQueue({ userId, now = new Date() }: { userId: string; now?: Date }): Promise<QueueItem[]> {
  const rows = await db.assignment.findMany({
    where: { reviewerId: userId, claim: { article: { team: { memberships: { some: { userId } } } } } },
    orderBy: [{ dueAt: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
    select: {
      dueAt: true,
      assignedBy: { select: { name: true } },
      claim: { select: { id: true, exact: true, status: true, article: { select: { id: true, title: true, team: { select: { timeZone: true } } } } } },
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
