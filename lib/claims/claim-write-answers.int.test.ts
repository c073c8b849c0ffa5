// Every API answer that carries a claim carries it as GET /api/v1/claims/{id} does, verdict included (`checkedBy` and
// `via` from the claim's record), so a client can replace its copy of the claim with the answer of its own write and
// show the same "checked by" as after a reload. Through the real route handlers with real API tokens, on an agreed
// double review, a settled dispute, a verdict rewritten after double review was turned off (the one-statement path,
// whose own audit row its read cannot see), a new claim and a claim placed again after its words changed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createArticle, createDesk, testDb } from "@/e2e/fixtures/factories";
import { createApiToken } from "@/lib/api-tokens/create-token";
import { articleToMarkdown } from "@/lib/articles/import";
import { saveArticleVersion } from "@/lib/articles/save-version";
import { getAnchorReview } from "@/lib/claims/anchor";
import { createClaim } from "@/lib/claims/create-claim";
import { setClaimDoubleReview } from "@/lib/claims/double-review";
import { agreeInDoubleReview } from "@/lib/claims/record-fixture";
import { submitReviewVerdict } from "@/lib/claims/review-verdicts";
import { targetFor, w3cTarget } from "@/lib/claims/test-helpers";
import { setClaimVerdict } from "@/lib/claims/update-claim";
import { API_METHOD_HEADER } from "@/lib/http/api-request";
import { PHRASES } from "@/lib/publish/test-helpers";
import { readSampleArticle } from "@/prisma/sample-article";
// The real route handlers, loaded as lib/http/statements.int.test.ts loads them (nothing outside app/ imports app/ statically).
const { GET: getClaimRoute } = await import("@/app/api/v1/claims/[id]/route");
const { PUT: statusRoute } = await import("@/app/api/v1/claims/[id]/status/route");
const { PUT: verdictRoute } = await import("@/app/api/v1/claims/[id]/verdict/route");
const { PUT: numericRoute } = await import("@/app/api/v1/claims/[id]/numeric/route");
const { PUT: claimantRoute } = await import("@/app/api/v1/claims/[id]/claimant/route");
const { POST: anchorRoute } = await import("@/app/api/v1/claims/[id]/anchor/route");
const { POST: createClaimRoute } = await import("@/app/api/v1/articles/[id]/claims/route");

type Handler = typeof getClaimRoute;
type Person = { id: string; name: string };
type Claim = { id: string; version: number; verdict: { checkedBy?: Person[]; via?: string | null } | null } & Record<string, unknown>;
type Desk = Awaited<ReturnType<typeof createDesk>>;
type Member = Desk["editor"];

let desk: Desk;
const secrets = new Map<string, string>();
const person = (p: Person): Person => ({ id: p.id, name: p.name });

