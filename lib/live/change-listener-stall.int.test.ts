// The live LISTEN connection (lib/live/change-listener.ts) when PostgreSQL stops answering mid-LISTEN (a stalled host
// or network: the loopback relay drops every byte both ways). The listener only receives, so nothing it waited for
// could time out: it stayed "up" and streams said "Live" while no change reached them. It now notices (a heartbeat
// that must be answered), says "down", and listens again once the database answers: "up", and notifications arrive.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDatabaseRelay, type DatabaseRelay } from "@/lib/db-test-relay";
import { testDb } from "@/e2e/fixtures/factories";

let relay: DatabaseRelay;
beforeAll(async () => {
  testDb(); // made on the real server's address before the listener's is changed
  relay = await startDatabaseRelay();
});
afterAll(async () => {
  await relay.close();
  await testDb().$disconnect();
});

const until = async (done: () => boolean | Promise<boolean>) => {
  while (!(await done())) await new Promise((resolve) => setTimeout(resolve, 50));
};

describe("the live listener when the database stops answering", () => {
  it("goes down, comes back by itself, and hears notifications again", async () => {
    const real = process.env.DATABASE_URL;
    process.env.DATABASE_URL = relay.url; // read when the listener connects
    const { changeListener } = await import("@/lib/live/change-listener");
    const states: string[] = [];
    const heard: string[] = [];
    const stopWatching = changeListener.watch((state) => states.push(state));
    const articleId = `stall-${Date.now()}`;
    const unsubscribe = changeListener.subscribe(articleId, (message) => heard.push(message.channel));
    process.env.DATABASE_URL = real;
    const notify = () => testDb().$executeRawUnsafe(`SELECT pg_notify('factdesk_changes', $1)`, JSON.stringify({ articleId }));
    try {
      await until(async () => (await notify(), heard.length > 0));

      relay.setMode("drop");
      await until(() => states.includes("down"));
      expect(changeListener.isDown).toBe(true);

      relay.setMode("relay");
      await until(() => states.at(-1) === "up");
      heard.length = 0;
      await until(async () => (await notify(), heard.length > 0));
      expect(states).toEqual(["down", "up"]);
    } finally {
      unsubscribe();
      stopWatching();
    }
  }, 45_000);
});
