import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createArticle, createDesk, createTeam, createUser, testDb } from "@/e2e/fixtures/factories";
import { listArticlePage } from "@/lib/articles/article-page";
import type { ClaimStatus } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/http/errors";
import { ZArticleList, type TArticleList } from "@/lib/validation/article-list";

type Desk = Awaited<ReturnType<typeof createDesk>>;
let desk: Desk;
const ids: Record<string, string> = {};

async function claim(articleId: string, status: ClaimStatus, extra: { anchorStatus?: "needs_review" } = {}) {
  return testDb().claim.create({
    data: {
      articleId,
      exact: "x",
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
}
const day = (offsetDays: number) => new Date(Date.UTC(2026, 0, 1) + offsetDays * 86_400_000);
const view = (query: Record<string, string>): TArticleList => ZArticleList.parse(query);
const list = async (query: Record<string, string>, userId = desk.editor.id, teamId = desk.team.id) =>
  (await listArticlePage({ userId, teamId, view: view(query) })).articles.map((a) => a.title);

beforeAll(async () => {
  desk = await createDesk();
  await testDb().article.delete({ where: { id: desk.article.id } });
  for (const name of ["Disputed", "Published", "Reanchor", "Empty"]) ids[name] = (await createArticle(desk.team.id, { title: name })).id;
  const disputed = await claim(ids.Disputed!, "disputed");
  await claim(ids.Disputed!, "unreviewed");
  // Due long ago, on an open claim: overdue in any time zone.
  await testDb().assignment.create({
    data: { claimId: disputed.id, reviewerId: desk.reviewer.id, assignedById: desk.editor.id, dueAt: day(0) },
  });
  const verified = await claim(ids.Published!, "verified");
  await testDb().assignment.create({
    data: { claimId: verified.id, reviewerId: desk.reviewer2.id, assignedById: desk.editor.id, dueAt: day(-5) },
  });
  await testDb().article.update({ where: { id: ids.Published! }, data: { reportPublishedAt: new Date(), publishedAt: new Date() } });
  await claim(ids.Reanchor!, "unreviewed", { anchorStatus: "needs_review" });
  await claim(ids.Reanchor!, "in_review");
  await claim(ids.Reanchor!, "verified");
});
afterAll(async () => {
  await testDb().$disconnect();
});

describe("the articles list", () => {
  it("filters by each condition, and filters combine", async () => {
    expect(await list({ disputed: "1" })).toEqual(["Disputed"]);
    expect(await list({ overdue: "1" })).toEqual(["Disputed"]); // the verified claim's old due date does not count
    expect(await list({ reanchor: "1" })).toEqual(["Reanchor"]);
    expect(await list({ report: "published" })).toEqual(["Published"]);
    expect((await list({ report: "unpublished" })).sort()).toEqual(["Disputed", "Empty", "Reanchor"]);
    expect((await list({ status: "verified,in_review" })).sort()).toEqual(["Published", "Reanchor"]);
    expect(await list({ assignee: desk.reviewer2.id })).toEqual(["Published"]);
    expect(await list({ assignee: "me" }, desk.reviewer.id)).toEqual(["Disputed"]);
    // Each article names who is assigned to its claims (the narrow list's cards and the table show them).
    const rows = (await listArticlePage({ userId: desk.editor.id, teamId: desk.team.id, view: view({}) })).articles;
    const assigned = Object.fromEntries(rows.map((a) => [a.title, a.assignees]));
    expect(assigned).toMatchObject({
      Disputed: [{ id: desk.reviewer.id, name: desk.reviewer.name }],
      Published: [{ id: desk.reviewer2.id, name: desk.reviewer2.name }],
      Empty: [],
    });
    // Combined: every filter must hold.
    expect(await list({ status: "unreviewed", disputed: "1" })).toEqual(["Disputed"]);
    expect(await list({ status: "unreviewed", reanchor: "1" })).toEqual(["Reanchor"]);
    expect(await list({ disputed: "1", report: "published" })).toEqual([]);
    expect(await list({ status: "verified", assignee: desk.reviewer.id })).toEqual([]);
    expect(await list({ status: "verified", report: "unpublished", sort: "open" })).toEqual(["Reanchor"]);
  });

  it("sorts by open claims, progress, due date and publication", async () => {
    const byOpen = (await listArticlePage({ userId: desk.editor.id, teamId: desk.team.id, view: view({ sort: "open" }) })).articles;
    expect(byOpen.map((a) => a.openClaims)).toEqual([2, 2, 0, 0]);
    expect(
      byOpen
        .slice(0, 2)
        .map((a) => a.title)
        .sort(),
    ).toEqual(["Disputed", "Reanchor"]);
    expect((await list({ sort: "progress" })).slice(0, 2).sort()).toEqual(["Disputed", "Empty"]);
    expect((await list({ sort: "progress" })).slice(2)).toEqual(["Reanchor", "Published"]);
    expect((await list({ sort: "due" }))[0]).toBe("Disputed");
    expect((await list({ sort: "published" }))[0]).toBe("Published");
  });

  it("keeps the numbers right as claims change (triggers)", async () => {
    const [before] = (await listArticlePage({ userId: desk.editor.id, teamId: desk.team.id, view: view({ disputed: "1" }) })).articles;
    expect(before!.claimCounts.disputed).toBe(1);
    expect(before!.openClaims).toBe(2);
    await testDb().claim.updateMany({ where: { articleId: ids.Disputed!, status: "disputed" }, data: { status: "verified" } });
    expect(await list({ disputed: "1" })).toEqual([]);
    // The assignment's claim is done now; the open one left is not assigned: nothing is overdue.
    expect(await list({ overdue: "1" })).toEqual([]);
    await testDb().claim.deleteMany({ where: { articleId: ids.Disputed!, status: "unreviewed" } });
    const [after] = (await listArticlePage({ userId: desk.editor.id, teamId: desk.team.id, view: view({ sort: "open" }) })).articles.filter(
      (a) => a.id === ids.Disputed,
    );
    expect(after).toMatchObject({ openClaims: 0, totalClaims: 1, progress: 1, nextDueAt: null, overdue: false });
  });

  it("keeps the assignee filter right as assignments change and claims go (triggers)", async () => {
    const added = await claim(ids.Reanchor!, "in_review");
    const assignment = await testDb().assignment.create({
      data: { claimId: added.id, reviewerId: desk.reviewer2.id, assignedById: desk.editor.id, dueAt: day(3) },
    });
    expect((await list({ assignee: desk.reviewer2.id })).sort()).toEqual(["Published", "Reanchor"]);
    await testDb().assignment.update({ where: { id: assignment.id }, data: { reviewerId: desk.reviewer.id } });
    expect(await list({ assignee: desk.reviewer2.id })).toEqual(["Published"]);
    expect(await list({ assignee: desk.reviewer.id })).toContain("Reanchor");
    await testDb().claim.delete({ where: { id: added.id } });
    expect(await list({ assignee: desk.reviewer.id })).not.toContain("Reanchor");
  });

  it("pages with a cursor, without gaps or repeats, and refuses a made-up cursor", async () => {
    const team = await createTeam();
    const editor = await createUser(team.id, "editor");
    for (let i = 0; i < 53; i++) await createArticle(team.id, { title: `Paged ${String(i).padStart(2, "0")}`, body: "x" });
    const first = await listArticlePage({ userId: editor.id, teamId: team.id, view: view({ sort: "published" }) });
    expect(first.articles).toHaveLength(50);
    const second = await listArticlePage({
      userId: editor.id,
      teamId: team.id,
      view: view({ sort: "published", cursor: first.nextCursor! }),
    });
    expect(second.articles).toHaveLength(3);
    expect(second.nextCursor).toBeNull();
    expect(new Set([...first.articles, ...second.articles].map((a) => a.title)).size).toBe(53);
    const error = await listArticlePage({ userId: editor.id, teamId: team.id, view: view({ cursor: "bm9wZQ" }) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
  });

  it("refuses a forged cursor whose value is not of its sort's type with a 422, never an error in SQL", async () => {
    const team = await createTeam();
    const editor = await createUser(team.id, "editor");
    const id = "ckabcdefghijklmnopqrstuvw";
    const forged: [string, string][] = [
      ["updated", "yesterday"],
      ["updated", "2026-02-31 10:00:00"],
      ["published", "0000-01-01 00:00:00"],
      ["due", "2026-13-01"],
      ["open", "99999999999"],
      ["progress", "NaN"],
      ["progress", "1e999"],
    ];
    for (const [sort, value] of forged) {
      const cursor = Buffer.from(JSON.stringify([value, id])).toString("base64url");
      const error = await listArticlePage({ userId: editor.id, teamId: team.id, view: view({ sort, cursor }) }).catch((e: unknown) => e);
      expect(error, `${sort} ${value}`).toMatchObject({ code: "unprocessable" });
    }
  });

  it("shows another team nothing", async () => {
    const intruder = await createUser((await createTeam()).id, "admin", "intruder");
    expect(await list({}, intruder.id, desk.team.id)).toEqual([]);
  });
});
