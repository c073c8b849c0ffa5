// Importing from a URL against a real HTTP server on loopback (allowed for these tests through
// FETCH_ALLOW_ADDRESSES, as an intranet deployment would) and the real database.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDesk, testDb } from "@/e2e/fixtures/factories";
import { parseBlocks } from "@/lib/articles/blocks";
import { importArticleFromUrl } from "@/lib/articles/import-from-url";
import { db } from "@/lib/db";
import { startTestServer, type TestServer } from "@/lib/fetch/test-server";
import { ZImportArticleFromUrl } from "@/lib/validation/articles";

let desk: Awaited<ReturnType<typeof createDesk>>;
let server: TestServer;
const previousAllow = process.env.FETCH_ALLOW_ADDRESSES;

const PAGE = `<!doctype html><html><head>
  <title>Rents and homes</title>
  <meta name="author" content="Sam Reporter">
  <meta name="description" content="What the plan says about rents.">
</head><body><article>
  <h1>Rents and homes</h1>
  <p>The plan has two parts, the minister said on Monday in a long statement to parliament.</p>
  <ol><li>Build new homes<ul><li>in the north</li><li>in the south</li></ul></li><li>Cut rents by 10%</li></ol>
  <table><tr><th>Year</th><th>Cases</th></tr><tr><td>2024</td><td>987</td></tr></table>
</article></body></html>`;

beforeAll(async () => {
  desk = await createDesk();
  server = await startTestServer();
  server.routes.set("/news/rents", { body: PAGE });
  server.routes.set("/gone", { status: 404, body: "no such page" });
  server.routes.set("/image.png", { type: "image/png", body: Buffer.from([0x89, 0x50, 0x4e, 0x47]) });
});
afterAll(async () => {
  if (previousAllow === undefined) delete process.env.FETCH_ALLOW_ADDRESSES;
  else process.env.FETCH_ALLOW_ADDRESSES = previousAllow;
  await server.close();
  await db.$disconnect();
  await testDb().$disconnect();
});

const importFrom = (url: string, userId = desk.editor.id) =>
  importArticleFromUrl({ userId, teamId: desk.team.id, input: ZImportArticleFromUrl.parse({ url }) });

describe("importArticleFromUrl", () => {
  it("fetches the page, keeps its structure, and stores final URL, time and SHA-256 with version 1", async () => {
    process.env.FETCH_ALLOW_ADDRESSES = "127.0.0.1";
    const { id } = await importFrom(`${server.origin}/redirect?to=/news/rents`);
    const article = await testDb().article.findUniqueOrThrow({ where: { id } });
    expect(article.title).toBe("Rents and homes");
    expect(article.byline).toBe("Sam Reporter");
    expect(article.sourceUrl).toBe(`${server.origin}/news/rents`);
    expect(article.body).toContain("Build new homes\n\nin the north\n\nin the south\n\nCut rents by 10%");
    const blocks = parseBlocks(article.blocks, article.body)!;
    expect(blocks.paragraphs.filter((p) => p.kind === "li").map((p) => p.level ?? 0)).toEqual([0, 1, 1, 0]);
    expect(blocks.paragraphs.filter((p) => p.kind === "cell")).toHaveLength(4);

    const version = await testDb().articleVersion.findUniqueOrThrow({
      where: { articleId_number: { articleId: id, number: 1 } },
      include: { fetch: true },
    });
    expect(version.fetch).toMatchObject({
      requestedUrl: `${server.origin}/redirect?to=/news/rents`,
      finalUrl: `${server.origin}/news/rents`,
      status: 200,
      contentType: "text/html",
      sha256: createHash("sha256").update(PAGE).digest("hex"),
    });
    expect(version.fetch!.fetchedAt).toBeInstanceOf(Date);
  });

  it("refuses the server's own network when the allow-list does not name it, and stores nothing", async () => {
    delete process.env.FETCH_ALLOW_ADDRESSES;
    const before = await testDb().article.count({ where: { teamId: desk.team.id } });
    await expect(importFrom(`${server.origin}/news/rents`)).rejects.toThrow(/private or internal network/);
    await expect(importFrom("http://169.254.169.254/latest/meta-data/")).rejects.toThrow(/private or internal network/);
    // What each can do about it: an editor asks an admin; an admin is told the setting.
    await expect(importFrom(`${server.origin}/news/rents`)).rejects.toThrow(/ask an admin to allow it\.$/);
    await expect(importFrom(`${server.origin}/news/rents`, desk.admin.id)).rejects.toThrow(/FETCH_ALLOW_ADDRESSES/);
    expect(await testDb().article.count({ where: { teamId: desk.team.id } })).toBe(before);
  });

  it("says why a page cannot be imported: an error status or something that is not a page", async () => {
    process.env.FETCH_ALLOW_ADDRESSES = "127.0.0.1";
    await expect(importFrom(`${server.origin}/gone`)).rejects.toThrow(/HTTP 404/);
    await expect(importFrom(`${server.origin}/image.png`)).rejects.toThrow(/image\/png, not a web page/);
  });

  it("checks the role before fetching anything: a viewer is refused", async () => {
    process.env.FETCH_ALLOW_ADDRESSES = "127.0.0.1";
    let requests = 0;
    server.routes.set("/counted", (_req, res) => {
      requests++;
      res.writeHead(200, { "Content-Type": "text/html" }).end(PAGE);
    });
    await expect(importFrom(`${server.origin}/counted`, desk.viewer.id)).rejects.toThrow(/editors and admins/);
    expect(requests).toBe(0);
  });
});
