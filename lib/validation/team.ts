import { z } from "zod";
import { verdictExplanation, verdictKey } from "@/lib/validation/claims";
import { calendarDate, text, ZTimeZone } from "@/lib/validation/fields";
import { ZId as id } from "@/lib/validation/ids";
import { dbInt } from "@/lib/validation/numbers";
import { Role } from "@/lib/generated/prisma/enums";

export const ZAssignReviewers = z.object({
  claimId: id,
  reviewerIds: z.array(id).min(1, "Choose at least one reviewer.").max(2, "A claim can have at most two reviewers."),
  // A calendar date in the team's time zone ("2026-12-10"): due by the end of that day there.
  dueAt: calendarDate("Enter the due date as YYYY-MM-DD.").nullish(),
});
export type TAssignReviewers = z.infer<typeof ZAssignReviewers>;

export const ZDoubleReview = z.object({ id, required: z.boolean({ message: "Say true or false." }) });
/** For one claim: with the claim version the editor saw, optional like ZSetStatus's (the current one when omitted). */
export const ZClaimDoubleReview = ZDoubleReview.extend({
  version: dbInt("That is not a version this claim has had.").positive().optional(),
});
export type TClaimDoubleReview = z.infer<typeof ZClaimDoubleReview>;

export const ZSubmitReview = z.object({
  claimId: id,
  verdict: verdictKey,
  explanation: verdictExplanation,
});
export type TSubmitReview = z.infer<typeof ZSubmitReview>;

const role = z.enum(Role, { message: "Choose admin, editor, reviewer or viewer." });

/** An email address: trimmed, lower-cased, at most 254 characters. */
export const email = text({ max: 254, required: "Enter a valid email address." }).pipe(
  z.string().toLowerCase().email("Enter a valid email address."),
);

/** POST /api/v1/team/members: an invitation (the person gives their own name and password when accepting). */
export const ZAddMember = z.object({ email, role });
export type TAddMember = z.infer<typeof ZAddMember>;

const memberChange = { role: role.optional(), disabled: z.boolean().optional() };
const changesSomething = (v: { role?: unknown; disabled?: unknown }) => v.role !== undefined || v.disabled !== undefined;
const NOTHING_TO_CHANGE = "Change the role or the disabled flag.";
/** The body of PATCH /api/v1/team/members/{id}: what to change (the member comes from the URL). */
export const ZMemberChange = z.object(memberChange).refine(changesSomething, NOTHING_TO_CHANGE);
export const ZUpdateMember = z.object({ memberId: id, ...memberChange }).refine(changesSomething, NOTHING_TO_CHANGE);
export type TUpdateMember = z.infer<typeof ZUpdateMember>;

export const ZMemberRef = z.object({ memberId: id });
export const ZSwitchTeam = z.object({ teamId: id });

/** Admins: require two-factor of the team's admins and editors, or stop requiring it. */
export const ZTeamTwoFactor = z.object({ required: z.boolean({ message: "Say true or false." }) });

/** The team's settings an admin can change: its time zone (IANA name), which due dates are read in. */
export const ZTeamSettings = z.object({ timeZone: ZTimeZone });
export type TTeamSettings = z.infer<typeof ZTeamSettings>;
