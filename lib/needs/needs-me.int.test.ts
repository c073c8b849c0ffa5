import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDesk, createTeam, createUser, testDb } from "@/e2e/fixtures/factories";
import type { ClaimStatus } from "@/lib/generated/prisma/enums";
import { todayIn } from "@/lib/dates/calendar-date";
import { listNeedsMe } from "@/lib/needs/needs-me";

type Desk = Awaited<ReturnType<typeof createDesk>>;
let desk: Desk;
const c: Record<string, string> = {};
let replyId = "";

const dayFromToday = (days: number) => new Date(Date.parse(`${todayIn("UTC")}T00:00:00Z`) + days * 86_400_000);

async function claim(name: string, status: ClaimStatus, extra: { verdictById?: string; anchorStatus?: "needs_review" } = {}) {
  const row = await testDb().claim.create({
    data: {
      articleId: desk.article.id,
      exact: `claim ${name}`,
      prefix: "",
      suffix: "",
      start: 0,
      end: 1,
      status,
      createdById: desk.reviewer.id,
      updatedById: desk.reviewer.id,
      ...extra,
    },
  });
  c[name] = row.id;
}
const assign = (claimName: string, reviewerId: string, dueAt: Date | null) =>
  testDb().assignment.create({ data: { claimId: c[claimName]!, reviewerId, assignedById: desk.editor.id, dueAt } });
const comment = (claimName: string, authorId: string, body: string, parentId?: string, at?: Date) =>
  testDb().comment.create({ data: { claimId: c[claimName]!, authorId, body, parentId, createdAt: at } });

const seen = async (userId: string, teamId = desk.team.id) =>
  (await listNeedsMe({ userId, teamId })).items.map((i) => `${i.kind}:${Object.keys(c).find((k) => c[k] === i.claimId)}`).sort();

beforeAll(async () => {
  desk = await createDesk(); // team time zone: UTC
  await claim("proposedByReviewer", "verdict_proposed", { verdictById: desk.reviewer.id });
  await claim("proposedByEditor", "verdict_proposed", { verdictById: desk.editor.id });
  await claim("disputed", "disputed");
  await claim("late", "unreviewed");
  await claim("dueToday", "in_review");
  await claim("doneLate", "verified");
  await claim("moved", "unreviewed", { anchorStatus: "needs_review" });
  await claim("later", "unreviewed");
  await assign("late", desk.reviewer.id, dayFromToday(-3));
  await assign("dueToday", desk.reviewer2.id, dayFromToday(0));
  await assign("doneLate", desk.reviewer.id, dayFromToday(-10));
  await assign("later", desk.reviewer.id, dayFromToday(30));
  const t = Date.now() - 60_000;
  const mine = await comment("late", desk.reviewer.id, "Where is the source?", undefined, new Date(t));
  replyId = (await comment("late", desk.reviewer2.id, "In the annex.", mine.id, new Date(t + 1000))).id;
  await comment("late", desk.reviewer.id, "Self-reply is not news to me", mine.id, new Date(t - 500));
  const answered = await comment("dueToday", desk.reviewer.id, "Checked with the ONS?", undefined, new Date(t));
  await comment("dueToday", desk.editor.id, "Yes.", answered.id, new Date(t + 1000));
  await comment("dueToday", desk.reviewer.id, "Thanks, done.", undefined, new Date(t + 2000));
});
afterAll(async () => {
  await testDb().$disconnect();
});

describe("Needs me", () => {
  it("shows an editor sign-offs of others' verdicts, disputes, overdue and due-soon claims, claims to re-anchor (and their own assignments and replies: none here)", async () => {
    expect(await seen(desk.editor.id)).toEqual(
      ["sign_off:proposedByReviewer", "dispute:disputed", "overdue:late", "due_soon:dueToday", "reanchor:moved"].sort(),
    );
    const { counts, total } = await listNeedsMe({ userId: desk.editor.id, teamId: desk.team.id, countOnly: true });
    expect(counts).toEqual({ sign_off: 1, dispute: 1, overdue: 1, due_soon: 1, reanchor: 1, source: 0, assignment: 0, reply: 0 });
    expect(total).toBe(5);
  });

  it("carries the proposed verdict as stored, so the list can show it in the team's colour", async () => {
    await testDb().claim.update({ where: { id: c.proposedByReviewer! }, data: { verdictOrdinal: 3, verdictLabel: "Half true" } });
    const { items } = await listNeedsMe({ userId: desk.editor.id, teamId: desk.team.id });
    expect(items.find((i) => i.kind === "sign_off")?.verdict).toEqual({ label: "Half true", ordinal: 3 });
    expect(items.find((i) => i.kind === "dispute")?.verdict).toBeNull();
  });

  it("shows an admin the editor's own proposal to sign off too", async () => {
    expect(await seen(desk.admin.id)).toContain("sign_off:proposedByEditor");
  });

  it("shows a reviewer their open assignments and unanswered replies to them", async () => {
    expect(await seen(desk.reviewer.id)).toEqual(["assignment:late", "assignment:later", "reply:late"]);
    const reply = (await listNeedsMe({ userId: desk.reviewer.id, teamId: desk.team.id })).items.find((i) => i.kind === "reply")!;
    expect(reply).toMatchObject({ commentId: replyId, detail: desk.reviewer2.name, href: `/articles/${desk.article.id}?claim=${c.late}` });
    expect(await seen(desk.reviewer2.id)).toEqual(["assignment:dueToday"]);
  });

  it("shows viewers and other teams nothing", async () => {
    expect(await seen(desk.viewer.id)).toEqual([]);
    const intruder = await createUser((await createTeam()).id, "admin", "intruder");
    expect(await seen(intruder.id)).toEqual([]);
  });
});
