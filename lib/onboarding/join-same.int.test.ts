// Accepting an invitation must not tell whoever holds the link whether the invited address already has
// a Factdesk account (the admin who sent it sees the link too): what the /join page is given, and every
// answer to its form, are the same for an address with an account and one without, with the one
// exception no page can avoid without a confirmation mail (see acceptInvitation): a password that is
// not the existing account's is refused, where for a new address it would make the account.
import { afterAll, describe, expect, it } from "vitest";
import { createDesk, createTeam, createUser, testDb, unique } from "@/e2e/fixtures/factories";
import { toAppError } from "@/lib/http/errors";
import { acceptInvitation, inviteMember, readInvitation } from "@/lib/onboarding/invitations";
import { recordLoginAttempt } from "@/lib/users/login-attempts";
import { config } from "@/lib/config";

afterAll(async () => {
  await testDb().$disconnect();
});

const tokenOf = (url: string) => new URL(url).searchParams.get("token")!;
const LONG = "a long enough passphrase here";
let nextIp = 1;
/** A client address of its own per case (TEST-NET-2), so one case's failed attempts never lock another's. */
const freshIp = () => `198.51.100.${(nextIp++ % 250) + 1}`;

/** Two live invitations to one team: one to an address with an account elsewhere, one to an address nobody uses. */
async function twoInvitations() {
  const desk = await createDesk();
  const person = await createUser((await createTeam()).id, "reviewer");
  const fresh = `${unique("fresh").toLowerCase()}@newsroom.test`;
  const invite = async (email: string) =>
    tokenOf((await inviteMember({ teamId: desk.team.id, userId: desk.admin.id, email, role: "viewer" })).url);
  return {
    desk,
    existing: { email: person.email, token: await invite(person.email), password: person.password },
    fresh: { email: fresh, token: await invite(fresh) },
  };
}

/** What a request would be answered, with the invited address written as EMAIL so the two can be compared. */
async function answerTo(promise: Promise<unknown>, email: string) {
  const hide = (value: unknown) =>
    JSON.parse(
      JSON.stringify(value ?? null)
        .split(email)
        .join("EMAIL"),
    ) as unknown;
  try {
    return { status: 201, body: hide(await promise) };
  } catch (err) {
    const e = toAppError(err);
    return { status: e.status, code: e.code, message: e.message, fields: hide(e.fields), headers: Object.keys(e.headers ?? {}) };
  }
}

describe("the /join page", () => {
  it("is given the same facts about the invitation whether or not the address has an account", async () => {
    const { existing, fresh } = await twoInvitations();
    const [a, b] = [await readInvitation(existing.token), await readInvitation(fresh.token)];
    expect(a).toEqual({ ...b, email: existing.email });
  });
});

describe("the answers to the join form", () => {
  const cases: [
    string,
    (invited: { email: string; token: string }) => { token: string; email: string; name?: string; password: string },
  ][] = [
    ["no name", (i) => ({ token: i.token, email: i.email, password: LONG })],
    ["an empty name", (i) => ({ token: i.token, email: i.email, name: "  ", password: LONG })],
    ["a password under 12 characters", (i) => ({ token: i.token, email: i.email, name: "Sam Lee", password: "too short" })],
    ["no name and a short password", (i) => ({ token: i.token, email: i.email, password: "short" })],
    ["another address than the invited one", (i) => ({ token: i.token, email: `x${i.email}`, name: "Sam Lee", password: LONG })],
    ["a dead link", (i) => ({ token: `${i.token.slice(0, -2)}xx`, email: i.email, name: "Sam Lee", password: LONG })],
  ];
  for (const [what, input] of cases) {
    it(`are the same for ${what}`, async () => {
      const { existing, fresh } = await twoInvitations();
      const ip = freshIp();
      const a = await answerTo(acceptInvitation(input(existing) as never, ip), existing.email);
      const b = await answerTo(acceptInvitation(input(fresh) as never, ip), fresh.email);
      expect(a.status).toBeGreaterThanOrEqual(400);
      expect(a).toEqual(b);
    });
  }

  it("are the same while the client address is locked by failed sign-ins", async () => {
    const { existing, fresh } = await twoInvitations();
    const ip = freshIp();
    for (let i = 0; i < config.loginLimit.perIp; i++) await recordLoginAttempt(`${unique("guess")}@nowhere.test`, ip, false);
    const a = await answerTo(acceptInvitation({ ...existing, name: "Sam Lee", password: existing.password }, ip), existing.email);
    const b = await answerTo(acceptInvitation({ ...fresh, name: "Sam Lee", password: LONG }, ip), fresh.email);
    expect(a).toMatchObject({ status: 429 });
    expect(a).toEqual(b);
  });

  it("are the same while the address is locked by failed sign-ins (sign-in counts them for any address)", async () => {
    const { existing, fresh } = await twoInvitations();
    for (const email of [existing.email, fresh.email]) {
      for (let i = 0; i < config.loginLimit.perAccount; i++) await recordLoginAttempt(email, freshIp(), false);
    }
    const ip = freshIp();
    const a = await answerTo(acceptInvitation({ ...existing, name: "Sam Lee", password: existing.password }, ip), existing.email);
    const b = await answerTo(acceptInvitation({ ...fresh, name: "Sam Lee", password: LONG }, ip), fresh.email);
    expect(a).toMatchObject({ status: 429 });
    expect(a).toEqual(b);
  });

  it("are the same when it works: the account's own password, or a new one", async () => {
    const { desk, existing, fresh } = await twoInvitations();
    const ip = freshIp();
    const a = await answerTo(acceptInvitation({ ...existing, name: "Sam Lee", password: existing.password }, ip), existing.email);
    const b = await answerTo(acceptInvitation({ ...fresh, name: "Sam Lee", password: LONG }, ip), fresh.email);
    expect(a).toEqual({ status: 201, body: { email: "EMAIL", teamId: desk.team.id } });
    expect(a).toEqual(b);
    // The existing account keeps its name: the form's name is for a new account only.
    const kept = await testDb().user.findUniqueOrThrow({ where: { email: existing.email }, select: { name: true } });
    expect(kept.name).not.toBe("Sam Lee");
  });
});
