// A W3C file can carry half a surrogate pair ("\ud800" in JSON) anywhere, also where the schema
// reads nothing (factdesk:numeric is stored as jsonb as it is). PostgreSQL's jsonb refuses it,
// which failed the import with a 500; it is now a 422 naming the place, like a NUL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createArticle, createDesk, testDb } from "@/e2e/fixtures/factories";
import { importAnnotations, parseAnnotationUpload } from "@/lib/annotations/import-annotations";
import { AppError } from "@/lib/http/errors";

let desk: Awaited<ReturnType<typeof createDesk>>;
beforeAll(async () => {
  desk = await createDesk();
});
afterAll(async () => {
  await testDb().$disconnect();
});

describe("an annotation file with a broken character", () => {
  it("is refused with a 422 naming where it is, and nothing is imported", async () => {
    const article = await createArticle(desk.team.id);
    const exact = "Sir Keir Starmer";
    const start = article.body.indexOf(exact);
    const raw = JSON.stringify({
      type: "AnnotationPage",
      items: [
        {
          type: "Annotation",
          target: {
            selector: [
              { type: "TextQuoteSelector", exact },
              { type: "TextPositionSelector", start, end: start + exact.length },
            ],
          },
          body: [],
          "factdesk:numeric": { value: 1, unit: "half \ud800 an emoji" },
        },
      ],
    });
    const refused = await Promise.resolve()
      .then(() => importAnnotations({ userId: desk.editor.id, articleId: article.id, document: parseAnnotationUpload(raw) }))
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({
      code: "unprocessable",
      fields: { "items.0.factdesk:numeric.unit": [expect.stringMatching(/broken character/)] },
    });
    expect(await testDb().claim.count({ where: { articleId: article.id } })).toBe(0);
  });
});
