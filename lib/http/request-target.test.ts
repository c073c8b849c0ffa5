import { describe, expect, it } from "vitest";
import { planRequestTarget, SERVED_METHODS } from "@/lib/http/request-target";

describe("planRequestTarget", () => {
  it("hands on an origin-form target unchanged", () => {
    expect(planRequestTarget("GET", "/api/v1/articles/a1?x=1")).toEqual({ kind: "serve", url: "/api/v1/articles/a1?x=1", host: null });
    expect(planRequestTarget("POST", "//evil.example/x")).toEqual({ kind: "serve", url: "//evil.example/x", host: null });
  });

  it("serves an absolute-form http(s) target as the path it names, with its authority as the host", () => {
    expect(planRequestTarget("GET", "http://evil.example/api/v1/articles/a1?x=1")).toEqual({
      kind: "serve",
      url: "/api/v1/articles/a1?x=1",
      host: "evil.example",
    });
    expect(planRequestTarget("GET", "HTTPS://user:pw@factdesk.example:8443")).toEqual({
      kind: "serve",
      url: "/",
      host: "factdesk.example:8443",
    });
    expect(planRequestTarget("GET", "http://h?q=1#frag")).toEqual({ kind: "serve", url: "/?q=1", host: "h" });
  });

  it("answers the server-wide OPTIONS with what Factdesk serves", () => {
    expect(planRequestTarget("OPTIONS", "*")).toMatchObject({ kind: "answer", status: 204, headers: { allow: SERVED_METHODS }, body: "" });
  });

  it("refuses other targets that are not paths with a JSON 400", () => {
    for (const target of ["*", "ftp://h/x", "http:///x", "localhost:3000", "api/v1/articles", ""]) {
      const plan = planRequestTarget("GET", target);
      expect(plan, target).toMatchObject({ kind: "answer", status: 400, headers: { "content-type": "application/json" } });
      if (plan.kind === "answer") expect(JSON.parse(plan.body).error.code).toBe("bad_request");
    }
  });

  it("refuses TRACE with a JSON 405 and Allow", () => {
    const plan = planRequestTarget("TRACE", "/api/v1/search");
    expect(plan).toMatchObject({ kind: "answer", status: 405, headers: { allow: SERVED_METHODS } });
    if (plan.kind === "answer") expect(JSON.parse(plan.body).error).toMatchObject({ code: "method_not_allowed" });
  });

  it("answers an API target whose query is not UTF-8 with a JSON 400 naming the parameter", () => {
    // Next decodes %FF as U+FFFD before a route handler sees the URL (stop 27), so the raw target is checked here.
    for (const target of ["/api/v1/search?q=%FF", "http://localhost:3000/api/v1/search?kind=claims&q=caf%C3"]) {
      const plan = planRequestTarget("GET", target);
      expect(plan).toMatchObject({ kind: "answer", status: 400 });
      expect(JSON.parse((plan as { body: string }).body)).toEqual({
        error: { code: "bad_request", message: expect.stringMatching(/^The query parameter "q" is not UTF-8 text/) },
      });
    }
    expect(planRequestTarget("GET", "/api/v1/search?q=caf%C3%A9")).toEqual({
      kind: "serve",
      url: "/api/v1/search?q=caf%C3%A9",
      host: null,
    });
    expect(planRequestTarget("GET", "/api/v1/search?q=50%")).toMatchObject({ kind: "serve" });
  });

  it("answers a page whose query is not UTF-8 with a 400 HTML page linking to the page without the query", () => {
    // Pages read %FF as U+FFFD too: /search?q=%FF searched for it.
    const plan = planRequestTarget("GET", "/search?q=%FF");
    expect(plan).toMatchObject({ kind: "answer", status: 400, headers: { "content-type": "text/html; charset=utf-8" } });
    const body = (plan as { body: string }).body;
    expect(body).toContain("The query parameter &quot;q&quot; is not UTF-8 text");
    expect(body).toContain('href="/search"');
    // Never a link to another site, never markup from the address.
    expect((planRequestTarget("GET", "//evil.example/x?q=%FF") as { body: string }).body).toContain('href="/"');
    expect((planRequestTarget("GET", "/a<b>?%3Cscript%3E=%FF") as { body: string }).body).not.toMatch(/<b>|<script>/);
    expect(planRequestTarget("GET", "/search?q=caf%C3%A9")).toEqual({ kind: "serve", url: "/search?q=caf%C3%A9", host: null });
  });
});
