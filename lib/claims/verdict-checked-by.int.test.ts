// API clients learn from a claim's verdict who checked it, from the claim's record (lib/claims/record.ts), as the panel
// and the public report do: `verdict.checkedBy` (both reviewers of an agreed double review, the author, the editor who
// settled a dispute, nobody for an imported verdict) and `verdict.via`. `verdict.by` stays the verdict row's last
// writer (the second reviewer of an agreement, the importer) for older clients. Through the real route handlers, on
// GET /api/v1/claims/{id} and GET /api/v1/articles/{id}/claims (full view).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDesk, testDb } from "@/e2e/fixtures/factories";
import { createApiToken } from "@/lib/api-tokens/create-token";
import { createClaim } from "@/lib/claims/create-claim";
import { agreeInDoubleReview, importVerdict, settleDispute } from "@/lib/claims/record-fixture";
import { targetFor } from "@/lib/claims/test-helpers";
import { setClaimVerdict } from "@/lib/claims/update-claim";
import { API_METHOD_HEADER } from "@/lib/http/api-request";
import { PHRASES } from "@/lib/publish/test-helpers";
// The real route handlers, loaded as lib/http/statements.int.test.ts loads them (nothing outside app/ imports app/ statically).
const { GET: getClaimRoute } = await import("@/app/api/v1/claims/[id]/route");
const { GET: listClaimsRoute } = await import("@/app/api/v1/articles/[id]/claims/route");

type Person = { id: string; name: string };
type Verdict = { by: Person | null; checkedBy: Person[]; via: string | null } | null;

let desk: Awaited<ReturnType<typeof createDesk>>;
let secret = "";
const ids = { agreed: "", settled: "", written: "", unrecorded: "", none: "", imported: "" };
let importedArticleId = "";

const person = (p: { id: string; name: string }): Person => ({ id: p.id, name: p.name });

async function get(path: string, id: string, handler: typeof getClaimRoute): Promise<unknown> {
  const request = new Request(`http://localhost${path}`, {
    headers: { authorization: `Bearer ${secret}`, [API_METHOD_HEADER]: "GET" },
  });
  const response = await handler(request, { params: Promise.resolve({ id }) });
  expect(response.status, await response.clone().text()).toBe(200);
  return response.json();
}
const detailVerdict = async (claimId: string) =>
  ((await get(`/api/v1/claims/${claimId}`, claimId, getClaimRoute)) as { claim: { verdict: Verdict } }).claim.verdict;
const listedVerdicts = async (articleId: string) =>
  Object.fromEntries(
    (
      (await get(`/api/v1/articles/${articleId}/claims`, articleId, listClaimsRoute)) as { claims: { id: string; verdict: Verdict }[] }
    ).claims.map((c) => [c.id, c.verdict]),
  );

beforeAll(async () => {
  desk = await createDesk();
  secret = (
    await createApiToken({ userId: desk.viewer.id, teamId: desk.team.id, input: { name: "checked-by", scope: "read", expiresIn: "7d" } })
  ).secret;
  ids.agreed = await agreeInDoubleReview(desk, [desk.reviewer, desk.reviewer2], PHRASES.verified);
  ids.settled = await settleDispute(desk, PHRASES.unverifiable);
  const target = (phrase: string) => targetFor(desk.article.body, phrase);
  ids.written = (await createClaim({ userId: desk.reviewer.id, articleId: desk.article.id, target: target(PHRASES.proposed) })).id;
  await setClaimVerdict({ userId: desk.reviewer.id, claimId: ids.written, verdict: "false", explanation: "No such call." });
  ids.none = (await createClaim({ userId: desk.reviewer.id, articleId: desk.article.id, target: target(PHRASES.plain) })).id;
  // A verdict with no audit trail behind it (written before the record was kept): the record cannot say.
  ids.unrecorded = (await createClaim({ userId: desk.reviewer.id, articleId: desk.article.id, target: target(PHRASES.doubleReview) })).id;
  await testDb().claim.update({
    where: { id: ids.unrecorded },
    data: {
      verdictOrdinal: 5,
      verdictLabel: "True",
      verdictExplanation: "Announced.",
      verdictById: desk.reviewer2.id,
      verdictAt: new Date(),
    },
  });
  const imported = await importVerdict(desk, desk.editor, PHRASES.doubleReview);
  ids.imported = imported.claimId;
  importedArticleId = imported.articleId;
});
afterAll(async () => {
  await testDb().$disconnect();
});

describe("a claim's verdict in the API", () => {
  const expected = () => ({
    agreed: { by: person(desk.reviewer2), checkedBy: [person(desk.reviewer), person(desk.reviewer2)], via: "agreed" },
    settled: { by: person(desk.editor), checkedBy: [person(desk.editor)], via: "settled" },
    written: { by: person(desk.reviewer), checkedBy: [person(desk.reviewer)], via: "written" },
    unrecorded: { by: person(desk.reviewer2), checkedBy: [], via: null },
    imported: { by: person(desk.editor), checkedBy: [], via: "imported" },
  });

  it("says who checked it and how it came about on the claim's detail, and keeps `by` its last writer", async () => {
    const shown: Record<string, unknown> = {};
    for (const [how, id] of Object.entries(ids)) shown[how] = await detailVerdict(id);
    expect(shown).toMatchObject({ ...expected(), none: null });
  });

  it("says the same for every claim of the article's claims list", async () => {
    const listed = { ...(await listedVerdicts(desk.article.id)), ...(await listedVerdicts(importedArticleId)) };
    const shown = Object.fromEntries(Object.entries(ids).map(([how, id]) => [how, listed[id]]));
    expect(shown).toMatchObject({ ...expected(), none: null });
  });
});
