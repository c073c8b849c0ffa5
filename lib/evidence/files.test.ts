import { describe, expect, it } from "vitest";
import { cleanFileName, evidenceFileHeaders, sniffEvidenceFileType } from "./files";

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "latin1") : Buffer.from(p)))));

describe("evidence files", () => {
  it("knows PDF, PNG, JPEG and WebP by their first bytes, and nothing else", () => {
    expect(sniffEvidenceFileType(bytes("%PDF-1.7\n"))).toBe("application/pdf");
    expect(sniffEvidenceFileType(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe("image/png");
    expect(sniffEvidenceFileType(bytes([0xff, 0xd8, 0xff, 0xe0]))).toBe("image/jpeg");
    expect(sniffEvidenceFileType(bytes("RIFF", [1, 2, 3, 4], "WEBPVP8 "))).toBe("image/webp");
    expect(sniffEvidenceFileType(bytes("RIFF", [1, 2, 3, 4], "WAVEfmt "))).toBeNull();
    expect(sniffEvidenceFileType(bytes("<!doctype html><html>"))).toBeNull();
    expect(sniffEvidenceFileType(bytes('<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>'))).toBeNull();
    expect(sniffEvidenceFileType(bytes(" %PDF-1.7"))).toBeNull();
    expect(sniffEvidenceFileType(bytes([0x89, 0x50]))).toBeNull();
  });

  it("keeps the last path segment of a name, without control characters or quotes", () => {
    expect(cleanFileName("C:\\Users\\me\\memo.pdf")).toBe("memo.pdf");
    expect(cleanFileName('../../etc/"pass\u0000wd".png')).toBe("passwd.png");
    expect(cleanFileName("  ")).toBe("evidence");
  });

  it("serves images inline and PDFs as attachments, never sniffed, sandboxed, with the name in ASCII and UTF-8", () => {
    const image = evidenceFileHeaders({ name: "Ünïcode memo.png", mediaType: "image/png", size: 10 });
    expect(image).toMatchObject({
      "Content-Type": "image/png",
      "X-Content-Type-Options": "nosniff",
      "Content-Disposition": "inline; filename=\"_n_code memo.png\"; filename*=UTF-8''%C3%9Cn%C3%AFcode%20memo.png",
    });
    expect(image["Content-Security-Policy"]).toMatch(/^sandbox;/);
    const pdf = evidenceFileHeaders({ name: 'a";b.pdf', mediaType: "application/pdf", size: 10 });
    expect(pdf["Content-Disposition"]).toMatch(/^attachment; filename="a__b.pdf"/);
  });
});
