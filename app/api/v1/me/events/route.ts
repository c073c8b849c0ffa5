import { route } from "@/lib/http/route";
import { ACCESS_CHANNEL, changeListener, teamKey, userKey } from "@/lib/live/change-listener";
import { eventStream } from "@/lib/live/event-stream";
import { refuseNewStreamsWhileShuttingDown } from "@/lib/live/open-streams";
import { listMyTeams } from "@/lib/teams/members";
import { CHANGES_CHANNEL } from "@/lib/audit/record-audit";
import { isCredentialLive } from "@/lib/sessions/sessions";

export const dynamic = "force-dynamic";

/** Heartbeats (15 s each) between two backstop re-checks of a stream's reader: 60 s. */
const RECHECK_EVERY_HEARTBEATS = 4;

/**
 * GET /api/v1/me/events: a `change` event whenever anything changes in one of the user's
 * teams, so views such as My queue can refresh themselves. Carries no content: the page
 * re-reads what it shows, with the user's own permissions. One more `change` follows the instance's
 * listener coming back after an outage, for what changed meanwhile. The stream ends as soon as the person's access
 * changes (removed from or added to a team, role changed, signed out, session or token revoked, disabled: the
 * ACCESS_CHANNEL notification of that transaction), before any later change reaches them; the browser reconnects and
 * is checked afresh. As a backstop (a notification this instance missed while its listener was down) every
 * RECHECK_EVERY_HEARTBEATS-th heartbeat re-checks the user's teams and credential and closes the stream once either
 * changed: otherwise a removed member would keep learning when the team's work changes. It ends at the expiry of the
 * session or API token it was opened with at the latest (lib/live/event-stream.ts).
 */
export const GET = route({ auth: "user" }, async ({ request, user }) => {
  refuseNewStreamsWhileShuttingDown();
  const teams = await listMyTeams({ userId: user.id });
  const subscribed = new Set(teams.map((team) => team.id));
  return eventStream(
    request.signal,
    ({ send, close }) => {
      // A change is sent a microtask later: when the access change and a team change of one transaction arrive
      // together (one read of the listener's socket), the stream is closed before the team change goes out.
      const unsubscribes = teams.map((team) =>
        changeListener.subscribe(
          teamKey(team.id),
          (m) => m.channel === CHANGES_CHANNEL && queueMicrotask(() => send("event: change\ndata: {}\n\n")),
        ),
      );
      unsubscribes.push(changeListener.subscribe(userKey(user.id), (m) => m.channel === ACCESS_CHANNEL && close()));
      let heartbeats = 0;
      // Changes made while this instance could not listen were announced to no one: refresh once it listens again.
      const unwatch = changeListener.watch((state) => state === "up" && send("event: change\ndata: {}\n\n"));
      return {
        async onHeartbeat() {
          if (++heartbeats % RECHECK_EVERY_HEARTBEATS !== 0) return;
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
    { reader: user },
  );
});
