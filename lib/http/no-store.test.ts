import { NextResponse } from "next/server";
import { describe, expect, it } from "vitest";
import { noStoreByDefault } from "@/lib/http/respond";
import { route } from "@/lib/http/route";
import { AppError } from "@/lib/http/errors";

describe("API answers are not stored unless a route says otherwise", () => {
  it("adds no-store to a response without Cache-Control, and keeps a route's own", () => {
    expect(noStoreByDefault(NextResponse.json({ password: "x" })).headers.get("cache-control")).toBe("no-store");
    const own = NextResponse.json({}, { headers: { "Cache-Control": "public, max-age=300" } });
    expect(noStoreByDefault(own).headers.get("cache-control")).toBe("public, max-age=300");
  });

  it("copies a response whose headers cannot change", async () => {
    const copy = noStoreByDefault(Response.redirect("http://localhost/signin", 303));
    expect(copy.status).toBe(303);
    expect(copy.headers.get("location")).toBe("http://localhost/signin");
    expect(copy.headers.get("cache-control")).toBe("no-store");
  });

  it("applies to route() answers and errors alike", async () => {
    const context = { params: Promise.resolve({}) };
    const ok = await route({ auth: "public" }, async () => ({ secret: "s" }))(new Request("http://localhost/"), context);
    const failed = await route({ auth: "public" }, async () => {
      throw new AppError("forbidden", "No.");
    })(new Request("http://localhost/"), context);
    expect([ok.headers.get("cache-control"), failed.headers.get("cache-control")]).toEqual(["no-store", "no-store"]);
  });
});
