import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/http/errors";
import { refuseNonUtf8Query } from "@/lib/http/query-string";
import { route } from "@/lib/http/route";
import { z } from "zod";

const refusal = (url: string) => {
  try {
    refuseNonUtf8Query(url);
    return null;
  } catch (err) {
    return err instanceof AppError ? { code: err.code, message: err.message } : err;
  }
};

describe("refuseNonUtf8Query", () => {
  it.each([
    ["http://x/api/v1/search?q=%FF", "q"],
    ["http://x/api/v1/search?q=caf%C3", "q"],
    ["http://x/api/v1/search?q=caf%C3&kind=claims", "q"],
    ["http://x/api/v1/search?kind=claims&q=%ED%A0%80", "q"],
    ["http://x/api/v1/articles?tag=%C0%AF", "tag"],
    ["http://x/api/v1/articles?sort=open&tag=a%E2%82", "tag"],
  ])("refuses %s, naming %s", (url, name) => {
    expect(refusal(url)).toEqual({
      code: "bad_request",
      message: expect.stringMatching(new RegExp(`^The query parameter "${name}" is not UTF-8 text`)),
    });
  });

  it("refuses a parameter name that is not UTF-8 without repeating it", () => {
    expect(refusal("http://x/a?%FF=1")).toEqual({
      code: "bad_request",
      message: expect.stringMatching(/^A query parameter's name is not UTF-8 text/),
    });
  });

  it.each([
    "http://x/api/v1/search",
    "http://x/api/v1/search?q=caf%C3%A9+na%C3%AFve",
    "http://x/api/v1/search?q=café", // a URL object encodes it as UTF-8
    "http://x/api/v1/search?q=%F0%9F%93%88", // 📈, four bytes
    "http://x/api/v1/search?q=50%", // a lone % is no escape: read as it is, as URLSearchParams does
    "http://x/api/v1/search?q=100%25&x=%zz&&=",
  ])("lets %s through", (url) => {
    expect(refusal(url)).toBeNull();
  });
});

describe("route()", () => {
  // The shared parsing every route handler goes through: before stop 27 it read `q=%FF` as "\uFFFD".
  const echo = route({ auth: "public", query: z.object({ q: z.string().optional() }) }, async ({ query }) => ({ q: query.q }));
  const noQuery = route({ auth: "public" }, async () => ({ ok: true }));
  const call = (handler: typeof echo, url: string) => handler(new Request(url), { params: Promise.resolve({}) });

  it("answers 400 to a query that is not UTF-8, whether or not the route reads a query", async () => {
    for (const handler of [echo, noQuery]) {
      const answer = await call(handler, "http://localhost/api/v1/echo?q=%FF");
      expect(answer.status).toBe(400);
      expect(await answer.json()).toEqual({
        error: { code: "bad_request", message: expect.stringMatching(/^The query parameter "q" is not UTF-8 text/) },
      });
    }
  });

  it("reads encoded UTF-8 as its text", async () => {
    const answer = await call(echo, "http://localhost/api/v1/echo?q=caf%C3%A9");
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ q: "café" });
  });
});
