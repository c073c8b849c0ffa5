import { randomBytes } from "node:crypto";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/http/errors";

/** The demo desk's slug (prisma/seed.ts): its admin does not count as a newsroom's first admin. */
export const DEMO_TEAM_SLUG = "demo-desk";

/**
 * A URL slug for a team name: lower-case ASCII letters, digits and dashes (at most 40), then a dash
 * and 6 random hex characters so two teams of the same name never collide ("Metro desk" →
 * "metro-desk-3fa9c1"). A name with no ASCII letter or digit gives "team-…".
 */
export function teamSlug(name: string): string {
  const base =
    name
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 40)
      .replace(/-+$/g, "") || "team";
  return `${base}-${randomBytes(3).toString("hex")}`;
}

/** Whether any team other than the demo desk has an admin (then no setup link is offered). */
export async function realAdminExists(tx: Prisma.TransactionClient): Promise<boolean> {
  const admins = await tx.membership.count({ where: { role: "admin", team: { slug: { not: DEMO_TEAM_SLUG } } } });
  return admins > 0;
}

export type NewTeamWithAdmin = { teamName: string; email: string; name: string; passwordHash: string; via: "setup-link" | "admin-cli" };

/**
 * In the caller's transaction: a new team named `teamName` with `email` as its admin. An existing
 * account with that address becomes the admin (its password is left alone: `created` false); else
 * a new account is made with `passwordHash`. Audited in the new team as "team.created" with `via`.
 * Returns the team id and slug, the user id and whether the account is new.
 * @throws AppError 409 `conflict` when the address belongs to a disabled account.
 */
export async function createTeamWithAdmin(tx: Prisma.TransactionClient, input: NewTeamWithAdmin) {
  const existing = await tx.user.findUnique({ where: { email: input.email }, select: { id: true, disabled: true } });
  if (existing?.disabled) throw new AppError("conflict", `${input.email} belongs to a disabled account; enable it first.`);
  const user = existing ?? (await tx.user.create({ data: { email: input.email, name: input.name, passwordHash: input.passwordHash } }));
  const team = await tx.team.create({ data: { name: input.teamName, slug: teamSlug(input.teamName) } });
  await tx.membership.create({ data: { teamId: team.id, userId: user.id, role: "admin" } });
  await recordAudit(tx, {
    actorId: user.id,
    teamId: team.id,
    entity: "team",
    entityId: team.id,
    action: "team.created",
    after: { name: input.teamName, admin: input.email, via: input.via },
  });
  return { teamId: team.id, slug: team.slug, userId: user.id, created: !existing };
}
