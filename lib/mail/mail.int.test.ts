// Mail goes through the real job queue to a real SMTP server on loopback (smtp-server in-process).
import type { Runner } from "graphile-worker";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createArticle, createDesk, testDb, unique } from "@/e2e/fixtures/factories";
import { linkIn, startSmtpServer } from "@/e2e/fixtures/smtp";
import { assignReviewers } from "@/lib/claims/assignments";
import { db } from "@/lib/db";
import { startJobRunner } from "@/lib/jobs/runner";
import { queueDueSoonNotices, dueSoonNoticesJob } from "@/lib/mail/notices";
import { sendMailJob } from "@/lib/mail/send-mail";
import { inviteMember } from "@/lib/onboarding/invitations";
import { requestPasswordReset } from "@/lib/onboarding/password-reset";
import { dateToCalendarDate } from "@/lib/validation/fields";

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let runner: Runner;
beforeAll(async () => {
  smtp = await startSmtpServer();
  process.env.SMTP_URL = smtp.url;
  process.env.MAIL_FROM = "Factdesk <factdesk@newsroom.test>";
  runner = await startJobRunner({ jobs: [sendMailJob, dueSoonNoticesJob], concurrency: 1 });
});
afterAll(async () => {
  await runner.stop();
  await smtp.stop();
  delete process.env.SMTP_URL;
  delete process.env.MAIL_FROM;
  await db.$disconnect();
  await testDb().$disconnect();
});

const address = () => `${unique("mail").toLowerCase()}@newsroom.test`;

async function claimOn(desk: Awaited<ReturnType<typeof createDesk>>) {
  const article = await createArticle(desk.team.id);
  return testDb().claim.create({
    data: {
      articleId: article.id,
      exact: "defence spending",
      prefix: "",
      suffix: "",
      start: 0,
      end: 16,
      createdById: desk.editor.id,
      updatedById: desk.editor.id,
    },
  });
}

describe("mail", () => {
  it("delivers an invitation with its link over SMTP", async () => {
    const desk = await createDesk();
    const email = address();
    const sent = await inviteMember({ teamId: desk.team.id, userId: desk.admin.id, email, role: "reviewer" });
    expect(sent.mailed).toBe(true);
    const mail = await smtp.waitFor(email, /\/join\?token=/);
    expect(mail.subject).toContain(desk.team.name);
    expect(linkIn(mail, "/join?token=")).toBe(sent.url);
  });

  it("delivers a reset link to an existing address, and nothing for an unknown one", async () => {
    const desk = await createDesk();
    const stranger = address();
    await requestPasswordReset({ email: stranger, ip: unique("ip") });
    await requestPasswordReset({ email: desk.viewer.email, ip: unique("ip") });
    const mail = await smtp.waitFor(desk.viewer.email, /\/reset-password\?token=/);
    expect(mail.text).toContain("30 minutes");
    expect(smtp.messages.some((m) => m.to.includes(stranger))).toBe(false);
  });

  it("tells a reviewer about an assignment unless they turned the notice off", async () => {
    const desk = await createDesk();
    await testDb().user.update({ where: { id: desk.reviewer2.id }, data: { notifyAssignments: false } });
    const claim = await claimOn(desk);
    await assignReviewers({
      userId: desk.editor.id,
      claimId: claim.id,
      reviewerIds: [desk.reviewer.id, desk.reviewer2.id],
      dueAt: "2030-01-15",
    });
    const mail = await smtp.waitFor(desk.reviewer.email, /defence spending/);
    expect(mail.text).toContain("2030-01-15");
    // The queue delivers in order: a later mail to the first reviewer arriving means none went to the second.
    await requestPasswordReset({ email: desk.reviewer.email, ip: unique("ip") });
    await smtp.waitFor(desk.reviewer.email, /reset-password/);
    expect(smtp.messages.some((m) => m.to.includes(desk.reviewer2.email))).toBe(false);
  });

  it("sends due-soon notices once per reviewer and day", async () => {
    const desk = await createDesk();
    const claim = await claimOn(desk);
    const now = new Date();
    await testDb().assignment.create({
      data: {
        claimId: claim.id,
        reviewerId: desk.reviewer.id,
        assignedById: desk.editor.id,
        dueAt: new Date(`${dateToCalendarDate(now)}T00:00:00Z`),
      },
    });
    expect(await queueDueSoonNotices(now)).toBeGreaterThan(0);
    const mail = await smtp.waitFor(desk.reviewer.email, /due soon|Due today/i);
    expect(mail.text).toContain("defence spending");
  });

  it("never fails the request when the SMTP server is down: the mail waits in the queue", async () => {
    const desk = await createDesk();
    process.env.SMTP_URL = "smtp://127.0.0.1:9";
    try {
      const sent = await inviteMember({ teamId: desk.team.id, userId: desk.admin.id, email: address(), role: "viewer" });
      expect(sent.mailed).toBe(true);
    } finally {
      process.env.SMTP_URL = smtp.url;
    }
  });
});
