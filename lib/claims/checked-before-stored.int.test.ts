// Stored "checked before" answers (issue #21 item 5): the suggestions list does bounded work per request, the job
// fills the rest with findCheckedBefore's answers, verdict changes make them refresh.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createArticle, createDesk, testDb } from "@/e2e/fixtures/factories";
import { listSuggestions } from "@/lib/claims/suggested";
import { CHECKED_BEFORE_REQUEST_LOOKUPS, checkedBeforeJob, refreshCheckedBefore } from "@/lib/claims/checked-before-stored";
import { findCheckedBefore } from "@/lib/claims/checked-before";
import { createClaim } from "@/lib/claims/create-claim";
import { targetFor } from "@/lib/claims/test-helpers";
import { setClaimVerdict } from "@/lib/claims/update-claim";
import { bodyHash } from "@/lib/articles/stored-suggestions";
import { db } from "@/lib/db";

type Desk = Awaited<ReturnType<typeof createDesk>>;
let desk: Desk;

// Twenty sentences the detector suggests (each states a figure), about subjects of their own.
const SUBJECTS = ["wheat", "barley", "coal", "steel", "copper", "cotton", "rice", "sugar", "cocoa", "coffee"];
const REGIONS = ["the north", "the coast"];
const LONG_BODY = SUBJECTS.flatMap((s, i) =>
  REGIONS.map((r, j) => `Exports of ${s} from ${r} rose by ${10 + i * 2 + j} per cent in 2023, the ministry said.`),
).join("\n\n");

const storedCount = (articleId: string) => testDb().suggestion.count({ where: { articleId, checkedBeforeVersion: { not: null } } });
const jobsFor = async (articleId: string) =>
  (
    await testDb().$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM graphile_worker._private_jobs WHERE key = ${`checked-before:${articleId}`}`
  )[0]!.n;
const versionOf = async (teamId: string) =>
  (await testDb().team.findUniqueOrThrow({ where: { id: teamId }, select: { verdictsVersion: true } })).verdictsVersion;

/** Gives `text` (a sentence of `article`) a claim with a verdict. */
async function verdictOn(article: { id: string; body: string }, text: string, verdict = "misleading") {
  const claim = await createClaim({ userId: desk.reviewer.id, articleId: article.id, target: targetFor(article.body, text) });
  await setClaimVerdict({ userId: desk.reviewer.id, claimId: claim.id, verdict, explanation: "Checked." });
  return claim;
}

/** Every listed suggestion's answer is findCheckedBefore's first (limit 1), and known. */
async function expectAnswersOfFindCheckedBefore(articleId: string) {
  const listed = await listSuggestions({ articleId, userId: desk.reviewer.id });
  expect(listed.length).toBeGreaterThan(0);
  for (const s of listed) {
    const [expected] = await findCheckedBefore({ teamId: desk.team.id, text: s.text, limit: 1 });
    expect({ text: s.text, answer: s.checkedBefore, pending: s.checkedBeforePending }).toEqual({
      text: s.text,
      answer: expected ?? null,
      pending: false,
    });
  }
  return listed;
}

beforeAll(async () => {
  desk = await createDesk();
});
afterAll(async () => {
  await db.$disconnect();
  await testDb().$disconnect();
});

describe("the suggestions list with stored 'checked before' answers", () => {
  it("looks up at most CHECKED_BEFORE_REQUEST_LOOKUPS per request and queues a job for the rest", async () => {
    const article = await createArticle(desk.team.id, { body: LONG_BODY });
    const first = await listSuggestions({ articleId: article.id, userId: desk.reviewer.id });
    expect(first.length).toBeGreaterThan(CHECKED_BEFORE_REQUEST_LOOKUPS + 5);
    // Lookups counted by the answers they stored: exactly the budget, not one per suggestion.
    expect(await storedCount(article.id)).toBe(CHECKED_BEFORE_REQUEST_LOOKUPS);
    expect(first.filter((s) => s.checkedBeforePending)).toHaveLength(first.length - CHECKED_BEFORE_REQUEST_LOOKUPS);
    expect(await jobsFor(article.id)).toBe(1);
    // The next read looks up the next ones; the job is still one waiting job (replaced, not added).
    await listSuggestions({ articleId: article.id, userId: desk.reviewer.id });
    expect(await storedCount(article.id)).toBe(Math.min(first.length, 2 * CHECKED_BEFORE_REQUEST_LOOKUPS));
    expect(await jobsFor(article.id)).toBe(1);
  });

  it("has the job fill every answer with findCheckedBefore's, and refreshes them after a verdict change", async () => {
    const earlier = await createArticle(desk.team.id, { body: LONG_BODY, title: "Earlier exports" });
    const texts = (await listSuggestions({ articleId: earlier.id, userId: desk.reviewer.id })).map((s) => s.text);
    await verdictOn(earlier, texts[0]!);
    await verdictOn(earlier, texts[3]!, "false");

    const article = await createArticle(desk.team.id, { body: LONG_BODY });
    await listSuggestions({ articleId: article.id, userId: desk.reviewer.id });
    await checkedBeforeJob.run({ articleId: article.id, bodyHash: bodyHash(LONG_BODY) }, { jobId: "1", attempt: 1, maxAttempts: 5 });
    const listed = await expectAnswersOfFindCheckedBefore(article.id);
    expect(listed.filter((s) => s.checkedBefore !== null).length).toBeGreaterThan(2);

    // A new verdict: every stored answer of the team is stale (pending) until looked up again.
    const before = await versionOf(desk.team.id);
    const fresh = await verdictOn(earlier, texts[7]!, "true");
    expect(await versionOf(desk.team.id)).toBeGreaterThan(before);
    expect(await refreshCheckedBefore({ articleId: article.id, bodyHash: bodyHash(LONG_BODY) })).toBe(listed.length);
    const after = await expectAnswersOfFindCheckedBefore(article.id);
    expect(after.find((s) => s.text === texts[7])?.checkedBefore?.claimId).toBe(fresh.id);
    // Known answers are not looked up again.
    expect(await refreshCheckedBefore({ articleId: article.id, bodyHash: bodyHash(LONG_BODY) })).toBe(0);
  });

  it("counts verdicts written by plain SQL too (the one-statement path), and claims deleted", async () => {
    const earlier = await createArticle(desk.team.id, { body: LONG_BODY });
    const texts = (await listSuggestions({ articleId: earlier.id, userId: desk.reviewer.id })).map((s) => s.text);
    const claim = await verdictOn(earlier, texts[1]!);
    let version = await versionOf(desk.team.id);
    await testDb().$executeRaw`UPDATE "Claim" SET "verdictOrdinal" = NULL WHERE "id" = ${claim.id}`;
    expect(await versionOf(desk.team.id)).toBe(++version);
    // A change that cannot change an answer (the label of no verdict) counts nothing.
    await testDb().$executeRaw`UPDATE "Claim" SET "verdictLabel" = 'x' WHERE "id" = ${claim.id}`;
    expect(await versionOf(desk.team.id)).toBe(version);
    await testDb().$executeRaw`UPDATE "Claim" SET "verdictOrdinal" = 2 WHERE "id" = ${claim.id}`;
    expect(await versionOf(desk.team.id)).toBe(++version);
    await testDb().article.delete({ where: { id: earlier.id } });
    expect(await versionOf(desk.team.id)).toBe(++version);
  });
});
