import { describe, expect, it } from "vitest";
import { isHttpUrl } from "@/lib/validation/urls";

describe("isHttpUrl", () => {
  it("accepts http and https, any case, including non-ASCII hosts and paths", () => {
    for (const url of ["https://example.org/a", "HTTP://EXAMPLE.ORG", "https://exämple.com/ü path"]) expect(isHttpUrl(url), url).toBe(true);
  });

  it("refuses other schemes and non-URLs", () => {
    for (const url of [
      "javascript:alert(1)",
      "JaVaScRiPt:alert(1)",
      "data:text/html,x",
      "ftp://example.org",
      "mailto:a@b.c",
      "/relative",
      "example.org",
      "",
    ]) {
      expect(isHttpUrl(url), url).toBe(false);
    }
  });

  // URL.canParse on Node 20.20 flips to false for this after V8 optimises it; the answer must not drift.
  it("gives the same answer on every call", () => {
    const answers = new Set(Array.from({ length: 5000 }, () => isHttpUrl("https://exämple.com/ü path")));
    expect([...answers]).toEqual([true]);
  });
});
