// Who the published record credits with checking a verdict: the people who checked it at this desk,
// told apart by user id. Both reviewers of an agreed double review (not the second one alone, whose
// submission wrote the proposed verdict, nor the editor who signed it off); nobody for a verdict that
// came in through an import (the importer did not check it; the record says it was imported).
import { afterAll, describe, expect, it } from "vitest";
import { createDesk, createUser, testDb } from "@/e2e/fixtures/factories";
import { createClaim } from "@/lib/claims/create-claim";
import { agreeInDoubleReview, importVerdict, settleDispute } from "@/lib/claims/record-fixture";
import { getClaim } from "@/lib/claims/get-claim";
import { targetFor } from "@/lib/claims/test-helpers";
import { setClaimStatus, setClaimVerdict } from "@/lib/claims/update-claim";
import { getEmbeddableClaim } from "@/lib/publish/embed";
import { publishReport } from "@/lib/publish/publish-report";
import { getPublicReport } from "@/lib/publish/report";
import { PHRASES } from "@/lib/publish/test-helpers";

const BASE = "https://factdesk.example.org";
const RECHECK = { note: "Checked again after a reader's question." };

afterAll(async () => {
  await testDb().$disconnect();
});

type Desk = Awaited<ReturnType<typeof createDesk>>;

/** A double-review claim on PHRASES.verified where both reviewers give "mostly_true", signed off by the desk's editor. */
async function agreedDoubleReview(desk: Desk, reviewers: [{ id: string }, { id: string }]) {
  const claim = { id: await agreeInDoubleReview(desk, reviewers, PHRASES.verified) };
  await setClaimStatus({ userId: desk.editor.id, claimId: claim.id, status: "verified" });
  await publishReport({ userId: desk.editor.id, articleId: desk.article.id });
  return claim;
}

async function publicCard(articleId: string, claimId: string) {
  const report = await getPublicReport({ articleId, baseUrl: BASE });
  const card = report?.claims.find((c) => c.id === claimId);
  if (!card) throw new Error("the claim is not on the public report");
  return card;
}

describe("an agreed double review", () => {
  it("credits both reviewers, in the order they gave their verdicts, on the report, the embed and the claim API", async () => {
    const desk = await createDesk();
    const claim = await agreedDoubleReview(desk, [desk.reviewer, desk.reviewer2]);

    const card = await publicCard(desk.article.id, claim.id);
    expect(card.checkedBy).toEqual([desk.reviewer.name, desk.reviewer2.name]);
    expect(card.verifiedBy).toBe(desk.editor.name);
    expect((await getEmbeddableClaim({ claimId: claim.id, baseUrl: BASE }))?.claim.checkedBy).toEqual([
      desk.reviewer.name,
      desk.reviewer2.name,
    ]);

    const { record } = await getClaim({ claimId: claim.id, userId: desk.viewer.id });
    expect(record.proposed).toMatchObject({ via: "agreed", verdict: "Mostly true" });
    expect(record.proposed?.checkedBy.map((p) => p.id)).toEqual([desk.reviewer.id, desk.reviewer2.id]);
    expect(record.verified?.by.id).toBe(desk.editor.id);
  });

  it("tells the reviewers apart by user id when they share a display name", async () => {
    const desk = await createDesk();
    const twin = await createUser(desk.team.id, "reviewer", "twin", desk.reviewer.name);
    const claim = await agreedDoubleReview(desk, [desk.reviewer, twin]);

    const { record } = await getClaim({ claimId: claim.id, userId: desk.viewer.id });
    expect(record.proposed?.checkedBy).toEqual([
      { id: desk.reviewer.id, name: desk.reviewer.name },
      { id: twin.id, name: desk.reviewer.name },
    ]);
    expect((await publicCard(desk.article.id, claim.id)).checkedBy).toEqual([desk.reviewer.name, desk.reviewer.name]);
  });

  it("keeps crediting both reviewers after the claim is reopened and signed off again", async () => {
    const desk = await createDesk();
    const claim = await agreedDoubleReview(desk, [desk.reviewer, desk.reviewer2]);
    await setClaimStatus({ userId: desk.admin.id, claimId: claim.id, status: "verdict_proposed", confirmCorrection: RECHECK });
    await setClaimStatus({ userId: desk.admin.id, claimId: claim.id, status: "verified" });

    const card = await publicCard(desk.article.id, claim.id);
    expect(card.checkedBy).toEqual([desk.reviewer.name, desk.reviewer2.name]);
    expect(card.verifiedBy).toBe(desk.admin.name);
  });
});

