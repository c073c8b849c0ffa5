// Issue 13: which address the per-address sign-in limit counts. Without TRUSTED_PROXIES it is
// the socket's, whatever X-Forwarded-For a client sends; with it, the right-most address that
// is not one of the configured proxies. Each test's clients connect from loopback addresses of
// their own (see fixtures/raw-http.ts).
import { expect, test } from "../fixtures/test";
import { freePort } from "../../scripts/lib/free-port";
import { createDesk, testDb, unique } from "../fixtures/factories";
import { startInstance } from "../fixtures/processes";
import { RawClient, randomLoopback } from "../fixtures/raw-http";

const sprayEmail = () => `${unique("spray")}@test.factdesk.test`;
const documentationAddress = () => `203.0.113.${Math.floor(Math.random() * 254) + 1}`;

/** Wrong passwords for new accounts each time, until a 429 or `max` tries: how many got through. */
async function spray(client: RawClient, max: number, forwardedFor: () => string): Promise<number[]> {
  const statuses: number[] = [];
  while (statuses.length < max) {
    const response = await client.signIn({ email: sprayEmail(), password: "guess" }, { headers: { "x-forwarded-for": forwardedFor() } });
    statuses.push(response.status);
    if (response.status === 429) break;
  }
  return statuses;
}

test("a new X-Forwarded-For on every request does not reset the per-address limit", async ({ baseURL }) => {
  test.setTimeout(90_000);
  const attacker = new RawClient(baseURL!, randomLoopback());
  const statuses = await spray(attacker, 60, documentationAddress);
  // 50 failures from one address are allowed in 15 minutes; the 51st is refused.
  expect(statuses.length, statuses.join(",")).toBe(51);
  expect(statuses.slice(0, 50).every((status) => status === 401)).toBe(true);
  expect(statuses[50]).toBe(429);
});

test("failures sent with another client's address forged in X-Forwarded-For lock out only the sender", async ({ baseURL }) => {
  test.setTimeout(90_000);
  const desk = await createDesk();
  const victimAddress = randomLoopback();
  const attacker = new RawClient(baseURL!, randomLoopback());
  // As the issue found it: the forged value is what a direct client's address looks like.
  const statuses = await spray(attacker, 51, () => `::ffff:${victimAddress}`);
  expect(statuses.at(-1), statuses.join(",")).toBe(429);

  const victim = new RawClient(baseURL!, victimAddress);
  const response = await victim.signIn(desk.editor);
  expect(response.status, response.text).toBe(200);
  expect(victim.hasSession()).toBe(true);
});

test("behind TRUSTED_PROXIES the client is the right-most address that is not a trusted proxy", async () => {
  test.setTimeout(120_000);
  const [proxy, innerProxy, direct] = [randomLoopback(), randomLoopback(), randomLoopback()];
  const port = await freePort();
  const instance = await startInstance(port, undefined, { TRUSTED_PROXIES: `${proxy}, ${innerProxy}/32, 2001:db8:ffff::/48` });
  try {
    // One address has used up its allowance of failures; every other address has none.
    const locked = documentationAddress();
    const free = `198.51.100.${Math.floor(Math.random() * 254) + 1}`;
    await testDb().loginAttempt.createMany({
      data: Array.from({ length: 50 }, () => ({ email: sprayEmail(), ip: locked, success: false })),
    });
    const desk = await createDesk();
    const status = async (from: string, forwardedFor?: string) => {
      const client = new RawClient(instance.baseURL, from);
      const response = await client.signIn(desk.viewer, { headers: forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor } });
      return response.status;
    };

    // The proxy appended the address it saw; what the client put before it is not believed.
    expect(await status(proxy, `${free}, ${locked}`)).toBe(429);
    expect(await status(proxy, `${locked}, ${free}`)).toBe(200);
    // A chain of trusted proxies is walked from the right.
    expect(await status(innerProxy, `${free}, ${locked}, ${proxy}`)).toBe(429);
    // The same header from a peer that is not a trusted proxy is ignored: the socket counts.
    expect(await status(direct, locked)).toBe(200);
    // A trusted proxy that names no one is itself the client.
    expect(await status(proxy)).toBe(200);
  } finally {
    await instance.stop();
  }
});
