import type { Metadata } from "next";
import { requireRole, requireUser } from "@/lib/auth";
import { listMembers } from "@/lib/teams/members";
import { getTeamSettings } from "@/lib/teams/settings";
import { MemberTable } from "@/components/team/MemberTable";
import { TimeZoneSetting } from "@/components/team/TimeZoneSetting";

export const metadata: Metadata = { title: "Team" };

export default async function TeamPage() {
  const user = requireRole(await requireUser());
  const [members, settings] = await Promise.all([listMembers({ teamId: user.teamId, userId: user.id }), getTeamSettings({ teamId: user.teamId, userId: user.id })]);
  return (
    <div className="mx-auto max-w-4xl">
      <h1 className="text-2xl font-semibold tracking-tight">{user.teamName}</h1>
      <p className="mb-4 text-sm text-muted">{members.length} members{user.role === "admin" ? " · you are an admin" : ""}</p>
      <div className="mb-6">
        <TimeZoneSetting timeZone={settings.timeZone} isAdmin={user.role === "admin"} />
      </div>
      <MemberTable members={members} isAdmin={user.role === "admin"} meId={user.id} />
    </div>
  );
}
