import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/http/errors";
import { readJson, readText } from "@/lib/http/respond";

// A body with no Content-Length, sent in pieces, as a chunked upload arrives.
function chunked(pieces: string[]): Request {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const piece of pieces) controller.enqueue(encoder.encode(piece));
      controller.close();
    },
  });
  return new Request("http://test/x", { method: "POST", body, duplex: "half" } as RequestInit);
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (err: unknown) => err,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("readText / readJson", () => {
  it("reads a body sent in pieces, including characters split across them", async () => {
    const bytes = new TextEncoder().encode('{"q":"2.3 per cent – “quoted”"}');
    const split = [bytes.slice(0, 20), bytes.slice(20)];
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        split.forEach((b) => c.enqueue(b));
        c.close();
      },
    });
    const request = new Request("http://test/x", { method: "POST", body, duplex: "half" } as RequestInit);
    expect(await readJson(request)).toEqual({ q: "2.3 per cent – “quoted”" });
  });

  it("stops with 413 once a chunked body passes the limit, without a Content-Length", async () => {
    const error = await failure(readText(chunked(["a".repeat(600), "b".repeat(600)]), 1000));
    expect(error.status).toBe(413);
    expect(error.message).toMatch(/larger than/);
  });

  it("refuses a declared Content-Length over the limit before reading", async () => {
    const request = new Request("http://test/x", { method: "POST", body: "x".repeat(2000), headers: { "content-length": "2000" } });
    expect((await failure(readText(request, 1000))).status).toBe(413);
  });

  it("answers 400 for a body that is not JSON, and treats an empty body as not JSON", async () => {
    expect((await failure(readJson(chunked(["{nope"])))).status).toBe(400);
    expect((await failure(readJson(new Request("http://test/x", { method: "POST" })))).status).toBe(400);
  });
});
