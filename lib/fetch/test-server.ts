// A real HTTP server on loopback for tests that fetch pages: serves whatever a test puts in `routes`
// (a page can be changed or removed while the test runs), and a few fixed behaviours (redirects, a slow
// answer, a huge body). Test support only; nothing in the app imports it.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type Route = { status?: number; type?: string; body: string | Buffer; headers?: Record<string, string> };
export type TestServer = {
  /** http://127.0.0.1:PORT */
  origin: string;
  port: number;
  routes: Map<string, Route | ((req: IncomingMessage, res: ServerResponse) => void)>;
  close: () => Promise<void>;
};

/**
 * Starts the server on 127.0.0.1 with an ephemeral port and these built-in paths: /redirect?to=URL (302 to URL),
 * /loop (redirects to itself), /slow (answers after 60 s, or never if closed first), /huge (8 MiB of text).
 * Any other path answers from `routes` or 404. Returns the origin, the routes map and close().
 */
export async function startTestServer(): Promise<TestServer> {
  const routes: TestServer["routes"] = new Map();
  const timers = new Set<NodeJS.Timeout>();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    if (url.pathname === "/redirect") {
      res.writeHead(302, { Location: url.searchParams.get("to") ?? "/" }).end();
      return;
    }
    if (url.pathname === "/loop") {
      res.writeHead(302, { Location: "/loop" }).end();
      return;
    }
    if (url.pathname === "/slow") {
      const timer = setTimeout(() => res.end("late"), 60_000);
      timers.add(timer);
      return;
    }
    if (url.pathname === "/huge") {
      res.writeHead(200, { "Content-Type": "text/html" });
      const chunk = Buffer.alloc(64 * 1024, "a");
      let sent = 0;
      const write = () => {
        while (sent < 8 * 1024 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once("drain", write);
        }
        res.end();
      };
      res.on("error", () => {});
      write();
      return;
    }
    const route = routes.get(url.pathname);
    if (!route) {
      res.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
      return;
    }
    if (typeof route === "function") return route(req, res);
    res.writeHead(route.status ?? 200, { "Content-Type": route.type ?? "text/html; charset=utf-8", ...route.headers }).end(route.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    routes,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
