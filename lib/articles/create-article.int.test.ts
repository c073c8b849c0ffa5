import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDesk, createTeam, createUser, testDb } from "@/e2e/fixtures/factories";
import { parseBlocks } from "@/lib/articles/blocks";
import { createArticle } from "@/lib/articles/create-article";
import { getArticle } from "@/lib/articles/get-article";
import { listArticlePage } from "@/lib/articles/article-page";
import { ZArticleList } from "@/lib/validation/article-list";
import { AppError } from "@/lib/http/errors";
import { ZImportArticle } from "@/lib/validation/articles";

type Desk = Awaited<ReturnType<typeof createDesk>>;
let desk: Desk;
let outsider: Awaited<ReturnType<typeof createUser>>;

beforeAll(async () => {
  desk = await createDesk();
  outsider = await createUser((await createTeam()).id, "admin", "outsider");
});
afterAll(async () => {
  await testDb().$disconnect();
});

const MARKDOWN =
  "# Imported headline\n\nFirst paragraph of the import.\n\n## A heading\n\n- an item\n- another [with a link](https://example.org/x)";

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (err: unknown) => err,
  );
  expect(error, "expected the call to fail").toBeInstanceOf(AppError);
  return error as AppError;
}

const articleCount = () => testDb().article.count({ where: { teamId: desk.team.id } });

describe("createArticle", () => {
  it("stores the body, structure and metadata, names the first version's author and writes an audit row", async () => {
    const input = ZImportArticle.parse({
      format: "markdown",
      content: MARKDOWN,
      byline: "Sam Reporter",
      sourceUrl: "https://www.example.org/news/1",
      publishedAt: "2026-11-20",
    });
    const { id, title } = await createArticle({ userId: desk.editor.id, teamId: desk.team.id, input });
    expect(title).toBe("Imported headline");

    const row = await testDb().article.findUniqueOrThrow({ where: { id }, include: { versions: true } });
    expect(row.body).toBe("First paragraph of the import.\n\nA heading\n\nan item\n\nanother with a link");
    expect(parseBlocks(row.blocks, row.body)?.paragraphs.map((p) => p.kind)).toEqual(["p", "h2", "li", "li"]);
    expect(row).toMatchObject({ byline: "Sam Reporter", sourceUrl: "https://www.example.org/news/1", source: "example.org", version: 1 });
    expect(row.publishedAt?.toISOString()).toBe("2026-11-20T00:00:00.000Z");
    expect(row.versions).toHaveLength(1);
    expect(row.versions[0]).toMatchObject({ number: 1, createdById: desk.editor.id, body: row.body });

    const audit = await testDb().auditEvent.findMany({ where: { articleId: id } });
    expect(audit.map((a) => [a.entity, a.action, a.actorId])).toEqual([["article", "article.imported", desk.editor.id]]);

    // Teammates see it, including viewers.
    expect((await getArticle({ id, userId: desk.viewer.id }))?.title).toBe("Imported headline");
    expect(
      (await listArticlePage({ userId: desk.reviewer.id, teamId: desk.team.id, view: ZArticleList.parse({}) })).articles.map((a) => a.id),
    ).toContain(id);
  });

  it("stores the suggestions for the imported text, so the page only reads them", async () => {
    const content = "The UK currently spends around 2.3 per cent of gross national product on defence, the prime minister said.";
    const input = ZImportArticle.parse({ format: "text", content, title: "Defence spending" });
    const { id } = await createArticle({ userId: desk.editor.id, teamId: desk.team.id, input });
    const row = await testDb().article.findUniqueOrThrow({ where: { id }, include: { suggestions: true } });
    expect(row.suggestionsHash).toBe(createHash("sha256").update(row.body).digest("hex"));
    expect(row.suggestions.map((s) => s.text).join(" ")).toContain("2.3 per cent");
  });

  it("prefers the title typed in the form over the one found in the content", async () => {
    const input = ZImportArticle.parse({ format: "markdown", content: MARKDOWN, title: "  Typed title " });
    expect((await createArticle({ userId: desk.admin.id, teamId: desk.team.id, input })).title).toBe("Typed title");
  });

  it("asks for a title when none was given or found, and stores nothing", async () => {
    const before = await articleCount();
    const error = await failure(
      createArticle({
        userId: desk.editor.id,
        teamId: desk.team.id,
        input: ZImportArticle.parse({ format: "text", content: "Just a paragraph." }),
      }),
    );
    expect(error.status).toBe(422);
    expect(error.fields?.title?.[0]).toMatch(/title/i);
    expect(await articleCount()).toBe(before);
  });

  it("stores none of a hostile page's payloads", async () => {
    const html = readFileSync(path.join(import.meta.dirname, "import", "fixtures", "hostile.html"), "utf8");
    const { id } = await createArticle({
      userId: desk.editor.id,
      teamId: desk.team.id,
      input: ZImportArticle.parse({ format: "html", content: html }),
    });
    const row = await testDb().article.findUniqueOrThrow({ where: { id } });
    expect(JSON.stringify(row)).not.toMatch(/__pwned|<script|onerror|onload|javascript:/i);
  });
});

describe("createArticle from the intruder's side", () => {
  const input = () => ZImportArticle.parse({ format: "text", content: "Intruder text.", title: "Intruder" });

  it.each(["reviewer", "viewer"] as const)("refuses a %s with 403 and stores nothing", async (role) => {
    const before = await articleCount();
    const error = await failure(createArticle({ userId: desk[role].id, teamId: desk.team.id, input: input() }));
    expect(error.status).toBe(403);
    expect(error.message).toMatch(/editors and admins/i);
    expect(await articleCount()).toBe(before);
  });

  it("refuses a user importing into a team they are not in", async () => {
    const before = await articleCount();
    expect((await failure(createArticle({ userId: outsider.id, teamId: desk.team.id, input: input() }))).status).toBe(403);
    expect(await articleCount()).toBe(before);
  });

  it("keeps an import invisible to other teams", async () => {
    const { id } = await createArticle({
      userId: desk.editor.id,
      teamId: desk.team.id,
      input: ZImportArticle.parse({ format: "text", content: "Team only.", title: "Team only" }),
    });
    expect(await getArticle({ id, userId: outsider.id })).toBeNull();
    expect(
      (await listArticlePage({ userId: outsider.id, teamId: desk.team.id, view: ZArticleList.parse({}) })).articles.map((a) => a.id),
    ).not.toContain(id);
  });
});

describe("ZImportArticle", () => {
  it("gives field errors for a bad URL, a future date and an unknown format", () => {
    const result = ZImportArticle.safeParse({ format: "pdf", content: "x", sourceUrl: "javascript:alert(1)", publishedAt: "2999-01-01" });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["format", "sourceUrl", "publishedAt"]));
  });

  it("treats empty optional fields as not given", () => {
    expect(ZImportArticle.parse({ format: "text", content: "x", title: "", byline: " ", sourceUrl: "", publishedAt: "" })).toEqual({
      format: "text",
      content: "x",
    });
  });
});
