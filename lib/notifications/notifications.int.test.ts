// Notifications are written with the event they tell about, reach exactly the people concerned (never the
// actor), and stay private to their recipient.
import { afterAll, describe, expect, it } from "vitest";
import { createDesk, createUser, testDb } from "@/e2e/fixtures/factories";
import { assignReviewers } from "@/lib/claims/assignments";
import { addComment, editComment } from "@/lib/claims/comments";
import { createClaim } from "@/lib/claims/create-claim";
import { setClaimDoubleReview } from "@/lib/claims/double-review";
import { submitReviewVerdict } from "@/lib/claims/review-verdicts";
import { targetFor } from "@/lib/claims/test-helpers";
import { setClaimStatus, setClaimVerdict } from "@/lib/claims/update-claim";
import { AppError } from "@/lib/http/errors";
import { listNotifications, markAllNotificationsRead, markNotificationRead } from "@/lib/notifications/list";
import { addCorrectionNote } from "@/lib/publish/corrections";
import { publishReport } from "@/lib/publish/publish-report";
import { setNotificationSettings } from "@/lib/users/notifications";

afterAll(async () => {
  await testDb().$disconnect();
});

type Desk = Awaited<ReturnType<typeof createDesk>>;
const PHRASE = "The UK currently spends around 2.3 per cent of gross national product on defence";

const claimOn = (desk: Desk, phrase = PHRASE) =>
  createClaim({ userId: desk.reviewer.id, articleId: desk.article.id, target: targetFor(desk.article.body, phrase) });

