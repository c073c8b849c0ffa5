// A verdict is given on words. Saving a version and placing a claim by hand must never carry a
// verified verdict onto different words without a person confirming and an editor signing off.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createArticle, createDesk, testDb } from "@/e2e/fixtures/factories";
import { articleToMarkdown } from "@/lib/articles/import";
import { saveArticleVersion } from "@/lib/articles/save-version";
import { getAnchorReview, resolveAnchor } from "@/lib/claims/anchor";
import { createClaim } from "@/lib/claims/create-claim";
import { targetFor } from "@/lib/claims/test-helpers";
import { setClaimStatus, setClaimVerdict } from "@/lib/claims/update-claim";
import { AppError } from "@/lib/http/errors";
import { publishReport } from "@/lib/publish/publish-report";
import { getPublicReport } from "@/lib/publish/report";
import { readSampleArticle } from "@/prisma/sample-article";

type Desk = Awaited<ReturnType<typeof createDesk>>;
const sample = readSampleArticle().body;
const PHRASE = "he would be prepared to put a peacekeeping force into Ukraine";
const TYPO = "he would be prepard to put a peacekeeping force into Ukraine";

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (err: unknown) => err,
  );
  expect(error, "expected the call to fail").toBeInstanceOf(AppError);
  return error as AppError;
}
const stored = (id: string) => testDb().claim.findUniqueOrThrow({ where: { id } });

async function saveBody(desk: Desk, articleId: string, body: string) {
  const { version } = await testDb().article.findUniqueOrThrow({ where: { id: articleId } });
  return saveArticleVersion({ articleId, userId: desk.editor.id, baseVersion: version, markdown: articleToMarkdown(body, null) });
}

/** A claim on `phrase` with a verdict by the reviewer, signed off by the editor. */
async function verifiedClaim(desk: Desk, articleId: string, body: string, phrase: string) {
  const claim = await createClaim({ userId: desk.reviewer.id, articleId, target: targetFor(body, phrase) });
  await setClaimVerdict({ userId: desk.reviewer.id, claimId: claim.id, verdict: "mostly_true", explanation: "Matches the transcript." });
  return setClaimStatus({ userId: desk.editor.id, claimId: claim.id, status: "verified" });
}

let desk: Desk;
beforeAll(async () => {
  desk = await createDesk();
});
afterAll(async () => {
  await testDb().$disconnect();
});

describe("saving a version under a verified claim", () => {
  it("does not attach it to corrected words: it waits for a person, still verified, its public quote unchanged", async () => {
    const old = sample.replace(PHRASE, TYPO);
    const article = await createArticle(desk.team.id, { body: old });
    const claim = await verifiedClaim(desk, article.id, old, TYPO);
    await publishReport({ userId: desk.editor.id, articleId: article.id });

    const result = await saveBody(desk, article.id, sample);
    expect(result).toMatchObject({ saved: true, version: 2, needsReview: 1, attached: 0 });
    const after = await stored(claim.id);
    expect([after.anchorStatus, after.status, after.exact, after.start, after.anchorVersion]).toEqual([
      "needs_review",
      "verified",
      TYPO,
      claim.start,
      1,
    ]);
    const report = await getPublicReport({ articleId: article.id, baseUrl: "https://factdesk.test" });
    expect(report?.claims.find((c) => c.id === claim.id)).toMatchObject({ exact: TYPO, highlighted: false });
    const audit = await testDb().auditEvent.findFirstOrThrow({ where: { claimId: claim.id, action: "claim.needs_reanchoring" } });
    expect(audit.after).toMatchObject({ heldBack: "verdict-words-changed", anchorStatus: "needs_review" });

    // The corrected words are offered first; confirming them sends the verdict back to an editor.
    const review = await getAnchorReview({ claimId: claim.id, userId: desk.reviewer.id });
    expect(review.candidates[0]?.text).toBe(PHRASE);
    // On a published report that is a correction: an editor confirms it with a public note.
    const action = { kind: "candidate" as const, index: review.candidates[0]!.index };
    const unconfirmed = await failure(resolveAnchor({ claimId: claim.id, userId: desk.editor.id, version: after.version, action }));
    expect([unconfirmed.code, Object.keys(unconfirmed.fields ?? {})]).toEqual(["conflict", ["confirmCorrection"]]);
    const confirmCorrection = { note: "We fixed a typo in the quoted sentence." };
    expect(
      (await failure(resolveAnchor({ claimId: claim.id, userId: desk.reviewer.id, version: after.version, action, confirmCorrection })))
        .code,
    ).toBe("forbidden");
    expect((await stored(claim.id)).status).toBe("verified");
    const placed = await resolveAnchor({ claimId: claim.id, userId: desk.editor.id, version: after.version, action, confirmCorrection });
    expect([placed.anchor.status, placed.exact, placed.status, placed.verdict?.key]).toEqual([
      "attached",
      PHRASE,
      "verdict_proposed",
      "mostly_true",
    ]);
    const confirmed = await testDb().auditEvent.findFirstOrThrow({ where: { claimId: claim.id, action: "claim.anchor_confirmed" } });
    expect(confirmed.before).toMatchObject({ status: "verified", exact: TYPO });
    expect(confirmed.after).toMatchObject({ status: "verdict_proposed", wordsChanged: true, exact: PHRASE });
    // The report keeps the words and verdict readers saw, marked as being re-checked, with the note.
    const kept = (await getPublicReport({ articleId: article.id, baseUrl: "https://factdesk.test" }))?.claims.find(
      (c) => c.id === claim.id,
    );
    expect(kept).toMatchObject({
      exact: TYPO,
      verdict: { key: "mostly_true" },
      correction: { state: "under_review" },
      corrections: [{ kind: "update", note: confirmCorrection.note }],
    });
  });

  it("moves it, still verified, when a paragraph is inserted above and its words are the same", async () => {
    const article = await createArticle(desk.team.id);
    const claim = await verifiedClaim(desk, article.id, sample, PHRASE);
    const inserted = "A paragraph added by the editor.";
    const result = await saveBody(desk, article.id, `${inserted}\n\n${sample}`);
    expect(result).toMatchObject({ attached: 1, moved: 1, needsReview: 0 });
    const after = await stored(claim.id);
    expect([after.anchorStatus, after.status, after.exact, after.start, after.anchorVersion]).toEqual([
      "attached",
      "verified",
      PHRASE,
      claim.start + inserted.length + 2,
      2,
    ]);
  });
});

