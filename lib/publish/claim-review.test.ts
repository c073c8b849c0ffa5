import { describe, expect, it } from "vitest";
import { VERDICTS } from "@/lib/claims/verdicts";
import { buildClaimReview, ratingFor } from "@/lib/publish/claim-review";
import type { PublicArticle, VerifiedClaim } from "@/lib/publish/verified-claims";

describe("ClaimReview rating", () => {
  it("puts True at bestRating and False at worstRating, and names every verdict", () => {
    for (const v of VERDICTS) {
      const rating = ratingFor({ key: v.key, label: v.label, ordinal: v.ordinal, explanation: "because" });
      expect(rating.alternateName).toBe(v.label);
      expect(rating.ratingExplanation).toBe("because");
      if (v.key === "unverifiable") {
        expect(rating).not.toHaveProperty("ratingValue");
        expect(rating).not.toHaveProperty("bestRating");
      } else {
        expect(rating).toMatchObject({ bestRating: 5, worstRating: 1, ratingValue: v.ordinal });
      }
    }
    expect(ratingFor({ key: "true", label: "True", ordinal: 5, explanation: "" }).ratingValue).toBe(5);
    expect(ratingFor({ key: "false", label: "False", ordinal: 1, explanation: "" }).ratingValue).toBe(1);
  });
});

describe("ClaimReview dates", () => {
  const article: PublicArticle = {
    id: "a1",
    title: "Budget speech",
    standfirst: null,
    byline: null,
    source: null,
    sourceUrl: null,
    publishedAt: new Date("2026-03-01T08:00:00Z"),
    createdAt: new Date("2026-03-01T09:00:00Z"),
    body: "Defence spending doubled.",
    blocks: null,
    language: "en",
    teamName: "Desk",
    publisher: { name: "Desk", url: null, logoUrl: null },
    ratingScale: [],
    reportPublishedAt: new Date("2026-03-02T10:00:00Z"),
    reportPublishedById: null,
  };
  const claim = (over: Partial<VerifiedClaim>): VerifiedClaim => ({
    id: "c1",
    exact: "Defence spending doubled",
    start: 0,
    end: 24,
    anchorStatus: "attached",
    verdict: { key: "false", label: "False", ordinal: 1, explanation: "It rose 12%." },
    verifiedAt: new Date("2026-03-02T09:00:00Z"),
    verifiedBy: "Ed",
    checkedBy: [],
    firstPublishedAt: new Date("2026-03-02T10:00:00Z"),
    evidence: [],
    claimant: null,
    firstAppearance: null,
    correction: null,
    corrections: [],
    ...over,
  });
  const correction = (at: string) => ({ id: at, claimId: "c1", kind: "correction" as const, note: "n", at: new Date(at), before: null });

  it("publishes at the claim's first publication, not its sign-off, and has no dateModified while nothing changed", () => {
    const review = buildClaimReview(article, claim({}), "https://x.example");
    expect(review.datePublished).toBe("2026-03-02T10:00:00.000Z");
    expect(review).not.toHaveProperty("dateModified");
  });

  it("keeps datePublished through a correction and a new sign-off; dateModified is the later of the two", () => {
    const resigned = claim({ verifiedAt: new Date("2026-03-05T12:00:00Z"), corrections: [correction("2026-03-04T08:00:00Z")] });
    const review = buildClaimReview(article, resigned, "https://x.example");
    expect(review.datePublished).toBe("2026-03-02T10:00:00.000Z");
    expect(review.dateModified).toBe("2026-03-05T12:00:00.000Z");
    const noted = claim({ verifiedAt: new Date("2026-03-05T12:00:00Z"), corrections: [correction("2026-03-06T08:00:00Z")] });
    expect(buildClaimReview(article, noted, "https://x.example").dateModified).toBe("2026-03-06T08:00:00.000Z");
  });

  it("falls back to the sign-off for a claim never public (a member's view of an unpublished report)", () => {
    const review = buildClaimReview(article, claim({ firstPublishedAt: null }), "https://x.example");
    expect(review.datePublished).toBe("2026-03-02T09:00:00.000Z");
    expect(review).not.toHaveProperty("dateModified");
  });
});

describe("ClaimReview: the claim's and the article's own dates", () => {
  const article: PublicArticle = {
    id: "a1",
    title: "Council spends more on roads",
    standfirst: null,
    byline: "Jo Writer",
    source: "Metro News",
    sourceUrl: "https://news.example/roads",
    publishedAt: null,
    createdAt: new Date("2026-12-01T03:49:19Z"),
    body: "Road spending rose 12 percent last year.",
    blocks: null,
    language: "en",
    teamName: "Metro desk",
    publisher: { name: "Metro desk", url: null, logoUrl: null },
    ratingScale: [],
    reportPublishedAt: new Date("2026-12-01T04:00:00Z"),
    reportPublishedById: null,
  };
  const claim: VerifiedClaim = {
    id: "c1",
    exact: "Road spending rose 12 percent last year",
    start: 0,
    end: 39,
    anchorStatus: "attached",
    verdict: { key: "true", label: "True", ordinal: 5, explanation: "The budget book shows it." },
    verifiedAt: new Date("2026-12-01T03:55:00Z"),
    verifiedBy: "Eddie Editor",
    checkedBy: [],
    firstPublishedAt: null,
    evidence: [],
    claimant: null,
    firstAppearance: null,
    correction: null,
    corrections: [],
  };

  it("never gives the day the article was imported as the day the claim or the article was published", () => {
    const review = buildClaimReview(article, claim, "https://factdesk.example");
    expect(review.datePublished).toBe("2026-12-01T03:55:00.000Z"); // the sign-off
    expect(review.itemReviewed).not.toHaveProperty("datePublished");
    expect(review.itemReviewed.appearance).not.toHaveProperty("datePublished");
  });

  it("uses the first appearance's date for the claim, else the article's publication date", () => {
    const published = { ...article, publishedAt: new Date("2025-02-17T18:00:00Z") };
    expect(buildClaimReview(published, claim, "https://factdesk.example").itemReviewed).toMatchObject({
      datePublished: "2025-02-17T18:00:00.000Z",
      appearance: { datePublished: "2025-02-17T18:00:00.000Z" },
    });
    const first = { ...claim, firstAppearance: { url: "https://council.example/pr", date: "2025-02-10" } };
    expect(buildClaimReview(article, first, "https://factdesk.example").itemReviewed.datePublished).toBe("2025-02-10");
  });
});