async function call(handler: Handler, method: string, path: string, id: string, as: Member, body?: unknown): Promise<Response> {
  const request = new Request(`http://localhost${path}`, {
    method,
    headers: { authorization: `Bearer ${secrets.get(as.id)}`, "content-type": "application/json", [API_METHOD_HEADER]: method },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const response = await handler(request, { params: Promise.resolve({ id }) });
  expect(response.status, await response.clone().text()).toBeLessThan(300);
  return response;
}

/** GET /api/v1/claims/{id} as `as`: the claim a reload shows. */
const read = async (claimId: string, as: Member): Promise<Claim> =>
  ((await (await call(getClaimRoute, "GET", `/api/v1/claims/${claimId}`, claimId, as)).json()) as { claim: Claim }).claim;

/**
 * Sends a write as `as` and checks that the claim it answers with is, key for key, the claim GET claim answers right
 * after (whose detail adds more keys: comments, record, …). Output: the answered claim.
 */
async function written(handler: Handler, method: string, path: string, id: string, as: Member, body: unknown): Promise<Claim> {
  const { claim } = (await (await call(handler, method, path, id, as, body)).json()) as { claim: Claim };
  const reloaded = await read(claim.id, as);
  expect(claim).toEqual(Object.fromEntries(Object.keys(claim).map((key) => [key, reloaded[key]])));
  return claim;
}
const putStatus = (claimId: string, as: Member, status: string) =>
  written(statusRoute, "PUT", `/api/v1/claims/${claimId}/status`, claimId, as, { status });
const putVerdict = (claimId: string, as: Member, verdict: string, explanation: string) =>
  written(verdictRoute, "PUT", `/api/v1/claims/${claimId}/verdict`, claimId, as, { verdict, explanation });

beforeAll(async () => {
  desk = await createDesk();
  for (const member of [desk.admin, desk.editor, desk.reviewer, desk.reviewer2]) {
    const token = await createApiToken({
      userId: member.id,
      teamId: desk.team.id,
      input: { name: "write-answers", scope: "read_write", expiresIn: "7d" },
    });
    secrets.set(member.id, token.secret);
  }
});
afterAll(async () => {
  await testDb().$disconnect();
});

describe("a write's answer carries the claim as GET claim does", () => {
  it("an agreed double review: status changes (one statement and a sign-off), numbers and claimant", async () => {
    const claimId = await agreeInDoubleReview(desk, [desk.reviewer, desk.reviewer2], PHRASES.verified);
    const agreed = { checkedBy: [person(desk.reviewer), person(desk.reviewer2)], via: "agreed" };
    expect((await putStatus(claimId, desk.reviewer, "in_review")).verdict).toMatchObject(agreed);
    expect((await putStatus(claimId, desk.reviewer, "verdict_proposed")).verdict).toMatchObject(agreed);
    const numeric = { value: 2.3, unit: "percent", shareOf: "GNP", subject: "defence spending", place: "UK", period: "2024" };
    await written(numericRoute, "PUT", `/api/v1/claims/${claimId}/numeric`, claimId, desk.reviewer, { numeric });
    const claimant = { claimant: { name: "Keir Starmer", kind: "person" }, firstAppearance: null };
    await written(claimantRoute, "PUT", `/api/v1/claims/${claimId}/claimant`, claimId, desk.reviewer, claimant);
    expect((await putStatus(claimId, desk.editor, "verified")).verdict).toMatchObject(agreed);
  });

  it("a settled dispute: the editor's settlement, its sign-off and reopening", async () => {
    const claim = await createClaim({
      userId: desk.editor.id,
      articleId: desk.article.id,
      target: targetFor(desk.article.body, PHRASES.unverifiable),
    });
    await setClaimDoubleReview({ userId: desk.editor.id, claimId: claim.id, required: true });
    await submitReviewVerdict({ userId: desk.reviewer.id, claimId: claim.id, verdict: "false", explanation: "Never said." });
    await submitReviewVerdict({ userId: desk.reviewer2.id, claimId: claim.id, verdict: "unverifiable", explanation: "Cannot know." });
    const settled = { checkedBy: [person(desk.editor)], via: "settled" };
    expect((await putVerdict(claim.id, desk.editor, "unverifiable", "No assessment exists.")).verdict).toMatchObject(settled);
    expect((await putStatus(claim.id, desk.admin, "verified")).verdict).toMatchObject(settled);
    expect((await putStatus(claim.id, desk.admin, "verdict_proposed")).verdict).toMatchObject(settled);
  });

  it("a verdict rewritten in one statement: the answer counts the statement's own audit row", async () => {
    const claimId = await agreeInDoubleReview(desk, [desk.reviewer, desk.reviewer2], PHRASES.proposed);
    await setClaimDoubleReview({ userId: desk.editor.id, claimId, required: false });
    const answer = await putVerdict(claimId, desk.editor, "misleading", "A backstop, not a guarantee.");
    expect(answer.verdict).toMatchObject({ checkedBy: [person(desk.editor)], via: "written" });
  });

  it("a new claim", async () => {
    const target = w3cTarget(targetFor(desk.article.body, PHRASES.plain));
    const path = `/api/v1/articles/${desk.article.id}/claims`;
    expect((await written(createClaimRoute, "POST", path, desk.article.id, desk.reviewer, { target })).verdict).toBeNull();
  });

  it("a claim with a verdict placed again after its words changed", async () => {
    const body = readSampleArticle().body;
    const typo = PHRASES.doubleReview.replace("partners", "partmers");
    const article = await createArticle(desk.team.id, { body: body.replace(PHRASES.doubleReview, typo) });
    const claim = await createClaim({ userId: desk.reviewer.id, articleId: article.id, target: targetFor(article.body, typo) });
    await setClaimVerdict({ userId: desk.reviewer.id, claimId: claim.id, verdict: "true", explanation: "Élysée readout." });
    const saved = await saveArticleVersion({
      articleId: article.id,
      userId: desk.editor.id,
      baseVersion: 1,
      markdown: articleToMarkdown(body, null),
    });
    expect(saved).toMatchObject({ needsReview: 1 });
    const review = await getAnchorReview({ claimId: claim.id, userId: desk.reviewer.id });
    const { version } = await testDb().claim.findUniqueOrThrow({ where: { id: claim.id } });
    const action = { kind: "candidate", index: review.candidates[0]!.index };
    const answer = await written(anchorRoute, "POST", `/api/v1/claims/${claim.id}/anchor`, claim.id, desk.reviewer, { version, action });
    expect(answer.verdict).toMatchObject({ checkedBy: [person(desk.reviewer)], via: "written" });
  });
});
