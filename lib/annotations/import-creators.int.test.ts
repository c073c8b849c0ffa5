// The creators a W3C file may name, through the real import into PostgreSQL and back out of the claim's comments
// and the export: an IRI, an agent, a list of them, or [] for none.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createArticle, createDesk, testDb } from "@/e2e/fixtures/factories";
import { exportAnnotations } from "@/lib/annotations/export-annotations";
import { importAnnotations } from "@/lib/annotations/import-annotations";
import { getClaim } from "@/lib/claims/get-claim";
import { AppError } from "@/lib/http/errors";

let desk: Awaited<ReturnType<typeof createDesk>>;
beforeAll(async () => {
  desk = await createDesk();
});
afterAll(async () => {
  await testDb().$disconnect();
});

const EXACT = "Sir Keir Starmer";
const comment = (id: string, value: string, creator: unknown, replyTo?: string) => ({
  id,
  type: "TextualBody",
  purpose: "commenting",
  value,
  creator,
  ...(replyTo ? { "factdesk:replyTo": replyTo } : {}),
});
const page = (items: unknown[]) => ({ type: "AnnotationPage", items });
const annotation = (id: string, creator: unknown, body: unknown[]) => ({
  id,
  type: "Annotation",
  creator,
  target: { selector: { type: "TextQuoteSelector", exact: EXACT } },
  body,
});

describe("importing the creators a W3C file may name", () => {
  it("accepts an IRI, an agent, a list and none, and shows every writer of a comment", async () => {
    const article = await createArticle(desk.team.id);
    const result = await importAnnotations({
      userId: desk.editor.id,
      articleId: article.id,
      document: page([
        annotation("urn:elsewhere:a1", "https://hypothes.is/users/ana", [
          comment("urn:elsewhere:c1", "Written together", [{ name: "Ana Lima" }, "https://x.example/people/ben", { nickname: "cleo" }]),
          comment("urn:elsewhere:c2", "Nobody named", [], "urn:elsewhere:c1"),
          comment("urn:elsewhere:c3", "By id only", { id: "urn:elsewhere:user:9" }, "urn:elsewhere:c1"),
        ]),
      ]),
    });
    expect(result).toMatchObject({ claims: 1, comments: 3 });

    const claim = await getClaim({ claimId: result.claimIds[0]!, userId: desk.viewer.id });
    // Imported together, the comments share their time: compared by text, not by their order.
    const shown = new Map(claim.comments.map((c) => [c.body, [c.author.id, c.importedFrom?.name]]));
    expect(Object.fromEntries(shown)).toEqual({
      "Written together": [desk.editor.id, "Ana Lima, https://x.example/people/ben and cleo"],
      // [] is no creator of its own: the annotation's creator wrote it.
      "Nobody named": [desk.editor.id, "https://hypothes.is/users/ana"],
      "By id only": [desk.editor.id, "urn:elsewhere:user:9"],
    });

    // The file's creators go back out as they came in: a list stays a list.
    const exported = await exportAnnotations({ articleId: article.id, userId: desk.editor.id, baseUrl: "https://factdesk.example.org" });
    const [item] = exported.first.items;
    expect(item!.creator).toEqual({ id: "https://hypothes.is/users/ana", type: "Person", name: "https://hypothes.is/users/ana" });
    expect(item!.body.find((b) => "value" in b && b.value === "Written together")).toMatchObject({
      creator: [
        { type: "Person", name: "Ana Lima" },
        { id: "https://x.example/people/ben", type: "Person", name: "https://x.example/people/ben" },
        { type: "Person", name: "cleo" },
      ],
    });
  });

  it("refuses more than 10 creators or a malformed one with a 422 naming the annotation, and stores nothing", async () => {
    const article = await createArticle(desk.team.id);
    const attempt = async (document: unknown) => {
      const error = await importAnnotations({ userId: desk.editor.id, articleId: article.id, document }).then(
        () => null,
        (err: unknown) => err,
      );
      expect(error).toBeInstanceOf(AppError);
      return error as AppError;
    };
    const eleven = Array.from({ length: 11 }, (_, i) => ({ name: `Writer ${i}` }));
    const tooMany = await attempt(page([annotation("urn:elsewhere:a1", { name: "Ana" }, []), annotation("urn:elsewhere:a2", eleven, [])]));
    expect(tooMany.status).toBe(422);
    expect(tooMany.message).toBe("Annotation 2 (urn:elsewhere:a2), creator: A creator list can name at most 10 people; this one names 11.");
    expect(tooMany.fields).toEqual({ "items.1.creator": ["A creator list can name at most 10 people; this one names 11."] });

    const bareName = await attempt(
      page([{ ...annotation("", undefined, [comment("urn:elsewhere:c1", "hi", ["https://x.example/ana", "Ben Okafor"])]), id: undefined }]),
    );
    expect(bareName.message).toMatch(/^Annotation 1, body\.0\.creator\.1: Creator 2 “Ben Okafor” is not an IRI/);
    expect(await testDb().claim.count({ where: { articleId: article.id } })).toBe(0);
  });
});
