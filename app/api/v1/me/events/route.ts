import { requireApiUser } from "@/lib/auth";
import { AppError } from "@/lib/http/errors";
import { apiRoute } from "@/lib/http/respond";
import { changeListener, teamKey } from "@/lib/live/change-listener";
import { isShuttingDown, trackStream } from "@/lib/live/open-streams";
import { listMyTeams } from "@/lib/teams/members";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/me/events: a `change` event whenever anything changes in one of the user's
 * teams, so views such as My queue can refresh themselves. Carries no content: the page
 * re-reads what it shows, with the user's own permissions.
 */
export const GET = apiRoute(async (request) => {
  if (isShuttingDown()) throw new AppError("database_unavailable", "This server is restarting; reconnect in a moment.");
  const user = await requireApiUser();
  const teams = await listMyTeams({ userId: user.id });
  const encoder = new TextEncoder();
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      const send = (text: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          close();
        }
      };
      const unsubscribes = teams.map((team) => changeListener.subscribe(teamKey(team.id), (m) => m.channel === "factdesk_changes" && send(`event: change\ndata: {}\n\n`)));
      const heartbeat = setInterval(() => send(": heartbeat\n\n"), 15_000);
      const untrack = trackStream(() => close());
      function close() {
        if (closed) return;
        closed = true;
        cleanup();
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      }
      cleanup = () => {
        clearInterval(heartbeat);
        unsubscribes.forEach((u) => u());
        untrack();
      };
      request.signal.addEventListener("abort", close);
      send("retry: 2000\n\n");
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, { headers: { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-cache, no-transform", "X-Accel-Buffering": "no" } });
});
