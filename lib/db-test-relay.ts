// For integration tests only: a TCP relay on loopback between a pool and the real PostgreSQL, which can stall.
import net from "node:net";

/**
 * How the relay passes bytes: "relay" both ways; "drop" neither way (a stalled host or network: the server hears
 * nothing and says nothing); "hold" the client's bytes reach the server, but its answers wait until `resume()` (an
 * answer that comes after the client gave up).
 */
export type RelayMode = "relay" | "drop" | "hold";

export type DatabaseRelay = {
  /** `databaseUrl` with the relay's loopback address and port: connect pools here. */
  url: string;
  /** Changes how bytes pass from now on. */
  setMode(mode: RelayMode): void;
  /** Bytes clients sent that "drop" mode threw away (so a test can wait until a statement was lost). */
  dropped(): number;
  /** Back to "relay"; answers held until now are written, late, to clients still connected. */
  resume(): void;
  /** Destroys every relayed socket and closes the listener. */
  close(): Promise<void>;
};

/**
 * Starts a relay on 127.0.0.1 (a free port) to the server of `databaseUrl`.
 * Input: a PostgreSQL connection URL (default DATABASE_URL). Output: the relay, in "relay" mode.
 * @throws Error when the listener cannot bind.
 */
export async function startDatabaseRelay(databaseUrl = process.env.DATABASE_URL!): Promise<DatabaseRelay> {
  const target = new URL(databaseUrl);
  const [host, port] = [target.hostname, Number(target.port || 5432)];
  let mode: RelayMode = "relay";
  let dropped = 0;
  const held: { socket: net.Socket; data: Buffer }[] = [];
  const sockets = new Set<net.Socket>();
  const relay = net.createServer((client) => {
    const server = net.connect(port, host);
    for (const socket of [client, server]) {
      // No Nagle on either leg, as pg has on its own socket: otherwise a small message could wait for a delayed ACK
      // (40 ms on Linux), a delay the relayed pool would never see without the relay (the same fix as
      // scripts/lib/statement-counter.ts, the benches' proxy).
      socket.setNoDelay(true);
      sockets.add(socket);
      socket.on("error", () => {});
      socket.on("close", () => sockets.delete(socket));
    }
    client.on("data", (d: Buffer) => {
      if (mode === "drop") dropped += d.length;
      else server.write(d);
    });
    server.on("data", (d: Buffer) => {
      if (mode === "relay") client.write(d);
      else if (mode === "hold") held.push({ socket: client, data: d });
    });
    client.on("close", () => server.destroy());
    server.on("close", () => client.destroy());
  });
  await new Promise<void>((resolve, reject) => relay.once("error", reject).listen(0, "127.0.0.1", resolve));
  target.hostname = "127.0.0.1";
  target.port = String((relay.address() as net.AddressInfo).port);
  return {
    url: target.toString(),
    setMode: (next) => void (mode = next),
    dropped: () => dropped,
    resume() {
      mode = "relay";
      for (const { socket, data } of held.splice(0)) if (!socket.destroyed) socket.write(data);
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => relay.close(resolve));
    },
  };
}
