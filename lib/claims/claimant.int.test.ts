// Who made a claim: set in the desk, suggested from the text, named by ClaimReview as the
// claim's author (never the journalist), and corrected on a published report only with a note.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDesk, createTeam, createUser, testDb } from "@/e2e/fixtures/factories";
import { createClaim } from "@/lib/claims/create-claim";
import { getClaim } from "@/lib/claims/get-claim";
import { targetFor } from "@/lib/claims/test-helpers";
import { setClaimClaimant } from "@/lib/claims/update-claim";
import { AppError } from "@/lib/http/errors";
import { getClaimReview } from "@/lib/publish/claim-review";
import { publishReport } from "@/lib/publish/publish-report";
import { getPublicReport } from "@/lib/publish/report";
import { seedFactCheck, type Desk } from "@/lib/publish/test-helpers";
import { updateTeamProfile } from "@/lib/teams/profile";

const BASE = "https://factdesk.example.org";
let desk: Desk;
let seeded: Awaited<ReturnType<typeof seedFactCheck>>;

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (err: unknown) => err,
  );
  expect(error, "expected the call to fail").toBeInstanceOf(AppError);
  return error as AppError;
}

beforeAll(async () => {
  desk = await createDesk();
  seeded = await seedFactCheck(desk);
});
afterAll(async () => {
  await testDb().$disconnect();
});

describe("the claimant", () => {
  it("is suggested from the attribution in the sentence, and stored only when someone sets it", async () => {
    const phrase = "any response must come from Europe, not just Britain";
    const claim = await createClaim({ userId: desk.reviewer.id, articleId: desk.article.id, target: targetFor(desk.article.body, phrase) });
    const detail = await getClaim({ claimId: claim.id, userId: desk.viewer.id });
    expect(detail.claimantSuggestion).toMatch(/Stephen Gethins$/);
    expect(detail.claimant).toBeNull();
    await setClaimClaimant({
      userId: desk.reviewer.id,
      claimId: claim.id,
      claimant: { name: "Stephen Gethins", kind: "person", description: "SNP MP" },
      firstAppearance: null,
    });
    const after = await getClaim({ claimId: claim.id, userId: desk.viewer.id });
    expect(after).toMatchObject({ claimant: { name: "Stephen Gethins", kind: "person", description: "SNP MP" }, claimantSuggestion: null });
    expect(await testDb().auditEvent.count({ where: { claimId: claim.id, action: "claim.claimant" } })).toBe(1);
    expect(
      (await failure(setClaimClaimant({ userId: desk.viewer.id, claimId: claim.id, claimant: null, firstAppearance: null }))).code,
    ).toBe("forbidden");
  });

  it("is ClaimReview's itemReviewed.author, with the first appearance; the team's public profile is its author", async () => {
    // The claim is verified: only an editor names who made it (claimantLock; lib/claims/claimant-lock.int.test.ts).
    await setClaimClaimant({
      userId: desk.editor.id,
      claimId: seeded.verified.id,
      claimant: { name: "Keir Starmer", kind: "person", description: "Prime Minister" },
      firstAppearance: { url: "https://www.gov.uk/government/speeches/pm-statement", date: "2025-02-16" },
    });
    await updateTeamProfile({
      userId: desk.admin.id,
      teamId: desk.team.id,
      publicName: "Desk Fact Check",
      publicUrl: "https://factcheck.example.org",
      logoUrl: "https://factcheck.example.org/logo.png",
    });
    const review = await getClaimReview({ claimId: seeded.verified.id, userId: desk.viewer.id, baseUrl: BASE });
    expect(review.author).toEqual({
      "@type": "Organization",
      name: "Desk Fact Check",
      url: "https://factcheck.example.org",
      logo: { "@type": "ImageObject", url: "https://factcheck.example.org/logo.png" },
    });
    expect(review.reviewRating).toMatchObject({ name: "Mostly true", alternateName: "Mostly true" });
    expect(review.itemReviewed).toMatchObject({
      author: { "@type": "Person", name: "Keir Starmer", jobTitle: "Prime Minister" },
      datePublished: "2025-02-16",
      firstAppearance: { "@type": "CreativeWork", url: "https://www.gov.uk/government/speeches/pm-statement", datePublished: "2025-02-16" },
      appearance: { "@type": "NewsArticle", headline: desk.article.title },
    });
  });

  it("on a published verified claim changes only with an editor's note, which the report logs; the claim stays verified", async () => {
    await publishReport({ userId: desk.editor.id, articleId: desk.article.id });
    const change = {
      claimId: seeded.verified.id,
      claimant: { name: "Ministry of Defence", kind: "organization" as const, description: "UK government department" },
      firstAppearance: null,
    };
    const refused = await failure(setClaimClaimant({ ...change, userId: desk.editor.id }));
    expect([refused.code, Object.keys(refused.fields ?? {})]).toEqual(["conflict", ["confirmCorrection"]]);
    expect(
      (
        await failure(
          setClaimClaimant({ ...change, userId: desk.reviewer.id, confirmCorrection: { note: "The figure comes from the MoD." } }),
        )
      ).code,
    ).toBe("forbidden");
    const done = await setClaimClaimant({
      ...change,
      userId: desk.editor.id,
      confirmCorrection: { note: "The figure was first published by the MoD." },
    });
    expect(done.status).toBe("verified");
    const card = (await getPublicReport({ articleId: desk.article.id, baseUrl: BASE }))!.claims.find((c) => c.id === seeded.verified.id)!;
    expect(card).toMatchObject({
      claimant: change.claimant,
      correction: null,
      corrections: [{ kind: "update", note: "The figure was first published by the MoD." }],
    });
    const review = await getClaimReview({ claimId: seeded.verified.id, userId: desk.viewer.id, baseUrl: BASE });
    expect(review.itemReviewed.author).toEqual({
      "@type": "Organization",
      name: "Ministry of Defence",
      description: "UK government department",
    });
    expect(review.dateModified).toBe(card.corrections[0]!.at.toISOString());
  });

  it("rejects non-http first appearances and dates in the future", async () => {
    const { ZSetClaimant } = await import("@/lib/validation/claimant");
    expect(
      ZSetClaimant.safeParse({ claimId: seeded.plain.id, claimant: null, firstAppearance: { url: "javascript:alert(1)" } }).success,
    ).toBe(false);
    expect(ZSetClaimant.safeParse({ claimId: seeded.plain.id, claimant: null, firstAppearance: { date: "2999-01-01" } }).success).toBe(
      false,
    );
  });
});

describe("the team's public profile", () => {
  it("is set by admins only; outsiders get a 404", async () => {
    expect(
      (await failure(updateTeamProfile({ userId: desk.editor.id, teamId: desk.team.id, publicName: "X", publicUrl: null, logoUrl: null })))
        .code,
    ).toBe("forbidden");
    const outsider = await createUser((await createTeam()).id, "admin", "outsider");
    expect(
      (await failure(updateTeamProfile({ userId: outsider.id, teamId: desk.team.id, publicName: "X", publicUrl: null, logoUrl: null })))
        .code,
    ).toBe("not_found");
  });
});
