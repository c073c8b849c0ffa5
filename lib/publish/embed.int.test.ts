// oEmbed is public: whatever address a CMS (or anyone) sends in `url` gets an answer, 404 for anything that does not
// name a claim on a published report. An address on our own origin whose %-encoding is not UTF-8 (a cut-off link,
// "/embed/claims/%E0%A4" or "#claim-%zz") threw URIError from decodeURIComponent and answered 500.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDesk, testDb } from "@/e2e/fixtures/factories";
import { getOEmbed } from "@/lib/publish/embed";
import { publishReport } from "@/lib/publish/publish-report";
import { seedFactCheck } from "@/lib/publish/test-helpers";

const BASE = "https://factdesk.example.org";

let articleId: string;
let claimId: string;

beforeAll(async () => {
  const desk = await createDesk();
  const seeded = await seedFactCheck(desk);
  await publishReport({ userId: desk.editor.id, articleId: desk.article.id });
  articleId = desk.article.id;
  claimId = seeded.verified.id;
});
afterAll(async () => {
  await testDb().$disconnect();
});

describe("GET /api/oembed", () => {
  it("answers for a claim of a published report, by its card on the report or its embed page", async () => {
    expect(await getOEmbed({ url: `${BASE}/reports/${articleId}#claim-${claimId}`, baseUrl: BASE })).toMatchObject({ type: "rich" });
    expect(await getOEmbed({ url: `${BASE}/embed/claims/${claimId}`, baseUrl: BASE })).toMatchObject({ type: "rich" });
  });

  it("answers 'not found' (null), not a 500, for an address of ours whose %-encoding is not UTF-8", async () => {
    for (const url of [
      `${BASE}/embed/claims/%E0%A4`,
      `${BASE}/embed/claims/${claimId}%`,
      `${BASE}/reports/${articleId}#claim-%zz`,
      `${BASE}/reports/${articleId}#claim-${claimId}%E0`,
    ]) {
      await expect(getOEmbed({ url, baseUrl: BASE }), url).resolves.toBeNull();
    }
  });
});
