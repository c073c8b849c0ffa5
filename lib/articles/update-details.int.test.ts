import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDesk, createTeam, createUser, testDb } from "@/e2e/fixtures/factories";
import { updateArticleDetails } from "@/lib/articles/update-details";
import { ZUpdateArticleDetails } from "@/lib/validation/articles";

let desk: Awaited<ReturnType<typeof createDesk>>;
let outsider: Awaited<ReturnType<typeof createUser>>;

beforeAll(async () => {
  desk = await createDesk();
  outsider = await createUser((await createTeam()).id, "admin", "outsider");
});
afterAll(async () => {
  await testDb().$disconnect();
});

const details = (overrides: Record<string, unknown> = {}) =>
  ZUpdateArticleDetails.parse({
    id: desk.article.id,
    title: "A new headline",
    standfirst: "What the plan says.",
    byline: "Sam Reporter",
    sourceUrl: "https://www.example.org/news/1",
    publishedAt: "2026-11-20",
    language: "en",
    ...overrides,
  });

describe("updateArticleDetails", () => {
  it("changes the details without a new text version, and audits what changed", async () => {
    const before = await testDb().articleVersion.count({ where: { articleId: desk.article.id } });
    const { changed } = await updateArticleDetails({ userId: desk.editor.id, input: details() });
    expect(changed).toEqual(expect.arrayContaining(["title", "standfirst", "byline", "sourceUrl", "publishedAt", "language"]));
    const article = await testDb().article.findUniqueOrThrow({ where: { id: desk.article.id } });
    expect(article).toMatchObject({ title: "A new headline", byline: "Sam Reporter", source: "example.org", language: "en", version: 1 });
    expect(await testDb().articleVersion.count({ where: { articleId: desk.article.id } })).toBe(before);
    const audit = await testDb().auditEvent.findFirstOrThrow({
      where: { articleId: desk.article.id, action: "article.details_updated" },
      orderBy: { id: "desc" },
    });
    expect(audit.actorId).toBe(desk.editor.id);
    expect(audit.after).toMatchObject({ title: "A new headline", language: "en" });
  });

  it("clears fields sent empty, and audits nothing when nothing changed", async () => {
    await updateArticleDetails({ userId: desk.editor.id, input: details({ standfirst: "", byline: "" }) });
    const article = await testDb().article.findUniqueOrThrow({ where: { id: desk.article.id } });
    expect(article.standfirst).toBeNull();
    expect(article.byline).toBeNull();
    const count = await testDb().auditEvent.count({ where: { articleId: desk.article.id, action: "article.details_updated" } });
    expect((await updateArticleDetails({ userId: desk.editor.id, input: details({ standfirst: "", byline: "" }) })).changed).toEqual([]);
    expect(await testDb().auditEvent.count({ where: { articleId: desk.article.id, action: "article.details_updated" } })).toBe(count);
  });

  it("refuses reviewers (403) and other teams (404)", async () => {
    await expect(updateArticleDetails({ userId: desk.reviewer.id, input: details() })).rejects.toMatchObject({ status: 403 });
    await expect(updateArticleDetails({ userId: outsider.id, input: details() })).rejects.toMatchObject({ status: 404 });
  });

  it("refuses an empty title and a language that is not a tag", () => {
    expect(ZUpdateArticleDetails.safeParse({ id: "a1", title: "" }).success).toBe(false);
    expect(ZUpdateArticleDetails.safeParse({ id: "a1", title: "T", language: "Hebrew!" }).success).toBe(false);
    expect(ZUpdateArticleDetails.safeParse({ id: "a1", title: "T", language: "pt-BR" }).success).toBe(true);
  });
});
