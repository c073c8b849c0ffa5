import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createArticle, createDesk, createTeam, createUser, testDb } from "@/e2e/fixtures/factories";
import { addEvidence } from "@/lib/claims/evidence";
import { setClaimStatus } from "@/lib/claims/update-claim";
import { plainBlocks } from "@/lib/articles/blocks";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/http/errors";
import { getArticleClaimReviews, getClaimReview } from "@/lib/publish/claim-review";
import { publishReport, unpublishReport } from "@/lib/publish/publish-report";
import { getArticlePublishing, getPublicReport } from "@/lib/publish/report";
import { PHRASES, SECRETS, seedFactCheck, type Desk } from "@/lib/publish/test-helpers";

const BASE = "https://factdesk.example.org";

async function expectAppError(promise: Promise<unknown>, code: AppError["code"], message?: RegExp) {
  const error = await promise.then(
    () => null,
    (err: unknown) => err,
  );
  expect(error, "expected the call to fail").toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  if (message) expect((error as AppError).message).toMatch(message);
}

let desk: Desk;
let seeded: Awaited<ReturnType<typeof seedFactCheck>>;
let intruder: Awaited<ReturnType<typeof createUser>>;

beforeAll(async () => {
  desk = await createDesk();
  await testDb().article.update({
    where: { id: desk.article.id },
    data: {
      byline: "By Ada Reporter",
      sourceUrl: "https://news.example.com/starmer-backstop",
      publishedAt: new Date("2025-02-17T18:00:00Z"),
    },
  });
  seeded = await seedFactCheck(desk);
  intruder = await createUser((await createTeam()).id, "admin", "intruder");
});
afterAll(async () => {
  await testDb().$disconnect();
});

const verifiedAt = async (claimId: string) =>
  (
    await testDb().auditEvent.findFirstOrThrow({ where: { claimId, action: "claim.verified" }, orderBy: { id: "desc" } })
  ).createdAt.toISOString();

describe("ClaimReview", () => {
  it("has every field, with the values of the verified claim", async () => {
    const review = await getClaimReview({ claimId: seeded.verified.id, userId: desk.viewer.id, baseUrl: BASE });
    const url = `${BASE}/reports/${desk.article.id}#claim-${seeded.verified.id}`;
    expect(review).toEqual({
      "@context": "https://schema.org",
      "@type": "ClaimReview",
      "@id": url,
      url,
      claimReviewed: PHRASES.verified,
      datePublished: await verifiedAt(seeded.verified.id),
      author: { "@type": "Organization", name: desk.team.name },
      reviewRating: {
        "@type": "Rating",
        ratingValue: 4,
        bestRating: 5,
        worstRating: 1,
        name: "Mostly true",
        alternateName: "Mostly true",
        ratingExplanation: "MoD figures put 2024 spending at 2.3% of GDP; GNP differs slightly.",
      },
      // The journalist's byline belongs to the appearance; the claim's author is its claimant (none set here).
      itemReviewed: {
        "@type": "Claim",
        datePublished: "2025-02-17T18:00:00.000Z",
        appearance: {
          "@type": "NewsArticle",
          headline: desk.article.title,
          url: "https://news.example.com/starmer-backstop",
          datePublished: "2025-02-17T18:00:00.000Z",
          author: { "@type": "Person", name: "Ada Reporter" },
          publisher: { "@type": "Organization", name: "Test fixture" },
        },
      },
    });
  });

  it("rates Unverifiable by name only: it has no place on the true-to-false scale", async () => {
    const { reviewRating } = await getClaimReview({ claimId: seeded.unverifiable.id, userId: desk.editor.id, baseUrl: BASE });
    expect(reviewRating).toEqual({
      "@type": "Rating",
      name: "Unverifiable",
      alternateName: "Unverifiable",
      ratingExplanation: expect.stringContaining("No public assessment"),
    });
  });

  it("per article lists exactly the verified claims, in text order, each equal to the per-claim output", async () => {
    const graph = await getArticleClaimReviews({ articleId: desk.article.id, userId: desk.reviewer.id, baseUrl: BASE });
    expect(graph["@context"]).toBe("https://schema.org");
    const [first, second] = [seeded.verified, seeded.unverifiable].sort((a, b) => a.start - b.start);
    expect(graph["@graph"].map((r) => r.claimReviewed)).toEqual([first!.exact, second!.exact]);
    for (const entry of graph["@graph"]) {
      const claimId = entry.url.split("#claim-")[1]!;
      const { "@context": _context, ...single } = await getClaimReview({ claimId, userId: desk.reviewer.id, baseUrl: BASE });
      expect(entry).toEqual(single);
    }
    const text = JSON.stringify(graph);
    for (const secret of Object.values(SECRETS)) expect(text).not.toContain(secret);
    for (const hidden of [seeded.proposed, seeded.doubleReview, seeded.plain]) expect(text).not.toContain(hidden.id);
  });

  it("is a 404 for unverified claims and for people outside the team", async () => {
    for (const claim of [seeded.proposed, seeded.doubleReview, seeded.plain]) {
      await expectAppError(getClaimReview({ claimId: claim.id, userId: desk.editor.id, baseUrl: BASE }), "not_found");
    }
    await expectAppError(getClaimReview({ claimId: seeded.verified.id, userId: intruder.id, baseUrl: BASE }), "not_found");
    await expectAppError(getArticleClaimReviews({ articleId: desk.article.id, userId: intruder.id, baseUrl: BASE }), "not_found");
  });
});

