import type { Metadata } from "next";
import { requireRole, requireUser } from "@/lib/auth";
import { listMembers } from "@/lib/teams/members";
import { getTeamTwoFactor } from "@/lib/teams/two-factor-policy";
import { getTeamSettings } from "@/lib/teams/settings";
import { MemberTable } from "@/components/team/MemberTable";
import { TeamProfileForm } from "@/components/team/TeamProfileForm";
import { getTeamProfile } from "@/lib/teams/profile";
import { TeamTwoFactorPolicy } from "@/components/team/TeamTwoFactorPolicy";
import { TimeZoneSetting } from "@/components/team/TimeZoneSetting";
import { Invitations } from "@/components/team/Invitations";
import { TeamAdmin } from "@/components/team/TeamAdmin";
import { RoleGuide } from "@/components/team/RoleGuide";
import { TeamOptionsForm } from "@/components/team/TeamOptionsForm";
import { listInvitations } from "@/lib/onboarding/invitations";
import { getTeamOptions, listArchivedTeams } from "@/lib/teams/manage-teams";
import { mailConfigured } from "@/lib/mail/config";
import { ssoConfigured } from "@/lib/sso/config";
import { listTeamTags } from "@/lib/tags/tags";
import { TagManager } from "@/components/tags/TagManager";
import { SIGN_OFF_ROLES } from "@/lib/access/roles";

export const metadata: Metadata = { title: "Team" };

export default async function TeamPage() {
  const user = requireRole(await requireUser());
  const isAdmin = user.role === "admin";
  const [members, twoFactor, settings, profile, invitations, options, tags, archived] = await Promise.all([
    listMembers({ teamId: user.teamId, userId: user.id }),
    isAdmin ? getTeamTwoFactor({ teamId: user.teamId, userId: user.id }) : null,
    getTeamSettings({ teamId: user.teamId, userId: user.id }),
    getTeamProfile({ teamId: user.teamId, userId: user.id }),
    isAdmin ? listInvitations({ teamId: user.teamId, userId: user.id }) : null,
    isAdmin ? getTeamOptions({ teamId: user.teamId, userId: user.id }) : null,
    listTeamTags({ teamId: user.teamId, userId: user.id }),
    isAdmin ? listArchivedTeams({ userId: user.id }) : [],
  ]);
  return (
    <div className="mx-auto max-w-4xl">
      <h1 className="text-2xl font-semibold tracking-tight">{user.teamName}</h1>
      <p className="mb-4 text-sm text-muted">
        {members.length} {members.length === 1 ? "member" : "members"}
        {isAdmin ? " · you are an admin" : ""}
      </p>
      <div className="mb-6">
        <TimeZoneSetting timeZone={settings.timeZone} isAdmin={isAdmin} />
      </div>
      {isAdmin && <TeamProfileForm initial={profile} teamName={user.teamName ?? ""} />}
      {options && (
        <div className="mb-6">
          <TeamOptionsForm initial={options} ssoConfigured={ssoConfigured()} />
        </div>
      )}
      <div className="mb-6">
        <RoleGuide />
      </div>
      <MemberTable members={members} isAdmin={isAdmin} meId={user.id} />
      <TagManager tags={tags} canManage={SIGN_OFF_ROLES.includes(user.role)} />
      {invitations && (
        <div className="mt-6">
          <Invitations invitations={invitations} mailOn={mailConfigured()} />
        </div>
      )}
      {isAdmin && (
        <div className="mt-6">
          <TeamAdmin teamName={user.teamName ?? ""} archived={archived} />
        </div>
      )}
      {twoFactor && (
        <div className="mt-6">
          <TeamTwoFactorPolicy policy={twoFactor} meEnrolled={twoFactor.people.some((p) => p.userId === user.id && p.enrolled)} />
        </div>
      )}
    </div>
  );
}
