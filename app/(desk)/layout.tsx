import type { ReactNode } from "react";
import { requireUser } from "@/lib/auth";
import { TopBar } from "@/components/layout/TopBar";
import { SkipLink } from "@/components/layout/SkipLink";
import { listMyTeams } from "@/lib/teams/members";
import { listNeedsMe } from "@/lib/needs/needs-me";
import { getTeamOptions } from "@/lib/teams/manage-teams";
import { defaultRatingScale } from "@/lib/teams/rating-scale";
import { RatingScaleProvider } from "@/components/claims/RatingScale";
import { listNotifications } from "@/lib/notifications/list";
import { LivePausedNotice } from "@/components/layout/LivePausedNotice";
import { SessionKeepAlive } from "@/components/layout/SessionKeepAlive";

export const dynamic = "force-dynamic";

export default async function DeskLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  const [teams, needs, scale, notifications] = await Promise.all([
    listMyTeams({ userId: user.id }),
    user.teamId ? listNeedsMe({ userId: user.id, teamId: user.teamId, countOnly: true }) : null,
    // Verdicts anywhere on the desk show in the active team's colours (an article page sets its own team's).
    user.teamId ? getTeamOptions({ teamId: user.teamId, userId: user.id }).then((o) => o.ratingScale) : defaultRatingScale(),
    user.teamId ? listNotifications({ userId: user.id, teamId: user.teamId, countOnly: true }) : null,
  ]);
  return (
    <>
      <SkipLink />
      <TopBar
        user={{ name: user.name, email: user.email, teamId: user.teamId, role: user.role }}
        teams={teams}
        needsCount={needs?.total ?? 0}
        unreadCount={notifications?.unread ?? 0}
      />
      <LivePausedNotice />
      <SessionKeepAlive />
      <main id="main" tabIndex={-1} className="mx-auto max-w-[1400px] px-6 py-8 focus:outline-none">
        <RatingScaleProvider scale={scale}>{children}</RatingScaleProvider>
      </main>
    </>
  );
}
