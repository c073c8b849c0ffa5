import { expect, test, type APIRequestContext } from "../fixtures/test";
import { createClaim } from "../../lib/claims/create-claim";
import { targetFor } from "../../lib/claims/test-helpers";
import { setClaimStatus, setClaimVerdict } from "../../lib/claims/update-claim";
import { signInByApi } from "../fixtures/auth";
import { createArticle, createDesk, createTeam, createUser } from "../fixtures/factories";

const CLAIM = "The UK currently spends around 2.3 per cent of gross national product on defence";

async function as(
  playwright: { request: { newContext(o: { baseURL: string; extraHTTPHeaders?: Record<string, string> }): Promise<APIRequestContext> } },
  baseURL: string,
  user: { email: string; password: string },
) {
  const context = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  expect((await signInByApi(context, user)).status()).toBe(200);
  return context;
}

test("the claimant API: set, validated, scoped, locked once verified, and named by ClaimReview as the claim's author", async ({
  playwright,
  baseURL,
}) => {
  const desk = await createDesk();
  const claim = await createClaim({ userId: desk.reviewer.id, articleId: desk.article.id, target: targetFor(desk.article.body, CLAIM) });
  await setClaimVerdict({
    userId: desk.reviewer.id,
    claimId: claim.id,
    verdict: "mostly_true",
    explanation: "MoD figures put it at 2.33 per cent of GDP.",
  });
  await setClaimStatus({ userId: desk.editor.id, claimId: claim.id, status: "verified" });
  const reviewer = await as(playwright, baseURL!, desk.reviewer);
  const url = `/api/v1/claims/${claim.id}/claimant`;
  const body = {
    claimant: { name: "Keir Starmer", kind: "person", description: "Prime Minister" },
    firstAppearance: { url: "https://www.gov.uk/pm-statement", date: "2025-02-16" },
  };

  const bad = await reviewer.put(url, { data: { ...body, firstAppearance: { url: "javascript:alert(1)" } } });
  expect(bad.status()).toBe(422);
  // The claim is verified: who made it is locked with its verdict and sources, so only an editor changes it.
  const locked = await reviewer.put(url, { data: body });
  expect(locked.status()).toBe(403);
  expect(((await locked.json()) as { error: { message: string } }).error.message).toMatch(/Only an editor can change it/);
  const editor = await as(playwright, baseURL!, desk.editor);
  const set = await editor.put(url, { data: body });
  expect(set.status()).toBe(200);
  const detail = (await (await reviewer.get(`/api/v1/claims/${claim.id}`)).json()) as {
    claim: { claimant: unknown; firstAppearance: unknown };
  };
  expect(detail.claim).toMatchObject({ claimant: body.claimant, firstAppearance: body.firstAppearance });
  const review = (await (await reviewer.get(`/api/v1/claims/${claim.id}/claimreview`)).json()) as {
    itemReviewed: { author: unknown; firstAppearance: unknown };
  };
  expect(review.itemReviewed.author).toEqual({ "@type": "Person", name: "Keir Starmer", jobTitle: "Prime Minister" });

  const viewer = await as(playwright, baseURL!, desk.viewer);
  expect((await viewer.put(url, { data: body })).status()).toBe(403);
  const outsider = await as(playwright, baseURL!, await createUser((await createTeam()).id, "admin", "outsider"));
  expect((await outsider.put(url, { data: body })).status()).toBe(404);
});

test("the W3C export over HTTP counts positions in code points and names the version its selectors describe", async ({
  playwright,
  baseURL,
}) => {
  const desk = await createDesk();
  const body = "😀 The budget doubled.\n\nNothing else changed.";
  const article = await createArticle(desk.team.id, { body });
  await createClaim({ userId: desk.reviewer.id, articleId: article.id, target: targetFor(body, "budget") });
  const reader = await as(playwright, baseURL!, desk.viewer);
  const response = await reader.get(`/api/v1/articles/${article.id}/annotations`);
  expect(response.headers()["content-type"]).toContain("application/ld+json");
  const doc = (await response.json()) as {
    first: {
      items: {
        target: { source: string; state: { cached: string }; selector: { type: string; start?: number; end?: number }[] };
        "factdesk:anchorStatus": string;
      }[];
    };
  };
  const [item] = doc.first.items;
  expect(item!.target.selector.find((s) => s.type === "TextPositionSelector")).toMatchObject({ start: 6, end: 12 });
  expect(item!["factdesk:anchorStatus"]).toBe("attached");
  expect(item!.target.state.cached).toBe(`${item!.target.source}/versions/1`);
});
