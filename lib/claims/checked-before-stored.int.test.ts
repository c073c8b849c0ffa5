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

type Desk = Awaited<ReturnType<typeof createDesk>>;
let desk: Desk;

// Twenty sentences the detector suggests (each states a figure), about subjects of their own.
const SUBJECTS = ["wheat", "barley", "coal", "steel", "copper", "cotton", "rice", "sugar", "cocoa", "coffee"];
const REGIONS = ["the north", "the coast"];
const LONG_BODY = SUBJECTS.flatMap((s, i) =>
  REGIONS.map((r, j) => `Exports of ${s} from ${r} rose by ${10 + i * 2 + j} per cent in 2023, the ministry said.`),
).join("\n\n");

const storedCount = (articleId: string) => testDb().suggestion.count({ where: { articleId, checkedBeforePending: false } });
const jobsFor = async (articleId: string) =>
  (
    await testDb().$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM graphile_worker._private_jobs WHERE key = ${`checked-before:${articleId}`}`
  )[0]!.n;
/** Each open suggestion's answer state: claim, pending, version (which every change of it moves on). */
const statesOf = async (articleId: string) =>
  new Map(
    (
      await testDb().suggestion.findMany({
        where: { articleId, dismissedAt: null, claimId: null },
        select: { id: true, text: true, checkedBeforeClaimId: true, checkedBeforePending: true, checkedBeforeVersion: true },
      })
    ).map((s) => [s.text, s]),
  );
const dropJobsFor = (articleId: string) =>
  testDb().$executeRaw`DELETE FROM graphile_worker._private_jobs WHERE key = ${`checked-before:${articleId}`}`;
const runJob = (article: { id: string; body: string }) =>
  checkedBeforeJob.run({ articleId: article.id, bodyHash: bodyHash(article.body) }, { jobId: "1", attempt: 1, maxAttempts: 5 });

/** Gives `text` (a sentence of `article`) a claim with a verdict. */
async function verdictOn(article: { id: string; body: string }, text: string, verdict = "misleading", d: Desk = desk) {
  const claim = await createClaim({ userId: d.reviewer.id, articleId: article.id, target: targetFor(article.body, text) });
  await setClaimVerdict({ userId: d.reviewer.id, claimId: claim.id, verdict, explanation: "Checked." });
  return claim;
}

/** Every listed suggestion's answer is findCheckedBefore's first (limit 1), and known. */
async function expectAnswersOfFindCheckedBefore(articleId: string, d: Desk = desk) {
  const listed = await listSuggestions({ articleId, userId: d.reviewer.id });
  expect(listed.length).toBeGreaterThan(0);
  for (const s of listed) {
    const [expected] = await findCheckedBefore({ teamId: d.team.id, text: s.text, limit: 1 });
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
  await testDb().$disconnect();
});

describe("the suggestions list with stored 'checked before' answers", () => {
  it("looks up at most CHECKED_BEFORE_REQUEST_LOOKUPS per request and queues a job for the rest", async () => {
    const article = await createArticle(desk.team.id, { body: LONG_BODY });
    const first = await listSuggestions({ articleId: article.id, userId: desk.reviewer.id });
    expect(first.length).toBeGreaterThan(CHECKED_BEFORE_REQUEST_LOOKUPS + 5);
    // Lookups counted by the answers they stored: at most the budget, not one per suggestion. Fewer when the
    // CHECKED_BEFORE_REQUEST_BUDGET_MS (500 ms) ran out first, as on a loaded machine (review30: 0 stored at load 37).
    const stored = await storedCount(article.id);
    expect(stored).toBeLessThanOrEqual(CHECKED_BEFORE_REQUEST_LOOKUPS);
    expect(first.filter((s) => s.checkedBeforePending)).toHaveLength(first.length - stored);
    expect(await jobsFor(article.id)).toBe(1);
    // The next read looks up the next ones (within the budget again); the job is still one job (not added).
    await listSuggestions({ articleId: article.id, userId: desk.reviewer.id });
    const storedAgain = await storedCount(article.id);
    expect(storedAgain).toBeGreaterThanOrEqual(stored);
    expect(storedAgain).toBeLessThanOrEqual(stored + CHECKED_BEFORE_REQUEST_LOOKUPS);
    expect(await jobsFor(article.id)).toBe(1);
  });

  // Stop 29: every read that left answers pending re-queued the job for now (graphile's "replace"): a write per read,
  // and a job due later (a lookup that gave way, a retry's back-off) pulled forward to now, by every reader.
  it("leaves a job already waiting for the article's text alone on reads; queues one only when none waits", async () => {
    const article = await createArticle(desk.team.id, { body: LONG_BODY });
    await listSuggestions({ articleId: article.id, userId: desk.reviewer.id });
    const key = `checked-before:${article.id}`;
    const jobRow = async () =>
      (
        await testDb().$queryRaw<{ id: bigint; revision: number; later: boolean }[]>`
          SELECT id, revision, run_at > now() + interval '30 minutes' AS later FROM graphile_worker._private_jobs WHERE key = ${key}`
      )[0];
    // Due in an hour (as a back-off would have it): readers do not make it due now, nor touch its row.
    await testDb().$executeRaw`UPDATE graphile_worker._private_jobs SET run_at = now() + interval '1 hour' WHERE key = ${key}`;
    const waiting = await jobRow();
    // 20 suggestions, 8 lookups a read: the second read still leaves some pending.
    const listed = await listSuggestions({ articleId: article.id, userId: desk.reviewer.id });
    expect(listed.some((s) => s.checkedBeforePending)).toBe(true);
    expect(await jobRow()).toEqual({ ...waiting, later: true });
    // A job that failed for good (attempts used up) is no job: the next read queues one, for now. (Every answer
    // pending again, as a verdict trigger leaves them, so that the reads below leave some for the job.)
    const allPending = () =>
      testDb()
        .$executeRaw`UPDATE "Suggestion" SET "checkedBeforePending" = true, "checkedBeforeVersion" = "checkedBeforeVersion" + 1 WHERE "articleId" = ${article.id}`;
    await allPending();
    await testDb().$executeRaw`UPDATE graphile_worker._private_jobs SET attempts = max_attempts WHERE key = ${key}`;
    await listSuggestions({ articleId: article.id, userId: desk.reviewer.id });
    const queued = await testDb().$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM graphile_worker._private_jobs WHERE key = ${key} AND attempts < max_attempts AND run_at <= now()`;
    expect(queued[0]!.n).toBe(1);
    // And none at all (removed): likewise.
    await allPending();
    await dropJobsFor(article.id);
    await listSuggestions({ articleId: article.id, userId: desk.reviewer.id });
    expect(await jobsFor(article.id)).toBe(1);
  });

  it("has the job fill every answer with findCheckedBefore's", async () => {
    const earlier = await createArticle(desk.team.id, { body: LONG_BODY, title: "Earlier exports" });
    const texts = (await listSuggestions({ articleId: earlier.id, userId: desk.reviewer.id })).map((s) => s.text);
    await verdictOn(earlier, texts[0]!);
    await verdictOn(earlier, texts[3]!, "false");
    const article = await createArticle(desk.team.id, { body: LONG_BODY });
    await listSuggestions({ articleId: article.id, userId: desk.reviewer.id });
    await runJob(article);
    const listed = await expectAnswersOfFindCheckedBefore(article.id);
    expect(listed.filter((s) => s.checkedBefore !== null).length).toBeGreaterThan(2);
    // Nothing pending: the job looks nothing up again.
    expect(await refreshCheckedBefore({ articleId: article.id, bodyHash: bodyHash(LONG_BODY) })).toBe(0);
  });
});

