import { route } from "@/lib/http/route";
import { changeListener, teamKey } from "@/lib/live/change-listener";
import { eventStream } from "@/lib/live/event-stream";
import { refuseNewStreamsWhileShuttingDown } from "@/lib/live/open-streams";
import { listMyTeams } from "@/lib/teams/members";
import { CHANGES_CHANNEL } from "@/lib/audit/record-audit";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/me/events: a `change` event whenever anything changes in one of the user's
 * teams, so views such as My queue can refresh themselves. Carries no content: the page
 * re-reads what it shows, with the user's own permissions. One more `change` follows the instance's
 * listener coming back after an outage, for what changed meanwhile.
 */
export const GET = route({ auth: "user" }, async ({ request, user }) => {
  refuseNewStreamsWhileShuttingDown();
  const teams = await listMyTeams({ userId: user.id });
  return eventStream(request.signal, ({ send }) => {
    const unsubscribes = teams.map((team) =>
      changeListener.subscribe(teamKey(team.id), (m) => m.channel === CHANGES_CHANNEL && send("event: change\ndata: {}\n\n")),
    );
    // Changes made while this instance could not listen were announced to no one: refresh once it listens again.
    const unwatch = changeListener.watch((state) => state === "up" && send("event: change\ndata: {}\n\n"));
    return {
      cleanup: () => {
        unsubscribes.forEach((u) => u());
        unwatch();
      },
    };
  });
});
