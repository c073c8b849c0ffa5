// A TCP proxy in front of PostgreSQL that counts the statements its clients send, for benches and for tests that
// lock in how many statements a request costs (issue #21). It reads the client side of the wire protocol: every
// Execute ('E', extended protocol) or Query ('Q', simple protocol: BEGIN, COMMIT, multi-statement strings) message
// is one statement. Replies pass through untouched.
import net from "node:net";

export type StatementCounter = {
  /** The local port clients connect to instead of PostgreSQL's. */
  port: number;
  /** Statements counted since the proxy started. */
  count: () => number;
  /** Bytes PostgreSQL sent to the clients since the proxy started (rows, their text included). */
  received: () => number;
  /** Stops accepting connections and ends the open ones. */
  close: () => Promise<void>;
  /**
   * Runs `work` and answers its result with the statements counted while it ran (all clients', so nothing else may use
   * the proxy meanwhile).
   */
  counted: <T>(work: () => Promise<T>) => Promise<{ statements: number; result: T }>;
};

/**
 * Starts a counting proxy on 127.0.0.1 (a free port) to the PostgreSQL listening on 127.0.0.1:`targetPort`.
 * Output: the StatementCounter. A connection's startup message (no type byte) is skipped, not counted.
 */
export function startStatementCounter(targetPort: number): Promise<StatementCounter> {
  let statements = 0;
  let received = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, "127.0.0.1");
    // TCP_NODELAY on both legs, as pg sets on its own socket (node_modules/pg/lib/connection.js) and PostgreSQL on
    // its end: without it Nagle's algorithm held a small message here until the previous segment's ACK, which
    // Linux delays up to 40 ms, so a proxied client waited 40 ms on some statements that a direct one never waits.
    // Measured (bench/api-load.ts, GET article, 10 connections): latency p50 43 ms with a p25 of 4 ms before,
    // p50 7 ms and p99 17 ms after; the bench's figures are for the app's own code, not for the proxy's sockets.
    client.setNoDelay(true);
    upstream.setNoDelay(true);
    sockets.add(client).add(upstream);
    let buffer = Buffer.alloc(0);
    let started = false;
    client.on("data", (chunk: Buffer) => {
      upstream.write(chunk);
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        if (!started) {
          // The startup (or SSL request) message: Int32 length, then the protocol; no type byte.
          if (buffer.length < 4) break;
          const length = buffer.readInt32BE(0);
          if (buffer.length < length) break;
          buffer = buffer.subarray(length);
          // An SSL request (8 bytes) is followed by the real startup message.
          started = length !== 8;
          continue;
        }
        if (buffer.length < 5) break;
        const length = buffer.readInt32BE(1);
        if (buffer.length < length + 1) break;
        const type = String.fromCharCode(buffer[0]!);
        if (type === "E" || type === "Q") statements++;
        buffer = buffer.subarray(length + 1);
      }
    });
    upstream.on("data", (chunk: Buffer) => {
      received += chunk.length;
      client.write(chunk);
    });
    const close = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    for (const socket of [client, upstream]) {
      socket.on("error", close);
      socket.on("close", close);
    }
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as net.AddressInfo).port;
      resolve({
        port,
        count: () => statements,
        received: () => received,
        counted: async (work) => {
          const before = statements;
          const result = await work();
          return { statements: statements - before, result };
        },
        close: () =>
          new Promise<void>((done) => {
            for (const socket of sockets) socket.destroy();
            server.close(() => done());
          }),
      });
    }),
  );
}
