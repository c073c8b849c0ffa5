import { route } from "@/lib/http/route";
import { changeListener, teamKey } from "@/lib/live/change-listener";
import { eventStream } from "@/lib/live/event-stream";
import { refuseNewStreamsWhileShuttingDown } from "@/lib/live/open-streams";
import { listMyTeams } from "@/lib/teams/members";
import { CHANGES_CHANNEL } from "@/lib/audit/record-audit";
import { isCredentialLive } from "@/lib/sessions/sessions";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/me/events: a `change` event whenever anything changes in one of the user's
 * teams, so views such as My queue can refresh themselves. Carries no content: the page
 * re-reads what it shows, with the user's own permissions. One more `change` follows the instance's
 * listener coming back after an outage, for what changed meanwhile. Every heartbeat (15 s) re-checks the user's
 * teams and the session or token the stream was opened with, and closes the stream once either changed (left a
 * team, signed out, revoked): otherwise a removed member would keep learning when the team's work changes.
 */
export const GET = route({ auth: "user" }, async ({ request, user }) => {
  refuseNewStreamsWhileShuttingDown();
  const teams = await listMyTeams({ userId: user.id });
  const subscribed = new Set(teams.map((team) => team.id));
  return eventStream(
    request.signal,
    ({ send, close }) => {
      const unsubscribes = teams.map((team) =>
        changeListener.subscribe(teamKey(team.id), (m) => m.channel === CHANGES_CHANNEL && send("event: change\ndata: {}\n\n")),
      );
      // Changes made while this instance could not listen were announced to no one: refresh once it listens again.
      const unwatch = changeListener.watch((state) => state === "up" && send("event: change\ndata: {}\n\n"));
      return {
        async onHeartbeat() {
          // A failed check (database away) keeps the stream; only a clear "no" closes it.
          const stillAllowed = await Promise.all([
            listMyTeams({ userId: user.id }),
            isCredentialLive({ userId: user.id, sessionId: user.sessionId, apiTokenId: user.apiTokenId }),
          ]).then(
            ([now, live]) => live && [...subscribed].every((id) => now.some((team) => team.id === id)),
            () => true,
          );
          if (!stillAllowed) close();
        },
        cleanup: () => {
          unsubscribes.forEach((u) => u());
          unwatch();
        },
      };
    },
    { owner: user.id },
  );
});
