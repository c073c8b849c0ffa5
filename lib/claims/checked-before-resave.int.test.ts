// Review 28: a save that changes the title (or the structure) but not the text called refreshSuggestions with the
// current text's hash, which made every known "checked before" answer of the article pending again: the page showed
// them all as being checked, and the job looked each one up anew (~0.5 s each at 1M claims). The triggers had kept
// those answers up all along (they are of the current text); only a text that comes back needs its answers again.
import { afterAll, describe, expect, it } from "vitest";
import { createArticle, createDesk, testDb } from "@/e2e/fixtures/factories";
import { articleToMarkdown } from "@/lib/articles/import";
import { saveArticleVersion } from "@/lib/articles/save-version";
import { bodyHash } from "@/lib/articles/stored-suggestions";
import { refreshCheckedBefore } from "@/lib/claims/checked-before-stored";
import { listSuggestions } from "@/lib/claims/suggested";

afterAll(async () => {
  await testDb().$disconnect();
});

const pendingOf = (articleId: string, hash: string) =>
  testDb().suggestion.count({ where: { articleId, bodyHash: hash, checkedBeforePending: true } });

describe("'checked before' answers across saves of an article", () => {
  it("stay known through a save that changes only the title; a text that comes back is looked up again", async () => {
    const desk = await createDesk();
    const article = await createArticle(desk.team.id);
    const first = await testDb().article.findUniqueOrThrow({ where: { id: article.id }, select: { body: true } });
    const hash = bodyHash(first.body);
    await listSuggestions({ articleId: article.id, userId: desk.reviewer.id });
    await refreshCheckedBefore({ articleId: article.id, bodyHash: hash });
    const listed = await testDb().suggestion.count({ where: { articleId: article.id, bodyHash: hash } });
    expect(listed).toBeGreaterThan(0);
    expect(await pendingOf(article.id, hash)).toBe(0);

    const markdown = articleToMarkdown(first.body, null);
    const titled = await saveArticleVersion({
      articleId: article.id,
      userId: desk.editor.id,
      baseVersion: 1,
      title: "A new title",
      markdown,
    });
    expect(titled).toMatchObject({ saved: true, version: 2 });
    expect((await testDb().article.findUniqueOrThrow({ where: { id: article.id }, select: { body: true } })).body).toBe(first.body);
    expect(await pendingOf(article.id, hash)).toBe(0);

    // Another text, then this one again: its answers were not kept up meanwhile, so they are pending.
    await saveArticleVersion({ articleId: article.id, userId: desk.editor.id, baseVersion: 2, markdown: `${markdown}\n\nOne more line.` });
    await saveArticleVersion({ articleId: article.id, userId: desk.editor.id, baseVersion: 3, markdown });
    expect(await pendingOf(article.id, hash)).toBe(listed);
  });
});
