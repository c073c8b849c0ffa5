import pg from "pg";
import { CHANGES_CHANNEL } from "@/lib/audit/record-audit";

export const PRESENCE_CHANNEL = "factdesk_presence";
/**
 * An article's "checked before" answers changed (a lookup job answered, or a verdict changed one): `{"articleId"}`,
 * sent by the SQL function factdesk_checked_before_notify (lib/claims/checked-before-stored.ts).
 */
export const SUGGESTIONS_CHANNEL = "factdesk_suggestions";
/**
 * A person's access changed (membership added, removed or changed; session or API token revoked; user disabled):
 * `{"userId"}`, sent by database triggers (migration access_changed_notify) in the changing transaction. Their open
 * streams end on it (subscribed by userKey).
 */
export const ACCESS_CHANNEL = "factdesk_access";

export type LiveMessage = {
  channel: typeof CHANGES_CHANNEL | typeof PRESENCE_CHANNEL | typeof SUGGESTIONS_CHANNEL | typeof ACCESS_CHANNEL;
  articleId: string | null;
  teamId?: string;
  userId?: string;
  id?: string;
};

/**
 * The subscription key for a whole team's changes ("team:<teamId>"), e.g. for My queue; articles are
 * subscribed to by their id.
 */
export const teamKey = (teamId: string) => `team:${teamId}`;
/** The subscription key for one person's access changes ("user:<userId>", ACCESS_CHANNEL). */
export const userKey = (userId: string) => `user:${userId}`;
type Subscriber = (message: LiveMessage) => void;

/**
 * Whether this instance hears the database's notifications: `down` from the moment its LISTEN connection
 * is lost, `up` once it listens again. Nothing is announced while down, so a stream that learns `up`
 * after `down` must catch up from the audit table itself (everything after the last id it sent).
 */
export type ListenerState = "up" | "down";
type StateWatcher = (state: ListenerState) => void;

// Reconnect attempts back off from 0.5 s to at most 3 s, so a long outage is not a connect storm.
const RETRY_MIN_MS = 500;
const RETRY_MAX_MS = 3000;
// A LISTEN connection only receives, so a server or network that stops answering (a stalled host, a dropped route)
// went unnoticed: no statement was waiting to time out, and TCP keepalive's first probe comes after the OS's 2 hours
// (and a stopped PostgreSQL's kernel still answers it). Streams said "Live" while no change reached them. Every
// HEARTBEAT_MS the listener asks for an answer, and a connection that gives none within ANSWER_WITHIN_MS is dropped
// and made again, with "down" then "up" to the watchers (streams catch up from the audit table).
const HEARTBEAT_MS = 5_000;
const ANSWER_WITHIN_MS = 5_000;

/**
 * One LISTEN connection per app instance, shared by every open event stream on it.
 * PostgreSQL fans each NOTIFY out to all instances, so a change committed through any
 * instance reaches readers connected to any other. The connection comes back by itself
 * after the database restarts or stops answering (a heartbeat every HEARTBEAT_MS must be answered within
 * ANSWER_WITHIN_MS; retrying every 0.5–3 s); while it is down, watchers hear "down", and
 * once it listens again "up", upon which streams replay what they missed from the audit table
 * (lib/live/article-stream.ts), since notifications sent meanwhile reached no one.
 */
class ChangeListener {
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private readonly subscribers = new Map<string, Set<Subscriber>>();
  private readonly watchers = new Set<StateWatcher>();
  private down = false;
  private retryDelay = RETRY_MIN_MS;
  private retryTimer: NodeJS.Timeout | null = null;

  /** True while the LISTEN connection is lost (after it once failed or dropped) and not yet back. */
  get isDown(): boolean {
    return this.down;
  }

  /**
   * Calls `watcher` with "down" when the LISTEN connection is lost and "up" when it listens again (only on a
   * change, never twice in a row). Returns the function that stops watching.
   */
  watch(watcher: StateWatcher): () => void {
    this.watchers.add(watcher);
    return () => this.watchers.delete(watcher);
  }

  private setDown(down: boolean) {
    if (this.down === down) return;
    this.down = down;
    for (const watcher of [...this.watchers]) {
      try {
        watcher(down ? "down" : "up");
      } catch (err) {
        console.error("[live] state watcher failed:", err instanceof Error ? err.message : err);
      }
    }
  }

  subscribe(key: string, subscriber: Subscriber): () => void {
    const set = this.subscribers.get(key) ?? new Set();
    set.add(subscriber);
    this.subscribers.set(key, set);
    void this.ensureConnected();
    return () => {
      set.delete(subscriber);
      if (set.size === 0) this.subscribers.delete(key);
    };
  }

  private ensureConnected(): Promise<void> {
    if (this.client) return Promise.resolve();
    this.connecting ??= this.connect().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({
      connectionString: process.env.DATABASE_URL,
      connectionTimeoutMillis: 5000,
      keepAlive: true,
      query_timeout: ANSWER_WITHIN_MS,
    });
    let failed = false;
    let heartbeat: NodeJS.Timeout | undefined;
    const retry = (reason: string) => {
      if (failed) return;
      failed = true;
      clearInterval(heartbeat);
      if (!this.down) console.error(`[live] listener lost (${reason}); reconnecting`);
      if (this.client === client) this.client = null;
      client.end().catch(() => {});
      this.setDown(true);
      if (this.subscribers.size > 0 && !this.retryTimer) {
        this.retryTimer = setTimeout(() => {
          this.retryTimer = null;
          void this.ensureConnected();
        }, this.retryDelay);
        this.retryDelay = Math.min(this.retryDelay * 2, RETRY_MAX_MS);
      }
    };
    client.on("error", (err) => retry(err.message));
    client.on("end", () => this.client === client && retry("connection ended"));
    client.on("notification", (note) => this.dispatch(note.channel, note.payload));
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANGES_CHANNEL}`);
      await client.query(`LISTEN ${PRESENCE_CHANNEL}`);
      await client.query(`LISTEN ${SUGGESTIONS_CHANNEL}`);
      await client.query(`LISTEN ${ACCESS_CHANNEL}`);
      this.client = client;
      let beating = false;
      heartbeat = setInterval(() => {
        if (beating) return;
        beating = true;
        client.query("SELECT 1").then(
          () => (beating = false),
          (err: unknown) => retry(`no answer to the heartbeat: ${err instanceof Error ? err.message : String(err)}`),
        );
      }, HEARTBEAT_MS);
      heartbeat.unref();
      this.retryDelay = RETRY_MIN_MS;
      if (this.down) console.error("[live] listener back");
      this.setDown(false);
    } catch (err) {
      retry(err instanceof Error ? err.message : String(err));
    }
  }

  private dispatch(channel: string, payload: string | undefined) {
    try {
      const message = JSON.parse(payload ?? "{}") as { articleId?: string | null; teamId?: string; id?: string; userId?: string };
      const live: LiveMessage = {
        channel: channel as LiveMessage["channel"],
        articleId: message.articleId ?? null,
        teamId: message.teamId,
        id: message.id,
        userId: message.userId,
      };
      const keys = [
        message.articleId,
        message.teamId ? teamKey(message.teamId) : null,
        message.userId ? userKey(message.userId) : null,
      ].filter((k): k is string => Boolean(k));
      for (const key of keys) for (const subscriber of this.subscribers.get(key) ?? []) subscriber(live);
    } catch {
      console.error("[live] ignoring malformed notification", payload);
    }
  }
}

const globalForLive = globalThis as unknown as { factdeskChangeListener?: ChangeListener };
export const changeListener = (globalForLive.factdeskChangeListener ??= new ChangeListener());
