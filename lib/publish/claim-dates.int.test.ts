// The published record's dates survive a correction: ClaimReview's datePublished stays the claim's first
// publication through publish → correct → re-sign-off → unpublish → republish, dateModified is never before it,
// and the reader's page (getPublicReport) carries the same dates. Real PostgreSQL, the real data layer.
import { afterAll, beforeAll, expect, it } from "vitest";
import { createDesk, testDb } from "@/e2e/fixtures/factories";
import { setClaimStatus } from "@/lib/claims/update-claim";
import { claimDates } from "@/lib/publish/claim-dates";
import { getClaimReview } from "@/lib/publish/claim-review";
import { publishReport, unpublishReport } from "@/lib/publish/publish-report";
import { getPublicReport } from "@/lib/publish/report";
import { seedFactCheck, type Desk } from "@/lib/publish/test-helpers";

const BASE = "https://factdesk.example.org";
let desk: Desk;
let seeded: Awaited<ReturnType<typeof seedFactCheck>>;

beforeAll(async () => {
  desk = await createDesk();
  seeded = await seedFactCheck(desk);
});
afterAll(async () => {
  await testDb().$disconnect();
});

it("keeps datePublished at the first publication through a correction, a re-sign-off and republishing", async () => {
  const first = await publishReport({ userId: desk.editor.id, articleId: desk.article.id });
  const firstPublished = first.publishedAt!;
  const before = await getClaimReview({ claimId: seeded.verified.id, userId: desk.viewer.id, baseUrl: BASE });
  expect(before.datePublished).toBe(firstPublished);
  expect(before).not.toHaveProperty("dateModified");

  await setClaimStatus({
    userId: desk.editor.id,
    claimId: seeded.verified.id,
    status: "verdict_proposed",
    confirmCorrection: { note: "The figure is for GDP, not GNP.", kind: "correction" },
  });
  await setClaimStatus({ userId: desk.admin.id, claimId: seeded.verified.id, status: "verified" });
  await unpublishReport({ userId: desk.editor.id, articleId: desk.article.id });
  const again = await publishReport({ userId: desk.editor.id, articleId: desk.article.id });
  expect(again.publishedAt).not.toBe(firstPublished);

  const page = (await getPublicReport({ articleId: desk.article.id, baseUrl: BASE }))!;
  const card = page.claims.find((c) => c.id === seeded.verified.id)!;
  const review = page.claimReview["@graph"].find((r) => r.claimReviewed === card.exact)!;
  const resignedAt = card.verifiedAt.toISOString();
  expect(card.verifiedBy).toBe(desk.admin.name);
  expect(review.datePublished).toBe(firstPublished);
  // The re-sign-off came after the correction, so it is the last change.
  expect(review.dateModified).toBe(resignedAt);
  expect(new Date(review.dateModified!) > new Date(review.datePublished)).toBe(true);
  // The reader's page shows the same dates the JSON-LD carries.
  const dates = claimDates(card);
  expect([dates.published.toISOString(), dates.modified?.toISOString()]).toEqual([review.datePublished, review.dateModified]);
  const single = await getClaimReview({ claimId: seeded.verified.id, userId: desk.viewer.id, baseUrl: BASE });
  expect([single.datePublished, single.dateModified]).toEqual([firstPublished, resignedAt]);
});

it("dates a claim signed off on an already published report at its sign-off, and leaves it there", async () => {
  await setClaimStatus({ userId: desk.editor.id, claimId: seeded.proposed.id, status: "verified" });
  const stored = await testDb().claim.findUniqueOrThrow({ where: { id: seeded.proposed.id }, select: { firstPublishedAt: true } });
  expect(stored.firstPublishedAt).not.toBeNull();
  const review = await getClaimReview({ claimId: seeded.proposed.id, userId: desk.viewer.id, baseUrl: BASE });
  expect(review.datePublished).toBe(stored.firstPublishedAt!.toISOString());
  expect(review).not.toHaveProperty("dateModified");
  await unpublishReport({ userId: desk.editor.id, articleId: desk.article.id });
  await publishReport({ userId: desk.editor.id, articleId: desk.article.id });
  const later = await getClaimReview({ claimId: seeded.proposed.id, userId: desk.viewer.id, baseUrl: BASE });
  expect(later.datePublished).toBe(stored.firstPublishedAt!.toISOString());
});
