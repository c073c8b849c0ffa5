import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, createNonce } from "@/lib/http/security-headers";

const directives = (csp: string) => new Map(csp.split("; ").map((d) => [d.split(" ")[0]!, d.split(" ").slice(1).join(" ")]));

describe("the Content-Security-Policy", () => {
  it("runs scripts and <style> only with this response's nonce, and never eval, in production", () => {
    const csp = directives(contentSecurityPolicy({ nonce: "abc=", https: false, dev: false }));
    expect(csp.get("script-src")).toBe("'self' 'nonce-abc=' 'strict-dynamic'");
    expect(csp.get("style-src")).toBe("'self' 'nonce-abc='");
    expect(csp.get("style-src-attr")).toBe("'unsafe-inline'");
    expect(csp.get("frame-ancestors")).toBe("'none'");
    expect(csp.get("object-src")).toBe("'none'");
    expect(csp.get("base-uri")).toBe("'none'");
    expect(csp.has("upgrade-insecure-requests")).toBe(false);
    expect([...csp.values()].join(" ")).not.toMatch(/unsafe-eval/);
  });

  it("lets other sites frame only the embeddable verdict cards, with the rest of the policy unchanged", () => {
    const card = directives(contentSecurityPolicy({ nonce: "abc=", https: false, dev: false, embeddable: true }));
    expect(card.get("frame-ancestors")).toBe("*");
    expect(card.get("script-src")).toBe("'self' 'nonce-abc=' 'strict-dynamic'");
  });

  it("upgrades insecure requests under https, and allows eval only in development", () => {
    expect(contentSecurityPolicy({ nonce: "n", https: true, dev: false })).toMatch(/; upgrade-insecure-requests$/);
    expect(directives(contentSecurityPolicy({ nonce: "n", https: false, dev: true })).get("script-src")).toContain("'unsafe-eval'");
  });

  it("uses a new 128-bit nonce each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });
});
