import { describe, expect, it } from "vitest";
import { sessionCookieOptions } from "@/lib/users/session-cookie";

describe("the session cookie", () => {
  it("is __Host- prefixed, Secure, host-wide and without a Domain under https", () => {
    const { sessionToken } = sessionCookieOptions("https://factdesk.example.org");
    expect(sessionToken.name).toBe("__Host-next-auth.session-token");
    expect(sessionToken.options).toEqual({ httpOnly: true, sameSite: "lax", path: "/", secure: true });
    expect(sessionToken.options).not.toHaveProperty("domain");
  });

  it("keeps the plain name, not Secure, under http or with no address configured", () => {
    for (const url of ["http://localhost:3000", null]) {
      const { sessionToken } = sessionCookieOptions(url);
      expect(sessionToken.name).toBe("next-auth.session-token");
      expect(sessionToken.options).toEqual({ httpOnly: true, sameSite: "lax", path: "/", secure: false });
    }
  });
});
