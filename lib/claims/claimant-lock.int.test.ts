// Who made a verified claim is locked with its verdict and sources (claimantLock, lib/claims/workflow.ts): only an
// editor changes it until the claim is reopened. Through the real route handler with real API tokens. Before the fix
// a reviewer's PUT changed the signed-off record (200).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDesk, testDb, type TestUser } from "@/e2e/fixtures/factories";
import { outcomeOf } from "@/e2e/fixtures/errors";
import { withChangeBeforeClaimWrite } from "@/lib/access/test-helpers";
import { createApiToken } from "@/lib/api-tokens/create-token";
import { createClaim } from "@/lib/claims/create-claim";
import { targetFor } from "@/lib/claims/test-helpers";
import { setClaimClaimant, setClaimStatus, setClaimVerdict } from "@/lib/claims/update-claim";
import { API_METHOD_HEADER } from "@/lib/http/api-request";
// The real route handler (nothing outside app/ imports app/ statically).
const { PUT: claimantRoute } = await import("@/app/api/v1/claims/[id]/claimant/route");

type Desk = Awaited<ReturnType<typeof createDesk>>;
let desk: Desk;
const secrets = new Map<string, string>();
const PHRASE = "Marco Rubio led a delegation to Saudi Arabia";

beforeAll(async () => {
  desk = await createDesk();
  for (const member of [desk.editor, desk.reviewer]) {
    const made = await createApiToken({
      userId: member.id,
      teamId: desk.team.id,
      input: { name: "lock", scope: "read_write", expiresIn: "7d" },
    });
    secrets.set(member.id, made.secret);
  }
});
afterAll(async () => {
  await testDb().$disconnect();
});

/** A claim with desk.reviewer's verdict, signed off by desk.editor unless `signOff` is false. Output: its id. */
async function claimOf(signOff = true): Promise<string> {
  const claim = await createClaim({ userId: desk.reviewer.id, articleId: desk.article.id, target: targetFor(desk.article.body, PHRASE) });
  await setClaimVerdict({ userId: desk.reviewer.id, claimId: claim.id, verdict: "mostly_true", explanation: "MoD figures." });
  if (signOff) await setClaimStatus({ userId: desk.editor.id, claimId: claim.id, status: "verified" });
  return claim.id;
}

function putClaimant(claimId: string, as: TestUser, name: string): Promise<Response> {
  const request = new Request(`http://localhost/api/v1/claims/${claimId}/claimant`, {
    method: "PUT",
    headers: { authorization: `Bearer ${secrets.get(as.id)}`, "content-type": "application/json", [API_METHOD_HEADER]: "PUT" },
    body: JSON.stringify({ claimant: { name, kind: "person" }, firstAppearance: null }),
  });
  return claimantRoute(request, { params: Promise.resolve({ id: claimId }) });
}

const claimantOf = async (id: string) => (await testDb().claim.findUniqueOrThrow({ where: { id } })).claimantName;

describe("the claimant of a verified claim", () => {
  it("is refused to a reviewer with a 403 that says why, and changes nothing", async () => {
    const claimId = await claimOf();
    const response = await putClaimant(claimId, desk.reviewer, "Someone Else");
    expect(response.status).toBe(403);
    const { error } = (await response.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe("forbidden");
    expect(error.message).toMatch(/verified/);
    expect(error.message).toMatch(/Only an editor can change it/);
    expect(await claimantOf(claimId)).toBeNull();
    expect(await testDb().auditEvent.count({ where: { claimId, action: "claim.claimant" } })).toBe(0);
  });

  it("is changed by an editor; once an editor reopens the claim, the reviewer may change it again", async () => {
    const claimId = await claimOf();
    expect((await putClaimant(claimId, desk.editor, "Keir Starmer")).status).toBe(200);
    expect(await claimantOf(claimId)).toBe("Keir Starmer");
    await setClaimStatus({ userId: desk.editor.id, claimId, status: "verdict_proposed" });
    expect((await putClaimant(claimId, desk.reviewer, "Rachel Reeves")).status).toBe(200);
    expect(await claimantOf(claimId)).toBe("Rachel Reeves");
  });

  it("a sign-off that lands between the reviewer's check and write stops the write (409), as for the verdict", async () => {
    const claimId = await claimOf(false);
    const signOff = () => setClaimStatus({ userId: desk.editor.id, claimId, status: "verified" });
    const change = () =>
      setClaimClaimant({
        userId: desk.reviewer.id,
        claimId,
        claimant: { name: "Too Late", kind: "person", description: null },
        firstAppearance: null,
      });
    expect(await outcomeOf(withChangeBeforeClaimWrite(signOff, change))).toBe("conflict");
    expect(await claimantOf(claimId)).toBeNull();
    // Seen again, the claim is verified: the reviewer's next try is the lock's 403.
    expect(await outcomeOf(change())).toBe("forbidden");
  });
});
