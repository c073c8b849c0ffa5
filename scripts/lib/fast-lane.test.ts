// The fast lane's own plumbing on a real node:http server on loopback, over a minimal build directory laid out as
// Next's (routes-manifest.json, app-paths-manifest.json, a route module with routeModule.userland): a fault in the
// lane answers route()'s 500 JSON and the server goes on; a client that hangs up mid-body aborts the handler's
// request signal and leaves nothing pending; requests the lane does not take reach the fallback (Next's place).
// The handlers here stand for a bug (one that throws past route()) and for a slow body reader; real route()
// handlers are compared with Next's answers in e2e/api/fast-lane.spec.ts.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, request as httpRequest, type Server } from "node:http";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { route } from "../../lib/http/route";
import { createFastLane } from "./fast-lane";
import { jsonResponse } from "../../lib/http/respond";

const state = { aborted: 0, bodyErrors: 0, lateBodies: 0, routeAnswers: [] as number[] };
// A real route() handler that reads a JSON body, for what the lane makes of a client that hangs up mid-body. It is
// public (route()'s token check would need the database); the lane is told it is a token route so that it takes it.
const readsJson = route({ auth: "public", body: z.object({ body: z.string() }) }, async ({ body }) => body);
// Set by the test below: the PUT handler waits on it (standing for route()'s token check, a database round trip)
// before it reads the body, so the client can hang up before the body is first asked for.
const gate: { open?: Promise<void> } = {};
const userland = {
  GET: Object.assign(
    async () => {
      throw new Error("a fault past route()");
    },
    { routeSpec: { auth: "user" } },
  ),
  POST: Object.assign(
    async (request: Request) => {
      request.signal.addEventListener("abort", () => state.aborted++);
      try {
        await request.text();
      } catch {
        state.bodyErrors++;
      }
      return Response.json({ ok: true });
    },
    { routeSpec: { auth: "user" } },
  ),
  PATCH: Object.assign(
    async (request: Request, context: Parameters<typeof readsJson>[1]) => {
      const response = await readsJson(request, context);
      state.routeAnswers.push(response.status);
      return response;
    },
    { routeSpec: { ...readsJson.routeSpec, auth: "user" } },
  ),
  // jsonResponse's one-piece answer; with `x-stream: 1`, Response.json's body, which the lane streams.
  DELETE: Object.assign(
    async (request: Request) =>
      request.headers.get("x-stream") === "1"
        ? Response.json({ streamed: true })
        : jsonResponse({ quote: "“Ça” – 2.3 per cent", n: [1, 2] }, 202, { "Retry-After": "3" }),
    { routeSpec: { auth: "user" } },
  ),
  PUT: Object.assign(
    async (request: Request) => {
      await gate.open;
      try {
        await request.text();
      } catch {
        // an error is a settled read: what matters is that it settles
      }
      state.lateBodies++;
      return Response.json({ ok: true });
    },
    { routeSpec: { auth: "user" } },
  ),
};

let dir: string;
let server: Server;
let port: number;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "fast-lane-"));
  const routeDir = path.join(dir, "server", "app", "api", "v1", "things", "[id]");
  mkdirSync(routeDir, { recursive: true });
  (globalThis as Record<string, unknown>).__fastLaneTestUserland = userland;
  writeFileSync(path.join(routeDir, "route.js"), "module.exports = { routeModule: { userland: globalThis.__fastLaneTestUserland } };\n");
  writeFileSync(
    path.join(dir, "server", "app-paths-manifest.json"),
    JSON.stringify({ "/api/v1/things/[id]/route": "app/api/v1/things/[id]/route.js" }),
  );
  writeFileSync(
    path.join(dir, "routes-manifest.json"),
    JSON.stringify({
      basePath: "",
      staticRoutes: [],
      dynamicRoutes: [{ page: "/api/v1/things/[id]", regex: "^/api/v1/things/([^/]+?)(?:/)?$" }],
      headers: [{ regex: "^(?:/(.*))?$", headers: [{ key: "X-Content-Type-Options", value: "nosniff" }] }],
      redirects: [{ internal: true }],
      rewrites: { beforeFiles: [], afterFiles: [], fallback: [] },
    }),
  );
  server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as net.AddressInfo).port;
  const lane = (await createFastLane({ distDir: dir, port }))!;
  expect(lane.pages).toEqual(["/api/v1/things/[id]"]);
  server.on("request", (req, res) => {
    if (lane.take(req, res)) return;
    res.writeHead(404, { "content-type": "text/plain" }).end("next");
  });
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

