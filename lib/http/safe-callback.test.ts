import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "@/lib/http/safe-callback";

describe("safeCallbackPath", () => {
  it("keeps a path on this site with its query and hash", () => {
    expect(safeCallbackPath("/articles/abc?tag=budget#claim-1")).toBe("/articles/abc?tag=budget#claim-1");
    expect(safeCallbackPath("/queue")).toBe("/queue");
  });

  it("refuses other sites, however they are written", () => {
    for (const raw of [
      "https://evil.example/",
      "//evil.example",
      "/\\evil.example",
      // Dot segments that URL parsing folds into a protocol-relative "//evil.example" path.
      "/.//evil.example",
      "/..//evil.example",
      "/a/..//evil.example/x",
      "/%2e//evil.example",
      "/.\\\\evil.example",
      "http://factdesk.local//evil.example",
    ]) {
      expect(safeCallbackPath(raw), raw).toBe("/articles");
    }
  });

  it("refuses empty input and /signin itself", () => {
    expect(safeCallbackPath(undefined)).toBe("/articles");
    expect(safeCallbackPath("")).toBe("/articles");
    expect(safeCallbackPath("/signin?callbackUrl=/x")).toBe("/articles");
  });
});
