import pg from "pg";
import { CHANGES_CHANNEL } from "@/lib/audit/record-audit";

export const PRESENCE_CHANNEL = "factdesk_presence";

export type LiveMessage = {
  channel: typeof CHANGES_CHANNEL | typeof PRESENCE_CHANNEL;
  articleId: string | null;
  teamId?: string;
  id?: string;
};

/**
 * The subscription key for a whole team's changes ("team:<teamId>"), e.g. for My queue; articles are
 * subscribed to by their id.
 */
export const teamKey = (teamId: string) => `team:${teamId}`;
type Subscriber = (message: LiveMessage) => void;

/**
 * One LISTEN connection per app instance, shared by every open event stream on it.
 * PostgreSQL fans each NOTIFY out to all instances, so a change committed through any
 * instance reaches readers connected to any other. The connection comes back by itself
 * after the database restarts; streams catch up from the audit table (Last-Event-ID).
 */
class ChangeListener {
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private readonly subscribers = new Map<string, Set<Subscriber>>();

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
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL, connectionTimeoutMillis: 5000 });
    const retry = (reason: string) => {
      console.error(`[live] listener lost (${reason}); reconnecting`);
      if (this.client === client) this.client = null;
      client.end().catch(() => {});
      if (this.subscribers.size > 0) setTimeout(() => void this.ensureConnected(), 1000);
    };
    client.on("error", (err) => retry(err.message));
    client.on("end", () => this.client === client && retry("connection ended"));
    client.on("notification", (note) => this.dispatch(note.channel, note.payload));
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANGES_CHANNEL}`);
      await client.query(`LISTEN ${PRESENCE_CHANNEL}`);
      this.client = client;
    } catch (err) {
      retry(err instanceof Error ? err.message : String(err));
    }
  }

  private dispatch(channel: string, payload: string | undefined) {
    try {
      const message = JSON.parse(payload ?? "{}") as { articleId?: string | null; teamId?: string; id?: string };
      const live: LiveMessage = {
        channel: channel as LiveMessage["channel"],
        articleId: message.articleId ?? null,
        teamId: message.teamId,
        id: message.id,
      };
      const keys = [message.articleId, message.teamId ? teamKey(message.teamId) : null].filter((k): k is string => Boolean(k));
      for (const key of keys) for (const subscriber of this.subscribers.get(key) ?? []) subscriber(live);
    } catch {
      console.error("[live] ignoring malformed notification", payload);
    }
  }
}

const globalForLive = globalThis as unknown as { factdeskChangeListener?: ChangeListener };
export const changeListener = (globalForLive.factdeskChangeListener ??= new ChangeListener());
