// Importing pages whose character set is odd, through the real import path (a real HTTP server on loopback, allowed
// through FETCH_ALLOW_ADDRESSES, and the real database). The WHATWG Encoding standard maps iso-2022-kr, hz-gb-2312,
// iso-2022-cn(-ext) and their aliases to "replacement": browsers refuse to decode such a page (these encodings hid
// markup from filters). Declared in the Content-Type or in <meta charset>, the import failed with "The page could not
// be fetched", which says nothing true; now 422 names the label. Unknown or empty labels are ignored as browsers do,
// a byte order mark wins over any declaration, and a UTF-16 label on bytes that are not UTF-16 no longer turns the
// page into CJK noise.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerFor } from "@/e2e/fixtures/errors";
import { createDesk, testDb } from "@/e2e/fixtures/factories";
import { createArticle } from "@/lib/articles/create-article";
import { importArticleFromUrl } from "@/lib/articles/import-from-url";
import { db } from "@/lib/db";
import { startTestServer, type TestServer } from "@/lib/fetch/test-server";
import { ZImportArticleFromUrl } from "@/lib/validation/articles";

let desk: Awaited<ReturnType<typeof createDesk>>;
let server: TestServer;
const previousAllow = process.env.FETCH_ALLOW_ADDRESSES;

const BODY = "<p>The plan has two parts, the minister said on Monday in a long statement to parliament.</p>";
const page = (head = "", title = "Café résumé") =>
  `<!doctype html><html><head>${head}<title>${title}</title></head><body>${BODY}</body></html>`;
let served = 0;

beforeAll(async () => {
  desk = await createDesk();
  server = await startTestServer();
  process.env.FETCH_ALLOW_ADDRESSES = "127.0.0.1";
});
afterAll(async () => {
  if (previousAllow === undefined) delete process.env.FETCH_ALLOW_ADDRESSES;
  else process.env.FETCH_ALLOW_ADDRESSES = previousAllow;
  await server.close();
  await db.$disconnect();
  await testDb().$disconnect();
});

/** Serves `body` with Content-Type `type` at a new path and imports it as the editor. */
function importServed(type: string, body: string | Buffer) {
  const path = `/page-${++served}`;
  server.routes.set(path, { type, body });
  return importArticleFromUrl({
    userId: desk.editor.id,
    teamId: desk.team.id,
    input: ZImportArticleFromUrl.parse({ url: `${server.origin}${path}` }),
  });
}
const titleOf = async (created: Promise<{ id: string }>) =>
  (await testDb().article.findUniqueOrThrow({ where: { id: (await created).id }, select: { title: true } })).title;
const refusal = (label: string) =>
  new RegExp(`^This page declares the character set ${label.replace(/[-]/g, "\\-")}, which browsers refuse to decode`);

describe("importing a page that declares a 'replacement' character set", () => {
  for (const label of ["iso-2022-kr", "csiso2022kr", "hz-gb-2312", "iso-2022-cn", "iso-2022-cn-ext", "replacement"]) {
    it(`answers 422 naming ${label} from the Content-Type, and stores nothing`, async () => {
      const before = await testDb().article.count({ where: { teamId: desk.team.id } });
      const answer = await answerFor(importServed(`text/html; charset=${label}`, page()));
      expect(answer).toMatchObject({ status: 422, code: "unprocessable" });
      expect(answer.message).toMatch(refusal(label));
      expect(await testDb().article.count({ where: { teamId: desk.team.id } })).toBe(before);
    });
  }

  it("names the label as declared, whatever its case and spacing, quoted or not", async () => {
    expect((await answerFor(importServed('text/html; charset=" ISO-2022-KR "', page()))).message).toMatch(refusal("ISO-2022-KR"));
    expect((await answerFor(importServed("text/html;charset=HZ-GB-2312", page()))).message).toMatch(refusal("HZ-GB-2312"));
  });

  it("answers 422 for <meta charset> and <meta http-equiv> when the header names no character set", async () => {
    const meta = await answerFor(importServed("text/html", page('<meta charset="iso-2022-kr">')));
    expect(meta).toMatchObject({ status: 422 });
    expect(meta.message).toMatch(refusal("iso-2022-kr"));
    const pragma = await answerFor(
      importServed("text/html", page('<meta http-equiv="Content-Type" content="text/html; charset=hz-gb-2312">')),
    );
    expect(pragma.message).toMatch(refusal("hz-gb-2312"));
  });

  it("refuses an uploaded HTML file that declares one (the browser read it as UTF-8)", async () => {
    const answer = await answerFor(
      createArticle({
        userId: desk.editor.id,
        teamId: desk.team.id,
        input: { format: "html", content: page('<meta charset="csiso2022kr">') },
      }),
    );
    expect(answer).toMatchObject({ status: 422, code: "unprocessable" });
    expect(answer.message).toMatch(refusal("csiso2022kr"));
  });
});

describe("other character set declarations", () => {
  it("a valid header wins over a 'replacement' <meta>, as in browsers", async () => {
    expect(await titleOf(importServed("text/html; charset=utf-8", page('<meta charset="iso-2022-kr">')))).toBe("Café résumé");
  });

  it("ignores unknown and empty labels and falls back to <meta> (or windows-1252)", async () => {
    const utf8 = page('<meta charset="utf-8">');
    expect(await titleOf(importServed("text/html; charset=bogus", utf8))).toBe("Café résumé");
    expect(await titleOf(importServed("text/html; charset=", utf8))).toBe("Café résumé");
    expect(await titleOf(importServed('text/html; charset=""', utf8))).toBe("Café résumé");
    expect(await titleOf(importServed("text/html; charset=bogus", Buffer.from(page(), "latin1")))).toBe("Café résumé");
    expect(await titleOf(importServed('text/html; charset="  Windows-1252  "', Buffer.from(page(), "latin1")))).toBe("Café résumé");
  });

  it("a byte order mark wins over the declared character set", async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(page('<meta charset="iso-2022-kr">'), "utf16le")]);
    expect(await titleOf(importServed("text/html; charset=iso-2022-kr", utf16))).toBe("Café résumé");
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(page(), "utf8")]);
    expect(await titleOf(importServed("text/html; charset=windows-1252", utf8))).toBe("Café résumé");
  });

  it("a UTF-16 label on bytes that are not UTF-16 does not decode them as UTF-16", async () => {
    const utf8 = page('<meta charset="utf-8">');
    expect(await titleOf(importServed("text/html; charset=utf-16", utf8))).toBe("Café résumé");
    expect(await titleOf(importServed("text/html; charset=UTF-16BE", utf8))).toBe("Café résumé");
    // Real UTF-16 without a byte order mark still decodes as declared.
    expect(await titleOf(importServed("text/html; charset=utf-16le", Buffer.from(page(), "utf16le")))).toBe("Café résumé");
  });
});