/** Who got a notification of `kind` about `claimId`, sorted. */
async function recipients(claimId: string, kind: string): Promise<string[]> {
  const rows = await testDb().notification.findMany({ where: { claimId, kind: kind as never }, select: { recipientId: true } });
  return rows.map((r) => r.recipientId).sort();
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (err: unknown) => err,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("mentions", () => {
  it("notify exactly the members named with @, not the author, and store who was mentioned", async () => {
    const desk = await createDesk();
    const outsider = await createUser((await createDesk()).team.id, "editor", "outsider", desk.viewer.name.replace("Viewer", "Outsider"));
    const claim = await claimOn(desk);
    const comment = await addComment({
      userId: desk.reviewer.id,
      claimId: claim.id,
      body: `@${desk.editor.name} can you check this? cc @${desk.reviewer.name} and @${outsider.name}, not ${desk.admin.name}`,
    });
    expect(await recipients(claim.id, "mention")).toEqual([desk.editor.id]);
    const stored = await testDb().comment.findUniqueOrThrow({ where: { id: comment.id } });
    expect(stored.mentionedIds).toEqual([desk.editor.id]);
    expect(stored.body).toContain(`@${desk.editor.name}`);
    const page = await listNotifications({ userId: desk.editor.id, teamId: desk.team.id });
    expect(page.unread).toBe(1);
    expect(page.items[0]).toMatchObject({ kind: "mention", claimId: claim.id, actor: desk.reviewer.name });
    expect(page.items[0]!.href).toBe(`/articles/${desk.article.id}?claim=${claim.id}`);
    expect((await listNotifications({ userId: desk.reviewer.id, teamId: desk.team.id })).unread).toBe(0);
  });

  it("ignore ids the client sends for people the text does not name", async () => {
    const desk = await createDesk();
    const claim = await claimOn(desk);
    await addComment({ userId: desk.reviewer.id, claimId: claim.id, body: "No names here", mentionIds: [desk.editor.id, desk.admin.id] });
    expect(await recipients(claim.id, "mention")).toEqual([]);
  });

  it("on an edit notify only the people newly mentioned", async () => {
    const desk = await createDesk();
    const claim = await claimOn(desk);
    const comment = await addComment({ userId: desk.reviewer.id, claimId: claim.id, body: `@${desk.editor.name} first` });
    await editComment({ userId: desk.reviewer.id, commentId: comment.id, body: `@${desk.editor.name} and @${desk.admin.name}` });
    expect(await recipients(claim.id, "mention")).toEqual([desk.editor.id, desk.admin.id].sort());
    // Found in review: taking a name out and putting it back notified (and mailed) that person each time.
    await editComment({ userId: desk.reviewer.id, commentId: comment.id, body: `@${desk.admin.name} only` });
    await editComment({ userId: desk.reviewer.id, commentId: comment.id, body: `@${desk.editor.name} and @${desk.admin.name} again` });
    expect(await testDb().notification.count({ where: { commentId: comment.id, kind: "mention" } })).toBe(2);
  });
});

describe("events", () => {
  it("a reply notifies the parent comment's author, never someone replying to themself", async () => {
    const desk = await createDesk();
    const claim = await claimOn(desk);
    const question = await addComment({ userId: desk.editor.id, claimId: claim.id, body: "Which year?" });
    await addComment({ userId: desk.editor.id, claimId: claim.id, body: "Also: which source?", parentId: question.id });
    expect(await recipients(claim.id, "reply")).toEqual([]);
    await addComment({ userId: desk.reviewer.id, claimId: claim.id, body: "2024", parentId: question.id });
    expect(await recipients(claim.id, "reply")).toEqual([desk.editor.id]);
  });

  it("an assignment notifies the newly assigned, not the editor who assigns themself", async () => {
    const desk = await createDesk();
    const claim = await claimOn(desk);
    await assignReviewers({ userId: desk.editor.id, claimId: claim.id, reviewerIds: [desk.reviewer.id, desk.editor.id] });
    await assignReviewers({ userId: desk.editor.id, claimId: claim.id, reviewerIds: [desk.reviewer.id, desk.reviewer2.id] });
    expect(await recipients(claim.id, "assignment")).toEqual([desk.reviewer.id, desk.reviewer2.id].sort());
  });

  it("a dispute notifies the claim's reviewers and the team's editors, not the reviewer who caused it", async () => {
    const desk = await createDesk();
    const claim = await claimOn(desk);
    await setClaimDoubleReview({ userId: desk.editor.id, claimId: claim.id, required: true });
    await submitReviewVerdict({ userId: desk.reviewer.id, claimId: claim.id, verdict: "true", explanation: "Fine." });
    await submitReviewVerdict({ userId: desk.reviewer2.id, claimId: claim.id, verdict: "false", explanation: "No." });
    expect(await recipients(claim.id, "dispute")).toEqual([desk.reviewer.id, desk.editor.id, desk.admin.id].sort());
  });

  it("a sign-off notifies the claim's reviewers; a correction to the published verdict notifies them again", async () => {
    const desk = await createDesk();
    const claim = await claimOn(desk);
    await assignReviewers({ userId: desk.editor.id, claimId: claim.id, reviewerIds: [desk.reviewer2.id] });
    await setClaimVerdict({ userId: desk.reviewer.id, claimId: claim.id, verdict: "mostly_true", explanation: "MoD figures." });
    await setClaimStatus({ userId: desk.editor.id, claimId: claim.id, status: "verified" });
    expect(await recipients(claim.id, "sign_off")).toEqual([desk.reviewer.id, desk.reviewer2.id].sort());
    await publishReport({ userId: desk.editor.id, articleId: desk.article.id });
    await addCorrectionNote({ userId: desk.admin.id, claimId: claim.id, note: "The figure is for GDP.", kind: "correction" });
    expect(await recipients(claim.id, "correction")).toEqual([desk.reviewer.id, desk.reviewer2.id].sort());
  });

  it("nothing is written when the event fails", async () => {
    const desk = await createDesk();
    const claim = await claimOn(desk);
    await failure(assignReviewers({ userId: desk.editor.id, claimId: claim.id, reviewerIds: [desk.reviewer.id, desk.viewer.id] }));
    expect(await recipients(claim.id, "assignment")).toEqual([]);
  });
});

describe("the list", () => {
  it("is the recipient's only: an intruder cannot read or mark another person's notifications (404)", async () => {
    const desk = await createDesk();
    const other = await createDesk();
    const claim = await claimOn(desk);
    await addComment({ userId: desk.reviewer.id, claimId: claim.id, body: `@${desk.editor.name} look` });
    const [mine] = (await listNotifications({ userId: desk.editor.id, teamId: desk.team.id })).items;
    for (const intruder of [desk.admin, desk.reviewer, other.admin]) {
      expect((await listNotifications({ userId: intruder.id, teamId: desk.team.id })).items.map((i) => i.id)).not.toContain(mine!.id);
      for (const teamId of [desk.team.id, other.team.id]) {
        expect((await failure(markNotificationRead({ userId: intruder.id, teamId, notificationId: mine!.id }))).code).toBe("not_found");
        await markAllNotificationsRead({ userId: intruder.id, teamId });
      }
    }
    // The owner naming another team reaches nothing either.
    expect((await failure(markNotificationRead({ userId: desk.editor.id, teamId: other.team.id, notificationId: mine!.id }))).code).toBe(
      "not_found",
    );
    expect((await listNotifications({ userId: desk.editor.id, teamId: desk.team.id })).unread).toBe(1);
    await markNotificationRead({ userId: desk.editor.id, teamId: desk.team.id, notificationId: mine!.id });
    await markNotificationRead({ userId: desk.editor.id, teamId: desk.team.id, notificationId: mine!.id });
    expect((await listNotifications({ userId: desk.editor.id, teamId: desk.team.id })).unread).toBe(0);
  });

  it("leaves out kinds turned off in-app, marks all read, and pages without gaps", async () => {
    const desk = await createDesk();
    const claim = await claimOn(desk);
    const question = await addComment({ userId: desk.editor.id, claimId: claim.id, body: "Which year?" });
    for (let i = 0; i < 33; i++)
      await addComment({ userId: desk.reviewer.id, claimId: claim.id, body: `Answer ${i}`, parentId: question.id });
    await addComment({ userId: desk.reviewer.id, claimId: claim.id, body: `@${desk.editor.name} see above` });
    const first = await listNotifications({ userId: desk.editor.id, teamId: desk.team.id });
    expect(first.unread).toBe(34);
    expect(first.items).toHaveLength(30);
    const second = await listNotifications({ userId: desk.editor.id, teamId: desk.team.id, cursor: first.nextCursor! });
    expect(second.items).toHaveLength(4);
    expect(new Set([...first.items, ...second.items].map((i) => i.id)).size).toBe(34);
    expect(second.nextCursor).toBeNull();

    await setNotificationSettings({
      userId: desk.editor.id,
      notifyAssignments: true,
      notifyDueSoon: true,
      inAppMuted: ["reply"],
      emailMuted: [],
      emailDigest: false,
    });
    const muted = await listNotifications({ userId: desk.editor.id, teamId: desk.team.id });
    expect(muted.unread).toBe(1);
    expect(muted.items.map((i) => i.kind)).toEqual(["mention"]);
    expect(await markAllNotificationsRead({ userId: desk.editor.id, teamId: desk.team.id })).toEqual({ count: 34 });
    expect((await listNotifications({ userId: desk.editor.id, teamId: desk.team.id, unreadOnly: true })).items).toEqual([]);
  });
});
