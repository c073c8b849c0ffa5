import { describe, expect, it } from "vitest";
import { decodeFileBytes } from "@/lib/text/decode-file";

const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === "string" ? [...Buffer.from(p, "latin1")] : p)));

describe("decodeFileBytes", () => {
  it("reads UTF-8 as UTF-8, with or without a byte order mark", () => {
    expect(decodeFileBytes(new TextEncoder().encode("Beyoncé — 2.3 %"), { html: false })).toEqual({
      text: "Beyoncé — 2.3 %",
      encoding: "utf-8",
    });
    expect(decodeFileBytes(bytes([0xef, 0xbb, 0xbf], "Caf", [0xc3, 0xa9]), { html: false }).text).toBe("Café");
  });

  it("reads a legacy export that is not UTF-8 as windows-1252 ", () => {
    const legacy = bytes([0x93], "Beyonc", [0xe9], " spent ", [0x80], "2m ", [0x96], " a lot", [0x94]);
    // The choice only: Node 20's TextDecoder decodes windows-1252 as ISO-8859-1 (0x80–0x9f become C1 controls), browsers
    // do not; e2e/articles/import-encoding.spec.ts checks the text in Chromium.
    const decoded = decodeFileBytes(legacy, { html: false });
    expect(decoded.encoding).toBe("windows-1252");
    expect(decoded.text).toContain("Beyoncé spent");
  });

  it("follows an HTML file's <meta charset>, and ignores it for plain text", () => {
    const html = bytes('<html><head><meta charset="iso-8859-2"></head><body>', [0xb3], "\u00f3d", "</body>");
    expect(decodeFileBytes(html, { html: true })).toMatchObject({ encoding: "iso-8859-2" });
    expect(decodeFileBytes(html, { html: true }).text).toContain("łód");
    const httpEquiv = bytes('<meta http-equiv="Content-Type" content="text/html; charset=windows-1251"><p>', [0xcf, 0xf0, 0xe8], "</p>");
    expect(decodeFileBytes(httpEquiv, { html: true }).text).toContain("При");
    expect(decodeFileBytes(html, { html: false }).encoding).toBe("windows-1252");
  });

  it("passes over labels it cannot use: UTF-16 in <meta> means UTF-8, unknown and 'replacement' labels are ignored", () => {
    const utf16 = Uint8Array.from([...new TextEncoder().encode('<meta charset="utf-16"><p>Café</p>')]);
    expect(decodeFileBytes(utf16, { html: true })).toEqual({ text: '<meta charset="utf-16"><p>Café</p>', encoding: "utf-8" });
    for (const label of ["x-no-such-charset", "iso-2022-kr", ""]) {
      const page = new TextEncoder().encode(`<meta charset="${label}"><p>Café</p>`);
      expect(decodeFileBytes(page, { html: true }).encoding).toBe("utf-8");
    }
  });

  it("honours a UTF-16 byte order mark", () => {
    const le = Uint8Array.from([0xff, 0xfe, ...[..."Hi é"].flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(decodeFileBytes(le, { html: true })).toEqual({ text: "Hi é", encoding: "utf-16le" });
  });
});
