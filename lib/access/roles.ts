// Who may do what, by team role. Pure (no Prisma client, no server-only imports), so client
// components read the same lists as the server.
import type { Role } from "@/lib/generated/prisma/enums";

/** Every role, most rights first: a later role in this list has fewer rights. */
export const ROLES: readonly Role[] = ["admin", "editor", "reviewer", "viewer"];
/** Roles that may change claims, comments, evidence and anchors of their team's articles. */
export const WRITE_ROLES: readonly Role[] = ["admin", "editor", "reviewer"];
/** Roles that may sign off verdicts, import and edit articles, assign reviewers and publish. */
export const SIGN_OFF_ROLES: readonly Role[] = ["admin", "editor"];
/** Roles a team's "require two-factor" rule covers: those who sign off verdicts and manage the team. */
export const TWO_FACTOR_ROLES: readonly Role[] = SIGN_OFF_ROLES;
/** Roles that may manage a team's members. */
export const TEAM_ADMIN_ROLES: readonly Role[] = ["admin"];

/** What a role allows, in the shape the claim workflow rules take (lib/claims/workflow.ts). */
export type Rights = { canWrite: boolean; canSignOff: boolean };

/** The rights of `role`: `{ canWrite, canSignOff }`. */
export function rightsOf(role: Role): Rights {
  return { canWrite: WRITE_ROLES.includes(role), canSignOff: SIGN_OFF_ROLES.includes(role) };
}

/** The 403 message for a read-only member (a viewer) who tries to change something. */
export const VIEWER_MESSAGE = "Viewers can read claims but not change them.";

/**
 * What each group of roles may do, in words, built on the same role lists the server's checks read
 * (ROLES, WRITE_ROLES, SIGN_OFF_ROLES, TEAM_ADMIN_ROLES), so the Team page's role guide cannot drift from
 * the rules.
 */
const RIGHTS_IN_WORDS: readonly { roles: readonly Role[]; may: string }[] = [
  { roles: ROLES, may: "read the team's articles, claims and reports" },
  { roles: WRITE_ROLES, may: "mark claims, add evidence and comments, propose verdicts" },
  { roles: SIGN_OFF_ROLES, may: "sign off verdicts, import and edit articles, assign reviewers, publish" },
  { roles: TEAM_ADMIN_ROLES, may: "manage members, invitations and team settings" },
];

// The app's role names stay (README, PRODUCT.md say "reviewer"); this says who that is in a newsroom.
const ROLE_WHO: Record<Role, string> = {
  admin: "runs the team",
  editor: "watches the desk and signs off",
  reviewer: "the fact-checker",
  viewer: "reads along",
};

/**
 * What `role` may do, from RIGHTS_IN_WORDS. Input: a team role. Output: `who` (the role in newsroom
 * words), `may` (every right, most basic first) and `also` (only the rights the next role down in ROLES
 * lacks; for the last role, all of its rights). Plain phrases, no full stops.
 */
export function describeRole(role: Role): { who: string; may: string[]; also: string[]; below: Role | null } {
  const rightsOf = (r: Role) => RIGHTS_IN_WORDS.filter((w) => w.roles.includes(r)).map((w) => w.may);
  const may = rightsOf(role);
  const below = ROLES[ROLES.indexOf(role) + 1] ?? null;
  const lower = below ? rightsOf(below) : [];
  return { who: ROLE_WHO[role], may, also: may.filter((m) => !lower.includes(m)), below };
}
