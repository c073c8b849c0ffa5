import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDesk, createTeam, createUser, testDb } from "@/e2e/fixtures/factories";
import { addComment, deleteComment, editComment, restoreComment } from "@/lib/claims/comments";
import { createClaim } from "@/lib/claims/create-claim";
import { canStillReadArticle } from "@/lib/access/require";
import { addEvidence } from "@/lib/claims/evidence";
import { getClaim } from "@/lib/claims/get-claim";
import { listClaims } from "@/lib/claims/list-claims";
import { targetFor } from "@/lib/claims/test-helpers";
import { setClaimStatus, setClaimVerdict } from "@/lib/claims/update-claim";
import { AppError } from "@/lib/http/errors";

const CLAIM = "The UK currently spends around 2.3 per cent of gross national product on defence";
type Desk = Awaited<ReturnType<typeof createDesk>>;

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
let intruder: Awaited<ReturnType<typeof createUser>>;
beforeAll(async () => {
  desk = await createDesk();
  intruder = await createUser((await createTeam()).id, "admin", "intruder");
});
afterAll(async () => {
  await testDb().$disconnect();
});

const claimCount = () => testDb().claim.count({ where: { articleId: desk.article.id } });

describe("creating claims", () => {
  it("stores a claim whose selectors match the article, with a history entry", async () => {
    const claim = await createClaim({ userId: desk.reviewer.id, articleId: desk.article.id, target: targetFor(desk.article.body, CLAIM) });
    expect(claim.exact).toBe(CLAIM);
    expect(claim.status).toBe("unreviewed");
    expect(claim.target.selector[0].prefix).toBe(desk.article.body.slice(claim.start - 32, claim.start));
    const detail = await getClaim({ claimId: claim.id, userId: desk.viewer.id });
    expect(detail.events.map((e) => [e.action, e.actor.id])).toEqual([["claim.created", desk.reviewer.id]]);
  });

  it("refuses selectors that do not match the text, and stores nothing", async () => {
    const before = await claimCount();
    const good = targetFor(desk.article.body, CLAIM);
    const cases = [
      { ...good, quote: { ...good.quote, exact: "The UK currently spends around 5 per cent of gross national product on defence" } },
      { ...good, position: { start: good.position.start + 1, end: good.position.end + 1 } },
      { ...good, quote: { ...good.quote, prefix: "something else entirely" } },
      {
        quote: { exact: "x", prefix: "", suffix: "" },
        position: { start: desk.article.body.length + 5, end: desk.article.body.length + 6 },
      },
    ];
    for (const target of cases) {
      await expectAppError(createClaim({ userId: desk.reviewer.id, articleId: desk.article.id, target }), "unprocessable");
    }
    expect(await claimCount()).toBe(before);
  });

  it("lets a viewer read but not create, and hides the article from another team", async () => {
    const before = await claimCount();
    const target = targetFor(desk.article.body, "Sir Keir Starmer");
    await expectAppError(createClaim({ userId: desk.viewer.id, articleId: desk.article.id, target }), "forbidden", /Viewers/);
    await expectAppError(createClaim({ userId: intruder.id, articleId: desk.article.id, target }), "not_found");
    await expectAppError(listClaims({ articleId: desk.article.id, userId: intruder.id }), "not_found");
    expect(await claimCount()).toBe(before);
    expect((await listClaims({ articleId: desk.article.id, userId: desk.viewer.id })).length).toBe(before);
  });

  it("allows overlapping and nested claims", async () => {
    const outer = await createClaim({
      userId: desk.reviewer.id,
      articleId: desk.article.id,
      target: targetFor(desk.article.body, "2.5 per cent share of the economy"),
    });
    const inner = await createClaim({
      userId: desk.reviewer2.id,
      articleId: desk.article.id,
      target: targetFor(desk.article.body, "2.5 per cent"),
    });
    const list = await listClaims({ articleId: desk.article.id, userId: desk.editor.id });
    expect(list.map((c) => c.id)).toEqual(expect.arrayContaining([outer.id, inner.id]));
    const starts = list.map((c) => c.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });
});

describe("status and verdicts", () => {
  it("records a verdict with ordinal and label, proposes it, and enforces four-eyes sign-off", async () => {
    const claim = await createClaim({
      userId: desk.reviewer.id,
      articleId: desk.article.id,
      target: targetFor(desk.article.body, "Nato secretary general Mark Rutte"),
    });
    const inReview = await setClaimStatus({ userId: desk.reviewer.id, claimId: claim.id, status: "in_review" });
    expect(inReview.version).toBe(2);
    await expectAppError(setClaimStatus({ userId: desk.reviewer.id, claimId: claim.id, status: "verified" }), "unprocessable", /verdict/);

    const proposed = await setClaimVerdict({
      userId: desk.editor.id,
      claimId: claim.id,
      verdict: "true",
      explanation: "Rutte is Nato's secretary general since October 2024.",
    });
    expect(proposed.status).toBe("verdict_proposed");
    expect(proposed.verdict).toMatchObject({ key: "true", label: "True", ordinal: 5, by: { id: desk.editor.id } });

    await expectAppError(setClaimStatus({ userId: desk.reviewer2.id, claimId: claim.id, status: "verified" }), "forbidden", /editor/);
    await expectAppError(setClaimStatus({ userId: desk.editor.id, claimId: claim.id, status: "verified" }), "forbidden", /four-eyes/);
    await expectAppError(setClaimStatus({ userId: desk.viewer.id, claimId: claim.id, status: "verified" }), "forbidden");
    await expectAppError(setClaimStatus({ userId: intruder.id, claimId: claim.id, status: "in_review" }), "not_found");

    const verified = await setClaimStatus({ userId: desk.admin.id, claimId: claim.id, status: "verified" });
    expect(verified.status).toBe("verified");
    await expectAppError(
      setClaimVerdict({ userId: desk.reviewer.id, claimId: claim.id, verdict: "false", explanation: "Changing my mind after sign-off." }),
      "conflict",
      /reopen/,
    );
    const history = await getClaim({ claimId: claim.id, userId: desk.viewer.id });
    expect(history.events.map((e) => e.action)).toEqual(["claim.created", "claim.status", "claim.verdict", "claim.verified"]);
  });

  it("refuses a change based on a stale version, naming who changed the claim", async () => {
    const claim = await createClaim({
      userId: desk.reviewer.id,
      articleId: desk.article.id,
      target: targetFor(desk.article.body, "Marco Rubio"),
    });
    await setClaimStatus({ userId: desk.reviewer2.id, claimId: claim.id, status: "in_review", version: claim.version });
    await expectAppError(
      setClaimStatus({ userId: desk.reviewer.id, claimId: claim.id, status: "not_check_worthy", version: claim.version }),
      "conflict",
      new RegExp(desk.reviewer2.name),
    );
    const after = await getClaim({ claimId: claim.id, userId: desk.reviewer.id });
    expect(after.status).toBe("in_review");
    expect(after.version).toBe(2);
  });
});

describe("comments and evidence", () => {
  it("threads replies, lets only the author edit or delete, and undoes a deletion", async () => {
    const claim = await createClaim({
      userId: desk.reviewer.id,
      articleId: desk.article.id,
      target: targetFor(desk.article.body, "Stephen Gethins"),
    });
    const first = await addComment({ userId: desk.reviewer.id, claimId: claim.id, body: "Is he still the SNP's spokesperson?" });
    const reply = await addComment({ userId: desk.editor.id, claimId: claim.id, body: "Yes, checked today.", parentId: first.id });
    expect(reply.parentId).toBe(first.id);

    await expectAppError(editComment({ userId: desk.editor.id, commentId: first.id, body: "hijacked" }), "not_found");
    await expectAppError(deleteComment({ userId: desk.editor.id, commentId: first.id }), "not_found");
    await expectAppError(addComment({ userId: desk.viewer.id, claimId: claim.id, body: "viewer comment" }), "forbidden");
    await expectAppError(addComment({ userId: intruder.id, claimId: claim.id, body: "intruder comment" }), "not_found");

    const edited = await editComment({
      userId: desk.reviewer.id,
      commentId: first.id,
      body: "Is he still the SNP's foreign affairs spokesperson?",
    });
    expect(edited.editedAt).not.toBeNull();
    await deleteComment({ userId: desk.reviewer.id, commentId: first.id });
    let seenByOthers = await getClaim({ claimId: claim.id, userId: desk.editor.id });
    expect(seenByOthers.comments.find((c) => c.id === first.id)).toMatchObject({ body: "", deletedAt: expect.any(String) });
    expect(seenByOthers.counts.comments).toBe(1);
    await restoreComment({ userId: desk.reviewer.id, commentId: first.id });
    seenByOthers = await getClaim({ claimId: claim.id, userId: desk.editor.id });
    expect(seenByOthers.comments.find((c) => c.id === first.id)).toMatchObject({
      body: "Is he still the SNP's foreign affairs spokesperson?",
      deletedAt: null,
    });
  });

  it("stores evidence with its stance and source type", async () => {
    const claim = await createClaim({
      userId: desk.reviewer.id,
      articleId: desk.article.id,
      target: targetFor(desk.article.body, "Graeme Downie"),
    });
    const evidence = await addEvidence({
      userId: desk.reviewer.id,
      claimId: claim.id,
      url: "https://members.parliament.uk/member/4865/contact",
      title: "UK Parliament: Graeme Downie MP",
      excerpt: "Labour MP for Dunfermline and Dollar",
      stance: "supports",
      sourceType: "primary",
      retrievedAt: new Date("2025-02-18"),
    });
    expect(evidence).toMatchObject({ stance: "supports", sourceType: "primary", addedBy: { id: desk.reviewer.id } });
    const [listed] = (await listClaims({ articleId: desk.article.id, userId: desk.viewer.id })).filter((c) => c.id === claim.id);
    expect(listed?.counts.evidence).toBe(1);
    await expectAppError(
      addEvidence({
        userId: desk.viewer.id,
        claimId: claim.id,
        url: "https://example.org",
        title: "x",
        excerpt: "",
        stance: "context",
        sourceType: "secondary",
        retrievedAt: new Date(),
      }),
      "forbidden",
    );
  });
});

describe("canStillReadArticle (the open-stream check)", () => {
  it("is true for any member, false for another team and for a disabled account", async () => {
    expect(await canStillReadArticle(desk.article.id, desk.viewer.id)).toBe(true);
    expect(await canStillReadArticle(desk.article.id, intruder.id)).toBe(false);
    expect(await canStillReadArticle("no-such-article", desk.viewer.id)).toBe(false);
    const leaver = await createUser(desk.team.id, "reviewer", "leaver");
    expect(await canStillReadArticle(desk.article.id, leaver.id)).toBe(true);
    await testDb().user.update({ where: { id: leaver.id }, data: { disabled: true } });
    expect(await canStillReadArticle(desk.article.id, leaver.id)).toBe(false);
  });
});
