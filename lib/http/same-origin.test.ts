import { afterEach, describe, expect, it } from "vitest";
import { AppError } from "@/lib/http/errors";
import { mediaType } from "@/lib/http/route";
import { requireSameOrigin } from "@/lib/http/same-origin";

const request = (headers: Record<string, string>, url = "http://localhost:3000/api/v1/claims/x/comments") =>
  new Request(url, { method: "POST", headers: { host: new URL(url).host, ...headers } });

function refusal(headers: Record<string, string>): number | null {
  try {
    requireSameOrigin(request(headers));
    return null;
  } catch (err) {
    return err instanceof AppError ? err.status : -1;
  }
}

const publicUrl = process.env.NEXTAUTH_URL;
afterEach(() => {
  if (publicUrl === undefined) delete process.env.NEXTAUTH_URL;
  else process.env.NEXTAUTH_URL = publicUrl;
});

describe("requireSameOrigin", () => {
  it("lets same-origin browser requests through, by Fetch Metadata or by Origin", () => {
    expect(refusal({ "sec-fetch-site": "same-origin" })).toBeNull();
    expect(refusal({ origin: "http://localhost:3000" })).toBeNull();
  });

  it("refuses same-site pages on another port, other sites, and requests that say nothing", () => {
    expect(refusal({ "sec-fetch-site": "same-site", origin: "http://localhost:3000" })).toBe(403);
    expect(refusal({ "sec-fetch-site": "cross-site" })).toBe(403);
    expect(refusal({ "sec-fetch-site": "none" })).toBe(403);
    expect(refusal({ origin: "http://localhost:9999" })).toBe(403);
    expect(refusal({ origin: "null" })).toBe(403);
    expect(refusal({})).toBe(403);
  });

  it("accepts the public address people use (NEXTAUTH_URL) behind a proxy", () => {
    process.env.NEXTAUTH_URL = "https://factdesk.example.org/";
    expect(refusal({ origin: "https://factdesk.example.org" })).toBeNull();
    expect(refusal({ origin: "https://factdesk.example.org.evil.test" })).toBe(403);
  });
});

describe("mediaType", () => {
  it("reads the type without parameters, so a parameter cannot smuggle another type in", () => {
    expect(mediaType("application/json; charset=utf-8")).toBe("application/json");
    expect(mediaType("Application/JSON")).toBe("application/json");
    expect(mediaType("application/x-www-form-urlencoded; x=application/json")).toBe("application/x-www-form-urlencoded");
    expect(mediaType(null)).toBe("");
  });
});
