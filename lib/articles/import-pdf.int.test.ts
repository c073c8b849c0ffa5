// PDF import end to end against the real database and worker pool: a PDF uploaded (createArticle) and one served
// by a real HTTP server on loopback (URL import, allowed through FETCH_ALLOW_ADDRESSES as an intranet deployment
// would), both stored with the page each part of the text is on; a scanned PDF refused on the field it came from;
// and the pages carried through a saved edit.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDesk, testDb } from "@/e2e/fixtures/factories";
import { pageAt, parseBlocks } from "@/lib/articles/blocks";
import { createArticle } from "@/lib/articles/create-article";
import { importArticleFromUrl } from "@/lib/articles/import-from-url";
import { articleToMarkdown } from "@/lib/articles/import";
import { makeBlankPdf, makeTestPdf } from "@/lib/articles/import/test-pdfs";
import { saveArticleVersion } from "@/lib/articles/save-version";
import { db } from "@/lib/db";
import { startTestServer, type TestServer } from "@/lib/fetch/test-server";
import { ZImportArticleFromUrl } from "@/lib/validation/articles";

let desk: Awaited<ReturnType<typeof createDesk>>;
let server: TestServer;
let report: Uint8Array;
const previousAllow = process.env.FETCH_ALLOW_ADDRESSES;

const PAGES = [
  {
    heading: "Budget report",
    paragraphs: [
      ["The city spent 2.3 billion in 2024, up from 2.1 bil-", "lion the year before, the treasurer said."],
      ["Spending on schools rose for a third year and", "reached"],
    ],
  },
  { paragraphs: [["a record 640 million, the report shows."], ["Roads took 12 per cent of the budget."]] },
];

beforeAll(async () => {
  desk = await createDesk();
  server = await startTestServer();
  report = await makeTestPdf(PAGES, { author: "City Treasury" });
  server.routes.set("/files/report.pdf", { type: "application/pdf", body: Buffer.from(report) });
  server.routes.set("/files/download", { type: "application/octet-stream", body: Buffer.from(report) });
  server.routes.set("/files/scan.pdf", { type: "application/pdf", body: Buffer.from(await makeBlankPdf(2)) });
});
afterAll(async () => {
  if (previousAllow === undefined) delete process.env.FETCH_ALLOW_ADDRESSES;
  else process.env.FETCH_ALLOW_ADDRESSES = previousAllow;
  await server.close();
  await db.$disconnect();
  await testDb().$disconnect();
});

const fromUrl = (url: string) =>
  importArticleFromUrl({ userId: desk.editor.id, teamId: desk.team.id, input: ZImportArticleFromUrl.parse({ url }) });

async function stored(id: string) {
  const article = await testDb().article.findUniqueOrThrow({ where: { id } });
  return { article, blocks: parseBlocks(article.blocks, article.body)! };
}

describe("PDF import", () => {
  it("stores an uploaded PDF's paragraphs with the page each claim-able part is on", async () => {
    const { id } = await createArticle({ userId: desk.editor.id, teamId: desk.team.id, input: { format: "pdf", bytes: report } });
    const { article, blocks } = await stored(id);
    expect(article.title).toBe("Budget report");
    expect(article.byline).toBe("City Treasury");
    expect(article.body).toBe(
      "The city spent 2.3 billion in 2024, up from 2.1 billion the year before, the treasurer said.\n\n" +
        "Spending on schools rose for a third year and reached a record 640 million, the report shows.\n\n" +
        "Roads took 12 per cent of the budget.",
    );
    expect(pageAt(blocks, article.body.indexOf("2.1 billion"))).toBe(1);
    expect(pageAt(blocks, article.body.indexOf("a record 640 million"))).toBe(2);
    expect(pageAt(blocks, article.body.indexOf("Roads took"))).toBe(2);
    // Version 1 keeps the same structure (the trigger copies it).
    const version = await testDb().articleVersion.findUniqueOrThrow({ where: { articleId_number: { articleId: id, number: 1 } } });
    expect(parseBlocks(version.blocks, version.body)?.pages).toEqual(blocks.pages);
    const audit = await testDb().auditEvent.findFirstOrThrow({ where: { action: "article.imported", entityId: id } });
    expect(audit.after).toMatchObject({ format: "pdf", pages: 2 });

    // An edit in the editor keeps the pages where the words went.
    const edited = article.body.replace("The city spent", "The city council spent");
    await saveArticleVersion({ articleId: id, userId: desk.editor.id, baseVersion: 1, markdown: articleToMarkdown(edited, null) });
    const after = await stored(id);
    expect(after.article.body).toBe(edited);
    expect(pageAt(after.blocks, edited.indexOf("a record 640 million"))).toBe(2);
    expect(pageAt(after.blocks, edited.indexOf("council spent"))).toBe(1);
  });

  it("imports a PDF served over HTTP (by type, or by its header when labelled vaguely) with the fetch kept", async () => {
    process.env.FETCH_ALLOW_ADDRESSES = "127.0.0.1";
    for (const path of ["/files/report.pdf", "/files/download"]) {
      const { id } = await fromUrl(`${server.origin}${path}`);
      const { article, blocks } = await stored(id);
      expect(article.title).toBe("Budget report");
      expect(article.sourceUrl).toBe(`${server.origin}${path}`);
      expect(pageAt(blocks, article.body.indexOf("Roads took"))).toBe(2);
      const version = await testDb().articleVersion.findUniqueOrThrow({
        where: { articleId_number: { articleId: id, number: 1 } },
        include: { fetch: true },
      });
      expect(version.fetch).toMatchObject({ status: 200, sha256: createHash("sha256").update(report).digest("hex") });
    }
  });

  it("refuses a scanned PDF, on the field it came from, and stores nothing", async () => {
    process.env.FETCH_ALLOW_ADDRESSES = "127.0.0.1";
    const before = await testDb().article.count({ where: { teamId: desk.team.id } });
    const byUrl = await fromUrl(`${server.origin}/files/scan.pdf`).catch((err: unknown) => err);
    expect(byUrl).toMatchObject({
      status: 422,
      fields: { url: [expect.stringMatching(/^This PDF has no text layer \(it looks scanned\)/)] },
    });
    const uploaded = await createArticle({
      userId: desk.editor.id,
      teamId: desk.team.id,
      input: { format: "pdf", bytes: new TextEncoder().encode("%PDF-1.4 broken") },
    }).catch((err: unknown) => err);
    expect(uploaded).toMatchObject({ status: 422, fields: { content: [expect.stringMatching(/looks damaged/)] } });
    expect(await testDb().article.count({ where: { teamId: desk.team.id } })).toBe(before);
  });
});
