import { describe, expect, it } from "vitest";
import { bearerSecret } from "@/lib/http/api-request";
import { displayPrefix, generateTokenSecret, hashTokenSecret, looksLikeTokenSecret } from "@/lib/api-tokens/secret";

describe("token secrets", () => {
  it("are fdk_ + 32 random bytes in base64url, different every time", () => {
    const a = generateTokenSecret();
    const b = generateTokenSecret();
    expect(a).toMatch(/^fdk_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(a.slice(4), "base64url")).toHaveLength(32);
    expect(a).not.toBe(b);
    expect(looksLikeTokenSecret(a)).toBe(true);
    expect(displayPrefix(a)).toBe(a.slice(0, 10));
  });

  it("hash to a stable sha256 hex", () => {
    expect(hashTokenSecret("fdk_example")).toBe("7d7f25945a29754f7a601a4588f9b3878ef8ecc297db22068ed396adf61777f9");
    expect(hashTokenSecret("fdk_example")).not.toBe(hashTokenSecret("fdk_examplf"));
  });

  it("reject anything else", () => {
    for (const value of [
      "",
      "fdk_",
      `fdk_${"a".repeat(42)}`,
      `fdk_${"a".repeat(44)}`,
      `FDK_${"a".repeat(43)}`,
      `fdk_${"a".repeat(42)}=`,
      `fdk_${"a".repeat(42)}+`,
    ]) {
      expect(looksLikeTokenSecret(value), value).toBe(false);
    }
  });
});

describe("reading the Authorization header", () => {
  it("finds a bearer secret in any case of the scheme, and nothing else", () => {
    expect(bearerSecret("Bearer fdk_abc")).toBe("fdk_abc");
    expect(bearerSecret("bearer   fdk_abc ")).toBe("fdk_abc");
    expect(bearerSecret("Bearer ")).toBe("");
    expect(bearerSecret("Basic dXNlcjpwYXNz")).toBeNull();
    expect(bearerSecret(null)).toBeNull();
  });
});
