import type { ReactNode } from "react";
import { requireUser } from "@/lib/auth";
import { TopBar } from "@/components/layout/TopBar";
import { SkipLink } from "@/components/layout/SkipLink";
import { listMyTeams } from "@/lib/teams/members";

export const dynamic = "force-dynamic";

export default async function DeskLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  const teams = await listMyTeams({ userId: user.id });
  return (
    <>
      <SkipLink />
      <TopBar user={{ name: user.name, email: user.email, teamId: user.teamId, role: user.role }} teams={teams} />
      <main id="main" tabIndex={-1} className="mx-auto max-w-[1400px] px-6 py-8 focus:outline-none">
        {children}
      </main>
    </>
  );
}