// Sentences on subjects of their own (none reads like another), each stating a figure, so the detector suggests each.
const DISTINCT = [
  "The council spent 4.2 million pounds on new cycle lanes across the city last year.",
  "Unemployment among young people fell to 11 per cent in the second quarter, official data show.",
  "Hospital waiting lists grew by 300,000 patients since January, according to the health service.",
  "The average price of a house in Leeds rose 7 per cent to 210,000 pounds in 2024.",
  "Rail fares in the region will increase by 5.9 per cent from March, the transport department announced.",
];
const DISTINCT_BODY = DISTINCT.join("\n\n");
// What the detector suggests of each: the sentence without its full stop.
const SUGGESTED = DISTINCT.map((t) => t.replace(/\.$/, ""));
// Read like DISTINCT[0] (same words, other figure), DISTINCT[4] (alike, other words) and neither.
const LIKE_CYCLE_LANES = "The council spent 6.1 million pounds on new cycle lanes across the city last year.";
const LIKE_RAIL_FARES = "Rail fares in the region will increase by 4 per cent from April, the transport department said.";
const ALSO_RAIL_FARES = "Rail fares in the north will increase by 3 per cent from May, the department announced.";
const UNRELATED = "Sales of electric bicycles doubled to 90,000 in the first half, retailers reported.";

