// Saving a version is scoped to the editor's role at the moment of writing, and composable.
import { afterAll, describe, expect, it } from "vitest";
import { createDesk, testDb } from "@/e2e/fixtures/factories";
import { outcomeOf } from "@/e2e/fixtures/errors";
import { withChangeBeforeWriting } from "@/lib/access/test-helpers";
import { articleToMarkdown } from "@/lib/articles/import";
import { saveArticleVersion } from "@/lib/articles/save-version";
import { db } from "@/lib/db";

afterAll(async () => {
  await testDb().$disconnect();
});

const ROLLBACK = new Error("roll back");

describe("saveArticleVersion", () => {
  it("refuses an editor who was made a reviewer after the check, and stores no version", async () => {
    const desk = await createDesk();
    const markdown = articleToMarkdown(`Changed.\n\n${desk.article.body}`, null);
    const demote = () =>
      testDb().membership.updateMany({ where: { userId: desk.editor.id, teamId: desk.team.id }, data: { role: "reviewer" } });
    const save = () => saveArticleVersion({ articleId: desk.article.id, userId: desk.editor.id, baseVersion: 1, markdown });
    expect(await outcomeOf(withChangeBeforeWriting(demote, save))).toBe("forbidden");
    expect(await testDb().article.findUniqueOrThrow({ where: { id: desk.article.id }, select: { version: true, body: true } })).toEqual({
      version: 1,
      body: desk.article.body,
    });
    expect(await testDb().articleVersion.count({ where: { articleId: desk.article.id } })).toBe(1);
  });

  it("runs in the caller's transaction when given one: rolled back with it", async () => {
    const desk = await createDesk();
    const markdown = articleToMarkdown(`Changed.\n\n${desk.article.body}`, null);
    await db
      .$transaction(async (tx) => {
        expect(
          (await saveArticleVersion({ articleId: desk.article.id, userId: desk.editor.id, baseVersion: 1, markdown }, tx)).version,
        ).toBe(2);
        throw ROLLBACK;
      })
      .catch((e: unknown) => {
        if (e !== ROLLBACK) throw e;
      });
    expect(await testDb().articleVersion.count({ where: { articleId: desk.article.id } })).toBe(1);
  });
});
