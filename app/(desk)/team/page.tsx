import type { Metadata } from "next";
import { requireRole, requireUser } from "@/lib/auth";
import { listMembers } from "@/lib/teams/members";
import { MemberTable } from "@/components/team/MemberTable";
import { TeamProfileForm } from "@/components/team/TeamProfileForm";
import { getTeamProfile } from "@/lib/teams/profile";

export const metadata: Metadata = { title: "Team" };

export default async function TeamPage() {
  const user = requireRole(await requireUser());
  const [members, profile] = await Promise.all([listMembers({ teamId: user.teamId, userId: user.id }), getTeamProfile({ teamId: user.teamId, userId: user.id })]);
  return (
    <div className="mx-auto max-w-4xl">
      <h1 className="text-2xl font-semibold tracking-tight">{user.teamName}</h1>
      <p className="mb-6 text-sm text-muted">{members.length} members{user.role === "admin" ? " · you are an admin" : ""}</p>
      {user.role === "admin" && <TeamProfileForm initial={profile} teamName={user.teamName ?? ""} />}
      <MemberTable members={members} isAdmin={user.role === "admin"} meId={user.id} />
    </div>
  );
}
