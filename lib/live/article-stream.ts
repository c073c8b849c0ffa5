import { listArticleActivity } from "@/lib/audit/list-activity";
import {
  ACCESS_CHANNEL,
  changeListener,
  PRESENCE_CHANNEL,
  SUGGESTIONS_CHANNEL,
  userKey,
  type ListenerState,
} from "@/lib/live/change-listener";
import { eventStream } from "@/lib/live/event-stream";
import { listViewers, markAbsent, markPresent } from "@/lib/live/presence";
import { canStillReadArticle } from "@/lib/access/require";
import { isCredentialLive } from "@/lib/sessions/sessions";
import type { SessionUser } from "@/lib/users/session-user";

/**
 * A server-sent event stream (resolves to the text/event-stream Response) of an article's changes for one reader. It first replays
 * what the reader missed (audit rows after `afterId`: the browser sends Last-Event-ID
 * when it reconnects), then forwards new rows as NOTIFY announces them, as `event: change` with the ActivityDTO
 * and its id, the article's viewers as `event: presence`, and `event: suggestions` when the "checked before" answers
 * of its suggestions changed (the page reads them again; nothing is replayed for it). Deliveries run
 * one at a time and always read "everything after the last id sent", so nothing is
 * skipped or sent twice however notifications interleave. It ends as soon as the reader's access changes (the
 * ACCESS_CHANNEL notification: team membership, session or token revoked, disabled). Every 15 s heartbeat also re-checks access (membership, and the
 * session or API token `user` opened the stream with: signed out, revoked, expired) and closes the stream for someone
 * who lost it; and it ends at that credential's expiry itself (lib/live/event-stream.ts). The caller checks access
 * before opening it; failures while streaming are logged, never thrown.
 * @throws AppError 401 `unauthorized` when `user`'s credential no longer holds as it opens.
 */
export function articleEventStream({
  articleId,
  user,
  afterId,
  signal,
}: {
  articleId: string;
  user: Pick<SessionUser, "id" | "sessionId" | "apiTokenId">;
  afterId: bigint;
  signal: AbortSignal;
}): Promise<Response> {
  const userId = user.id;
  return eventStream(
    signal,
    ({ send, close }) => {
      let lastSent = afterId;
      let chain: Promise<void> = Promise.resolve();
      const deliver = () =>
        (chain = chain
          .then(async () => {
            const events = await listArticleActivity({ articleId, userId, afterId: lastSent, limit: 500 });
            for (const event of events) {
              send(`id: ${event.id}\nevent: change\ndata: ${JSON.stringify(event)}\n\n`);
              lastSent = BigInt(event.id);
            }
          })
          .catch((err: unknown) => console.error("[live] delivery failed:", err instanceof Error ? err.message : err)));
      const sendPresence = () =>
        (chain = chain
          .then(async () => send(`event: presence\ndata: ${JSON.stringify(await listViewers(articleId))}\n\n`))
          .catch(() => {}));

      const unsubscribe = changeListener.subscribe(articleId, (message) => {
        if (message.channel === PRESENCE_CHANNEL) sendPresence();
        else if (message.channel === SUGGESTIONS_CHANNEL)
          chain = chain.then(() => send("event: suggestions\ndata: {}\n\n")).catch(() => {});
        else deliver();
      });
      const unsubscribeAccess = changeListener.subscribe(userKey(userId), (m) => m.channel === ACCESS_CHANNEL && close());
      // While this instance's LISTEN connection is down, nothing announces changes: the reader is told
      // (the badge says "Reconnecting"), and once it is back the stream replays the audit rows it missed.
      const sendState = (state: ListenerState) => send(`event: listener\ndata: ${JSON.stringify({ state })}\n\n`);
      const unwatch = changeListener.watch((state) => {
        sendState(state);
        if (state === "up") deliver();
      });
      if (changeListener.isDown) sendState("down");
      deliver();
      void markPresent(articleId, userId, true).catch(() => {});
      return {
        async onHeartbeat() {
          // Access can change while a stream is open: stop streaming to someone who left the
          // team, whose account was disabled, or whose session or token ended (signed out, revoked).
          // A failed check (database away) keeps the stream; only a clear "no" closes it.
          const allowed = await Promise.all([
            canStillReadArticle(articleId, userId),
            isCredentialLive({ userId, sessionId: user.sessionId, apiTokenId: user.apiTokenId }),
          ]).then(
            ([member, live]) => member && live,
            () => true,
          );
          if (!allowed) return close();
          await markPresent(articleId, userId, false).catch(() => {});
        },
        cleanup() {
          unsubscribe();
          unsubscribeAccess();
          unwatch();
          void markAbsent(articleId, userId).catch(() => {});
        },
      };
    },
    { reader: user },
  );
}
