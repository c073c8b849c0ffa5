import { generate } from "otplib";
import QRCode from "qrcode";
import { beforeAll, describe, expect, it } from "vitest";
import { qrPath } from "@/lib/two-factor/qr";
import { generateRecoveryCodes, hashRecoveryCode, normaliseRecoveryCode } from "@/lib/two-factor/recovery-codes";
import { openTotpSecret, sealTotpSecret } from "@/lib/two-factor/secret-box";
import { looksLikeTotpCode, matchTotp, newTotpSecret, totpUri } from "@/lib/two-factor/totp";

beforeAll(() => {
  process.env.NEXTAUTH_SECRET ??= "unit-test-secret-unit-test-secret";
});

const at = (seconds: number) => new Date(seconds * 1000);
const codeAt = (secret: string, seconds: number) => generate({ secret, epoch: seconds });

describe("TOTP", () => {
  const secret = newTotpSecret();
  const t = 1_800_000_015; // step 60_000_000, 15 s in

  it("accepts the current code and one step either side, and says which step matched", async () => {
    expect(await matchTotp(secret, await codeAt(secret, t), { now: at(t) })).toBe(60_000_000);
    expect(await matchTotp(secret, await codeAt(secret, t - 30), { now: at(t) })).toBe(59_999_999);
    expect(await matchTotp(secret, await codeAt(secret, t + 30), { now: at(t) })).toBe(60_000_001);
    expect(await matchTotp(secret, await codeAt(secret, t - 90), { now: at(t) })).toBeNull();
    expect(await matchTotp(secret, await codeAt(secret, t + 90), { now: at(t) })).toBeNull();
  });

  it("refuses a code whose step was already used (replay), accepts a later one", async () => {
    const code = await codeAt(secret, t);
    expect(await matchTotp(secret, code, { now: at(t), afterTimeStep: 60_000_000 })).toBeNull();
    expect(await matchTotp(secret, code, { now: at(t), afterTimeStep: 59_999_999 })).toBe(60_000_000);
    expect(await matchTotp(secret, await codeAt(secret, t + 30), { now: at(t), afterTimeStep: 60_000_000 })).toBe(60_000_001);
  });

  it("takes codes with spaces, refuses anything that is not six digits", async () => {
    const code = await codeAt(secret, t);
    expect(await matchTotp(secret, `${code.slice(0, 3)} ${code.slice(3)}`, { now: at(t) })).toBe(60_000_000);
    for (const bad of ["", "12345", "1234567", "abcdef", "12345x"]) {
      expect(looksLikeTotpCode(bad)).toBe(false);
      expect(await matchTotp(secret, bad, { now: at(t) })).toBeNull();
    }
  });

  it("makes 160-bit base32 secrets and an otpauth address apps read", () => {
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = new URL(totpUri("ana@example.org", secret));
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.searchParams.get("secret")).toBe(secret);
    expect(uri.searchParams.get("issuer")).toBe("Factdesk");
    expect(decodeURIComponent(uri.pathname)).toContain("ana@example.org");
  });
});

describe("sealed TOTP secrets", () => {
  it("open for the same user only, and not when tampered with", () => {
    const sealed = sealTotpSecret("JBSWY3DPEHPK3PXP", "user-1");
    expect(sealed).not.toContain("JBSWY3DPEHPK3PXP");
    expect(sealed).not.toBe(sealTotpSecret("JBSWY3DPEHPK3PXP", "user-1"));
    expect(openTotpSecret(sealed, "user-1")).toBe("JBSWY3DPEHPK3PXP");
    expect(openTotpSecret(sealed, "user-2")).toBeNull();
    const [v, iv, ct, tag] = sealed.split(".");
    const flipped = `${ct![0] === "A" ? "B" : "A"}${ct!.slice(1)}`;
    expect(openTotpSecret([v, iv, flipped, tag].join("."), "user-1")).toBeNull();
    expect(openTotpSecret("not sealed", "user-1")).toBeNull();
  });

  it("do not open under another NEXTAUTH_SECRET", () => {
    const sealed = sealTotpSecret("JBSWY3DPEHPK3PXP", "user-1");
    const before = process.env.NEXTAUTH_SECRET;
    process.env.NEXTAUTH_SECRET = "another-secret-another-secret";
    try {
      expect(openTotpSecret(sealed, "user-1")).toBeNull();
    } finally {
      process.env.NEXTAUTH_SECRET = before;
    }
  });
});

describe("recovery codes", () => {
  it("are ten distinct 80-bit codes shown in groups of four", () => {
    const codes = generateRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[0-9a-hjkmnp-tv-z]{4}(-[0-9a-hjkmnp-tv-z]{4}){3}$/);
  });

  it("hash the same however they are typed, and refuse what cannot be a code", () => {
    const [code] = generateRecoveryCodes(1);
    const hash = hashRecoveryCode(code!);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashRecoveryCode(code!.toUpperCase().replace(/-/g, " "))).toBe(hash);
    expect(normaliseRecoveryCode("O0IL-1111-2222-3333")).toBe("0011111122223333");
    expect(hashRecoveryCode("123456")).toBeNull();
    expect(hashRecoveryCode("uuuu-uuuu-uuuu-uuuu")).toBeNull();
  });
});

describe("qrPath", () => {
  it("draws exactly the dark modules of the QR code", () => {
    const text = totpUri("ana@example.org", newTotpSecret());
    const { size, path } = qrPath(text);
    const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
    expect(size).toBe(modules.size);
    let dark = 0;
    for (const [, , , width] of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) dark += Number(width);
    expect(dark).toBe(modules.data.reduce((sum, bit) => sum + (bit ? 1 : 0), 0));
    expect(path).toMatch(/^M0 0h7v1h-7z/); // the top-left finder pattern
  });
});
