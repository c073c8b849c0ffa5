import net from "node:net";

const handedOut = new Set<number>();

/** A TCP port on 127.0.0.1 that nothing is listening on now and this process has not handed out before. */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = await askForPort();
    if (!handedOut.has(port)) {
      handedOut.add(port);
      return port;
    }
  }
}

function askForPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}
