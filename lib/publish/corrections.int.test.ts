// Corrections are never silent: a change to a claim readers can see on a published report needs
// an editor's public note, and the report keeps the claim, dated, in its corrections log.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDesk, testDb } from "@/e2e/fixtures/factories";
import { setClaimStatus } from "@/lib/claims/update-claim";
import { AppError } from "@/lib/http/errors";
import { getClaimReview } from "@/lib/publish/claim-review";
import { addCorrectionNote } from "@/lib/publish/corrections";
import { publishReport } from "@/lib/publish/publish-report";
import { getPublicReport } from "@/lib/publish/report";
import { seedFactCheck, type Desk } from "@/lib/publish/test-helpers";

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
const report = async () => (await getPublicReport({ articleId: desk.article.id, baseUrl: BASE }))!;

beforeAll(async () => {
  desk = await createDesk();
  seeded = await seedFactCheck(desk);
  await publishReport({ userId: desk.editor.id, articleId: desk.article.id });
});
afterAll(async () => {
  await testDb().$disconnect();
});

describe("a verified claim on the published report", () => {
  it("is not reopened without a public note; nothing changes", async () => {
    const error = await failure(setClaimStatus({ userId: desk.editor.id, claimId: seeded.verified.id, status: "verdict_proposed" }));
    expect(error.code).toBe("conflict");
    expect(error.fields?.confirmCorrection?.[0]).toMatch(/published report/);
    const stored = await testDb().claim.findUniqueOrThrow({ where: { id: seeded.verified.id } });
    expect(stored.status).toBe("verified");
    expect((await report()).claims).toHaveLength(2);
    expect(await testDb().reportCorrection.count({ where: { articleId: desk.article.id } })).toBe(0);
  });

  it("reopened with a note stays on the report as readers saw it, marked as re-checked, with a dated log entry and dateModified", async () => {
    const note = "A reader pointed out the figure is for GDP; we are checking the wording.";
    await setClaimStatus({
      userId: desk.editor.id,
      claimId: seeded.verified.id,
      status: "verdict_proposed",
      confirmCorrection: { note, kind: "correction" },
    });
    const now = await report();
    expect(now.claims).toHaveLength(2);
    const card = now.claims.find((c) => c.id === seeded.verified.id)!;
    expect(card).toMatchObject({
      verdict: { key: "mostly_true" },
      correction: { state: "under_review" },
      corrections: [{ kind: "correction", note }],
      verifiedBy: desk.editor.name,
    });
    expect(now.corrections.map((c) => c.note)).toEqual([note]);
    const review = now.claimReview["@graph"].find((r) => r.claimReviewed === card.exact)!;
    expect(review.dateModified).toBe(card.corrections[0]!.at.toISOString());
    expect(review.datePublished).toBe(card.firstPublishedAt!.toISOString());
    const audit = await testDb().auditEvent.findFirstOrThrow({ where: { claimId: seeded.verified.id, action: "report.correction" } });
    expect([audit.actorId, audit.after]).toEqual([desk.editor.id, { kind: "correction", note }]);
  });

  it("verified again, shows the new sign-off and keeps its log entry", async () => {
    await setClaimStatus({ userId: desk.admin.id, claimId: seeded.verified.id, status: "verified" });
    const card = (await report()).claims.find((c) => c.id === seeded.verified.id)!;
    expect(card).toMatchObject({ correction: null, verifiedBy: desk.admin.name });
    expect(card.corrections).toHaveLength(1);
    const single = await getClaimReview({ claimId: seeded.verified.id, userId: desk.viewer.id, baseUrl: BASE });
    // The new sign-off, after the correction, is the claim's last change.
    expect(single.dateModified).toBe(card.verifiedAt.toISOString());
    expect((await testDb().claim.findUniqueOrThrow({ where: { id: seeded.verified.id } })).publishedSnapshot).toBeNull();
  });

  it("withdrawn (not check-worthy) stays listed as withdrawn and leaves ClaimReview", async () => {
    await setClaimStatus({
      userId: desk.editor.id,
      claimId: seeded.unverifiable.id,
      status: "not_check_worthy",
      confirmCorrection: { note: "This is a prediction, not a checkable claim." },
    });
    const now = await report();
    expect(now.claims.find((c) => c.id === seeded.unverifiable.id)).toMatchObject({
      correction: { state: "withdrawn" },
      corrections: [{ kind: "correction" }],
    });
    expect(now.claimReview["@graph"].map((r) => r.claimReviewed)).not.toContain(seeded.unverifiable.exact);
    await expect(getClaimReview({ claimId: seeded.unverifiable.id, userId: desk.viewer.id, baseUrl: BASE })).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("takes a hand-written note from editors only, and only for claims on the report", async () => {
    const note = { claimId: seeded.verified.id, note: "Updated with the 2025 NATO estimate.", kind: "update" as const };
    expect((await failure(addCorrectionNote({ ...note, userId: desk.reviewer.id }))).code).toBe("forbidden");
    expect((await failure(addCorrectionNote({ ...note, claimId: seeded.proposed.id, userId: desk.editor.id }))).code).toBe("unprocessable");
    const added = await addCorrectionNote({ ...note, userId: desk.editor.id });
    expect(added).toMatchObject({ kind: "update", note: note.note, by: { id: desk.editor.id } });
    const card = (await report()).claims.find((c) => c.id === seeded.verified.id)!;
    expect(card.corrections.map((c) => c.kind)).toEqual(["correction", "update"]);
  });

  it("needs no note while the report is not published", async () => {
    const other = await createDesk();
    const more = await seedFactCheck(other);
    const reopened = await setClaimStatus({ userId: other.editor.id, claimId: more.verified.id, status: "verdict_proposed" });
    expect(reopened.status).toBe("verdict_proposed");
  });
});