describe("placing a claim by hand", () => {
  it("refuses a span or a candidate for an attached claim, so a verified verdict cannot be moved", async () => {
    const article = await createArticle(desk.team.id);
    const claim = await verifiedClaim(desk, article.id, sample, PHRASE);
    const other = "Sir Keir Starmer has called for the US";
    const start = sample.indexOf(other);
    for (const action of [
      { kind: "span" as const, start, end: start + other.length, exact: other },
      { kind: "candidate" as const, index: 0 },
    ]) {
      const error = await failure(resolveAnchor({ claimId: claim.id, userId: desk.reviewer.id, version: claim.version, action }));
      expect(error.code).toBe("unprocessable");
      expect(error.message).toMatch(/attached/);
    }
    const after = await stored(claim.id);
    expect([after.exact, after.status, after.version]).toEqual([PHRASE, "verified", claim.version]);
  });

  it("keeps a verified claim verified when the words chosen are its own, and sends it back when they differ", async () => {
    const article = await createArticle(desk.team.id);
    const same = await verifiedClaim(desk, article.id, sample, PHRASE);
    const moved = await verifiedClaim(desk, article.id, sample, "Sir Keir Starmer has called for the US");
    const orphan = async (id: string, version: number) =>
      resolveAnchor({ claimId: id, userId: desk.reviewer.id, version, action: { kind: "orphan" } });
    const a = await orphan(same.id, same.version);
    const b = await orphan(moved.id, moved.version);
    const span = (phrase: string) => ({
      kind: "span" as const,
      start: sample.indexOf(phrase),
      end: sample.indexOf(phrase) + phrase.length,
      exact: phrase,
    });

    const back = await resolveAnchor({ claimId: same.id, userId: desk.reviewer.id, version: a.version, action: span(PHRASE) });
    expect([back.anchor.status, back.status]).toEqual(["attached", "verified"]);
    const elsewhere = await resolveAnchor({
      claimId: moved.id,
      userId: desk.reviewer.id,
      version: b.version,
      action: span("called for the US to provide"),
    });
    expect([elsewhere.anchor.status, elsewhere.status, elsewhere.exact]).toEqual([
      "attached",
      "verdict_proposed",
      "called for the US to provide",
    ]);
    const chosen = await testDb().auditEvent.findFirstOrThrow({ where: { claimId: moved.id, action: "claim.anchor_chosen" } });
    expect(chosen.after).toMatchObject({ status: "verdict_proposed", wordsChanged: true });
  });
});
