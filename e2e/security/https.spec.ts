// Issue 13: served under an https address (NEXTAUTH_URL, as behind a TLS-terminating proxy),
// Factdesk asks browsers to keep to https and names its session cookie `__Host-`, which a
// browser accepts only from a secure origin, for the whole host, with no Domain.
import { expect, test } from "../fixtures/test";
import { freePort } from "../../scripts/lib/free-port";
import { createDesk } from "../fixtures/factories";
import { startInstance } from "../fixtures/processes";
import { RawClient } from "../fixtures/raw-http";

test("under an https address: HSTS, upgrade-insecure-requests, and a __Host- session cookie", async () => {
  test.setTimeout(90_000);
  const port = await freePort();
  const instance = await startInstance(port, undefined, { NEXTAUTH_URL: `https://localhost:${port}` });
  try {
    const desk = await createDesk();
    // The TLS-terminating proxy in front is trusted to say so; the app itself speaks http here.
    const client = new RawClient(instance.baseURL);
    const signinPage = await client.request("GET", "/signin");
    expect(signinPage.headers["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
    expect(signinPage.headers["content-security-policy"]).toContain("upgrade-insecure-requests");

    const response = await client.signIn(desk.editor);
    expect(response.status, response.text).toBe(200);
    const session = response.setCookies.find((line) => line.startsWith("__Host-next-auth.session-token="));
    expect(session, response.setCookies.join("\n")).toBeTruthy();
    const attributes = session!
      .split(";")
      .slice(1)
      .map((part) => part.trim().toLowerCase());
    expect(attributes).toEqual(expect.arrayContaining(["path=/", "httponly", "secure", "samesite=lax"]));
    expect(attributes.some((attribute) => attribute.startsWith("domain="))).toBe(false);
    expect(response.setCookies.some((line) => /^(__Secure-)?next-auth\.session-token=/.test(line))).toBe(false);

    // The app reads the cookie back under that name.
    const me = await client.request("GET", "/api/auth/session");
    expect(me.json<{ user?: { email: string } }>().user?.email).toBe(desk.editor.email);
  } finally {
    await instance.stop();
  }
});
