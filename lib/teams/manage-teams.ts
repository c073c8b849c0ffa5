import { recordAudit } from "@/lib/audit/record-audit";
import { requireTeamRole } from "@/lib/access/require";
import { TEAM_ADMIN_ROLES } from "@/lib/access/roles";
import { db, inTransaction } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError, forbidden, notFound } from "@/lib/http/errors";
import { teamSlug } from "@/lib/onboarding/first-admin";
import { readRatingScale, type RatingEntry } from "@/lib/teams/rating-scale";
import { ssoConfigured } from "@/lib/sso/config";
import { ZTeamOptions, type TTeamOptions } from "@/lib/validation/team-admin";
import { parseInput } from "@/lib/validation/parse";

function requireTeamAdmin(teamId: string, userId: string, client: Prisma.TransactionClient, message: string) {
  return requireTeamRole({ teamId, userId, roles: TEAM_ADMIN_ROLES, outsider: notFound("That team"), message }, client);
}

/**
 * An admin (of any team that is not archived) creates a new team named `name` and becomes its admin.
 * Audited in the new team as "team.created". Returns `{ id, name }`.
 * @throws AppError 403 `forbidden` for someone who administers no team.
 */
export async function createTeam({ userId, name }: { userId: string; name: string }) {
  return inTransaction(db, async (tx) => {
    const adminSomewhere = await tx.membership.count({ where: { userId, role: "admin", team: { archivedAt: null } } });
    if (adminSomewhere === 0) throw forbidden("Only an admin can create teams.");
    const team = await tx.team.create({ data: { name, slug: teamSlug(name), memberships: { create: { userId, role: "admin" } } } });
    await recordAudit(tx, { actorId: userId, teamId: team.id, entity: "team", entityId: team.id, action: "team.created", after: { name } });
    return { id: team.id, name: team.name };
  });
}

/**
 * Renames the team (its members see the new name within SESSION_RECHECK_SECONDS). Audited as "team.renamed"
 * with the old and new name. @throws AppError 404 for outsiders, 403 for members who are not admins.
 */
export async function renameTeam({ teamId, userId, name }: { teamId: string; userId: string; name: string }) {
  return inTransaction(db, async (tx) => {
    await requireTeamAdmin(teamId, userId, tx, "Only a team admin can rename the team.");
    const before = await tx.team.findUniqueOrThrow({ where: { id: teamId }, select: { name: true } });
    await tx.team.update({ where: { id: teamId }, data: { name } });
    await recordAudit(tx, { actorId: userId, teamId, entity: "team", entityId: teamId, action: "team.renamed", before, after: { name } });
    return { id: teamId, name };
  });
}

/**
 * Archives the team: it disappears for every member (team switcher, pages, API) at their next session check;
 * nothing is deleted. `confirmName` must be the team's current name (the confirmation the form asks for).
 * Audited as "team.archived". @throws AppError 404 for outsiders, 403 unless admin, 422 when `confirmName` does
 * not match, or when it is the actor's only team (they would be left with none).
 */
export async function archiveTeam(
  { teamId, userId, confirmName }: { teamId: string; userId: string; confirmName: string },
  now = new Date(),
) {
  return inTransaction(db, async (tx) => {
    await requireTeamAdmin(teamId, userId, tx, "Only a team admin can archive the team.");
    const team = await tx.team.findUniqueOrThrow({ where: { id: teamId }, select: { name: true } });
    if (confirmName !== team.name) {
      throw new AppError("unprocessable", "Type the team's name exactly to archive it.", {
        confirmName: ["Type the team's name exactly to archive it."],
      });
    }
    const others = await tx.membership.count({ where: { userId, teamId: { not: teamId }, team: { archivedAt: null } } });
    if (others === 0)
      throw new AppError("unprocessable", "This is your only team: create another team first, or ask another admin to archive it.");
    await tx.team.update({ where: { id: teamId }, data: { archivedAt: now } });
    await recordAudit(tx, {
      actorId: userId,
      teamId,
      entity: "team",
      entityId: teamId,
      action: "team.archived",
      before: { name: team.name },
    });
    return { id: teamId };
  });
}

export type ArchivedTeamDTO = { id: string; name: string; archivedAt: string };

/** Teams the user administered that are archived now, most recently archived first (for the Team page's list). */
export async function listArchivedTeams({ userId }: { userId: string }): Promise<ArchivedTeamDTO[]> {
  const teams = await db.team.findMany({
    where: { archivedAt: { not: null }, memberships: { some: { userId, role: "admin" } } },
    select: { id: true, name: true, archivedAt: true },
    orderBy: { archivedAt: "desc" },
  });
  return teams.map((t) => ({ id: t.id, name: t.name, archivedAt: t.archivedAt!.toISOString() }));
}

