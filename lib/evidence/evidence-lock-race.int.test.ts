// A verified claim's sources are the ones the editor signed off (workflow.evidenceLock). Evidence writes read the
// claim's status and then wrote the evidence row without locking the claim, so a sign-off committing in between let a
// source be edited, removed or restored on a verified claim, and a source added while the sign-off was open was
// dated before it and listed on the report under the editor's name. Every evidence write now takes the claim's row
// lock first (the lock a sign-off's UPDATE takes) and judges the status under it: the two take turns.
//
// Deterministic: one transaction holds the claim's lock (as a sign-off in progress does), the evidence write starts
// and either finishes or waits for that lock (pg_locks), then the sign-off is written in the holding transaction
// and commits.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerFor, outcomeOf } from "@/e2e/fixtures/errors";
import { createDesk, testDb } from "@/e2e/fixtures/factories";
import { addEvidence } from "@/lib/claims/evidence";
import { createClaim } from "@/lib/claims/create-claim";
import { targetFor } from "@/lib/claims/test-helpers";
import { setClaimStatus, setClaimVerdict } from "@/lib/claims/update-claim";
import { db, inTransaction } from "@/lib/db";
import { editEvidence, removeEvidence, restoreEvidence } from "@/lib/evidence/edit-evidence";
import { addFileEvidence } from "@/lib/evidence/files";
import { loadVerifiedReport } from "@/lib/publish/verified-claims";
import { PHRASES, type Desk } from "@/lib/publish/test-helpers";

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
const SOURCE = {
  url: "https://www.gov.uk/defence-spending",
  title: "Defence departmental resources 2024",
  excerpt: "",
  stance: "supports" as const,
  sourceType: "primary" as const,
  retrievedAt: new Date("2026-11-20"),
};

let desk: Desk;

beforeAll(async () => {
  desk = await createDesk();
});
afterAll(async () => {
  await testDb().$disconnect();
});

/** A claim with a proposed verdict (by the reviewer) and one source the reviewer added, ready for the editor's sign-off. */
async function proposedClaim(phrase: string) {
  const claim = await createClaim({ userId: desk.reviewer.id, articleId: desk.article.id, target: targetFor(desk.article.body, phrase) });
  await setClaimVerdict({ userId: desk.reviewer.id, claimId: claim.id, verdict: "mostly_true", explanation: "MoD figures." });
  const evidence = await addEvidence({ userId: desk.reviewer.id, claimId: claim.id, ...SOURCE });
  return { claimId: claim.id, evidence };
}

/** Resolves once some statement waits for a lock (pg_locks), or `stop` says to give up. */
async function lockWaiter(stop: { done: boolean }): Promise<void> {
  while (!stop.done) {
    const [row] = await testDb().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted`;
    if (row && row.n > 0) return;
  }
}

/**
 * Holds claim `claimId`'s row lock in a transaction, starts `write` and waits until it finished or waits for a lock,
 * then signs the claim off (the editor) in the holding transaction and commits. Output: `write`'s promise (wrapped, so
 * awaiting this does not await the write).
 */
async function writeDuringSignOff<T>(claimId: string, write: () => Promise<T>): Promise<{ write: Promise<T> }> {
  let started: Promise<T> | undefined;
  const stop = { done: false };
  await inTransaction(db, async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "Claim" WHERE "id" = ${claimId} FOR NO KEY UPDATE`;
    started = write();
    await Promise.race([started.then(undefined, () => undefined), lockWaiter(stop)]);
    stop.done = true;
    await setClaimStatus({ userId: desk.editor.id, claimId, status: "verified", answer: "id" }, tx);
  });
  return { write: started! };
}

const evidenceRow = (id: string) =>
  testDb().evidence.findUniqueOrThrow({ where: { id }, select: { url: true, title: true, stance: true, version: true, deletedAt: true } });
const auditActions = async (entityId: string) =>
  (await testDb().auditEvent.findMany({ where: { entityId }, orderBy: { id: "asc" }, select: { action: true } })).map((r) => r.action);