describe("verdicts keep the stored answers up from the claim's side", () => {
  let d: Desk;
  let article: { id: string; body: string };
  let elsewhere: { id: string; body: string };

  beforeAll(async () => {
    d = await createDesk();
    article = await createArticle(d.team.id, { body: DISTINCT_BODY });
    elsewhere = await createArticle(d.team.id, { body: [LIKE_CYCLE_LANES, LIKE_RAIL_FARES, ALSO_RAIL_FARES, UNRELATED].join("\n\n") });
    await listSuggestions({ articleId: article.id, userId: d.reviewer.id });
    await runJob(article);
    const states = await statesOf(article.id);
    expect([...states.keys()].sort()).toEqual([...SUGGESTED].sort());
    expect([...states.values()].every((s) => !s.checkedBeforePending && s.checkedBeforeClaimId === null)).toBe(true);
    // No worker runs in tests: the job queued with the suggestions waits; gone, so the tests see the ones queued later.
    await dropJobsFor(article.id);
  });

  it("leaves every suggestion alone for a verdict on a claim none of them reads like (no lookup, no job)", async () => {
    const before = await statesOf(article.id);
    await verdictOn(elsewhere, UNRELATED, "true", d);
    expect(await statesOf(article.id)).toEqual(before);
    expect(await jobsFor(article.id)).toBe(0);
  });

  it("gives a look-alike claim's verdict to exactly the suggestions it ranks first for, as findCheckedBefore would", async () => {
    const before = await statesOf(article.id);
    const rail = await verdictOn(elsewhere, LIKE_RAIL_FARES, "misleading", d);
    let after = await statesOf(article.id);
    for (const [text, state] of after) {
      if (text === SUGGESTED[4]) expect(state).toMatchObject({ checkedBeforeClaimId: rail.id, checkedBeforePending: false });
      else expect(state).toEqual(before.get(text));
    }
    // Same words (another figure) outrank any merely alike claim; the cycle-lanes suggestion takes it.
    const lanes = await verdictOn(elsewhere, LIKE_CYCLE_LANES, "false", d);
    after = await statesOf(article.id);
    expect(after.get(SUGGESTED[0]!)).toMatchObject({ checkedBeforeClaimId: lanes.id, checkedBeforePending: false });
    // A less alike claim does not replace a better answer.
    const also = await verdictOn(elsewhere, ALSO_RAIL_FARES, "true", d);
    after = await statesOf(article.id);
    expect(after.get(SUGGESTED[4]!)?.checkedBeforeClaimId).toBe(rail.id);
    expect(also.id).not.toBe(rail.id);
    await expectAnswersOfFindCheckedBefore(article.id, d);
    expect(await jobsFor(article.id)).toBe(0);
  });

  it("falls back to the next best when the answer's claim loses its verdict or is deleted, through any write path", async () => {
    const rail = (await statesOf(article.id)).get(SUGGESTED[4]!)!.checkedBeforeClaimId!;
    const unrelated = await statesOf(article.id);
    // Taken back by plain SQL (as lib/claims/change-claim-sql.ts writes): only the suggestion it answered is pending.
    await testDb().$executeRaw`UPDATE "Claim" SET "verdictOrdinal" = NULL, "verdictLabel" = NULL WHERE "id" = ${rail}`;
    let after = await statesOf(article.id);
    for (const [text, state] of after) {
      if (text === SUGGESTED[4]) expect(state.checkedBeforePending).toBe(true);
      else expect(state).toEqual(unrelated.get(text));
    }
    expect(await jobsFor(article.id)).toBe(1);
    expect(await refreshCheckedBefore({ articleId: article.id, bodyHash: bodyHash(article.body) })).toBe(1);
    const next = await expectAnswersOfFindCheckedBefore(article.id, d);
    const fallback = next.find((s) => s.text === SUGGESTED[4])!.checkedBefore!;
    expect(fallback.claimId).not.toBe(rail);
    expect(fallback.exact).toBe(ALSO_RAIL_FARES);

    // Deleted (here with its whole article, by cascade): pending again, then none.
    await testDb().article.delete({ where: { id: elsewhere.id } });
    after = await statesOf(article.id);
    expect(after.get(SUGGESTED[4]!)?.checkedBeforePending).toBe(true);
    expect(after.get(SUGGESTED[0]!)?.checkedBeforePending).toBe(true);
    await refreshCheckedBefore({ articleId: article.id, bodyHash: bodyHash(article.body) });
    const last = await expectAnswersOfFindCheckedBefore(article.id, d);
    expect(last.every((s) => s.checkedBefore === null)).toBe(true);
  });

  it("forgets an answer on its own article when that article is deleted (cascade) without failing", async () => {
    const own = await createArticle(d.team.id, { body: [DISTINCT[1]!, DISTINCT[2]!.replace("300,000", "200,000")].join("\n\n") });
    await listSuggestions({ articleId: own.id, userId: d.reviewer.id });
    await runJob(own);
    await verdictOn(own, SUGGESTED[1]!, "true", d);
    const states = await statesOf(own.id);
    expect(states.get(SUGGESTED[1]!)?.checkedBeforeClaimId).not.toBeNull();
    await testDb().article.delete({ where: { id: own.id } });
    expect((await statesOf(article.id)).get(SUGGESTED[1]!)?.checkedBeforePending).toBe(true);
  });
});