describe("the public report", () => {
  it("is not there until an editor publishes it; reviewers and viewers cannot, other teams do not see it", async () => {
    expect(await getPublicReport({ articleId: desk.article.id, baseUrl: BASE })).toBeNull();
    await expectAppError(publishReport({ userId: desk.reviewer.id, articleId: desk.article.id }), "forbidden", /editor/);
    await expectAppError(publishReport({ userId: desk.viewer.id, articleId: desk.article.id }), "forbidden");
    await expectAppError(publishReport({ userId: intruder.id, articleId: desk.article.id }), "not_found");
    // The publishing state the article page re-reads (GET /api/v1/articles/{id}/report): the team's members only.
    await expectAppError(getArticlePublishing({ userId: intruder.id, articleId: desk.article.id }), "not_found");
    expect(await getPublicReport({ articleId: desk.article.id, baseUrl: BASE })).toBeNull();
  });

  it("once published shows only verified claims, with the same ClaimReview as the API", async () => {
    const state = await publishReport({ userId: desk.editor.id, articleId: desk.article.id });
    expect(state).toMatchObject({ published: true, publishedBy: { id: desk.editor.id, name: desk.editor.name } });
    const again = await publishReport({ userId: desk.admin.id, articleId: desk.article.id });
    expect(again).toEqual(state); // idempotent: keeps the first publication
    // Neither verified claim names a claimant yet (the publish button warns about it); one named, one left.
    expect(await getArticlePublishing({ articleId: desk.article.id, userId: desk.viewer.id })).toEqual({
      ...state,
      verifiedClaims: 2,
      withoutClaimant: 2,
    });
    const named = await testDb().claim.findFirstOrThrow({
      where: { articleId: desk.article.id, status: "verified" },
      select: { id: true },
    });
    await testDb().claim.update({ where: { id: named.id }, data: { claimantName: "Defence Secretary", claimantKind: "person" } });
    expect(await getArticlePublishing({ articleId: desk.article.id, userId: desk.viewer.id })).toMatchObject({ withoutClaimant: 1 });
    await testDb().claim.update({ where: { id: named.id }, data: { claimantName: null, claimantKind: null } });

    const report = (await getPublicReport({ articleId: desk.article.id, baseUrl: BASE }))!;
    expect(report.claims.map((c) => c.id).sort()).toEqual([seeded.verified.id, seeded.unverifiable.id].sort());
    expect(report.claims.every((c) => c.highlighted)).toBe(true);
    const card = report.claims.find((c) => c.id === seeded.verified.id)!;
    expect(card.verifiedBy).toBe(desk.editor.name);
    expect(card.checkedBy).toEqual([desk.reviewer.name]);
    expect(card.evidence.map((e) => e.url)).toEqual([
      "https://www.gov.uk/defence-spending",
      "https://www.nato.int/cps/en/natohq/topics_49198.htm",
    ]);
    expect(report.claimReview).toEqual(await getArticleClaimReviews({ articleId: desk.article.id, userId: desk.editor.id, baseUrl: BASE }));

    // The article text is public anyway; what must not appear is anything about other claims.
    const text = JSON.stringify(report);
    const aboutClaims = JSON.stringify({ claims: report.claims, claimReview: report.claimReview });
    for (const secret of Object.values(SECRETS)) expect(text).not.toContain(secret);
    for (const hidden of [seeded.proposed, seeded.doubleReview, seeded.plain]) {
      expect(text).not.toContain(hidden.id);
      expect(aboutClaims).not.toContain(hidden.exact);
    }
    const audit = await testDb().auditEvent.findMany({ where: { articleId: desk.article.id, action: { startsWith: "report." } } });
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([["report.published", desk.editor.id]]);
  });

  it("carries the article's structure (headings, lists, links), as the desk shows it", async () => {
    const body = desk.article.body;
    const blocks = { ...plainBlocks(body), links: [{ start: 0, end: 3, href: "https://example.org/source" }] };
    blocks.paragraphs[0] = { kind: "h2" };
    await testDb().article.update({ where: { id: desk.article.id }, data: { blocks } });
    const report = (await getPublicReport({ articleId: desk.article.id, baseUrl: BASE }))!;
    expect(report.article.blocks).toEqual(blocks);
    await testDb().article.update({ where: { id: desk.article.id }, data: { blocks: Prisma.DbNull } });
    expect((await getPublicReport({ articleId: desk.article.id, baseUrl: BASE }))!.article.blocks).toBeNull();
  });

  it("lists a verified claim that lost its place in the text without highlighting it", async () => {
    await testDb().claim.update({ where: { id: seeded.unverifiable.id }, data: { anchorStatus: "needs_review" } });
    const report = (await getPublicReport({ articleId: desk.article.id, baseUrl: BASE }))!;
    expect(report.claims.find((c) => c.id === seeded.unverifiable.id)?.highlighted).toBe(false);
    await testDb().claim.update({ where: { id: seeded.unverifiable.id }, data: { anchorStatus: "attached" } });
  });

  it("shows only the evidence the editor signed off: evidence added later waits for the next sign-off", async () => {
    const signedOff = ["https://www.gov.uk/defence-spending", "https://www.nato.int/cps/en/natohq/topics_49198.htm"];
    const late = "https://example.org/added-after-sign-off";
    await addEvidence({
      userId: desk.reviewer.id,
      claimId: seeded.verified.id,
      url: late,
      title: "Added after sign-off",
      excerpt: "",
      stance: "contradicts",
      sourceType: "secondary",
      retrievedAt: new Date("2026-11-22"),
    });
    const publicUrls = async () =>
      (await getPublicReport({ articleId: desk.article.id, baseUrl: BASE }))!.claims
        .find((c) => c.id === seeded.verified.id)!
        .evidence.map((e) => e.url);
    expect(await publicUrls()).toEqual(signedOff);
    const inDesk = await getClaimReview({ claimId: seeded.verified.id, userId: desk.editor.id, baseUrl: BASE });
    expect(JSON.stringify(inDesk)).not.toContain(late);

    // An editor reopens and verifies it again: now the new evidence is part of what was signed off.
    const confirmCorrection = { note: "Re-checked with a source added after the first sign-off." };
    await setClaimStatus({ userId: desk.editor.id, claimId: seeded.verified.id, status: "verdict_proposed", confirmCorrection });
    await setClaimStatus({ userId: desk.editor.id, claimId: seeded.verified.id, status: "verified" });
    expect(await publicUrls()).toEqual([...signedOff, late]);
  });

  it("goes away when unpublished, and only editors may unpublish", async () => {
    await expectAppError(unpublishReport({ userId: desk.reviewer.id, articleId: desk.article.id }), "forbidden");
    expect(await unpublishReport({ userId: desk.editor.id, articleId: desk.article.id })).toEqual({
      published: false,
      publishedAt: null,
      publishedBy: null,
    });
    expect(await getPublicReport({ articleId: desk.article.id, baseUrl: BASE })).toBeNull();
    await unpublishReport({ userId: desk.editor.id, articleId: desk.article.id }); // a no-op, not an error
    const actions = await testDb().auditEvent.findMany({
      where: { articleId: desk.article.id, action: { startsWith: "report." } },
      orderBy: { id: "asc" },
    });
    expect(actions.map((a) => a.action)).toEqual(["report.published", "report.correction", "report.unpublished"]);
  });

  it("publishes once when editors press Publish at the same moment (one date, one audit row)", async () => {
    const again = await seedFactCheck({ ...desk, article: await createArticle(desk.team.id) });
    const articleId = again.verified.articleId;
    const states = await Promise.all(Array.from({ length: 6 }, () => publishReport({ userId: desk.editor.id, articleId })));
    expect(new Set(states.map((s) => s.publishedAt)).size).toBe(1);
    expect(await testDb().auditEvent.count({ where: { articleId, action: "report.published" } })).toBe(1);
  });

  it("needs at least one verified claim", async () => {
    const empty = await createArticle(desk.team.id);
    await expectAppError(publishReport({ userId: desk.editor.id, articleId: empty.id }), "unprocessable", /Verify at least one claim/);
    expect(await getPublicReport({ articleId: empty.id, baseUrl: BASE })).toBeNull();
    expect(await getPublicReport({ articleId: "no-such-article", baseUrl: BASE })).toBeNull();
  });
});