/**
 * Brings an archived team back for all its members (their memberships and roles were kept), at their next session
 * check. Only an admin of that team may; no confirmation (nothing is lost). Audited in the team as
 * "team.unarchived" with when it had been archived.
 * @throws AppError 404 when the user is not a member of the team, 403 when they are but not its admin, 409 when
 * the team is not archived.
 */
export async function unarchiveTeam({ teamId, userId }: { teamId: string; userId: string }) {
  return inTransaction(db, async (tx) => {
    const membership = await tx.membership.findFirst({
      where: { teamId, userId },
      select: { role: true, team: { select: { name: true, archivedAt: true } } },
    });
    if (!membership) throw notFound("That team");
    if (membership.role !== "admin") throw forbidden("Only an admin of the team can bring it back.");
    const { count } = await tx.team.updateMany({ where: { id: teamId, archivedAt: { not: null } }, data: { archivedAt: null } });
    if (count === 0) throw new AppError("conflict", `${membership.team.name} is not archived.`);
    await recordAudit(tx, {
      actorId: userId,
      teamId,
      entity: "team",
      entityId: teamId,
      action: "team.unarchived",
      before: { archivedAt: membership.team.archivedAt?.toISOString() ?? null },
    });
    return { id: teamId, name: membership.team.name };
  });
}

export type TeamOptionsDTO = {
  doubleReviewDefault: boolean;
  requireSso: boolean;
  ratingScale: RatingEntry[];
  /** Days between checks of evidence sources for changes (lib/evidence/check-source.ts); 0 = never. */
  sourceCheckDays: number;
};

/** The team's review options (double review default, SSO requirement, rating scale, source check interval), for any member; 404 otherwise. */
export async function getTeamOptions({ teamId, userId }: { teamId: string; userId: string }): Promise<TeamOptionsDTO> {
  const team = await db.team.findFirst({
    where: { id: teamId, archivedAt: null, memberships: { some: { userId } } },
    select: { doubleReviewDefault: true, requireSso: true, ratingScale: true, sourceCheckDays: true },
  });
  if (!team) throw notFound("That team");
  return {
    doubleReviewDefault: team.doubleReviewDefault,
    requireSso: team.requireSso,
    ratingScale: readRatingScale(team.ratingScale),
    sourceCheckDays: team.sourceCheckDays,
  };
}

/**
 * Admins set the team's options: double review on by default for new articles, whether members must sign in
 * with single sign-on, the rating scale (labels, order, colours, which are "no rating") and how often evidence
 * sources are checked for changes (`sourceCheckDays`, kept when omitted). Stored verdicts are
 * not touched: they keep the ordinal and label they were given. Audited as "team.options" with before and
 * after. @throws AppError 404 for outsiders, 403 for members who are not admins, 422 for a scale ZTeamOptions
 * refuses (no rating, more than MAX_RATINGS, repeated key or label, a colour not "#rrggbb", a value outside 0..5).
 */
export async function updateTeamOptions({
  teamId,
  userId,
  ...options
}: TTeamOptions & { teamId: string; userId: string }): Promise<TeamOptionsDTO> {
  return inTransaction(db, async (tx) => {
    await requireTeamAdmin(teamId, userId, tx, "Only a team admin can change the team's options.");
    const before = await tx.team.findUniqueOrThrow({
      where: { id: teamId },
      select: { doubleReviewDefault: true, requireSso: true, ratingScale: true, sourceCheckDays: true },
    });
    if (options.requireSso && !before.requireSso && !ssoConfigured()) {
      const message =
        "Single sign-on is not configured on this Factdesk (OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET), so it cannot be required.";
      throw new AppError("unprocessable", message, { requireSso: [message] });
    }
    // The action parsed it already; parsed again so no other caller can store a scale the rules refuse.
    const ratingScale = readRatingScale(parseInput(ZTeamOptions, options).ratingScale);
    const after = {
      doubleReviewDefault: options.doubleReviewDefault,
      requireSso: options.requireSso,
      ratingScale,
      sourceCheckDays: options.sourceCheckDays ?? before.sourceCheckDays,
    };
    await tx.team.update({ where: { id: teamId }, data: after });
    await recordAudit(tx, {
      actorId: userId,
      teamId,
      entity: "team",
      entityId: teamId,
      action: "team.options",
      before: { ...before, ratingScale: readRatingScale(before.ratingScale) },
      after,
    });
    return after;
  });
}
