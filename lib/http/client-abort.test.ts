// A client that hangs up before its request body has all arrived is the client's doing: route() answers a quiet 400,
// logs no "unexpected error" and counts no 5xx. The server here is a real node:http server on loopback that hands
// node's request to the handler the way Next.js does (NextRequestAdapter.fromNodeNextRequest passes the
// IncomingMessage itself as the Request body), to route() and, for a server action's POST, to proxy.ts's check of
// the action body (refuseBrokenAction). The fast lane's own body stream is tested in scripts/lib/fast-lane.test.ts,
// and the whole server's log in e2e/api/client-abort.spec.ts.
import { createServer, type Server } from "node:http";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError, isClientAbort, requestAborted, toAppError } from "@/lib/http/errors";
import { refuseBrokenAction } from "@/lib/http/request-guards";
import { route } from "@/lib/http/route";

const answers: number[] = [];
const actionAnswers: (number | null)[] = [];
let handled = 0;
const handler = route({ auth: "public", body: z.object({ body: z.string() }) }, async ({ body }) => {
  handled++;
  return body;
});

let server: Server;
let port: number;

beforeAll(async () => {
  server = createServer((req, res) => {
    // A server action's POST (Next-Action header): what proxy.ts makes of its body before Next's action handler.
    if (req.headers["next-action"]) {
      const request = new Request(`http://localhost${req.url}`, {
        method: req.method,
        headers: req.headers as Record<string, string>,
        body: req as unknown as ReadableStream<Uint8Array>,
        duplex: "half",
      } as RequestInit);
      void refuseBrokenAction(request).then(
        (refused) => {
          actionAnswers.push(refused?.status ?? null);
          if (!res.destroyed) res.writeHead(refused?.status ?? 200).end();
        },
        () => actionAnswers.push(500),
      );
      return;
    }
    const request = new Request(`http://localhost${req.url}`, {
      method: req.method,
      headers: req.headers as Record<string, string>,
      body: req as unknown as ReadableStream<Uint8Array>,
      duplex: "half",
    } as RequestInit);
    void handler(request, { params: Promise.resolve({}) }).then(async (response) => {
      answers.push(response.status);
      if (!res.destroyed) res.writeHead(response.status).end(await response.text());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as net.AddressInfo).port;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

/** Sends the headers of a JSON POST promising 1000 bytes and part of its body, then hangs up. */
function hangUpMidBody(headers = ""): Promise<void> {
  return new Promise<void>((resolve) => {
    const socket = net.connect(port, "127.0.0.1", () => {
      socket.write(`POST /x HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n${headers}\r\n{"body": "half`);
      setTimeout(() => socket.destroy(), 50);
    });
    socket.on("close", () => resolve());
  });
}

describe("a client that hangs up mid-body", () => {
  it("gets route()'s quiet 400, with no unexpected-error log", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const before = answers.length;
      await Promise.all(Array.from({ length: 5 }, hangUpMidBody));
      for (let i = 0; i < 100 && answers.length < before + 5; i++) await new Promise((r) => setTimeout(r, 20));
      expect(answers.slice(before)).toEqual([400, 400, 400, 400, 400]);
      expect(handled).toBe(0);
      expect(errors.mock.calls.map((call) => String(call[0]))).toEqual([]);
    } finally {
      errors.mockRestore();
    }
  });

  it("still answers a whole body", async () => {
    const response = await fetch(`http://127.0.0.1:${port}/x`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ body: "whole" }),
    });
    expect([response.status, await response.text()]).toEqual([200, '{"body":"whole"}']);
  });
});

describe("a server action whose client hangs up mid-body", () => {
  it("gets the proxy's quiet 400 instead of a thrown error (Next's 500 and its error log)", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const before = actionAnswers.length;
      await Promise.all(Array.from({ length: 5 }, () => hangUpMidBody("Next-Action: abc\r\n")));
      for (let i = 0; i < 100 && actionAnswers.length < before + 5; i++) await new Promise((r) => setTimeout(r, 20));
      expect(actionAnswers.slice(before)).toEqual([400, 400, 400, 400, 400]);
      expect(errors).not.toHaveBeenCalled();
    } finally {
      errors.mockRestore();
    }
  });
});

describe("proxy.ts's read of a server action's body", () => {
  it("settles with the quiet 400 when the request is aborted while the body never ends", async () => {
    // What Next hands proxy.ts: a copy of the body fed from node's request (next/dist/server/body-streams.js), which
    // never ends or fails when the client hangs up, and a signal that aborts when the answer's socket closes.
    const controller = new AbortController();
    const body = new ReadableStream<Uint8Array>({ start: (c) => c.enqueue(new TextEncoder().encode('["half')) });
    const request = new Request("http://localhost/x", {
      method: "POST",
      headers: { "next-action": "abc", "content-type": "text/plain;charset=UTF-8" },
      body,
      duplex: "half",
      signal: controller.signal,
    } as RequestInit);
    const answer = refuseBrokenAction(request);
    setTimeout(() => controller.abort(), 50);
    const settled = await Promise.race([answer, new Promise<"pending">((resolve) => setTimeout(() => resolve("pending"), 2_000))]);
    expect(settled === "pending" ? "pending" : settled?.status).toBe(400);
  });
});

describe("isClientAbort", () => {
  it("knows node's premature-close error and ours, and nothing else of the same words", () => {
    const nodes = Object.assign(new Error("aborted"), { code: "ECONNRESET" });
    expect(isClientAbort(nodes)).toBe(true);
    expect(isClientAbort(new TypeError("terminated", { cause: nodes }))).toBe(true);
    expect(isClientAbort(requestAborted())).toBe(true);
    // The database's connection reset and our own fetches' timeouts are not the client's doing.
    expect(isClientAbort(Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }))).toBe(false);
    expect(isClientAbort(new Error("aborted"))).toBe(false);
    expect(isClientAbort(new DOMException("This operation was aborted", "AbortError"))).toBe(false);
  });

  it("maps to a quiet 400 in toAppError", () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const appError = toAppError(Object.assign(new Error("aborted"), { code: "ECONNRESET" }));
      expect(appError).toBeInstanceOf(AppError);
      expect([appError.status, appError.code]).toEqual([400, "bad_request"]);
      expect(errors).not.toHaveBeenCalled();
    } finally {
      errors.mockRestore();
    }
  });
});
