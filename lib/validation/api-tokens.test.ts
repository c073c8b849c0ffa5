import { describe, expect, it } from "vitest";
import { ZCreateApiToken } from "@/lib/validation/api-tokens";

describe("ZCreateApiToken", () => {
  it("tells an API client the values it accepts, not only the form's labels", () => {
    // "read-write", as the old message put it, was itself refused with the same message.
    const scope = ZCreateApiToken.safeParse({ name: "script", scope: "read-write" });
    expect(scope.success).toBe(false);
    expect(scope.error?.issues[0]?.message).toContain('"read_write"');
    const expiry = ZCreateApiToken.safeParse({ name: "script", scope: "read", expiresIn: "7 days" });
    expect(expiry.error?.issues[0]?.message).toContain('"7d"');
    expect(ZCreateApiToken.parse({ name: "script", scope: "read_write", expiresIn: "7d" })).toMatchObject({ scope: "read_write" });
  });
});