function get(
  pathname: string,
  headers: Record<string, string>,
  method = "GET",
): Promise<{ status: number; headers: Record<string, unknown>; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port, path: pathname, headers, method }, (res) => {
      let text = "";
      res.on("data", (chunk: Buffer) => (text += chunk.toString()));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, text }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("the API fast lane's plumbing", () => {
  it("answers a fault past route() with route()'s 500 JSON, its headers, and goes on serving", async () => {
    for (let i = 0; i < 2; i++) {
      const answer = await get("/api/v1/things/abc", { authorization: "Bearer fd_x" });
      expect(answer.status).toBe(500);
      expect(JSON.parse(answer.text)).toEqual({
        error: { code: "internal", message: "Something went wrong on our side. Nothing was changed; please try again." },
      });
      expect(answer.headers["cache-control"]).toBe("no-store");
      expect(answer.headers["x-content-type-options"]).toBe("nosniff");
      expect(answer.headers["content-security-policy"]).toMatch(/default-src 'self'/);
    }
  });

  it("writes a JSON answer made by jsonResponse in one piece with its Content-Length; other bodies stream", async () => {
    const answer = await get("/api/v1/things/abc", { authorization: "Bearer fd_x" }, "DELETE");
    expect(answer.status).toBe(202);
    expect(JSON.parse(answer.text)).toEqual({ quote: "“Ça” – 2.3 per cent", n: [1, 2] });
    expect(answer.headers["content-length"]).toBe(String(Buffer.byteLength(answer.text)));
    expect(answer.headers["transfer-encoding"]).toBeUndefined();
    expect(answer.headers["content-type"]).toBe("application/json");
    expect(answer.headers["retry-after"]).toBe("3");
    expect(answer.headers["x-content-type-options"]).toBe("nosniff");
    const streamed = await get("/api/v1/things/abc", { authorization: "Bearer fd_x", "x-stream": "1" }, "DELETE");
    expect([streamed.status, JSON.parse(streamed.text), streamed.headers["transfer-encoding"]]).toEqual([
      200,
      { streamed: true },
      "chunked",
    ]);
  });

  it("leaves to Next what it does not take: no token, a cookie, HEAD, a trailing slash, another path", async () => {
    for (const [pathname, headers] of [
      ["/api/v1/things/abc", {}],
      ["/api/v1/things/abc", { authorization: "Bearer fd_x", cookie: "a=b" }],
      ["/api/v1/things/abc/", { authorization: "Bearer fd_x" }],
      ["/api/v1/other", { authorization: "Bearer fd_x" }],
      ["/api/v1/things/./abc", { authorization: "Bearer fd_x" }],
    ] as const) {
      const answer = await get(pathname, headers);
      expect([pathname, answer.status, answer.text]).toEqual([pathname, 404, "next"]);
    }
  });

  it("aborts the handler's request when the client hangs up mid-body, and keeps answering", async () => {
    const before = { ...state };
    await new Promise<void>((resolve) => {
      const socket = net.connect(port, "127.0.0.1", () => {
        socket.write(
          "POST /api/v1/things/abc HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer fd_x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{",
        );
        setTimeout(() => socket.destroy(), 100);
      });
      socket.on("close", () => resolve());
    });
    for (let i = 0; i < 50 && state.aborted === before.aborted; i++) await new Promise((r) => setTimeout(r, 20));
    expect(state.aborted - before.aborted).toBe(1);
    expect(state.bodyErrors - before.bodyErrors).toBe(1);
    const answer = await get("/api/v1/things/abc", { authorization: "Bearer fd_x" });
    expect(answer.status).toBe(500);
  });

  it("answers route()'s quiet 400 to clients that hang up mid-body, with no unexpected-error log", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const before = state.routeAnswers.length;
      await Promise.all(
        Array.from(
          { length: 5 },
          () =>
            new Promise<void>((resolve) => {
              const socket = net.connect(port, "127.0.0.1", () => {
                socket.write(
                  "PATCH /api/v1/things/abc HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer fd_x\r\nContent-Type: application/json\r\n" +
                    'Content-Length: 1000\r\n\r\n{"body": "half',
                );
                setTimeout(() => socket.destroy(), 50);
              });
              socket.on("close", () => resolve());
            }),
        ),
      );
      for (let i = 0; i < 100 && state.routeAnswers.length < before + 5; i++) await new Promise((r) => setTimeout(r, 20));
      expect(state.routeAnswers.slice(before)).toEqual([400, 400, 400, 400, 400]);
      expect(errors.mock.calls.map((call) => String(call[0]))).toEqual([]);
    } finally {
      errors.mockRestore();
    }
  });

  it("settles a body read that starts after the client has hung up (no handler left waiting forever)", async () => {
    const before = state.lateBodies;
    let open!: () => void;
    gate.open = new Promise<void>((resolve) => (open = resolve));
    await new Promise<void>((resolve) => {
      const socket = net.connect(port, "127.0.0.1", () => {
        socket.write(
          "PUT /api/v1/things/abc HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer fd_x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{",
        );
        setTimeout(() => socket.destroy(), 100);
      });
      socket.on("close", () => resolve());
    });
    await new Promise((r) => setTimeout(r, 100));
    open();
    for (let i = 0; i < 100 && state.lateBodies === before; i++) await new Promise((r) => setTimeout(r, 20));
    expect(state.lateBodies - before).toBe(1);
  });
});
