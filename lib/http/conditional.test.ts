// Conditional GETs (lib/http/conditional.ts) through route(), the way every API handler answers.
import { NextResponse } from "next/server";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/http/errors";
import { errorResponse, jsonBodyOf, jsonResponse } from "@/lib/http/respond";
import { route } from "@/lib/http/route";

const context = { params: Promise.resolve({}) };
const article = { article: { id: "a1", title: "Rates – “quoted”", body: "x".repeat(5000) } };
const answer = route({ auth: "public" }, async () => article);
const get = (headers: Record<string, string> = {}, method = "GET") =>
  answer(new Request("http://localhost/api/v1/x", { method, headers }), context);

describe("conditional GETs", () => {
  it("gives a JSON answer a weak ETag that stays the same while the answer does", async () => {
    const [first, second] = [await get(), await get()];
    expect(first.status).toBe(200);
    expect(first.headers.get("etag")).toMatch(/^W\/"[0-9a-f]+-[A-Za-z0-9+/]{27}"$/);
    expect(second.headers.get("etag")).toBe(first.headers.get("etag"));
    const other = await route({ auth: "public" }, async () => ({ article: { ...article.article, title: "Changed" } }))(
      new Request("http://localhost/api/v1/x"),
      context,
    );
    expect(other.headers.get("etag")).not.toBe(first.headers.get("etag"));
  });

  it("answers 304 without a body to If-None-Match naming the tag (weak comparison, lists, *)", async () => {
    const tag = (await get()).headers.get("etag")!;
    for (const ifNoneMatch of [tag, tag.slice(2), `W/"other", ${tag}`, "*"]) {
      const response = await get({ "if-none-match": ifNoneMatch });
      expect(response.status, ifNoneMatch).toBe(304);
      expect(await response.text()).toBe("");
      expect(response.headers.get("etag")).toBe(tag);
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(response.headers.get("content-type")).toBeNull();
    }
  });

  it("sends the full answer for another tag, for Cache-Control: no-cache, and to HEAD as to GET", async () => {
    const tag = (await get()).headers.get("etag")!;
    const other = await get({ "if-none-match": 'W/"5-abc"' });
    expect(other.status).toBe(200);
    expect(await other.json()).toEqual(article);
    expect((await get({ "if-none-match": tag, "cache-control": "no-cache" })).status).toBe(200);
    expect((await get({ "if-none-match": tag }, "HEAD")).status).toBe(304);
  });

  it("leaves writes, errors and answers that are not route() JSON alone", async () => {
    const post = await route({ auth: "public" }, async () => ({ ok: true }))(
      new Request("http://localhost/x", { method: "POST" }),
      context,
    );
    expect(post.headers.get("etag")).toBeNull();
    const failed = await route({ auth: "public" }, async () => {
      throw new AppError("not_found", "That article was not found.");
    })(new Request("http://localhost/x", { headers: { "if-none-match": "*" } }), context);
    expect([failed.status, failed.headers.get("etag")]).toEqual([404, null]);
    const csv = await route({ auth: "public" }, async () => new Response("a,b\n", { headers: { "content-type": "text/csv" } }))(
      new Request("http://localhost/x", { headers: { "if-none-match": "*" } }),
      context,
    );
    expect([csv.status, csv.headers.get("etag")]).toEqual([200, null]);
  });
});

describe("jsonResponse", () => {
  it("sends the same bytes and type as NextResponse.json, and keeps its body bytes", async () => {
    for (const value of [article, { n: 1, list: [null, true, "é"], nested: { d: new Date(0) } }, [], "text"]) {
      const ours = jsonResponse(value, 201, { "Retry-After": "5" });
      const next = NextResponse.json(value, { status: 201, headers: { "Retry-After": "5" } });
      expect(ours.status).toBe(201);
      expect([...ours.headers]).toEqual([...next.headers]);
      const text = await next.text();
      expect(jsonBodyOf(ours)?.toString("utf8")).toBe(text);
      expect(await ours.text()).toBe(text);
    }
    expect(jsonBodyOf(NextResponse.json({}))).toBeUndefined();
    expect(() => jsonResponse(undefined)).toThrow(TypeError);
    expect(jsonBodyOf(errorResponse(new AppError("forbidden", "No.")))?.toString("utf8")).toBe(
      '{"error":{"code":"forbidden","message":"No."}}',
    );
  });
});
