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