async function reportSources(claimId: string) {
  const report = await loadVerifiedReport({ id: desk.article.id }, claimId);
  return report?.claims.find((c) => c.id === claimId)?.evidence.map((e) => e.url);
}

describe("an evidence change racing a sign-off", () => {
  it("edit: waits for the sign-off, then answers 409 and changes nothing", async () => {
    const { claimId, evidence } = await proposedClaim(PHRASES.verified);
    const before = await evidenceRow(evidence.id);
    const { write: edit } = await writeDuringSignOff(claimId, () =>
      editEvidence({
        userId: desk.reviewer.id,
        evidenceId: evidence.id,
        version: evidence.version,
        ...SOURCE,
        url: "https://elsewhere.example/other-figures",
        stance: "contradicts",
      }),
    );
    expect(await answerFor(edit)).toMatchObject({ status: 409, code: "conflict" });
    expect(await evidenceRow(evidence.id)).toEqual(before);
    expect(await auditActions(evidence.id)).toEqual(["evidence.added"]);
    expect(await reportSources(claimId)).toEqual([SOURCE.url]);
  });

  it("remove: waits for the sign-off, then answers 409 and the signed-off source stays", async () => {
    const { claimId, evidence } = await proposedClaim(PHRASES.unverifiable);
    const { write: remove } = await writeDuringSignOff(claimId, () => removeEvidence({ userId: desk.editor.id, evidenceId: evidence.id }));
    expect(await answerFor(remove)).toMatchObject({ status: 409, code: "conflict" });
    expect((await evidenceRow(evidence.id)).deletedAt).toBeNull();
    expect(await auditActions(evidence.id)).toEqual(["evidence.added"]);
    expect(await reportSources(claimId)).toEqual([SOURCE.url]);
  });

  it("restore: waits for the sign-off, then answers 409 and the removed source stays removed", async () => {
    const { claimId, evidence } = await proposedClaim(PHRASES.proposed);
    await removeEvidence({ userId: desk.reviewer.id, evidenceId: evidence.id });
    const { write: restore } = await writeDuringSignOff(claimId, () =>
      restoreEvidence({ userId: desk.reviewer.id, evidenceId: evidence.id }),
    );
    expect(await answerFor(restore)).toMatchObject({ status: 409, code: "conflict" });
    expect((await evidenceRow(evidence.id)).deletedAt).not.toBeNull();
    expect(await auditActions(evidence.id)).toEqual(["evidence.added", "evidence.removed"]);
    expect(await reportSources(claimId)).toEqual([]);
  });

  // Adding a source to a verified claim is allowed (workflow.evidenceLock: it waits for the next sign-off), so an add
  // that waited for the sign-off succeeds; what must not happen is the report listing it as signed off.
  it("add (link): waits for the sign-off and is dated after it, so the report does not list it as signed off", async () => {
    const { claimId } = await proposedClaim(PHRASES.doubleReview);
    const other = { ...SOURCE, url: "https://elsewhere.example/added-during-sign-off" };
    const { write: added } = await writeDuringSignOff(claimId, () => addEvidence({ userId: desk.reviewer.id, claimId, ...other }));
    expect(await outcomeOf(added)).toBe("ok");
    expect(await reportSources(claimId)).toEqual([SOURCE.url]);
  });

  it("add (file): waits for the sign-off and is dated after it", async () => {
    const { claimId } = await proposedClaim(PHRASES.plain);
    const { write: added } = await writeDuringSignOff(claimId, () =>
      addFileEvidence({ userId: desk.reviewer.id, claimId, ...SOURCE, file: { name: "figures.png", bytes: PNG } }),
    );
    const { id } = await added;
    const [signOff, file] = await Promise.all([
      testDb().auditEvent.findFirstOrThrow({ where: { claimId, action: "claim.verified" }, select: { createdAt: true } }),
      testDb().evidence.findUniqueOrThrow({ where: { id }, select: { createdAt: true } }),
    ]);
    expect(file.createdAt.getTime()).toBeGreaterThan(signOff.createdAt.getTime());
  });
});
