import { describe, expect, it } from "vitest";
import { clientIp } from "@/lib/http/client-ip";
import { applyClientAddress, bareAddress, clientAddressOf, parseTrustedProxies } from "@/lib/http/forwarded-for";

describe("TRUSTED_PROXIES", () => {
  it("is unset or empty: no one is trusted", () => {
    expect(parseTrustedProxies(undefined)).toBeNull();
    expect(parseTrustedProxies(" , ")).toBeNull();
  });

  it("takes addresses and CIDR ranges of both families, separated by commas or spaces", () => {
    const trusted = parseTrustedProxies("10.0.0.5, 192.168.0.0/16 2001:db8::/32,::1")!;
    expect(trusted.check("10.0.0.5", "ipv4")).toBe(true);
    expect(trusted.check("10.0.0.6", "ipv4")).toBe(false);
    expect(trusted.check("192.168.44.1", "ipv4")).toBe(true);
    expect(trusted.check("2001:db8:ffff::1", "ipv6")).toBe(true);
    expect(trusted.check("::1", "ipv6")).toBe(true);
  });

  it("refuses anything that is not an address or range, naming it", () => {
    for (const bad of ["proxy.internal", "10.0.0.0/33", "10.0.0.0/", "2001:db8::/129", "10.0.0.1/8/8", "10.1", "loopback"]) {
      expect(() => parseTrustedProxies(`10.0.0.1, ${bad}`), bad).toThrow(`"${bad}"`);
    }
  });
});

describe("the client's address", () => {
  const trusted = parseTrustedProxies("10.0.0.1, 10.0.0.2, 2001:db8::/32");

  it("is the socket's when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(clientAddressOf("::ffff:198.51.100.7", "203.0.113.1", null)).toBe("198.51.100.7");
    expect(clientAddressOf("198.51.100.7", "::ffff:127.0.0.1", null)).toBe("198.51.100.7");
  });

  it("is the socket's when the peer is not a trusted proxy", () => {
    expect(clientAddressOf("198.51.100.7", "203.0.113.1", trusted)).toBe("198.51.100.7");
  });

  it("behind trusted proxies is the right-most address that is not one of them", () => {
    expect(clientAddressOf("10.0.0.1", "203.0.113.9, 198.51.100.7", trusted)).toBe("198.51.100.7");
    expect(clientAddressOf("::ffff:10.0.0.2", "203.0.113.9, 198.51.100.7, 10.0.0.1", trusted)).toBe("198.51.100.7");
    expect(clientAddressOf("2001:db8::5", ["203.0.113.9", "2001:db8::6"], trusted)).toBe("203.0.113.9");
    // Ports and brackets that some proxies write are dropped.
    expect(clientAddressOf("10.0.0.1", "[2001:db9::1]:443", trusted)).toBe("2001:db9::1");
    expect(clientAddressOf("10.0.0.1", "198.51.100.7:5123", trusted)).toBe("198.51.100.7");
  });

  it("is the nearest trusted proxy when the chain is all proxies, empty, or has a non-address in it", () => {
    expect(clientAddressOf("10.0.0.1", "10.0.0.2", trusted)).toBe("10.0.0.2");
    expect(clientAddressOf("10.0.0.1", undefined, trusted)).toBe("10.0.0.1");
    expect(clientAddressOf("10.0.0.1", "198.51.100.7, nonsense, 10.0.0.2", trusted)).toBe("10.0.0.2");
  });

  it("replaces X-Forwarded-For, and drops the other forwarding headers unless a trusted proxy sent them", () => {
    const direct: Record<string, string | string[] | undefined> = {
      "x-forwarded-for": "1.2.3.4",
      "x-forwarded-host": "evil.test",
      forwarded: "for=1.2.3.4",
      "x-real-ip": "1.2.3.4",
      host: "factdesk.test",
    };
    applyClientAddress(direct, "::ffff:198.51.100.7", trusted);
    expect(direct).toEqual({ "x-forwarded-for": "198.51.100.7", host: "factdesk.test" });
    const proxied: Record<string, string | undefined> = {
      "x-forwarded-for": "198.51.100.7",
      "x-forwarded-proto": "https",
      "x-forwarded-host": "factdesk.example.org",
    };
    applyClientAddress(proxied, "10.0.0.1", trusted);
    expect(proxied).toEqual({
      "x-forwarded-for": "198.51.100.7",
      "x-forwarded-proto": "https",
      "x-forwarded-host": "factdesk.example.org",
    });
  });

  it("is counted per IPv4 address and per IPv6 /64", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "198.51.100.7" }))).toBe("198.51.100.7");
    expect(clientIp(new Headers({ "x-forwarded-for": "::ffff:198.51.100.7" }))).toBe("198.51.100.7");
    expect(clientIp(new Headers({ "x-forwarded-for": "2001:db8:0:12:aaaa::1" }))).toBe("2001:db8:0:12::/64");
    expect(clientIp(new Headers({ "x-forwarded-for": "2001:0db8:0000:0012:ffff:1:2:3" }))).toBe("2001:db8:0:12::/64");
    expect(clientIp({ "x-forwarded-for": undefined })).toBe("unknown");
    expect(bareAddress("not an address")).toBeNull();
  });
});