describe("a verdict written by one person", () => {
  it("credits its author, and the editor who settled a dispute, never the reviewers overruled", async () => {
    const desk = await createDesk();
    const written = await createClaim({
      userId: desk.reviewer.id,
      articleId: desk.article.id,
      target: targetFor(desk.article.body, PHRASES.verified),
    });
    await setClaimVerdict({ userId: desk.reviewer.id, claimId: written.id, verdict: "mostly_true", explanation: "MoD figures." });
    await setClaimStatus({ userId: desk.editor.id, claimId: written.id, status: "verified" });

    const disputed = { id: await settleDispute(desk, PHRASES.unverifiable) };
    await setClaimStatus({ userId: desk.admin.id, claimId: disputed.id, status: "verified" });
    await publishReport({ userId: desk.editor.id, articleId: desk.article.id });

    expect((await publicCard(desk.article.id, written.id)).checkedBy).toEqual([desk.reviewer.name]);
    expect((await getClaim({ claimId: written.id, userId: desk.viewer.id })).record.proposed).toMatchObject({
      via: "written",
      checkedBy: [{ id: desk.reviewer.id }],
    });
    expect((await publicCard(desk.article.id, disputed.id)).checkedBy).toEqual([desk.editor.name]);
    expect((await getClaim({ claimId: disputed.id, userId: desk.viewer.id })).record.proposed).toMatchObject({
      via: "settled",
      checkedBy: [{ id: desk.editor.id }],
    });
  });
});

describe("an imported verdict", () => {
  it("credits nobody with checking it, not the person who ran the import, and the record says it was imported", async () => {
    const desk = await createDesk();
    const { articleId, claimId } = await importVerdict(desk, desk.editor, PHRASES.verified);
    const copy = { id: articleId };
    // The importer wrote the verdict row, so four-eyes leaves the sign-off to someone else.
    await setClaimStatus({ userId: desk.admin.id, claimId, status: "verified" });
    await publishReport({ userId: desk.editor.id, articleId: copy.id });

    const card = await publicCard(copy.id, claimId);
    expect(card.checkedBy).toEqual([]);
    expect(card.verifiedBy).toBe(desk.admin.name);
    const { record } = await getClaim({ claimId, userId: desk.viewer.id });
    expect(record.proposed).toMatchObject({ via: "imported", verdict: "Mostly true", checkedBy: [] });
    expect(record.proposed?.by.id).toBe(desk.editor.id);

    // Once someone here writes a verdict of their own, they checked it.
    await setClaimStatus({ userId: desk.admin.id, claimId, status: "verdict_proposed", confirmCorrection: RECHECK });
    await setClaimVerdict({ userId: desk.reviewer2.id, claimId, verdict: "true", explanation: "Checked again here." });
    await setClaimStatus({ userId: desk.admin.id, claimId, status: "verified" });
    expect((await publicCard(copy.id, claimId)).checkedBy).toEqual([desk.reviewer2.name]);
  });
});

describe("a report claim kept as readers last saw it", () => {
  it("reads a snapshot stored before checkedBy was a list as a list", async () => {
    const desk = await createDesk();
    const claim = await createClaim({
      userId: desk.reviewer.id,
      articleId: desk.article.id,
      target: targetFor(desk.article.body, PHRASES.verified),
    });
    await setClaimVerdict({ userId: desk.reviewer.id, claimId: claim.id, verdict: "mostly_true", explanation: "MoD figures." });
    await setClaimStatus({ userId: desk.editor.id, claimId: claim.id, status: "verified" });
    await publishReport({ userId: desk.editor.id, articleId: desk.article.id });
    const old = { ...(await publicCard(desk.article.id, claim.id)) };
    const legacy = { ...old, verifiedAt: old.verifiedAt.toISOString(), checkedBy: desk.reviewer.name };
    for (const key of ["anchorStatus", "correction", "corrections", "firstPublishedAt", "highlighted"])
      delete (legacy as Record<string, unknown>)[key];
    await testDb().claim.update({ where: { id: claim.id }, data: { status: "in_review", publishedSnapshot: legacy } });

    const card = await publicCard(desk.article.id, claim.id);
    expect(card.correction).toEqual({ state: "under_review" });
    expect(card.checkedBy).toEqual([desk.reviewer.name]);
  });
});
