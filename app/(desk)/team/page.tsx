import type { Metadata } from "next";
import { requireRole, requireUser } from "@/lib/auth";
import { listMembers } from "@/lib/teams/members";
import { MemberTable } from "@/components/team/MemberTable";

export const metadata: Metadata = { title: "Team" };

export default async function TeamPage() {
  const user = requireRole(await requireUser());
  const members = await listMembers({ teamId: user.teamId, userId: user.id });
  return (
    <div className="mx-auto max-w-4xl">
      <h1 className="text-2xl font-semibold tracking-tight">{user.teamName}</h1>
      <p className="mb-6 text-sm text-muted">{members.length} members{user.role === "admin" ? " · you are an admin" : ""}</p>
      <MemberTable members={members} isAdmin={user.role === "admin"} meId={user.id} />
    </div>
  );
}
