// Notification email goes through the real job queue to a real SMTP server on loopback (smtp-server in-process):
// at once for people who want it as it happens, once a day for people who chose the digest.
import type { Runner } from "graphile-worker";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDesk, testDb, unique } from "@/e2e/fixtures/factories";
import { startSmtpServer } from "@/e2e/fixtures/smtp";
import { addComment } from "@/lib/claims/comments";
import { createClaim } from "@/lib/claims/create-claim";
import { targetFor } from "@/lib/claims/test-helpers";
import { db } from "@/lib/db";
import { startJobRunner } from "@/lib/jobs/runner";
import { sendMailJob } from "@/lib/mail/send-mail";
import { notificationDigestJob, queueNotificationDigests } from "@/lib/notifications/digest";
import { requestPasswordReset } from "@/lib/onboarding/password-reset";

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let runner: Runner;

beforeAll(async () => {
  smtp = await startSmtpServer();
  process.env.SMTP_URL = smtp.url;
  process.env.MAIL_FROM = "Factdesk <factdesk@newsroom.test>";
  runner = await startJobRunner({ jobs: [sendMailJob, notificationDigestJob], concurrency: 1 });
});
afterAll(async () => {
  await runner.stop();
  await smtp.stop();
  delete process.env.SMTP_URL;
  delete process.env.MAIL_FROM;
  await db.$disconnect();
  await testDb().$disconnect();
});

const claimOn = (desk: Awaited<ReturnType<typeof createDesk>>) =>
  createClaim({
    userId: desk.reviewer.id,
    articleId: desk.article.id,
    target: targetFor(desk.article.body, "The UK currently spends around 2.3 per cent"),
  });

describe("notification email", () => {
  it("goes at once to a mentioned member who wants it as it happens, and never to the author", async () => {
    const desk = await createDesk();
    const claim = await claimOn(desk);
    const note = unique("please check");
    await addComment({ userId: desk.reviewer.id, claimId: claim.id, body: `@${desk.editor.name} ${note} and @${desk.reviewer.name}` });
    const mail = await smtp.waitFor(desk.editor.email, new RegExp(note));
    expect(mail.subject).toContain(`${desk.reviewer.name} mentioned you`);
    expect(mail.text).toContain(`/articles/${desk.article.id}?claim=${claim.id}`);
    // The queue delivers in order: a later mail to the author arriving means no mention mail went to them.
    await requestPasswordReset({ email: desk.reviewer.email, ip: unique("ip") });
    await smtp.waitFor(desk.reviewer.email, /reset-password/);
    expect(smtp.messages.some((m) => m.to.includes(desk.reviewer.email) && /mentioned you/.test(m.subject))).toBe(false);
  });

  it("comes as one daily digest for people who chose it, with nothing sent at once, and leaves out what they read", async () => {
    const desk = await createDesk();
    await testDb().user.update({ where: { id: desk.editor.id }, data: { emailDigest: true, emailMuted: ["reply"] } });
    const claim = await claimOn(desk);
    const first = unique("first");
    const question = await addComment({ userId: desk.editor.id, claimId: claim.id, body: "Which year?" });
    await addComment({ userId: desk.reviewer.id, claimId: claim.id, body: `@${desk.editor.name} ${first}` });
    await addComment({ userId: desk.admin.id, claimId: claim.id, body: `@${desk.editor.name} second look` });
    await addComment({ userId: desk.reviewer2.id, claimId: claim.id, body: "2024", parentId: question.id });

    expect(await queueNotificationDigests(new Date(Date.now() + 1000))).toBeGreaterThan(0);
    const digest = await smtp.waitFor(desk.editor.email, /in the last 24 hours/);
    expect(digest.subject).toBe("Your Factdesk digest: 2 unread");
    expect(digest.text).toContain(`${desk.reviewer.name} mentioned you`);
    expect(digest.text).toContain(`${desk.admin.name} mentioned you`);
    expect(digest.text).not.toContain("replied to your comment"); // replies are off by email for this person
    expect(digest.text).toContain(`/articles/${desk.article.id}?claim=${claim.id}`);
    const toEditor = () => smtp.messages.filter((m) => m.to.includes(desk.editor.email));
    expect(toEditor()).toHaveLength(1); // nothing went at once

    // Read notifications drop out of a later digest; a person with nothing unread gets none.
    await testDb().notification.updateMany({ where: { recipientId: desk.editor.id }, data: { readAt: new Date() } });
    await queueNotificationDigests(new Date(Date.now() + 1000));
    await requestPasswordReset({ email: desk.editor.email, ip: unique("ip") });
    await smtp.waitFor(desk.editor.email, /reset-password/);
    expect(toEditor().filter((m) => /digest/.test(m.subject))).toHaveLength(1);
  });

  // Found in review: the digest read notifications without asking whether the person is still in the team.
  it("tells nobody about a team they have left since", async () => {
    const desk = await createDesk();
    await testDb().user.update({ where: { id: desk.editor.id }, data: { emailDigest: true } });
    const claim = await claimOn(desk);
    await addComment({ userId: desk.reviewer.id, claimId: claim.id, body: `@${desk.editor.name} ${unique("before leaving")}` });
    await testDb().membership.deleteMany({ where: { userId: desk.editor.id, teamId: desk.team.id } });
    await queueNotificationDigests(new Date(Date.now() + 1000));
    await requestPasswordReset({ email: desk.editor.email, ip: unique("ip") });
    await smtp.waitFor(desk.editor.email, /reset-password/);
    expect(smtp.messages.filter((m) => m.to.includes(desk.editor.email) && /digest/.test(m.subject))).toHaveLength(0);
  });
});
