import "@/lib/validation/zod-config";
import { z } from "zod";
import { Role } from "@/lib/generated/prisma/enums";
import { MIN_PASSWORD_LENGTH, PASSWORD_TOO_SHORT, ZNewPassword } from "@/lib/validation/account";
import { text } from "@/lib/validation/fields";
import { ZId } from "@/lib/validation/ids";
import { email } from "@/lib/validation/team";

/** A one-time link's token as it arrives (its shape is checked where it is looked up). */
const token = text({
  max: 100,
  min: 1,
  required: "This link is incomplete: open it again from the message.",
  tooShort: "This link is incomplete.",
});
const personName = text({ min: 1, max: 120, required: "Enter your name.", tooShort: "Enter your name." });
export const teamName = text({ min: 1, max: 120, required: "Enter the team's name.", tooShort: "Enter the team's name." });
const role = z.enum(Role, { message: "Choose admin, editor, reviewer or viewer." });

/** The setup page: the first admin and the newsroom's first team. */
export const ZCompleteSetup = z.object({ token, teamName, name: personName, email, password: ZNewPassword });
export type TCompleteSetup = z.infer<typeof ZCompleteSetup>;

/**
 * Accepting an invitation: the address it was sent to, a name and a password of at least MIN_PASSWORD_LENGTH
 * characters, asked of everyone alike, so that what the form refuses never depends on whether the address has an
 * account (an existing account's password is at least that long: every way to set one requires it). An existing
 * account keeps its name and must give its own password.
 */
export const ZAcceptInvitation = z.object({
  token,
  email,
  name: personName,
  password: text({ max: 1024, min: MIN_PASSWORD_LENGTH, verbatim: true, required: "Enter a password.", tooShort: PASSWORD_TOO_SHORT }),
});
export type TAcceptInvitation = z.infer<typeof ZAcceptInvitation>;

/** "Forgot password": the address to send a reset link to. */
export const ZRequestPasswordReset = z.object({ email });
/** A reset link's form: the account's address and the new password. */
export const ZCompletePasswordReset = z.object({ token, email, password: ZNewPassword });
export type TCompletePasswordReset = z.infer<typeof ZCompletePasswordReset>;

/** An admin invites an address to the active team with a role. */
export const ZInvite = z.object({ email, role });
export type TInvite = z.infer<typeof ZInvite>;
export const ZInvitationRef = z.object({ invitationId: ZId });

/** Creating or renaming a team. */
export const ZTeamName = z.object({ name: teamName });
