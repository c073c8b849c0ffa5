// fetchPage against a real HTTP server on loopback. The server's own address is allowed explicitly where a test
// needs to reach it; every refusal test runs with the default (empty) allow-list or checks a redirect from it.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchPage } from "./fetch-page";
import { startTestServer, type TestServer } from "./test-server";

let server: TestServer;
const allow = ["127.0.0.1"];

beforeAll(async () => {
  server = await startTestServer();
  server.routes.set("/article", { body: "<html><body><p>Hello</p></body></html>" });
  // "café" in windows-1252, declared only in the Content-Type header.
  server.routes.set("/latin", { type: "text/html; charset=windows-1252", body: Buffer.from([0x63, 0x61, 0x66, 0xe9]) });
  // Declared only by <meta charset> in the page.
  server.routes.set("/meta", {
    type: "text/html",
    body: Buffer.concat([
      Buffer.from('<html><head><meta charset="iso-8859-1"></head><body>na'),
      Buffer.from([0xef]),
      Buffer.from("ve</body></html>"),
    ]),
  });
});
afterAll(() => server.close());

describe("fetchPage", () => {
  it("fetches a page, with its final URL, status, hash and decoded text", async () => {
    const page = await fetchPage(`${server.origin}/article`, { allow });
    expect(page.status).toBe(200);
    expect(page.finalUrl).toBe(`${server.origin}/article`);
    expect(page.text).toContain("<p>Hello</p>");
    expect(page.sha256).toBe(createHash("sha256").update(page.bytes).digest("hex"));
    expect(page.contentType).toBe("text/html");
  });

  it("follows redirects and reports where it ended", async () => {
    const page = await fetchPage(`${server.origin}/redirect?to=/article`, { allow });
    expect(page.finalUrl).toBe(`${server.origin}/article`);
    expect(page.text).toContain("Hello");
  });

  it("decodes the charset from the header and from <meta charset>", async () => {
    expect((await fetchPage(`${server.origin}/latin`, { allow })).text).toBe("café");
    expect((await fetchPage(`${server.origin}/meta`, { allow })).text).toContain("naïve");
  });

  it("gives up on redirect loops, slow answers and huge bodies with a readable message", async () => {
    await expect(fetchPage(`${server.origin}/loop`, { allow })).rejects.toThrow(/redirected more than/);
    await expect(fetchPage(`${server.origin}/slow`, { allow, timeoutMs: 300 })).rejects.toThrow(/too long/);
    await expect(fetchPage(`${server.origin}/huge`, { allow, maxBytes: 100_000 })).rejects.toThrow(/too large/);
  });

  it("refuses addresses that are not http(s)", async () => {
    await expect(fetchPage("file:///etc/passwd")).rejects.toThrow(/https:\/\//);
    await expect(fetchPage("ftp://example.org/")).rejects.toThrow(/https:\/\//);
  });

  describe("refuses internal destinations by default (SSRF)", () => {
    const internal = /private or internal network/;
    it.each([
      ["loopback IPv4", () => `${server.origin}/article`],
      ["loopback IPv6", () => `http://[::1]:${server.port}/article`],
      ["private 10.0.0.0/8", () => "http://10.0.0.1/"],
      ["private 192.168.0.0/16", () => "http://192.168.1.1/"],
      ["cloud metadata", () => "http://169.254.169.254/latest/meta-data/"],
      ["a name resolving to loopback", () => `http://localhost:${server.port}/article`],
    ])("%s", async (_name, url) => {
      await expect(fetchPage(url())).rejects.toThrow(internal);
    });

    it("a redirect from an allowed page to a private address", async () => {
      await expect(fetchPage(`${server.origin}/redirect?to=${encodeURIComponent("http://10.0.0.1/")}`, { allow })).rejects.toThrow(
        internal,
      );
      await expect(
        fetchPage(`${server.origin}/redirect?to=${encodeURIComponent("http://169.254.169.254/latest/meta-data/")}`, { allow }),
      ).rejects.toThrow(internal);
    });

    it("reads the allow-list from FETCH_ALLOW_ADDRESSES", async () => {
      const before = process.env.FETCH_ALLOW_ADDRESSES;
      process.env.FETCH_ALLOW_ADDRESSES = "10.9.9.9, 127.0.0.0/8";
      try {
        expect((await fetchPage(`${server.origin}/article`)).status).toBe(200);
      } finally {
        if (before === undefined) delete process.env.FETCH_ALLOW_ADDRESSES;
        else process.env.FETCH_ALLOW_ADDRESSES = before;
      }
    });
  });
});
