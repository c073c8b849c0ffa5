import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ACTION_BODY_LIMIT_BYTES, refuseBrokenAction, refuseUndecodablePath } from "@/lib/http/request-guards";

const action = (body: BodyInit | null, headers: Record<string, string> = {}) =>
  new Request("http://localhost/articles/a1", {
    method: "POST",
    body,
    headers: { "next-action": "7f00", "content-type": "text/plain;charset=UTF-8", ...headers },
    // Node's fetch needs this for a streamed body.
    ...(body instanceof ReadableStream ? { duplex: "half" } : {}),
  } as RequestInit);

async function answer(response: Response | null) {
  return response
    ? { status: response.status, error: ((await response.json()) as { error: { code: string; message: string } }).error }
    : null;
}

describe("server-action requests Next would answer with a bare 500", () => {
  it("let what React sends through", async () => {
    expect(await refuseBrokenAction(action(JSON.stringify([{ claimId: "c1", body: "hello" }])))).toBeNull();
    const form = new FormData();
    form.set("1_claimId", "c1");
    expect(
      await refuseBrokenAction(new Request("http://localhost/x", { method: "POST", body: form, headers: { "next-action": "7f00" } })),
    ).toBeNull();
    expect(await refuseBrokenAction(new Request("http://localhost/x", { method: "POST", body: "{not json" }))).toBeNull(); // not an action
  });

  it("refuse a body that is not JSON (or broken form data) with a 400 that says so", async () => {
    for (const request of [
      action("{not json"),
      action(new Uint8Array([0x5b, 0xff, 0x5d])),
      action("--x\r\nfoo", { "content-type": "multipart/form-data; boundary=x" }),
    ]) {
      expect(await answer(await refuseBrokenAction(request))).toEqual({
        status: 400,
        error: { code: "bad_request", message: expect.stringMatching(/JSON or form data/) },
      });
    }
  });

  it("refuse a body over the limit with a 413, whether Content-Length says so or it is counted", async () => {
    const big = "x".repeat(ACTION_BODY_LIMIT_BYTES + 1);
    expect((await answer(await refuseBrokenAction(action(big))))?.status).toBe(413);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 4; i++) controller.enqueue(new Uint8Array(ACTION_BODY_LIMIT_BYTES / 2));
        controller.close();
      },
    });
    expect(await answer(await refuseBrokenAction(action(stream)))).toEqual({
      status: 413,
      error: { code: "payload_too_large", message: expect.stringMatching(/larger than 3 MB/) },
    });
  });

  it("use the limit next.config.js gives Next", () => {
    const config = createRequire(import.meta.url)(path.resolve(import.meta.dirname, "..", "..", "next.config.js")) as {
      experimental: { serverActions: { bodySizeLimit: string } };
    };
    expect(config.experimental.serverActions.bodySizeLimit).toBe(`${ACTION_BODY_LIMIT_BYTES / 1024 / 1024}mb`);
  });
});

describe("paths whose %-encoding is not UTF-8", () => {
  it("are a 400, while any decodable path passes", async () => {
    for (const pathname of ["/api/v1/claims/%C3%28", "/api/v1/claims/%FF", "/articles/%E2%82"])
      expect((await answer(refuseUndecodablePath(pathname)))?.status, pathname).toBe(400);
    for (const pathname of ["/api/v1/claims/%00", "/articles/caf%C3%A9", "/queue"])
      expect(refuseUndecodablePath(pathname), pathname).toBeNull();
  });
});
