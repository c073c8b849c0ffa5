// Review 25: the suggestions cursor carries [checked before?, similarity, start, id], a sort key that changes while
// the reader pages: a suggestion not yet shown that becomes "checked before" (a colleague gives a verdict on a claim
// that reads alike, in any article of the team) moves in front of the cursor and is never listed on a later page.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createArticle, createDesk, testDb } from "@/e2e/fixtures/factories";
import { listSuggestionPage, listSuggestions } from "@/lib/claims/suggested";

let desk: Awaited<ReturnType<typeof createDesk>>;
beforeAll(async () => {
  desk = await createDesk();
});
afterAll(async () => {
  await testDb().$disconnect();
});

describe("review 25: suggestions paged by cursor", () => {
  it("list a suggestion that became 'checked before' between two pages", async () => {
    const article = await createArticle(desk.team.id);
    const all = await listSuggestions({ articleId: article.id, userId: desk.reviewer.id });
    expect(all.length).toBeGreaterThanOrEqual(3);
    expect(all.every((s) => s.checkedBefore === null)).toBe(true);

    const first = await listSuggestionPage({ articleId: article.id, userId: desk.reviewer.id, cursor: null, limit: 1 });
    expect(first.nextCursor).not.toBeNull();
    const later = all.at(-1)!;
    expect(first.suggestions.map((s) => s.id)).not.toContain(later.id);

    // Between pages: a verdict on a claim with the same words, in another article of the team.
    const other = await createArticle(desk.team.id, { body: later.text });
    await testDb().claim.create({
      data: {
        articleId: other.id,
        exact: later.text,
        prefix: "",
        suffix: "",
        start: 0,
        end: later.text.length,
        status: "verdict_proposed",
        verdictOrdinal: 1,
        verdictLabel: "False",
        verdictKey: "false",
        createdById: desk.editor.id,
        updatedById: desk.editor.id,
      },
    });

    const seen = first.suggestions.map((s) => s.id);
    let cursor = first.nextCursor;
    for (let page = 0; cursor && page < 100; page++) {
      const next = await listSuggestionPage({ articleId: article.id, userId: desk.reviewer.id, cursor, limit: 1 });
      seen.push(...next.suggestions.map((s) => s.id));
      cursor = next.nextCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toContain(later.id);
  });
});
